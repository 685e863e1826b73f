package io.eksnet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deny list for user rules: what it catches, and that no built-in rule would trip it. */
class RuleCodeCheckTest {

  private static List<String> uses(String drl) {
    return RuleCodeCheck.check(drl).stream()
        .map(u -> u.line() + ":" + u.column() + " " + u.rule() + " " + u.what())
        .toList();
  }

  @Test
  void findsDeniedNamesWithTheirRuleLineAndColumn() {
    String drl =
        """
        package acme;
        import function java.lang.System.exit;
        // System.exit(1) in a comment is fine, and so is "System.exit" in a string
        rule "A" @message('Runtime') when
          $s : Service( )
        then
          System.exit(0);
          java.util.function.IntConsumer c = System::exit;
          /* a comment
             over lines */ new ProcessBuilder("x");
          java.lang.\\u0052untime.getRuntime();
        end
        rule B when then Thread.sleep(1); end
        """;
    assertEquals(
        List.of(
            "2:34 null System.exit",
            "7:10 A System.exit",
            "8:46 A System.exit",
            "10:24 A ProcessBuilder",
            "11:13 A Runtime",
            "13:18 B Thread"),
        uses(drl));
  }

  @Test
  void builtInRulesAndExamplesUseNothingDenied() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (String root : List.of("rules", "examples", "docs")) {
      if (!Files.isDirectory(Path.of(root))) {
        continue;
      }
      try (Stream<Path> s = Files.walk(Path.of(root))) {
        for (Path f : s.filter(p -> p.toString().endsWith(".drl")).toList()) {
          for (String u : uses(Files.readString(f))) {
            offenders.add(f + ":" + u);
          }
        }
      }
    }
    assertEquals(List.of(), offenders);
  }
}
