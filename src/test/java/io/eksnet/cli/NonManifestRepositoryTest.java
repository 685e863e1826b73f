package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository as they come: beside its manifests, files that are not Kubernetes (JSON with
 * comments, mkdocs with Python tags, CloudFormation, CI configs, a chart, a stray Helm template).
 * Scanned whole or file by file (pre-commit names every staged file), it never exits 2 and the
 * manifests' findings are all reported.
 */
class NonManifestRepositoryTest {

  @TempDir Path dir;

  private final CliRun cli = new CliRun();

  /** Root-relative path → content of the files that are not manifests. */
  private final Map<String, String> others = new LinkedHashMap<>();

  /** An ALB Ingress without target-type: EKS-LB-001 (LOW) on its ingressClassName line. */
  private static final String INGRESS =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: shop
        namespace: shop
        annotations:
          alb.ingress.kubernetes.io/scheme: internet-facing
      spec:
        ingressClassName: alb
        rules:
          - http:
              paths:
                - path: /
                  pathType: Prefix
                  backend:
                    service: {name: web, port: {number: 80}}
      """;

  private static final String FINDING = "k8s/ingress.yaml:9:3: LOW EKS-LB-001 ";

  @BeforeEach
  void repository() throws IOException {
    others.put(
        "tsconfig.json",
        """
        {
          // see https://aka.ms/tsconfig
          "compilerOptions": {"target": "es2020", /* modern */ "strict": true,},
        }
        """);
    others.put(
        ".vscode/settings.json",
        "{\n  \"editor.formatOnSave\": true, // on save\n  \"files.exclude\": {},\n}\n");
    others.put(
        ".devcontainer/devcontainer.json",
        "// devcontainer\n{\"name\": \"java\", \"features\": {},}\n");
    others.put(
        "mkdocs.yml",
        """
        site_name: Demo
        markdown_extensions:
          - pymdownx.emoji:
              emoji_index: !!python/name:material.extensions.emoji.twemoji
              emoji_generator: !!python/name:material.extensions.emoji.to_svg
        """);
    others.put(
        "cfn/bucket.yaml",
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties: {BucketName: !Sub "${AWS::StackName}-data"}
        Outputs:
          Arn: {Value: !GetAtt Bucket.Arn}
          Name: {Value: !Ref Bucket}
        """);
    others.put(
        ".github/workflows/ci.yml",
        """
        name: ci
        on: [push]
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - run: echo ${{ github.sha }}
        """);
    others.put(
        ".pre-commit-config.yaml",
        "repos:\n  - repo: local\n    hooks: [{id: x, name: x, entry: x, language: system}]\n");
    others.put("chart/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 0.1.0\n");
    others.put("chart/values.yaml", "host: shop.example.com\nlabel: \"{{ .Release.Name }}\"\n");
    others.put(
        "chart/templates/ingress.yaml",
        "{{- if .Values.ingress }}\napiVersion: networking.k8s.io/v1\nkind: Ingress\n{{- end }}\n");
    others.put(
        "deploy/service.yaml",
        """
        {{- if .Values.enabled }}
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ .Release.Name }}
        spec:
          type: NodePort
        {{- end }}
        """);
    for (Map.Entry<String, String> e : others.entrySet()) {
      write(e.getKey(), e.getValue());
    }
    write("k8s/ingress.yaml", INGRESS);
  }

  private void write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private int scan(String... paths) {
    List<String> args =
        new ArrayList<>(List.of("scan", "--root", dir.toString(), "--fail-on", "low"));
    for (String p : paths) {
      args.add(dir.resolve(p).toString());
    }
    return cli.run(args.toArray(String[]::new));
  }

  @Test
  void wholeRepositoryScansWithTheManifestsFindingsAndNoInputProblem() throws IOException {
    assertEquals(1, scan("."), cli.err());
    assertTrue(cli.out().contains(FINDING), cli.out());
    assertFalse(cli.err().contains("error:"), cli.err());
    assertTrue(
        cli.err()
            .contains(
                "note: deploy/service.yaml:1: {{ }} here looks like a template (Go, Helm, Jinja), so"
                    + " the file was skipped; render it (`helm template` for a chart) and scan"
                    + " the output"),
        cli.err());
    assertTrue(
        cli.err().contains("note: chart/templates/: Helm chart templates skipped"), cli.err());

    Path sarif = dir.resolve("out.sarif");
    cli.run(
        "scan",
        "--root",
        dir.toString(),
        "--format",
        "sarif",
        "--output",
        sarif.toString(),
        dir.toString());
    JsonNode run = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0");
    assertTrue(run.at("/invocations/0/executionSuccessful").asBoolean(), run.toString());
    assertEquals("EKS-LB-001", run.at("/results/0/ruleId").asText());
    assertEquals(1, run.path("results").size(), run.path("results").toString());
  }

  @Test
  void eachFileNamedOnTheCommandLineBesideTheManifestNeverExitsTwo() {
    for (String rel : others.keySet()) {
      assertEquals(1, scan(rel, "k8s/ingress.yaml"), rel + ": " + cli.err());
      assertTrue(cli.out().contains(FINDING), rel + ": " + cli.out());
      assertFalse(cli.err().contains("error:"), rel + ": " + cli.err());
      assertEquals(0, scan(rel), rel + ": " + cli.err());
    }
  }

  @Test
  void allFilesNamedAtOnceAsPreCommitDoes() {
    List<String> all = new ArrayList<>(others.keySet());
    all.add("k8s/ingress.yaml");
    assertEquals(1, scan(all.toArray(String[]::new)), cli.err());
    assertTrue(cli.out().contains(FINDING), cli.out());
    assertTrue(
        cli.err().contains("note: chart/templates/ingress.yaml: Helm chart template skipped"),
        cli.err());
    assertTrue(cli.err().contains("note: deploy/service.yaml:1: {{ }} here looks like"), cli.err());
  }

  @Test
  void aBrokenManifestBesideThemIsStillAnInputProblem() throws IOException {
    write("k8s/broken.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: [web}\n");
    assertEquals(2, scan("."), cli.err());
    assertTrue(cli.out().contains(FINDING), cli.out());
    assertTrue(cli.err().contains("k8s/broken.yaml:3:"), cli.err());
    assertEquals(1, cli.err().lines().filter(l -> l.contains("error:")).count(), cli.err());
  }
}
