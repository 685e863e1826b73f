package io.eksnet.relate.terraform;

import io.eksnet.model.Container;
import io.eksnet.model.EksAddon;
import io.eksnet.model.HelmRelease;
import io.eksnet.model.IamOidcProvider;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.PodIdentityAssociation;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.Tree;
import io.eksnet.model.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS service APIs that the nodes of a cluster and the controllers on them call, by the short
 * name of their VPC endpoint service ({@code ecr.api}, {@code s3}…), each with the reason the scan
 * gives. ECR (api, dkr and S3, where ECR keeps image layers) and EC2 (the VPC CNI's network
 * interfaces and addresses) are called by every node; STS (IAM roles for service accounts: an OIDC
 * provider, or an add-on with a role), EKS Auth (Pod Identity associations), CloudWatch Logs and
 * Elastic Load Balancing only where the scan shows what calls them, and only when its Terraform
 * names at most one cluster (add-ons, Helm releases and manifests are then that cluster's).
 */
final class NodeAwsServices {

  private NodeAwsServices() {}

  /** Charts and add-ons that ship node and pod logs to CloudWatch Logs. */
  private static final Set<String> LOG_SHIPPERS =
      Set.of("aws-for-fluent-bit", "amazon-cloudwatch-observability", "aws-cloudwatch-metrics");

  static Map<String, String> of(TerraformIndex t, List<?> facts) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("ecr.api", "image pulls authenticate through the ECR API");
    out.put("ecr.dkr", "the registry the images, aws-node and kube-proxy included, come from");
    out.put("s3", "ECR serves image layers from S3; a gateway endpoint is enough");
    out.put(
        "ec2",
        "the VPC CNI attaches network interfaces and assigns pod addresses through the EC2 API,"
            + " and the EKS-optimized AMI reads its node name from it");
    Set<String> clusters = new TreeSet<>(t.clustersByName.keySet());
    for (NodeGroup g : t.nodeGroups) {
      if (g.getClusterName() != null) {
        clusters.add(g.getClusterName());
      }
    }
    if (clusters.size() > 1) {
      return out;
    }
    String sts = null;
    String auth = null;
    String logs = null;
    String elb = null;
    for (Object f : facts) {
      if (f instanceof IamOidcProvider p && sts == null) {
        sts =
            p.getAddress()
                + " sets up IAM roles for service accounts, whose pods get credentials from STS";
      } else if (f instanceof PodIdentityAssociation p && auth == null) {
        auth =
            p.getAddress()
                + " gives pods EKS Pod Identity credentials, which its agent gets from the EKS"
                + " Auth API";
      } else if (f instanceof EksAddon a) {
        String name = lower(a.getAddonName());
        String role =
            Tree.text(TerraformResource.navigate(a.getValues(), "service_account_role_arn"));
        if (sts == null && role != null && !role.isBlank()) {
          sts =
              a.getAddress()
                  + " runs with an IAM role for its service account, assumed through STS";
        }
        if (logs == null && LOG_SHIPPERS.contains(name)) {
          logs = a.getAddress() + " ships logs to CloudWatch Logs";
        }
      } else if (f instanceof HelmRelease r) {
        String chart = chartName(r.getChart());
        if (logs == null && LOG_SHIPPERS.contains(chart)) {
          logs = r.getAddress() + " ships logs to CloudWatch Logs";
        }
        if (elb == null && chart.equals("aws-load-balancer-controller")) {
          elb = "the AWS Load Balancer Controller (" + r.getAddress() + ")";
        }
      } else if (f instanceof Workload w && elb == null && isLoadBalancerController(w)) {
        elb = "the AWS Load Balancer Controller (" + w.getDisplayName() + ")";
      }
    }
    if (sts != null) {
      out.put("sts", sts);
    }
    if (auth != null) {
      out.put("eks-auth", auth);
    }
    if (logs != null) {
      out.put("logs", logs);
    }
    if (elb != null) {
      out.put("elasticloadbalancing", elb + " manages its load balancers through the ELB API");
    }
    return out;
  }

  static boolean isLoadBalancerController(Workload w) {
    if (w.isDaemonSet()) {
      return false;
    }
    for (Container c : w.getContainers()) {
      String image = lower(c.image());
      if (image.contains("/aws-load-balancer-controller:")
          || image.endsWith("/aws-load-balancer-controller")) {
        return true;
      }
    }
    return false;
  }

  private static String chartName(String chart) {
    String c = lower(chart).replaceAll("/+$", "");
    return c.substring(c.lastIndexOf('/') + 1).replaceAll("\\.tgz$", "");
  }

  private static String lower(String s) {
    return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
  }
}
