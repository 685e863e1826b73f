import groovy.json.JsonSlurper

// The in-tree NLB Services are suppressed by a comment, an annotation and the config's ignore: no results, the
// build passed with failOn=medium. The JSON report lists them with their reasons.
def sarif = new JsonSlurper().parse(new File(basedir, 'target/eksnet.sarif'))
assert sarif.runs[0].results == [] : "suppressed findings stay out of the GitHub file: ${sarif.runs[0].results}"
def findings = new JsonSlurper().parse(new File(basedir, 'target/eksnet.json')).findings
assert findings.size() == 3
assert findings.every { it.ruleId == 'EKS-SVC-001' }
def reasons = findings.collectEntries { [(it.object): it.suppressed] }
assert reasons['Service/shop/legacy'].startsWith('the application reads proxy protocol set up outside Kubernetes (comment at k8s/services.yaml:8:3)')
assert reasons['Service/shop/old'].startsWith('retired next release (annotation eksnet.io/ignore at k8s/services.yaml:20:5)')
assert reasons['Service/legacy/old-web'].startsWith('legacy cluster, replaced next quarter')

// The suppression that matches nothing is reported.
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] note: k8s/services.yaml:') && log.contains('suppression of EKS-LB-003 matches no finding')
true
