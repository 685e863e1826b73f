package io.eksnet.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Random;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** {@link Glob} matches as Java's {@code glob:} path matcher does, in linear time. */
class GlobTest {

  @Test
  void javaGlobSyntax() {
    assertTrue(Glob.compile("vendor/**").matches("vendor/a/b.yaml"));
    assertFalse(Glob.compile("vendor/*").matches("vendor/a/b.yaml"));
    assertTrue(Glob.compile("*.yaml").matches("a.yaml"));
    assertFalse(Glob.compile("*.yaml").matches("d/a.yaml"));
    assertTrue(Glob.compile("**/*.{yaml,yml}").matches("d/e/a.yml"));
    assertTrue(Glob.compile("a?c").matches("abc"));
    assertFalse(Glob.compile("a?c").matches("a/c"));
    assertTrue(Glob.compile("[a-c]x").matches("bx"));
    assertTrue(Glob.compile("[!a-c]x").matches("dx"));
    assertFalse(Glob.compile("[!a-c]x").matches("/x"));
    assertTrue(Glob.compile("\\*").matches("*"));
    assertTrue(Glob.compile("caf\u00e9/*").matches("caf\u00e9/x.yaml"));
    for (String bad : new String[] {"{", "{a,{b}}", "[a", "[a/b]", "[z-a]", "\\", "[-"}) {
      assertThrows(PatternSyntaxException.class, () -> Glob.compile(bad), bad);
    }
  }

  /** Random patterns and paths over a small alphabet agree with the JDK's matcher. */
  @Test
  void agreesWithTheJdk() {
    Random rnd = new Random(12);
    String[] patternParts = {
      "a", "b", "/", "*", "**", "?", "[ab]", "[!a]", "[a-b]", "{a,b}", "{a*,*b}", ".", "\\*", ","
    };
    String pathChars = "ab/.*,";
    int compared = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder g = new StringBuilder();
      for (int k = rnd.nextInt(6); k >= 0; k--) {
        g.append(patternParts[rnd.nextInt(patternParts.length)]);
      }
      PathMatcher jdk;
      try {
        jdk = FileSystems.getDefault().getPathMatcher("glob:" + g);
      } catch (PatternSyntaxException e) {
        assertThrows(PatternSyntaxException.class, () -> Glob.compile(g.toString()), g::toString);
        continue;
      }
      Glob mine = Glob.compile(g.toString());
      StringBuilder p = new StringBuilder();
      for (int k = rnd.nextInt(7); k >= 0; k--) {
        p.append(pathChars.charAt(rnd.nextInt(pathChars.length())));
      }
      String path = Path.of(p.toString()).toString(); // what the JDK matcher sees
      if (path.isEmpty()) {
        continue;
      }
      assertEquals(jdk.matches(Path.of(path)), mine.matches(path), g + " on " + path);
      compared++;
    }
    assertTrue(compared > 10_000, "compared " + compared);
  }

  /** Many stars on a long name that does not match: the JDK's regex backtracked for minutes. */
  @Test
  void manyStarsDoNotBacktrack() {
    String glob = "*a".repeat(40) + "*b";
    String name = "a".repeat(20_000) + ".yaml";
    long t0 = System.nanoTime();
    assertFalse(Glob.compile(glob).matches(name));
    assertTrue(Glob.compile("**a*a*a*a**").matches(name));
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 2_000, "glob matching too slow");
    assertThrows(PatternSyntaxException.class, () -> Glob.compile("*".repeat(5000)));
  }
}
