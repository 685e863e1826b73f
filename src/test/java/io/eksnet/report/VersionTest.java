package io.eksnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionTest {

  @Test
  void versionIsFilteredFromTheBuildAndIsSemVer() {
    String v = Version.get();
    assertNotEquals(Version.UNKNOWN, v, "io/eksnet/version.properties was not filtered");
    assertTrue(v.matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?"), v);
  }

  @Test
  void defaultOptionsReportThisVersion() {
    assertEquals(Version.get(), ReportOptions.defaults().toolVersion());
  }
}
