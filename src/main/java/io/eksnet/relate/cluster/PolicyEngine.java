package io.eksnet.relate.cluster;

import io.eksnet.model.FactField;
import io.eksnet.model.Location;
import io.eksnet.model.PublicFact;

/**
 * A network policy engine other than the VPC CNI that the scan shows installed: a DaemonSet or
 * Deployment of Calico, Cilium, Antrea, kube-router, Weave Net or Kube-OVN (by image or name), an
 * object of such a plugin's API or its CRD, a Cilium network policy, or a Terraform {@code
 * helm_release} of one of their charts. One per piece of evidence.
 */
@PublicFact(
    "A network policy engine other than the VPC CNI that the scan shows installed (Calico, Cilium, Antrea, kube-router, Weave Net, Kube-OVN), with the object that shows it.")
public record PolicyEngine(
    @FactField(
            "The engine: `Calico`, `Cilium`, `Antrea`, `kube-router`, `Weave Net` or `Kube-OVN`.")
        String engine,
    @FactField("The object that shows it, for messages (`DaemonSet kube-system/calico-node`).")
        String evidence,
    @FactField("Where that object is.") Location location) {}
