package io.eksnet.aws;

/** The ceiling applied on top of the ENI formula (DOMAIN.md 2.3). */
public enum MaxPodsCap {
  /** No ceiling: the value eni-max-pods.txt lists and nodeadm (AL2023) sets by default. */
  NONE,
  /**
   * The EKS recommendation, enforced by managed node groups: 250 when the type has more than 30
   * vCPUs, else 110 ({@code max-pods-calculator.sh}; the user guide's wording puts exactly 30 vCPUs
   * at 250 instead, this follows the script).
   */
  EKS_RECOMMENDED,
  /** EKS Auto Mode: 110 on every type. */
  AUTO_MODE;

  static final int SMALL = 110;
  static final int LARGE = 250;
  static final int VCPU_THRESHOLD = 30;
}
