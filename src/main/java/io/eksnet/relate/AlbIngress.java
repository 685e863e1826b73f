package io.eksnet.relate;

import io.eksnet.model.Ingress;
import io.eksnet.model.Location;

/**
 * An Ingress handled by the AWS Load Balancer Controller, with the target type set on it ({@code
 * alb.ingress.kubernetes.io/target-type}, default {@code instance}) and where that was decided.
 */
public final class AlbIngress {
  private final Ingress ingress;
  private final String targetType;
  private final boolean explicitTargetType;

  public AlbIngress(Ingress ingress, String targetType, boolean explicitTargetType) {
    this.ingress = ingress;
    this.targetType = targetType;
    this.explicitTargetType = explicitTargetType;
  }

  public Ingress getIngress() {
    return ingress;
  }

  public String getTargetType() {
    return targetType;
  }

  public boolean isExplicitTargetType() {
    return explicitTargetType;
  }

  public boolean isInstanceMode() {
    return "instance".equals(targetType);
  }

  /** How the target type was decided, for messages. */
  public String describeTargetType() {
    return explicitTargetType
        ? "sets alb.ingress.kubernetes.io/target-type: " + targetType
        : "has no alb.ingress.kubernetes.io/target-type annotation, so the controller uses its default, instance";
  }

  /** The target-type annotation when written, else the line that makes the Ingress an ALB. */
  public Location targetTypeLocation() {
    return explicitTargetType
        ? ingress.annotationLocation(Ingress.ALB_PREFIX + "target-type")
        : ingress.classLocation();
  }
}
