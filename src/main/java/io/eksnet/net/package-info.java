/**
 * IP arithmetic for eksnet: IPv4 and IPv6 addresses, CIDR blocks, ranges and address sets held as
 * numbers, never as strings, and never resolved through DNS.
 *
 * <ul>
 *   <li>{@link io.eksnet.net.IpAddress}, {@link io.eksnet.net.Cidr}, {@link io.eksnet.net.IpRange}:
 *       values with strict parsing and canonical formatting (RFC 5952 for IPv6).
 *   <li>{@link io.eksnet.net.Cidr#tryParse} reports bad or non-canonical CIDRs ({@code
 *       10.196.0.0/12}) without throwing, for loaders.
 *   <li>{@link io.eksnet.net.CidrSet}: union, subtraction, intersection, "covers everything".
 *   <li>{@link io.eksnet.net.Overlaps}: all overlapping pairs among many blocks by sweep.
 *   <li>AWS subnet arithmetic on {@link io.eksnet.net.Cidr}: usable addresses (5 reserved) and free
 *       aligned /28 blocks for prefix delegation.
 *   <li>{@link io.eksnet.net.Ipv4Ranges}: RFC 1918, 100.64.0.0/10 and 198.19.0.0/16; {@link
 *       io.eksnet.net.VpcCidrRestriction}: the secondary VPC CIDRs AWS refuses given the primary;
 *       {@link io.eksnet.net.EksServiceCidr}: the service CIDRs EKS accepts.
 * </ul>
 *
 * <p>Uses java.base only.
 */
package io.eksnet.net;
