assert !new File(basedir, 'target/eksnet.sarif').exists() : 'nothing scanned'
assert new File(basedir, 'build.log').text.contains('Skipping eksnet (eksnet.skip)')
true
