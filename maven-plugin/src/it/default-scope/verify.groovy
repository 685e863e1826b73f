import groovy.json.JsonSlurper

def uris = { name ->
  def run = new JsonSlurper().parse(new File(basedir, "target/${name}")).runs[0]
  run.results.collect { it.locations[0].physicalLocation.artifactLocation.uri } as Set
}
// k8s/ and src/main/resources are the module's; src/test, .vscode and target are not
assert uris('eksnet.sarif') == ['k8s/web.yaml', 'src/main/resources/deploy/api.yaml'] as Set : uris('eksnet.sarif')
assert uris('with-tests.sarif') == ['k8s/web.yaml', 'src/main/resources/deploy/api.yaml',
    'src/test/resources/fixtures/bad.yaml'] as Set : uris('with-tests.sarif')

def log = new File(basedir, 'build.log').text
// the built-in rules are compiled without Drools' eval warnings
assert !log.contains('In an eval expression') : 'Drools warns about an eval'
// the help goal lists both goals
assert log.contains('eksnet:check') && log.contains('eksnet:help') : 'help output'
true
