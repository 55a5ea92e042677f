// Maven cannot create the report under site plugin 3.3, before any code of ours runs; train, which runs first, says
// in one line what to pin.
def log = new File(basedir, 'build.log').text
def warning = log.readLines().find { it.startsWith('[WARNING] The Parrot report under <reporting> needs a newer site plugin') }
assert warning : 'train did not warn about the old site plugin'
assert warning.contains('than maven-site-plugin 3.3, which fails with NoClassDefFoundError: DocumentContent: pin'
        + ' <artifactId>maven-site-plugin</artifactId><version>3.21.0</version>')
assert log.indexOf(warning) < log.indexOf('maven-site-plugin:3.3:site') : 'the warning came after the site'
return true
