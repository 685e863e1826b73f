package io.eksnet.model;

import io.eksnet.net.Cidr;
import java.util.Map;

/** An {@code aws_subnet}: CIDR, AZ, whether instances get public IPs, tags. */
@PublicFact("An `aws_subnet`: CIDR, availability zone, whether instances get public IPs, tags.")
public final class Subnet extends TerraformResource {

  private final String id;
  private final TfRefs vpc;
  private final String cidrText;
  private final Cidr cidr;
  private final String availabilityZone;
  private final Boolean mapPublicIpOnLaunch;
  private final Map<String, String> tags;

  public Subnet(
      Header h,
      String id,
      TfRefs vpc,
      String cidrText,
      Cidr cidr,
      String availabilityZone,
      Boolean mapPublicIpOnLaunch,
      Map<String, String> tags) {
    super(h);
    this.id = id;
    this.vpc = vpc;
    this.cidrText = cidrText;
    this.cidr = cidr;
    this.availabilityZone = availabilityZone;
    this.mapPublicIpOnLaunch = mapPublicIpOnLaunch;
    this.tags = Map.copyOf(tags);
  }

  @FactField("`id`; null until apply.")
  public String getId() {
    return id;
  }

  public TfRefs getVpc() {
    return vpc;
  }

  /** The VPC's address in the same file, or null when not resolved. */
  @FactField("The address of its VPC in the same file, or null when not resolved.")
  public String getVpcAddress() {
    return vpc.single();
  }

  @FactField("`cidr_block` as written, or null when unknown.")
  public String getCidrText() {
    return cidrText;
  }

  /** The IPv4 CIDR; null when unknown, absent (IPv6-only) or invalid. */
  public Cidr getCidr() {
    return cidr;
  }

  /** {@code availability_zone}, else {@code availability_zone_id}; null when unknown. */
  @FactField("`availability_zone`, or null when unknown.")
  public String getAvailabilityZone() {
    return availabilityZone;
  }

  /** {@code map_public_ip_on_launch}: true, false, or null when unknown until apply. */
  @FactField("`map_public_ip_on_launch`: true, false, or null when unknown until apply.")
  public Boolean getMapPublicIpOnLaunch() {
    return mapPublicIpOnLaunch;
  }

  /** True only when instances launched here certainly get a public IPv4 address. */
  @FactField("True only when instances launched here certainly get a public IPv4 address.")
  public boolean assignsPublicIps() {
    return Boolean.TRUE.equals(mapPublicIpOnLaunch);
  }

  @FactField("`tags`.")
  public Map<String, String> getTags() {
    return tags;
  }

  /** {@code aws_subnet.private[0] (10.0.1.0/24, eu-west-1a)}, for messages. */
  public String describe() {
    StringBuilder sb = new StringBuilder(getAddress()).append(" (");
    sb.append(cidrText == null ? "CIDR unknown" : cidrText);
    if (availabilityZone != null) {
      sb.append(", ").append(availabilityZone);
    }
    return sb.append(')').toString();
  }
}
