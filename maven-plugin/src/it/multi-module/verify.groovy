import groovy.json.JsonSlurper

// One SARIF per module; every URI is relative to the repository root (the directory holding .git),
// names a file that exists there, and each module reports only its own files.
def expected = [
  ''               : ['platform/gateway.yaml'],
  'mod-a/'         : ['mod-a/k8s/web.yaml'],
  'services/mod-b/': ['services/mod-b/deploy/nlb.yaml'],
]
// and each run names its own analysis (automationDetails.id = artifactId/), so GitHub accepts the
// files uploaded together
def categories = ['': 'multi-module/', 'mod-a/': 'mod-a/', 'services/mod-b/': 'mod-b/']
expected.each { module, uris ->
  def file = new File(basedir, "${module}target/eksnet.sarif")
  assert file.isFile() : "${file} written"
  def run = new JsonSlurper().parse(file).runs[0]
  assert run.automationDetails?.id == categories[module] : "${module ?: 'parent'}: ${run.automationDetails}"
  def seen = run.results.collect { it.locations[0].physicalLocation.artifactLocation.uri } as Set
  assert seen == uris as Set : "${module ?: 'parent'}: ${seen}"
  seen.each { uri ->
    assert !uri.startsWith('/') && !uri.contains('..') && !uri.contains(':') && !uri.contains('\\')
    assert new File(basedir, uri).isFile() : "${uri} exists under the repository root"
  }
}
assert new File(basedir, 'build.log').text.contains('using a thread pool with 2 threads') ||
    new File(basedir, 'build.log').text.contains('MultiThreadedBuilder')
true
