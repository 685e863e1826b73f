package io.eksnet.relate.cluster;

import io.eksnet.model.FactField;
import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;
import io.eksnet.model.PublicFact;
import java.util.List;

/**
 * The scheme and source ranges of a load balancer the AWS Load Balancer Controller makes for an
 * object of the scan: an ALB for an Ingress (with its IngressClassParams), an NLB for a Service.
 * {@code scheme} is what the objects write (params over annotation), null when nothing does and the
 * controller's default applies ({@code internal} unless its {@code --default-load-balancer-scheme}
 * says otherwise).
 */
@PublicFact(
    "The scheme and source ranges of a load balancer the AWS Load Balancer Controller makes for an Ingress (ALB) or a Service (NLB), as the objects write them.")
public record LbScheme(
    @FactField("The Ingress or Service.") K8sObject object,
    @FactField("`ALB` or `NLB`.") String kind,
    @FactField(
            "The scheme the objects write (`internal`, `internet-facing`), null when none does; `internal` for the legacy `aws-load-balancer-internal: \"true\"`.")
        String scheme,
    @FactField(
            "True when the load balancer is shared with other Ingresses (`group.name`), whose annotations may set the scheme.")
        boolean grouped,
    @FactField("The source ranges written (`inbound-cidrs`, `loadBalancerSourceRanges`), in order.")
        List<String> sourceRanges,
    @FactField("What writes the source ranges, for messages.") String sourceRangesField,
    @FactField("Where the source ranges are written.") Location sourceRangesLocation) {

  public LbScheme {
    sourceRanges = List.copyOf(sourceRanges);
  }

  /** True when a written source range is {@code 0.0.0.0/0} or {@code ::/0}. */
  @FactField("True when a written source range admits every address (`0.0.0.0/0`, `::/0`).")
  public boolean isOpenToAll() {
    for (String r : sourceRanges) {
      String t = r.trim();
      if (t.equals("0.0.0.0/0") || t.equals("::/0")) {
        return true;
      }
    }
    return false;
  }

  /** The annotation that sets the scheme, for messages. */
  public String schemeAnnotation() {
    return kind.equals("ALB")
        ? "alb.ingress.kubernetes.io/scheme"
        : "service.beta.kubernetes.io/aws-load-balancer-scheme";
  }
}
