import groovy.json.JsonSlurper

// The build failed, and the SARIF was written before it did.
def file = new File(basedir, 'target/eksnet.sarif')
assert file.isFile() : 'SARIF written before the build failed'
def results = new JsonSlurper().parse(file).runs[0].results
def lb = results.find { it.ruleId == 'EKS-LB-002' }
assert lb : "EKS-LB-002 reported: ${results*.ruleId}"
assert lb.level == 'error'
def loc = lb.locations[0].physicalLocation
assert loc.artifactLocation.uri == 'k8s/app.yaml'
def line = loc.region.startLine
assert new File(basedir, 'k8s/app.yaml').readLines()[line - 1].contains('service:')

// Findings are logged as path:line: SEVERITY ID message, and fail with MojoFailureException.
def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] k8s/app.yaml:${line}: HIGH EKS-LB-002 ")
assert log.contains('eksnet: 1 finding(s) at or above HIGH')
assert log.contains('BUILD FAILURE')
true
