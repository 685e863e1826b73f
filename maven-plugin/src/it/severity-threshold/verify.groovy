import groovy.json.JsonSlurper

// Invocation 1 (default failOn=high) passed, invocation 2 (failOn=medium) failed; both wrote SARIF.
for (name in ['default.sarif', 'eksnet.sarif']) {
  def results = new JsonSlurper().parse(new File(basedir, "target/${name}")).runs[0].results
  assert results.size() == 1 : "${name}: ${results}"
  assert results[0].ruleId == 'EKS-SVC-001'
  assert results[0].level == 'warning' : 'MEDIUM is a SARIF warning'
  assert results[0].locations[0].physicalLocation.region.startLine == 8
}
true
