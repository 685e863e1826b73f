package io.eksnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class VpcEndpointTest {

  @Test
  void serviceNameLosesItsPartitionPrefixAndRegion() {
    assertEquals("ecr.dkr", VpcEndpoint.shortService("com.amazonaws.eu-west-1.ecr.dkr"));
    assertEquals("s3", VpcEndpoint.shortService("com.amazonaws.us-gov-west-1.s3"));
    assertEquals("ecr.api", VpcEndpoint.shortService("cn.com.amazonaws.cn-north-1.ecr.api"));
    assertEquals(
        "elasticloadbalancing",
        VpcEndpoint.shortService(" com.amazonaws.ap-southeast-2.elasticloadbalancing "));
  }

  @Test
  void namesWithoutARegionAreNoAwsServiceOfTheVpc() {
    assertNull(VpcEndpoint.shortService(null));
    assertNull(VpcEndpoint.shortService("com.amazonaws.route53"));
    assertNull(VpcEndpoint.shortService("com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"));
  }
}
