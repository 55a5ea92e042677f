def log = new File(basedir, 'build.log').text
assert log.contains('Model written to')
// Any version: the failure is the check goal's.
assert log =~ /parrot-maven-plugin:[^:\s]+:check \(check\)/
assert log.contains('Model twins does not pass its quality gate:')
assert log =~ /click(-twin)?: recall \d+\.\d% is below the minimum recall of 90\.0%; heard as click(-twin)? in/
assert log.contains('What to do: record more takes of click')
assert log.contains('lower <minimumAccuracy> / <minimumRecall>')
// Training itself succeeded: the model is there for the report to show what went wrong.
assert new File(basedir, 'target/models/twins.json').isFile()
assert !log.substring(0, log.indexOf('BUILD FAILURE')).contains('\tat ')
return true
