package io.eksnet.model;

/**
 * The {@code remote_access} block of an {@code aws_eks_node_group}: the EC2 key pair for SSH to its
 * nodes and the security groups SSH is allowed from. One per node group that has the block.
 */
@PublicFact(
    "The `remote_access` block of an `aws_eks_node_group` (SSH key and allowed source groups).")
public record NodeGroupRemoteAccess(
    @FactField("The node group.") NodeGroup nodeGroup,
    @FactField("`ec2_ssh_key` as written; null when unknown until apply or unset.") String sshKey,
    @FactField("True when `ec2_ssh_key` is set (known or unknown until apply).") boolean sshKeySet,
    @FactField(
            "True when `source_security_group_ids` is unset or empty in the configuration and the plan (not merely unknown).")
        boolean sourceGroupsUnset) {

  /** The {@code remote_access} block. */
  public Location location() {
    return nodeGroup.at("remote_access", "0");
  }
}
