package io.eksnet.aws;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON printed by {@code aws ec2 describe-instance-types} (an object with an {@code
 * InstanceTypes} array, or that array alone) into instance types for {@link
 * InstanceTypes#withOverrides}. Used fields: {@code InstanceType}, {@code
 * NetworkInfo.{MaximumNetworkInterfaces, Ipv4AddressesPerInterface, DefaultNetworkCardIndex,
 * NetworkCards[].{NetworkCardIndex, MaximumNetworkInterfaces}, MaximumNetworkCards}}, {@code
 * Hypervisor}, {@code BareMetal}, {@code VCpuInfo.DefaultVCpus} and {@code MemoryInfo.SizeInMiB}.
 *
 * <p>As in the VPC CNI, the ENI count that matters is the default network card's, not the
 * instance-wide {@code MaximumNetworkInterfaces} (they differ on multi-card types such as
 * p5.48xlarge: 2 vs 64). The output says nothing about trunking or branch ENIs; those stay unknown
 * (or keep the built-in values when overriding).
 *
 * <p>Bad input is reported as problems with line and column, never thrown; an entry with a problem
 * is left out.
 */
public final class DescribeInstanceTypesFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DescribeInstanceTypesFile() {}

  /**
   * A problem in the file.
   *
   * @param line 1-based line
   * @param column 1-based column
   * @param message what is wrong
   */
  public record Problem(int line, int column, String message) {
    @Override
    public String toString() {
      return line + ":" + column + ": " + message;
    }
  }

  /**
   * What was read.
   *
   * @param instanceTypes the well-formed entries, in file order
   * @param problems the problems found; empty for a clean file
   */
  public record Result(List<InstanceType> instanceTypes, List<Problem> problems) {
    /** Copies both lists. */
    public Result {
      instanceTypes = List.copyOf(instanceTypes);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads a file.
   *
   * @throws IOException when the file cannot be read (bad content is a {@link Problem} instead)
   */
  public static Result read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r);
    }
  }

  /** Reads JSON text. */
  public static Result parse(String json) {
    try {
      return read(new StringReader(json));
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  private static Result read(Reader reader) throws IOException {
    List<InstanceType> types = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (JsonParser p = MAPPER.createParser(reader)) {
      JsonToken first = p.nextToken();
      JsonLocation start = p.currentTokenLocation();
      if (first == JsonToken.START_OBJECT) {
        if (!seekInstanceTypesArray(p)) {
          problems.add(problem(start, "no \"InstanceTypes\" array found"));
          return new Result(types, problems);
        }
      } else if (first != JsonToken.START_ARRAY) {
        problems.add(
            problem(
                start,
                "expected the JSON of aws ec2 describe-instance-types (an object with"
                    + " \"InstanceTypes\", or an array)"));
        return new Result(types, problems);
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        JsonLocation at = p.currentTokenLocation();
        JsonNode entry = MAPPER.readTree(p);
        try {
          types.add(toInstanceType(entry));
        } catch (IllegalArgumentException e) {
          problems.add(problem(at, e.getMessage()));
        }
      }
    } catch (JsonProcessingException e) {
      problems.add(problem(e.getLocation(), "malformed JSON: " + e.getOriginalMessage()));
    }
    return new Result(types, problems);
  }

  /** Moves to the START_ARRAY of the top-level "InstanceTypes" field; false if there is none. */
  private static boolean seekInstanceTypesArray(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("InstanceTypes") && value == JsonToken.START_ARRAY) {
        return true;
      }
      p.skipChildren();
    }
    return false;
  }

  private static InstanceType toInstanceType(JsonNode e) {
    if (!e.isObject()) {
      throw new IllegalArgumentException("an InstanceTypes entry must be an object");
    }
    String name = text(e, "InstanceType");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("entry without \"InstanceType\"");
    }
    try {
      return toInstanceType(name, e);
    } catch (IllegalArgumentException ex) {
      String m = ex.getMessage();
      throw new IllegalArgumentException(m.startsWith(name + ": ") ? m : name + ": " + m, ex);
    }
  }

  private static InstanceType toInstanceType(String name, JsonNode e) {
    JsonNode net = e.path("NetworkInfo");
    Integer allEnis = integer(net, "NetworkInfo.MaximumNetworkInterfaces");
    Integer ipv4PerEni = integer(net, "NetworkInfo.Ipv4AddressesPerInterface");
    if (allEnis == null || ipv4PerEni == null) {
      throw new IllegalArgumentException(
          "NetworkInfo.MaximumNetworkInterfaces and Ipv4AddressesPerInterface are required");
    }
    int defaultCard = net.path("DefaultNetworkCardIndex").asInt(0);
    Integer defaultCardEnis = null;
    int cards = 0;
    for (JsonNode card : net.path("NetworkCards")) {
      cards++;
      if (card.path("NetworkCardIndex").asInt(0) == defaultCard) {
        defaultCardEnis = integer(card, "NetworkInfo.NetworkCards[].MaximumNetworkInterfaces");
      }
    }
    int networkCards = Math.max(cards, net.path("MaximumNetworkCards").asInt(1));
    int maxEnis = defaultCardEnis != null ? defaultCardEnis : allEnis;
    JsonNode bareMetal = e.get("BareMetal");
    if (bareMetal != null && !bareMetal.isBoolean()) {
      throw new IllegalArgumentException("BareMetal must be true or false");
    }
    return new InstanceType(
        name,
        maxEnis,
        ipv4PerEni,
        Hypervisor.parse(text(e, "Hypervisor")),
        bareMetal != null && bareMetal.booleanValue(),
        networkCards,
        Math.max(allEnis, maxEnis),
        null,
        null,
        integer(e.path("VCpuInfo"), "VCpuInfo.DefaultVCpus"),
        integer(e.path("MemoryInfo"), "MemoryInfo.SizeInMiB"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return v.textValue();
  }

  /** The integer at the last segment of {@code path} in {@code node}; null when absent. */
  private static Integer integer(JsonNode node, String path) {
    JsonNode v = node.get(path.substring(path.lastIndexOf('.') + 1));
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new IllegalArgumentException(path + " must be an integer, found " + v);
    }
    return v.intValue();
  }

  private static Problem problem(JsonLocation at, String message) {
    return at == null
        ? new Problem(0, 0, message)
        : new Problem(at.getLineNr(), at.getColumnNr(), message);
  }
}
