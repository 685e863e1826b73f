package io.eksnet.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.eksnet.finding.Finding;
import io.eksnet.finding.Severity;
import io.eksnet.scan.ScanResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The packages depend in one direction (DESIGN.md, "Packages"): net → aws → model → source → relate
 * → engine → finding → report → scan → cli, and a package may use only the packages before it.
 * Checked on the compiled main classes with ArchUnit; a failure lists every offending dependency
 * (class, member, line).
 */
class LayeringTest {

  /** The layers, in order: each may use those before it. */
  static final List<String> LAYERS =
      List.of(
          "net", "aws", "model", "source", "relate", "engine", "finding", "report", "scan", "cli");

  private static JavaClasses imported;

  static synchronized JavaClasses mainClasses() {
    if (imported == null) {
      imported = importMain();
    }
    return imported;
  }

  /** The main classes of the layers, read from the build's output folder (not the classpath). */
  private static JavaClasses importMain() {
    Path classes = Path.of("target", "classes", "io", "eksnet");
    return new ClassFileImporter().importPaths(LAYERS.stream().map(classes::resolve).toList());
  }

  static LayeredArchitecture layers() {
    LayeredArchitecture a = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String l : LAYERS) {
      a = a.layer(l).definedBy("io.eksnet." + l + "..");
    }
    List<String> before = new ArrayList<>();
    for (String l : LAYERS) {
      a =
          before.isEmpty()
              ? a.whereLayer(l).mayNotAccessAnyLayer()
              : a.whereLayer(l).mayOnlyAccessLayers(before.toArray(String[]::new));
      before.add(l);
    }
    return a;
  }

  @Test
  void eachPackageUsesOnlyThePackagesBeforeIt() {
    layers()
        // Known violations, frozen here by name so that no new one slips in:
        // - engine builds Findings (FindingSink) and reads Severity from rule metadata; moving
        //   Finding and Severity below engine touches every front-end and report.
        .ignoreDependency(
            resideInAPackage("io.eksnet.engine.."),
            equivalentTo(Finding.class).or(equivalentTo(Severity.class)))
        // - source reads .eksnet.yaml into Config (with Severity overrides and a FailOn) in
        //   ConfigLoader, which needs the package-private YAML loader of source.
        .ignoreDependency(
            named("ConfigLoader", n -> n.startsWith("io.eksnet.source.ConfigLoader")),
            named(
                "Config, Severity or FailOn",
                n ->
                    n.startsWith("io.eksnet.finding.Config")
                        || n.startsWith("io.eksnet.finding.FailOn")
                        || n.equals(Severity.class.getName())))
        // - the reports render a ScanResult; it moves below report with the scan outcome the
        //   front-ends share (the outcome policy of issue 14).
        .ignoreDependency(resideInAPackage("io.eksnet.report.."), equivalentTo(ScanResult.class))
        .check(mainClasses());
  }

  /**
   * Inside relate: the Kubernetes and the Terraform relations know nothing of each other; the joins
   * may use both; all may use the root (the fact store and the provider contract).
   */
  @Test
  void relateSubPackagesDependInOneDirection() {
    noClasses()
        .that()
        .resideInAPackage("io.eksnet.relate.k8s..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.eksnet.relate.terraform..", "io.eksnet.relate.join..")
        .check(mainClasses());
    noClasses()
        .that()
        .resideInAPackage("io.eksnet.relate.terraform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.eksnet.relate.k8s..", "io.eksnet.relate.join..")
        .check(mainClasses());
  }

  @Test
  void aDependencyAgainstTheOrderIsReported() {
    // the rule is not vacuous: without the frozen exceptions, the known violations fail it
    assertThrows(AssertionError.class, () -> layers().check(mainClasses()));
  }

  private static DescribedPredicate<JavaClass> named(String what, Predicate<String> name) {
    return DescribedPredicate.describe(what, c -> name.test(c.getName()));
  }
}
