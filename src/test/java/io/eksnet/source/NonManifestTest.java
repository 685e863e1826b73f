package io.eksnet.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import io.eksnet.model.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not Kubernetes or Terraform JSON never give an input problem: only a file that is,
 * or claims to be, one (see {@link Claims}) does; a Go/Helm template is skipped with a note. Both
 * ways: the same breakage in a manifest is still a problem with its file and line.
 */
class NonManifestTest {

  @TempDir Path dir;

  private Loader.Loaded load(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.write(f, content.getBytes(StandardCharsets.UTF_8));
    return new Loader().load(new SourceFile(f, name));
  }

  /** Nothing to report and nothing read. */
  private static void assertQuiet(Loader.Loaded l) {
    assertEquals(List.of(), l.problems());
    assertEquals(List.of(), l.notes());
    assertEquals(List.of(), l.facts());
    assertEquals(List.of(), l.terraform());
  }

  private static InputProblem onlyProblem(Loader.Loaded l) {
    assertEquals(1, l.problems().size(), l.problems().toString());
    return l.problems().get(0);
  }

  @Test
  void tsconfigWithCommentsAndTrailingCommasIsSkippedQuietly() throws IOException {
    assertQuiet(
        load(
            "tsconfig.json",
            """
            {
              // see https://aka.ms/tsconfig
              "compilerOptions": {
                "target": "es2020", /* modern */
                "strict": true,
              },
              "include": ["src/**/*.ts",],
            }
            """));
  }

  @Test
  void editorAndDevcontainerJsoncIsSkippedQuietly() throws IOException {
    assertQuiet(
        load(
            ".vscode/settings.json",
            """
            {
              "editor.formatOnSave": true, // on save
              "yaml.schemas": {"kubernetes": "k8s/*.yaml"},
            }
            """));
    assertQuiet(
        load(
            ".devcontainer/devcontainer.json",
            """
            // For format details, see https://aka.ms/devcontainer.json
            {
              "name": "Java",
              "image": "mcr.microsoft.com/devcontainers/java:17",
              "features": {
                "ghcr.io/devcontainers/features/node:1": {}, // node for the docs
              },
            }
            """));
    assertQuiet(
        load(
            ".eslintrc.json",
            """
            {
              /* legacy config */
              "root": true,
              "rules": {"semi": ["error", "always"],},
            }
            """));
  }

  @Test
  void mkdocsWithPythonTagsIsSkippedQuietly() throws IOException {
    assertQuiet(
        load(
            "mkdocs.yml",
            """
            site_name: Demo
            theme: {name: material}
            markdown_extensions:
              - pymdownx.emoji:
                  emoji_index: !!python/name:material.extensions.emoji.twemoji
                  emoji_generator: !!python/name:material.extensions.emoji.to_svg
              - pymdownx.superfences:
                  custom_fences:
                    - name: mermaid
                      class: mermaid
                      format: !!python/name:pymdownx.superfences.fence_code_format
            """));
  }

  @Test
  void cloudFormationWithShortFormFunctionsIsSkippedQuietly() throws IOException {
    assertQuiet(
        load(
            "cfn/stack.yaml",
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Env: {Type: String}
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${AWS::StackName}-${Env}"
                  Tags:
                    - Key: env
                      Value: !Ref Env
            Outputs:
              Arn:
                Value: !GetAtt Bucket.Arn
              Zones:
                Value: !Join [",", !GetAZs ""]
            """));
  }

  @Test
  void githubWorkflowPreCommitConfigAndHelmValuesAreSkippedQuietly() throws IOException {
    assertQuiet(
        load(
            ".github/workflows/ci.yml",
            """
            name: ci
            on:
              push: {branches: [main]}
            jobs:
              build:
                runs-on: ubuntu-latest
                if: ${{ github.event_name == 'push' }}
                steps:
                  - uses: actions/checkout@v4
                  - run: echo "${{ github.sha }}"
                  - run: echo ${{ secrets.TOKEN }}
            """));
    assertQuiet(
        load(
            ".pre-commit-config.yaml",
            """
            repos:
              - repo: https://github.com/pre-commit/pre-commit-hooks
                rev: v4.6.0
                hooks:
                  - id: check-yaml
                    args: [--unsafe]
            """));
    assertQuiet(
        load(
            "chart/values.yaml",
            """
            replicaCount: 2
            image: {repository: nginx, tag: ""}
            podAnnotations:
              checksum: "{{ .Values.image.tag }}"
            ingress:
              enabled: false
              apiVersion: networking.k8s.io/v1
            """));
  }

  @Test
  void duplicateKeysOutsideAManifestAreNotEksnetsBusiness() throws IOException {
    assertQuiet(load("ci.yml", "jobs:\n  a: {}\n  a: {}\n"));
    assertQuiet(load("package.json", "{\"name\": \"a\", \"name\": \"b\"}"));
  }

  @Test
  void strayHelmTemplateIsSkippedWithANoteAtItsFirstAction() throws IOException {
    Loader.Loaded l =
        load(
            "deploy/configmap.yaml",
            """
            # rendered by our release script
            {{- if .Values.enabled }}
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}
            {{- end }}
            """);
    assertEquals(List.of(), l.problems());
    assertEquals(List.of(), l.facts());
    assertEquals(
        List.of(
            "deploy/configmap.yaml:2: {{ }} here looks like a template (Go, Helm, Jinja), so the"
                + " file was skipped; render it (`helm template` for a chart) and scan the"
                + " output"),
        l.notes());
  }

  @Test
  void aTemplateWithSingleBracePlaceholdersIsSkippedWithANote() throws IOException {
    // a tenant template filled in by a script: {TENANT_ID}-basic is a flow mapping, then a scalar
    String template =
        """
        apiVersion: helm.toolkit.fluxcd.io/v2beta1
        kind: HelmRelease
        metadata:
          name: {TENANT_ID}-basic
          namespace: flux-system
        """;
    Loader.Loaded l = load("tiers/basic_tenant_template.yaml", template);
    assertEquals(List.of(), l.problems());
    assertEquals(List.of(), l.facts());
    assertEquals(
        List.of(
            "tiers/basic_tenant_template.yaml:4: {TENANT_ID} here looks like a placeholder to be"
                + " filled in, and YAML cannot read it, so the file was skipped; fill it in and"
                + " scan the result"),
        l.notes());
    // a test fills in {IPv6} (mixed case) before it applies the policy
    Loader.Loaded policy =
        load(
            "testdata/ipfamilies-policy.yml",
            "apiVersion: policy.linkerd.io/v1alpha1\nkind: NetworkAuthentication\nmetadata:\n"
                + "  name: ipfamilies\nspec:\n  networks:\n  - cidr: {IPv6}/128\n");
    assertEquals(List.of(), policy.problems());
    assertEquals(1, policy.notes().size(), policy.notes()::toString);
    assertTrue(policy.notes().get(0).startsWith("testdata/ipfamilies-policy.yml:7: {IPv6} here"));
    // a syntax error elsewhere in a manifest stays an input problem
    Loader.Loaded broken =
        load("tiers/broken.yaml", template.replace("{TENANT_ID}-basic", "basic: [unclosed"));
    assertEquals(1, broken.problems().size(), broken.problems().toString());
    assertEquals(List.of(), broken.notes());
  }

  @Test
  void aTerraformTemplateIsSkippedWithANoteNamingTheDirective() throws IOException {
    // a values file rendered by Terraform's templatefile: %{ if } is a YAML directive to YAML
    String template =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: carts
        data:
        %{ if opentelemetry_enabled }
          OTEL_SDK_DISABLED: "false"
        %{ endif }
        """;
    Loader.Loaded l = load("values/carts.yaml", template);
    assertEquals(List.of(), l.problems());
    assertEquals(List.of(), l.facts());
    assertEquals(
        List.of(
            "values/carts.yaml:6: %{ } here looks like a Terraform template directive (a"
                + " `templatefile` template), so the file was skipped; scan what Terraform renders"
                + " from it"),
        l.notes());
    // %{ inside a string of a file that parses is just text
    Loader.Loaded text =
        load(
            "cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  t: \"%{ if a }\"\n");
    assertEquals(List.of(), text.notes());
    assertEquals(1, text.facts().size());
  }

  @Test
  void anErroredPlanIsAnInputProblemNotAPartialScan() throws IOException {
    String plan =
        "{\"format_version\": \"1.2\", \"terraform_version\": \"1.6.0\",\n"
            + " \"errored\": true,\n"
            + " \"planned_values\": {\"root_module\": {\"resources\": []}}}\n";
    Loader.Loaded l = load("plan.json", plan);
    assertEquals(List.of(), l.terraform());
    InputProblem p = onlyProblem(l);
    assertEquals(2, p.location().line());
    assertTrue(p.message().contains("\"errored\": true"), p.message());
    // errored: false is a complete plan
    Loader.Loaded ok = load("plan.json", plan.replace("\"errored\": true", "\"errored\": false"));
    assertEquals(List.of(), ok.problems());
    assertEquals(1, ok.terraform().size());
  }

  @Test
  void terraformJsonCapturedThroughTheSetupTerraformWrapperIsRead() throws IOException {
    String plan =
        "{\"format_version\":\"1.2\",\"terraform_version\":\"1.6.0\",\"planned_values\":"
            + "{\"root_module\":{\"resources\":[]}}}";
    String captured =
        "[command]/home/runner/work/_temp/abc/terraform-bin -chdir=infra show -json plan.tfplan\n"
            + plan
            + "\n::debug::stderr: \n::debug::exitcode: 0\n::set-output name=stdout::"
            + plan
            + "\n::set-output name=exitcode::0\n";
    Loader.Loaded l = load("plan.json", captured);
    assertEquals(List.of(), l.problems());
    assertEquals(1, l.terraform().size());
    assertEquals(
        List.of(
            "plan.json:1: `terraform show -json` output captured through the hashicorp/setup-terraform"
                + " wrapper (its [command] and :: lines around the JSON); read the JSON"
                + " of line 2. Set `terraform_wrapper: false` on the setup-terraform step (or run"
                + " terraform-bin) to write plain JSON"),
        l.notes());
    // the plan's positions are the file's: the JSON starts on line 2
    assertEquals(2, l.terraform().get(0).line());
    // other text that starts with [command] is still not JSON
    Loader.Loaded other = load("log.json", "[command]/usr/bin/git fetch\n{\"a\": 1}\n");
    assertEquals(List.of(), other.terraform());
    assertTrue(
        other.notes().stream().noneMatch(n -> n.contains("setup-terraform")),
        other.notes()::toString);
  }

  @Test
  void aTutorialWithAnAngleBracketPlaceholderIsSkippedWithANote() throws IOException {
    // an exercise the reader completes: the placeholder lines break the YAML
    String exercise =
        """
        kind: NetworkPolicy
        apiVersion: networking.k8s.io/v1
        metadata:
          name: backend-policy
        spec:
          podSelector:
            matchLabels:
              role: backend
          ingress:
            - from:
                - <EDIT: UPDATE WITH THE CONFIGURATION NEEDED TO ALLOW THE FRONTEND>
                    <EDIT: UPDATE WITH THE CONFIGURATION NEEDED TO ALLOW THE FRONTEND>
        """;
    Loader.Loaded l = load("stars/backend-policy.yaml", exercise);
    assertEquals(List.of(), l.problems());
    assertEquals(List.of(), l.facts());
    assertEquals(1, l.notes().size(), l.notes().toString());
    assertTrue(
        l.notes()
            .get(0)
            .startsWith(
                "stars/backend-policy.yaml:12: <EDIT: UPDATE WITH THE CONFIGURATION NEEDED TO ALLOW"
                    + " THE FRONTEND> here looks like a placeholder to be filled in"),
        l.notes().toString());
    // without the placeholder the same breakage is an input problem
    Loader.Loaded broken =
        load(
            "stars/broken.yaml",
            exercise.replace(
                "<EDIT: UPDATE WITH THE CONFIGURATION NEEDED TO ALLOW THE FRONTEND>", "a: b: c"));
    assertEquals(1, broken.problems().size(), broken.problems().toString());
    assertEquals(List.of(), broken.notes());
  }

  @Test
  void anotherFormatBorrowingApiVersionWithoutAKindIsSkippedWithANote() throws IOException {
    Loader.Loaded l =
        load(
            "releasenotes/template.yaml",
            """
            apiVersion: release-notes/v2
            # kind: bug-fix, feature, ...
            kind:
            area: traffic-management
            """);
    assertEquals(List.of(), l.problems());
    assertEquals(List.of(), l.facts());
    assertEquals(1, l.notes().size(), l.notes().toString());
    assertTrue(l.notes().get(0).contains("no Kubernetes API version"), l.notes().toString());
    // a Kubernetes apiVersion with an empty kind is still an input problem
    for (String api : List.of("v1", "apps/v1", "networking.k8s.io/v1", "example.com/v1beta1")) {
      Loader.Loaded k8s =
          load("k8s.yaml", "apiVersion: " + api + "\nkind:\nmetadata:\n  name: x\n");
      assertEquals("apiVersion and kind must be strings", onlyProblem(k8s).message(), api);
    }
  }

  @Test
  void templateThatHappensToParseIsSkippedWithANoteToo() throws IOException {
    // {{ .Values.name }} is a flow mapping in a flow mapping: valid YAML, but not a name
    Loader.Loaded l =
        load(
            "deploy/svc.yaml",
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              type: {{ .Values.serviceType }}
            """);
    assertEquals(List.of(), l.problems());
    assertEquals(List.of(), l.facts());
    assertEquals(1, l.notes().size(), l.notes().toString());
    assertTrue(l.notes().get(0).startsWith("deploy/svc.yaml:6: {{ }} here looks like"));
  }

  @Test
  void templatesInsideStringsOfAManifestAreJustStrings() throws IOException {
    // Prometheus/Alertmanager templates in a ConfigMap: a manifest, read as usual
    Loader.Loaded l =
        load(
            "alerts.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: alertmanager-templates
              annotations: {summary: "{{ $labels.pod }} is down"}
            data:
              slack.tmpl: |
                {{ define "slack.title" }}
                {{ .CommonLabels.alertname }}
                {{ end }}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {type: NodePort, ports: [{port: 80}]}
            """);
    assertEquals(List.of(), l.problems());
    assertEquals(List.of(), l.notes());
    assertEquals(
        1, l.facts().stream().filter(Service.class::isInstance).count(), l.facts().toString());
  }

  @Test
  void yamlThatDoesNotParseAndClaimsNothingIsANoteNotAProblem() throws IOException {
    Loader.Loaded l =
        load("testdata/invalid.yaml", "this is malformed YAML: {\ninvalid: unclosed bracket\n");
    assertEquals(List.of(), l.problems());
    assertEquals(1, l.notes().size(), l.notes().toString());
    assertTrue(
        l.notes().get(0).startsWith("testdata/invalid.yaml:3: not valid YAML (YAML syntax error:"),
        l.notes().toString());
  }

  @Test
  void brokenManifestIsStillAProblemWithFileAndLine() throws IOException {
    InputProblem p =
        onlyProblem(
            load(
                "k8s/svc.yaml",
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  labels: {app: [web}
                """));
    assertEquals("k8s/svc.yaml", p.location().file());
    assertEquals(5, p.location().line());
    assertTrue(p.message().startsWith("YAML syntax error"), p.message());
  }

  @Test
  void aStreamOfJsonObjectsIsReadAsKubectlReadsIt() throws IOException {
    // kubectl apply -f reads whitespace-separated JSON objects one after another
    Loader.Loaded l =
        load(
            "list.json",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}}\n"
                + "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"b\"}}\n");
    assertEquals(List.of(), l.problems());
    assertEquals(2, l.facts().size(), l.facts()::toString);
    // the second object starts on line 2
    assertEquals(2, ((io.eksnet.model.K8sObject) l.facts().get(1)).getLocation().line());
    // a scalar after the object is still an error, reported at its line; the object before it is
    // read, as the documents before a YAML syntax error are
    Loader.Loaded bad =
        load(
            "bad.json",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}}\n42\n");
    InputProblem p = onlyProblem(bad);
    assertEquals(2, p.location().line());
    assertTrue(p.message().contains("after the end of the document"), p.message());
    assertEquals(1, bad.facts().size());
  }

  @Test
  void manifestWhoseClaimIsOnlyInItsTextIsStillAProblem() throws IOException {
    // the syntax error comes before kind: nothing parsed, but the text says what it is
    InputProblem p = onlyProblem(load("k8s/a.yaml", "metadata: {name: [web}\nkind: Service\n"));
    assertEquals(1, p.location().line());
    InputProblem q = onlyProblem(load("k8s/b.json", "{\"apiVersion\": \"v1\", // a comment\n}"));
    assertEquals("k8s/b.json", q.location().file());
    assertEquals(1, q.location().line());
    assertTrue(q.message().contains("comment"), q.message());
    InputProblem t =
        onlyProblem(
            load("plan.json", "{\"format_version\": \"1.2\", \"terraform_version\": \"1.9.0\",}"));
    assertTrue(t.message().startsWith("JSON syntax error"), t.message());
  }

  @Test
  void languageTagInAManifestIsAProblemAtItsLine() throws IOException {
    InputProblem p =
        onlyProblem(
            load(
                "k8s/svc.yaml",
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: !Ref ServiceName
                  labels: {app: !Ref ServiceName}
                """));
    assertEquals(new Location("k8s/svc.yaml", 4, 9, "", ""), p.location());
    assertTrue(p.message().startsWith("YAML tag !Ref is not plain YAML"), p.message());
    InputProblem g =
        onlyProblem(
            load(
                "k8s/cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"
                    + "data:\n  f: !!python/name:os.system\n"));
    assertEquals(5, g.location().line());
    assertTrue(g.message().startsWith("YAML tag !!python/name:os.system"), g.message());
  }

  @Test
  void plainYamlTagsInAManifestAreFine() throws IOException {
    Loader.Loaded l =
        load(
            "k8s/cm.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: x}
            data:
              port: !!str 8080
              other: ! 42
            """);
    assertEquals(List.of(), l.problems());
    assertEquals(List.of(), l.notes());
  }

  @Test
  void safetyLimitsAreProblemsWhateverTheFileIs() throws IOException {
    StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      sb.append(c).append(": &").append(c).append(" [").append("*").append((char) (c - 1));
      sb.append((",*" + (char) (c - 1)).repeat(8)).append("]\n");
    }
    InputProblem p = onlyProblem(load("docs/laughs.yml", sb.toString()));
    assertTrue(p.message().contains("alias bomb"), p.message());
  }

  @Test
  void claimsAreReadFromTopLevelKeysOnly() {
    assertTrue(Claims.yamlText("# x\nkind: Service\n"));
    assertTrue(Claims.yamlText("--- apiVersion: v1\n"));
    assertTrue(Claims.yamlText("\"apiVersion\": v1\r\n"));
    assertTrue(Claims.yamlText("{\"apiVersion\": \"v1\", \"kind\": [}"));
    assertFalse(Claims.yamlText("ingress:\n  apiVersion: networking.k8s.io/v1\n"));
    assertFalse(Claims.yamlText("kinds: [a]\napiVersions: []\n"));
    assertFalse(Claims.yamlText("# kind: Service\n"));
    assertTrue(Claims.jsonText("{\n  \"kind\": \"Service\",\n}"));
    assertTrue(Claims.jsonText("{\"a\": {\"apiVersion\" : 1}}"));
    assertFalse(
        Claims.jsonText(
            "{\"version\": \"2.0.0\", \"tasks\": [{\"group\": {\"kind\": \"build\"}}]}"));
  }

  @Test
  void templateActionsAreFoundWhereYamlReadsStructure() {
    assertEquals(2, Templates.actionLine("a: 1\n{{- if .Values.x }}\n"));
    assertEquals(1, Templates.actionLine("  - {{ .Values.item }}\n"));
    assertEquals(2, Templates.actionLine("# {{ in a comment }}\nname: {{ .Release.Name }}\n"));
    assertEquals(0, Templates.actionLine("run: echo ${{ github.sha }}\nx: \"{{ quoted }}\"\n"));
    assertEquals(0, Templates.actionLine("x: {{ never closed\n"));
  }
}
