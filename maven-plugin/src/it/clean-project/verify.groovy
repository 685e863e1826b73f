import groovy.json.JsonSlurper

def sarif = new JsonSlurper().parse(new File(basedir, 'target/eksnet.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs.size() == 1
def run = sarif.runs[0]
assert run.tool.driver.name == 'eksnet'
assert run.tool.driver.rules.size() >= 5 : 'every enabled rule is described'
assert run.results == [] : "no findings expected: ${run.results}"
assert run.invocations[0].executionSuccessful

def json = new JsonSlurper().parse(new File(basedir, 'target/eksnet.json'))
assert json.summary.findings == 0
assert json.summary.files == 2 : 'the manifest and the values file were read'
assert new File(basedir, 'target/eksnet.txt').text.startsWith('No findings in 2 files')
true
