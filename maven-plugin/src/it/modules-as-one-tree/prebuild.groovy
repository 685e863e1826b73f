// The repository root: report URIs must be relative to it, not to the module.
assert new File(basedir, '.git').mkdirs() || new File(basedir, '.git').isDirectory()
