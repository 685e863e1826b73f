package io.eksnet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a deterministic set of single-document manifest files for the comparison with OPA ({@code
 * opa exec} reads only the first document of a file, and evaluates each file on its own): per
 * application a Deployment file and a Service file, and for every tenth application an ALB Ingress
 * file, until {@code FILES} files are written. Some Services ask for an NLB with instance targets
 * (EKS-LB-003) or an in-tree NLB with {@code externalTrafficPolicy: Cluster} (EKS-SVC-001), and the
 * Ingresses use the ALB's default instance targets (EKS-LB-001): the three checks of {@code
 * bench/opa/eksnet.rego}.
 *
 * <p>Usage: {@code SingleDocGenerator FILES DIR [SEED]}; prints the expected count of each finding.
 */
public final class SingleDocGenerator {

  /** What was written: files, and the findings each of the three checks must give. */
  public record Stats(int files, int lb001, int lb003, int svc001) {}

  private SingleDocGenerator() {}

  public static void main(String[] args) throws IOException {
    int files = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    System.out.println(generate(files, dir, seed));
  }

  /** Writes {@code files} single-document files under {@code dir}. */
  public static Stats generate(int files, Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(seed);
    int written = 0;
    int lb001 = 0;
    int lb003 = 0;
    int svc001 = 0;
    for (int app = 0; written < files; app++) {
      String ns = "team-" + (app / 40);
      String name = "app-" + app;
      write(dir, written++, deployment(ns, name, 2 + random.nextInt(4)));
      if (written == files) {
        break;
      }
      int kind = random.nextInt(10);
      String lb = "";
      if (kind == 0) {
        lb =
            """
              annotations:
                service.beta.kubernetes.io/aws-load-balancer-type: external
                service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: instance
            """;
        lb003++;
      } else if (kind == 1) {
        lb =
            """
              annotations:
                service.beta.kubernetes.io/aws-load-balancer-type: nlb
            """;
        svc001++;
      } else if (kind == 2) {
        lb =
            """
              annotations:
                service.beta.kubernetes.io/aws-load-balancer-type: external
                service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
            """;
      }
      // an Ingress in the controller's default instance mode needs a NodePort Service (with a
      // ClusterIP one EKS-LB-002 reports the broken backend instead of EKS-LB-001's advice)
      boolean withIngress = app % 10 == 9;
      write(dir, written++, service(ns, name, lb, withIngress));
      if (withIngress && written < files) {
        write(dir, written++, ingress(ns, name));
        lb001++;
      }
    }
    return new Stats(written, lb001, lb003, svc001);
  }

  private static void write(Path dir, int index, String yaml) throws IOException {
    Files.writeString(
        dir.resolve(String.format("m-%06d.yaml", index)), yaml, StandardCharsets.UTF_8);
  }

  private static String deployment(String ns, String name, int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %2$s
          namespace: %1$s
          labels: {app.kubernetes.io/name: %2$s}
        spec:
          replicas: %3$d
          selector:
            matchLabels: {app.kubernetes.io/name: %2$s}
          template:
            metadata:
              labels: {app.kubernetes.io/name: %2$s, tier: backend}
            spec:
              containers:
                - name: main
                  image: registry.example.com/%2$s:1.0.0
                  ports:
                    - {name: http, containerPort: 8080}
                  readinessProbe:
                    httpGet: {path: /ready, port: http}
                  resources:
                    requests: {cpu: 100m, memory: 128Mi}
        """
        .formatted(ns, name, replicas);
  }

  private static String service(String ns, String name, String lb, boolean nodePort) {
    String type = !lb.isEmpty() ? "  type: LoadBalancer\n" : nodePort ? "  type: NodePort\n" : "";
    return """
        apiVersion: v1
        kind: Service
        metadata:
          name: %2$s
          namespace: %1$s
        %3$sspec:
        %4$s  selector:
            app.kubernetes.io/name: %2$s
          ports:
            - {name: http, port: 80, targetPort: http}
        """
        .formatted(ns, name, lb, type);
  }

  private static String ingress(String ns, String name) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: %2$s
          namespace: %1$s
          annotations:
            alb.ingress.kubernetes.io/healthcheck-path: /ready
        spec:
          ingressClassName: alb
          rules:
            - host: %2$s.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: %2$s
                        port: {name: http}
        """
        .formatted(ns, name);
  }
}
