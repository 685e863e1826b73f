# The three eksnet checks the OPA comparison (bench/opa.sh) runs, written for `opa exec`, which
# evaluates each input file on its own: single-object versions of EKS-LB-001, EKS-LB-003 and
# EKS-SVC-001. They give the same findings as eksnet on the files bench/opa.sh generates; eksnet's
# rules also look at other objects (IngressClasses, IngressClassParams, backend Services, workloads),
# which a per-file policy cannot.
package eksnet

import rego.v1

annotations := object.get(input, ["metadata", "annotations"], {})

lb_type := object.get(annotations, "service.beta.kubernetes.io/aws-load-balancer-type", "")

# EKS-LB-001: an ALB Ingress with instance targets (the annotation, or the controller's default).
findings contains {"rule": "EKS-LB-001", "object": input.metadata.name} if {
	input.kind == "Ingress"
	input.spec.ingressClassName == "alb"
	object.get(annotations, "alb.ingress.kubernetes.io/target-type", "instance") == "instance"
}

# EKS-LB-003: an NLB of the AWS Load Balancer Controller with instance targets.
findings contains {"rule": "EKS-LB-003", "object": input.metadata.name} if {
	input.kind == "Service"
	input.spec.type == "LoadBalancer"
	lb_type == "external"
	object.get(annotations, "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", "instance") == "instance"
}

# EKS-SVC-001: an in-tree NLB (instance targets) with externalTrafficPolicy Cluster and nothing
# else that passes the client address on.
findings contains {"rule": "EKS-SVC-001", "object": input.metadata.name} if {
	input.kind == "Service"
	input.spec.type == "LoadBalancer"
	lb_type == "nlb"
	not input.spec.loadBalancerClass
	object.get(input.spec, "externalTrafficPolicy", "Cluster") == "Cluster"
	not annotations["service.beta.kubernetes.io/aws-load-balancer-proxy-protocol"]
}
