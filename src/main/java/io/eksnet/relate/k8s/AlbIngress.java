package io.eksnet.relate.k8s;

import io.eksnet.model.FactField;
import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClassParams;
import io.eksnet.model.Location;
import io.eksnet.model.PublicFact;

/**
 * An Ingress handled by the AWS Load Balancer Controller, with the IngressClassParams the
 * controller applies to it and its effective target type: the params' {@code spec.targetType}
 * (which overrides every {@code target-type} annotation), else {@code
 * alb.ingress.kubernetes.io/target-type}, else the controller's default {@code instance} (EKS Auto
 * Mode's: {@code ip}). The target type is null when the Ingress's class references parameters the
 * scan lacks (they may set it).
 */
@PublicFact(
    "An Ingress the AWS Load Balancer Controller or EKS Auto Mode handles (an ALB), with the IngressClassParams the controller applies to it.")
public final class AlbIngress {
  private final Ingress ingress;
  private final String targetType;
  private final boolean explicitTargetType;
  private final AppliedClassParams classParams;
  private final boolean classParamsUnresolved;
  private final boolean reportsTargetType;
  private final boolean autoMode;

  /**
   * @param classParams the params applied to the Ingress, or null
   * @param classParamsUnresolved the Ingress's class references parameters not in the scan
   * @param reportsTargetType false for all but one Ingress of each IngressClassParams that decides
   *     the target type, so that a finding about it is reported once, on the params
   * @param autoMode EKS Auto Mode makes the ALB (default target type ip)
   */
  public AlbIngress(
      Ingress ingress,
      String targetType,
      boolean explicitTargetType,
      AppliedClassParams classParams,
      boolean classParamsUnresolved,
      boolean reportsTargetType,
      boolean autoMode) {
    this.ingress = ingress;
    this.targetType = targetType;
    this.explicitTargetType = explicitTargetType;
    this.classParams = classParams;
    this.classParamsUnresolved = classParamsUnresolved;
    this.reportsTargetType = reportsTargetType;
    this.autoMode = autoMode;
  }

  /**
   * True when EKS Auto Mode makes the ALB (its IngressClass's controller is {@code
   * eks.amazonaws.com/alb}), not the AWS Load Balancer Controller.
   */
  @FactField(
      "True when EKS Auto Mode makes the ALB (IngressClass controller `eks.amazonaws.com/alb`).")
  public boolean isAutoMode() {
    return autoMode;
  }

  @FactField("The Ingress.")
  public Ingress getIngress() {
    return ingress;
  }

  /** {@code instance}, {@code ip} (or another written value), or null when not known. */
  @FactField("`instance` or `ip` as the controller decides it, or null when not known.")
  public String getTargetType() {
    return targetType;
  }

  public boolean isExplicitTargetType() {
    return explicitTargetType;
  }

  /** The IngressClassParams the controller applies to this Ingress, or null. */
  public AppliedClassParams getClassParams() {
    return classParams;
  }

  /** The params, or null. */
  @FactField("The IngressClassParams the controller applies to it (those of its class), or null.")
  public IngressClassParams getParams() {
    return classParams == null ? null : classParams.getParams();
  }

  /** True when the Ingress's class references parameters that are not in the scan. */
  @FactField("True when its class names IngressClassParams the scan lacks (they may set anything).")
  public boolean isClassParamsUnresolved() {
    return classParamsUnresolved;
  }

  /** The params when their {@code spec.targetType} decides the target type, else null. */
  public IngressClassParams getTargetTypeParams() {
    IngressClassParams p = getParams();
    return p != null && p.getTargetType() != null ? p : null;
  }

  public boolean isReportsTargetType() {
    return reportsTargetType;
  }

  public boolean isInstanceMode() {
    return "instance".equals(targetType);
  }

  /** How the target type was decided, for messages. */
  public String describeTargetType() {
    return explicitTargetType
        ? "sets alb.ingress.kubernetes.io/target-type: " + targetType
        : autoMode
            ? "has no alb.ingress.kubernetes.io/target-type annotation, so EKS Auto Mode uses its default, ip"
            : "has no alb.ingress.kubernetes.io/target-type annotation, so the controller uses its default, instance";
  }

  /**
   * The params' targetType, the target-type annotation when written, else the line that makes the
   * Ingress an ALB.
   */
  public Location targetTypeLocation() {
    if (getTargetTypeParams() != null) {
      return getTargetTypeParams().at("spec", "targetType");
    }
    return explicitTargetType
        ? ingress.annotationLocation(Ingress.ALB_PREFIX + "target-type")
        : ingress.classLocation();
  }
}
