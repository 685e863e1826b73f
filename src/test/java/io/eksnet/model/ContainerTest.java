package io.eksnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerTest {

  private static Container container(String name, String image) {
    return new Container(0, name, image, List.of(), null, null, null, Map.of(), List.of());
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "gateway, docker.io/envoyproxy/envoy:distroless-v1.33.0, true",
    "envoy, 840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod, true",
    "proxy, registry.local:5000/istio/proxyv2@sha256:0123abcd, true",
    "istio-proxy, docker.io/istio/proxyv2:1.24.0, true",
    "istio-proxy, auto, true",
    "app, auto, true",
    "app, registry.local:5000/envoy-config/app:1.0, false",
    "app, docker.io/library/nginx:1.27, false",
    "app, proxyv2-lookalike:1.0, false",
    "app, , false"
  })
  void aProxyWhoseListenersAreSetAtRunTimeIsKnownByItsImageOrName(
      String name, String image, boolean expected) {
    assertEquals(expected, container(name, image).isRuntimeConfiguredProxy());
  }

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2380|--listen-peer-urls=http://0.0.0.0:2380|true",
        "2380|--listen-peer-urls=http://0.0.0.0:12380|false",
        "2380|--port=23800|false",
        "80|:80|true"
      })
  void aPortIsMentionedOnlyAsAWholeNumber(int port, String arg, boolean expected) {
    Container c = new Container(0, "c", "i", List.of(), null, null, null, Map.of(), List.of(arg));
    assertEquals(expected, c.mentionsPort(port));
  }
}
