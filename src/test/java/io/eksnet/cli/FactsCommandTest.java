package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.engine.FactReference;
import io.eksnet.model.FactField;
import io.eksnet.model.Location;
import io.eksnet.model.PublicFact;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code eksnet facts}: the reference of the public fact types is generated from their annotations,
 * {@code docs/facts.md} is that output, and the reference is closed (a member's type is a public
 * fact, a location or a JDK type) and honest (every {@link FactField} is on a public member of a
 * {@link PublicFact} type).
 */
class FactsCommandTest {

  private final CliRun cli = new CliRun();

  @Test
  void docsFactsIsFresh() throws IOException {
    assertEquals(0, cli.run("facts", "--format", "markdown"));
    assertEquals(
        cli.out(),
        Files.readString(Path.of("docs/facts.md")),
        "docs/facts.md is stale: run `./eksnet facts --format markdown > docs/facts.md`");
  }

  @Test
  void theReferenceListsTheModelAndTheNeutralRelations() {
    Set<String> names =
        FactReference.facts().stream().map(FactReference.Fact::name).collect(Collectors.toSet());
    for (String n :
        List.of(
            "K8sObject",
            "Service",
            "Service.Port",
            "Ingress",
            "Workload",
            "Container",
            "TerraformResource",
            "Subnet",
            "SecurityGroup",
            "NodeGroup",
            "Database",
            "Selects",
            "ServiceBackends",
            "AlbIngress")) {
      assertTrue(names.contains(n), n + " missing from " + names);
    }
    FactReference.Fact service =
        FactReference.facts().stream().filter(f -> f.name().equals("Service")).findFirst().get();
    assertEquals("K8sObject", service.extendsFact());
    FactReference.Member type =
        service.members().stream().filter(m -> "type".equals(m.property())).findFirst().get();
    assertEquals("getType()", type.signature());
    assertEquals("String", type.type());
    assertTrue(
        service.members().stream()
            .anyMatch(m -> m.signature().equals("portAt(Service.Port, String...)")),
        service.members().toString());
  }

  @Test
  void textAndUsage() {
    assertEquals(0, cli.run("facts"));
    assertTrue(cli.out().contains("io.eksnet.model.Service extends K8sObject\n"), cli.out());
    assertTrue(cli.out().contains("  type : String  `spec.type`"), cli.out());
    assertEquals(2, cli.run("facts", "--format", "json"));
    assertTrue(cli.err().contains("unknown --format 'json' for facts"), cli.err());
  }

  @Test
  void everyAnnotatedMemberIsPublicAndEveryMemberTypeIsInTheReference() throws IOException {
    List<Class<?>> all = new ArrayList<>();
    Path classes = Path.of("target/classes");
    try (Stream<Path> s = Files.walk(classes.resolve("io/eksnet"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".class")).toList()) {
        String rel = classes.relativize(p).toString().replace('\\', '/');
        if (rel.startsWith("io/eksnet/rules/")) {
          continue;
        }
        try {
          all.add(
              Class.forName(
                  rel.substring(0, rel.length() - 6).replace('/', '.'),
                  false,
                  getClass().getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
          // not loadable here: not a fact
        }
      }
    }
    Set<Class<?>> facts =
        all.stream()
            .filter(c -> c.isAnnotationPresent(PublicFact.class))
            .collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (Class<?> c : all) {
      for (Method m : c.getDeclaredMethods()) {
        if (!m.isAnnotationPresent(FactField.class)) {
          continue;
        }
        String where = c.getName() + "." + m.getName();
        if (!facts.contains(c)) {
          problems.add(where + ": @FactField in a type without @PublicFact");
        }
        if (!Modifier.isPublic(m.getModifiers()) || !Modifier.isPublic(c.getModifiers())) {
          problems.add(where + ": @FactField on a member rules cannot call");
        }
        if (m.getReturnType() == void.class) {
          problems.add(where + ": @FactField on a void method");
        }
        for (Class<?> t : mentioned(m.getGenericReturnType())) {
          if (t.getName().startsWith("io.eksnet.") && !facts.contains(t) && t != Location.class) {
            problems.add(where + ": returns " + t.getName() + ", which the reference lacks");
          }
        }
      }
    }
    for (Class<?> c : facts) {
      if (!Modifier.isPublic(c.getModifiers())) {
        problems.add(c.getName() + ": @PublicFact on a type rules cannot import");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static List<Class<?>> mentioned(Type t) {
    List<Class<?>> out = new ArrayList<>();
    if (t instanceof Class<?> c) {
      out.add(c.isArray() ? c.getComponentType() : c);
    } else if (t instanceof ParameterizedType p) {
      out.addAll(mentioned(p.getRawType()));
      for (Type a : p.getActualTypeArguments()) {
        out.addAll(mentioned(a));
      }
    }
    return out;
  }
}
