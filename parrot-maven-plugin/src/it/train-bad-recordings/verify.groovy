import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def model = new JsonSlurper().parse(new File(basedir, 'target/models/sounds.json'))

def skipped = model.training.skipped.collectEntries { [(it.file): it.reason] }
assert skipped.keySet() == ['click/alaw.wav', 'click/empty.wav', 'click/notes.wav', 'click/truncated.wav',
                            'click/zero-channels.wav'] as Set
assert skipped['click/empty.wav'].contains('empty')
assert skipped['click/notes.wav'].contains('not a WAV file')
assert skipped['click/truncated.wav'].contains('truncated')
assert skipped['click/alaw.wav'].contains('A-law')
assert skipped['click/zero-channels.wav'].contains('0 channels')

// Each is named in a warning, and none ends the build.
skipped.keySet().each { file ->
    assert log.contains('[WARNING] Skipped ' + new File(basedir, 'recordings/' + file).path)
}
assert model.training.sounds*.recordings == [5, 5]
assert !log.contains('Exception')
return true
