package io.eksnet.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.eksnet.scan.Outcome;
import io.eksnet.scan.Scanner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Maven plugin sits beside the command line, not on top of it (DESIGN.md, "Packages"): it runs
 * scans through the core's scan and outcome API ({@link Scanner}, {@link Outcome}) and never uses
 * the {@code cli} package, whose options, exit codes and output belong to the command. Checked on
 * the plugin's compiled classes with ArchUnit, as the core's LayeringTest checks the core.
 */
class MojoLayeringTest {

  private static final ArchRule NO_CLI =
      noClasses()
          .that()
          .resideInAPackage("io.eksnet.maven..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.eksnet.cli..")
          .because("the plugin maps its parameters and results onto the core, not onto the CLI");

  private static JavaClasses plugin() {
    return new ClassFileImporter()
        .importPaths(Path.of("target", "classes", "io", "eksnet", "maven"));
  }

  @Test
  void thePluginDoesNotUseTheCommandLine() {
    NO_CLI.check(plugin());
  }

  @Test
  void theMojoScansAndJudgesThroughTheCore() {
    JavaClasses plugin = plugin();
    classes()
        .that()
        .haveSimpleName("CheckMojo")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(Scanner.class)
        .check(plugin);
    classes()
        .that()
        .haveSimpleName("CheckMojo")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(Outcome.class)
        .check(plugin);
  }

  @Test
  void aPluginClassThatUsesTheCommandLineIsReported() {
    JavaClasses offending =
        new ClassFileImporter()
            .importPaths(Path.of("target", "test-classes", "io", "eksnet", "maven", "layering"));
    assertThrows(AssertionError.class, () -> NO_CLI.check(offending));
  }
}
