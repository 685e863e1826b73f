package io.eksnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServicePortTest {

  private static Service.Port port(int port, String targetPort) {
    return new Service.Port(0, null, port, targetPort, null, "TCP");
  }

  @Test
  void portNamesFollowTheApiServersValidation() {
    for (String ok : new String[] {"http", "metrics-port", "h2c", "a", "grpc-health-015", "9p"}) {
      assertTrue(Service.isPortName(ok), ok);
    }
    for (String bad :
        new String[] {
          "",
          "HTTP",
          "PORT",
          "http_port",
          "a-very-long-port-name",
          "-web",
          "web-",
          "we--b",
          "8080",
          null
        }) {
      assertFalse(Service.isPortName(bad), String.valueOf(bad));
    }
  }

  @Test
  void placeholderPortsAreNotWellFormedAndHaveNoTargetNumber() {
    // port: PORT is loaded as 0
    Service.Port placeholder = port(0, "PORT");
    assertFalse(placeholder.isWellFormed());
    assertTrue(placeholder.isNamedTarget());
    assertEquals(-1, port(0, null).targetPortNumber(), "never port 0");
    assertFalse(port(0, null).isWellFormed());
    assertFalse(port(80, "HTTP").isWellFormed());
    assertFalse(port(80, "70000").isWellFormed());
  }

  @Test
  void ordinaryPortsAreWellFormed() {
    assertTrue(port(80, null).isWellFormed());
    assertEquals(80, port(80, null).targetPortNumber());
    assertTrue(port(80, "8080").isWellFormed());
    assertEquals(8080, port(80, "8080").targetPortNumber());
    assertFalse(port(80, "8080").isNamedTarget());
    assertTrue(port(80, "http").isWellFormed());
    assertTrue(port(80, "http").isNamedTarget());
    assertEquals(-1, port(80, "http").targetPortNumber());
  }
}
