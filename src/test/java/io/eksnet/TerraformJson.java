package io.eksnet;

/** Small {@code terraform show -json} documents for tests, built from resources. */
public final class TerraformJson {

  private TerraformJson() {}

  /**
   * A managed root-module resource: {@code address} is {@code type.name} or {@code
   * type.name[index]}; {@code values} is its JSON object.
   */
  public static String resource(String address, String values) {
    return resource(address, address.substring(0, address.indexOf('.')), values);
  }

  /**
   * {@link #resource(String, String)} with the type given (it must be the address's first part).
   */
  public static String resource(String address, String type, String values) {
    String name = address.substring(address.indexOf('.') + 1).replaceAll("\\[.*", "");
    String index =
        address.contains("[") ? ", \"index\": " + address.replaceAll(".*\\[(\\d+)\\]", "$1") : "";
    return "{\"address\": \""
        + address
        + "\", \"mode\": \"managed\", \"type\": \""
        + type
        + "\", \"name\": \""
        + name
        + "\""
        + index
        + ", \"values\": "
        + values
        + "}";
  }

  /** A state (format 1.0) holding these resources in its root module. */
  public static String state(String... resources) {
    return "{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": ["
        + String.join(",", resources)
        + "]}}}";
  }
}
