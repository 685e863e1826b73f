package io.eksnet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A Helm chart that a GitOps object of the manifests installs into the cluster: a Flux {@code
 * HelmRelease} ({@code spec.chart.spec.chart}), an Argo CD {@code Application} ({@code
 * spec.source.chart}, {@code spec.sources[].chart}) or {@code ApplicationSet} (the same under
 * {@code spec.template}). The counterpart of a Terraform {@link HelmRelease}.
 */
@PublicFact(
    "A Helm chart a Flux `HelmRelease` or an Argo CD `Application`/`ApplicationSet` installs.")
public final class ChartInstall extends K8sObject {

  private final List<String> charts;

  private ChartInstall(String file, Tree.TMap root, List<String> charts) {
    super(file, root, "default");
    this.charts = List.copyOf(charts);
  }

  /** The chart install an object makes, or null when it is not one or names no chart. */
  public static ChartInstall of(String file, Tree.TMap root, String kind) {
    String api = Tree.text(root.get("apiVersion"));
    if (api == null) {
      return null;
    }
    List<String> charts = new ArrayList<>();
    if ("HelmRelease".equals(kind) && api.startsWith("helm.toolkit.fluxcd.io/")) {
      add(charts, Tree.path(root, "spec", "chart", "spec", "chart"));
    } else if (api.startsWith("argoproj.io/")
        && ("Application".equals(kind) || "ApplicationSet".equals(kind))) {
      Tree spec =
          "Application".equals(kind)
              ? root.get("spec")
              : Tree.path(root, "spec", "template", "spec");
      add(charts, Tree.path(spec, "source", "chart"));
      for (Tree s : Tree.asList(Tree.path(spec, "sources"))) {
        add(charts, Tree.path(s, "chart"));
      }
    }
    return charts.isEmpty() ? null : new ChartInstall(file, root, charts);
  }

  private static void add(List<String> out, Tree chart) {
    String c = Tree.text(chart);
    if (c != null && !c.isBlank()) {
      out.add(c);
    }
  }

  @FactField("The charts it installs, as written (a name, `repo/name` or a path).")
  public List<String> getCharts() {
    return charts;
  }
}
