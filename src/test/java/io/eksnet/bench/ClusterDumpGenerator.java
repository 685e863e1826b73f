package io.eksnet.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a realistic, deterministic cluster dump for benchmarks: namespaces of applications, each
 * application a Deployment with a Service, most with a ConfigMap, some with an ALB Ingress and a
 * NetworkPolicy. Every {@value #BROKEN_EVERY}th Service has a selector typo (EKS-SVC-002), so a
 * test can check the scan found exactly those.
 *
 * <p>Usage: {@code ClusterDumpGenerator OBJECTS DIR [SEED]}.
 */
public final class ClusterDumpGenerator {

  /** One Service in this many has a broken selector. */
  public static final int BROKEN_EVERY = 50;

  private static final int APPS_PER_NAMESPACE = 40;
  private static final int DOCS_PER_FILE = 500;

  private final Random random;
  private int docsInFile;
  private int fileIndex;
  private Writer out;
  private final Path dir;

  /** What was written. */
  public record Stats(int objects, int services, int brokenServices, int files) {}

  private ClusterDumpGenerator(Path dir, long seed) {
    this.dir = dir;
    this.random = new Random(seed);
  }

  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    Stats s = generate(n, dir, seed);
    System.out.println(s);
  }

  /** Writes about {@code objects} Kubernetes objects under {@code dir}. */
  public static Stats generate(int objects, Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    return new ClusterDumpGenerator(dir, seed).run(objects);
  }

  private Stats run(int objects) throws IOException {
    int written = 0;
    int services = 0;
    int broken = 0;
    int app = 0;
    while (written < objects) {
      String ns = "team-" + (app / APPS_PER_NAMESPACE);
      String name = "app-" + app;
      int replicas = 2 + random.nextInt(4);
      doc(deployment(ns, name, replicas, random.nextInt(10) > 0));
      written++;
      boolean typo = ++services % BROKEN_EVERY == 0;
      if (typo) {
        broken++;
      }
      doc(service(ns, name, typo));
      written++;
      if (random.nextInt(10) < 7) {
        doc(configMap(ns, name));
        written++;
      }
      if (random.nextInt(10) < 2) {
        doc(ingress(ns, name));
        written++;
      }
      if (random.nextInt(10) < 3) {
        doc(networkPolicy(ns, name));
        written++;
      }
      app++;
    }
    if (out != null) {
      out.close();
    }
    return new Stats(written, services, broken, fileIndex);
  }

  private void doc(String yaml) throws IOException {
    if (out == null || docsInFile == DOCS_PER_FILE) {
      if (out != null) {
        out.close();
      }
      out =
          Files.newBufferedWriter(
              dir.resolve(String.format("dump-%05d.yaml", fileIndex++)), StandardCharsets.UTF_8);
      docsInFile = 0;
    }
    out.write("---\n");
    out.write(yaml);
    docsInFile++;
  }

  private static String deployment(String ns, String name, int replicas, boolean probe) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %2$s
          namespace: %1$s
          labels: {app.kubernetes.io/name: %2$s, app.kubernetes.io/part-of: shop}
        spec:
          replicas: %3$d
          selector:
            matchLabels: {app.kubernetes.io/name: %2$s}
          template:
            metadata:
              labels: {app.kubernetes.io/name: %2$s, app.kubernetes.io/part-of: shop, tier: backend}
            spec:
              containers:
                - name: main
                  image: registry.example.com/%2$s:1.0.0
                  ports:
                    - {name: http, containerPort: 8080}
                    - {name: metrics, containerPort: 9090}
                  env:
                    - {name: LOG_LEVEL, value: info}
                    - {name: SERVICE_NAME, value: %2$s}
                  resources:
                    requests: {cpu: 100m, memory: 128Mi}
        %4$s
        """
        .formatted(
            ns,
            name,
            replicas,
            probe
                ? "          readinessProbe:\n            httpGet: {path: /ready, port: http}\n"
                : "");
  }

  private static String service(String ns, String name, boolean typo) {
    return """
        apiVersion: v1
        kind: Service
        metadata:
          name: %2$s
          namespace: %1$s
        spec:
          selector:
            app.kubernetes.io/name: %3$s
            app.kubernetes.io/part-of: shop
          ports:
            - {name: http, port: 80, targetPort: http}
        """
        .formatted(ns, name, typo ? name + "x" : name);
  }

  private static String configMap(String ns, String name) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %2$s-config
          namespace: %1$s
        data:
          application.properties: |
            server.port=8080
            feature.flags=a,b,c
        """
        .formatted(ns, name);
  }

  private static String ingress(String ns, String name) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: %2$s
          namespace: %1$s
          annotations:
            alb.ingress.kubernetes.io/target-type: ip
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

  private static String networkPolicy(String ns, String name) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: %2$s
          namespace: %1$s
        spec:
          podSelector:
            matchLabels: {app.kubernetes.io/name: %2$s}
          policyTypes: [Ingress, Egress]
          ingress:
            - from:
                - podSelector: {matchLabels: {tier: backend}}
              ports: [{port: 8080}]
          egress:
            - to:
                - namespaceSelector: {}
              ports: [{port: 53, protocol: UDP}]
        """
        .formatted(ns, name);
  }
}
