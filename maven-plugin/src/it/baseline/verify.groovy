import groovy.json.JsonSlurper

// Invocation 1 wrote the baseline; invocation 2 compared with it and passed although the HIGH
// finding is still there, because it is unchanged.
def first = new JsonSlurper().parse(new File(basedir, 'target/eksnet.sarif')).runs[0].results
def second = new JsonSlurper().parse(new File(basedir, 'target/compared.sarif')).runs[0].results
assert first*.ruleId.contains('EKS-LB-002')
assert !first.any { it.containsKey('baselineState') }
assert second.size() == first.size()
assert second.every { it.baselineState == 'unchanged' } : "${second*.baselineState}"
assert new File(basedir, 'build.log').text.contains('unchanged, 0 absent')
true
