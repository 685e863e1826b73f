import groovy.json.JsonSlurper

def run = new JsonSlurper().parse(new File(basedir, 'target/eksnet.sarif')).runs[0]
def rule = run.tool.driver.rules.find { it.id == 'ACME-SVC-001' }
assert rule : "the user rule is in the driver: ${run.tool.driver.rules*.id}"
assert rule.shortDescription.text == 'NodePort Services are not allowed in this company'
assert !rule.containsKey('helpUri') : 'user rules have no page in the eksnet repository'
assert run.tool.driver.rules.find { it.id == 'EKS-SVC-001' } : 'built-in rules still run'
def acme = run.results.find { it.ruleId == 'ACME-SVC-001' }
assert acme : "${run.results*.ruleId}"
assert acme.message.text == 'Service shop/web is a NodePort'
assert acme.locations[0].physicalLocation.artifactLocation.uri == 'k8s/web.yaml'
assert acme.ruleIndex == run.tool.driver.rules.findIndexOf { it.id == 'ACME-SVC-001' }
true
