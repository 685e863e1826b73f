// The build failed on the option itself: nothing was scanned, so no report was written.
def log = new File(basedir, 'build.log').text
assert log.contains("eksnet.failOn must be one of critical, high, medium, low, info, none, not 'hihg'") : log
assert !new File(basedir, 'target/eksnet.sarif').exists() : 'a report was written: the scan ran'
assert !log.contains('EKS-SVC-001') : 'findings were logged: the scan ran'
true
