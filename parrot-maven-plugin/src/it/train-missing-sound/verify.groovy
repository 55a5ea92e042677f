def log = new File(basedir, 'build.log').text
def expected = new File(basedir, 'recordings/snap').canonicalFile
assert log.contains("Sound 'snap' has no folder")
assert log.contains(expected.path) || log.contains(new File(basedir, 'recordings/snap').path)
assert !new File(basedir, 'target/models/sounds.json').exists()
// A user-fixable problem: the build fails with the message; nothing of ours printed a stack trace before that
// (the invoker runs Maven with -e, so Maven itself prints one after BUILD FAILURE).
assert !log.substring(0, log.indexOf('BUILD FAILURE')).contains('\tat ')
return true
