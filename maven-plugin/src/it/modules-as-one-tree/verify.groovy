import groovy.json.JsonSlurper

def results = { String path ->
  def file = new File(basedir, path)
  assert file.isFile() : "${file} written"
  new JsonSlurper().parse(file).runs[0].results
}
def summary = { list -> list.collect { "${it.ruleId} ${it.locations[0].physicalLocation.artifactLocation.uri}:${it.locations[0].physicalLocation.region.startLine}" } }
def log = new File(basedir, 'build.log').text

// The web module's own scan is a partial tree: its Ingress names Services that may be (and one
// is) in a sibling module, so the absence rule EKS-LB-004 does not run, and the ClusterIP Service
// in backend/ is not seen either.
def web = results('web/target/eksnet.sarif')
assert !web.any { it.ruleId in ['EKS-LB-004', 'EKS-LB-002'] } : summary(web)
assert log.contains('eksnet: partial tree, other modules not in this scan') : 'the partial tree is logged'
assert log.contains('rules that judge an absence did not run: ') && log.contains('EKS-LB-004') : 'and noted'

// The parent's own directory holds no manifest: said, not silent.
assert log.contains('eksnet: no YAML, JSON or .tf file to scan under .') : 'an empty scan is logged'

// The parent's execution whose <paths> name both modules scans them as one tree.
def all = results('target/eksnet-all.sarif')
def lb002 = all.findAll { it.ruleId == 'EKS-LB-002' }
assert lb002.size() == 1 : summary(all)
assert lb002[0].locations[0].physicalLocation.artifactLocation.uri == 'web/k8s/ingress.yaml'
assert lb002[0].relatedLocations.collect { it.physicalLocation.artifactLocation.uri } == ['backend/k8s/service.yaml']
// the related Service is linked from the message, as GitHub shows only linked related locations
assert lb002[0].message.text.contains('[Service shop/catalog](1)') : lb002[0].message.text
// the whole tree is no partial one: a backend missing from every module is reported
def lb004 = all.findAll { it.ruleId == 'EKS-LB-004' }
assert lb004.size() == 1 && lb004[0].message.text.contains('search') : summary(all)
assert !all.any { it.ruleId == 'EKS-LB-004' && it.message.text.contains('catalog') }
true
