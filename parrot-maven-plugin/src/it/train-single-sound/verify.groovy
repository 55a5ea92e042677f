def log = new File(basedir, 'build.log').text
assert log.contains('A model needs at least two sounds to tell apart')
assert log.contains("only 'click'")
assert !new File(basedir, 'target/models/sounds.model').exists()
// A user-fixable problem: the build fails with the message; nothing of ours printed a stack trace before that
// (the invoker runs Maven with -e, so Maven itself prints one after BUILD FAILURE).
assert !log.substring(0, log.indexOf('BUILD FAILURE')).contains('\tat ')
return true
