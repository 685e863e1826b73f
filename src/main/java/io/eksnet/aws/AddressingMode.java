package io.eksnet.aws;

/** How the VPC CNI gives pods addresses on a node. */
public enum AddressingMode {
  /** One secondary IPv4 address per pod (the default). */
  SECONDARY_IP,
  /** /28 prefixes (16 addresses) per ENI slot ({@code ENABLE_PREFIX_DELEGATION=true}, Nitro). */
  PREFIX_DELEGATION
}
