import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
def model = new JsonSlurper().parse(new File(basedir, 'target/models/sounds.json'))

assert model.labels == ['background', 'high', 'low', 'silence']
assert model.background == ['background', 'silence']
assert model.silenceLabel == 'silence'
// Two recordings per sound, none skipped: the MANUAL SRT won over the broken v1, comparison tracks were not read.
assert model.training.sounds.find { it.sound == 'high' }.recordings == 2
assert model.training.skipped.isEmpty() : model.training.skipped
assert !log.contains('_comparison.wav')
assert log =~ /low\s+2 recordings,\s+\d+ windows with sound, \d+ segments, \d+\.\d s of sound \(from SRT\)/
assert log =~ /background\s+2 recordings,\s+\d+ windows \(background\)/
assert log.contains("'silence' is learned from the audio between the sounds' segments; the learnSilence setting"
        + " turns this off. In Maven: the <learnSilence> parameter (-Dparrot.learnSilence=false).")
assert log =~ /Accuracy: 0\.\d{4}/
// Parrot.py's files are read, never written.
assert !new File(basedir, 'target/parrot/segments').exists()

List<String> lines = new File(basedir, 'target/parrot/classifications.csv').readLines()
assert lines.size() == 6 : lines.join('\n')
['low', 'high'].each { sound ->
    assert lines.count { it.startsWith("$sound/clip") && it.split(',')[1] == sound } == 2 : lines.join('\n')
}
assert lines.any { it.startsWith('silence/room.wav,silence,') } : lines.join('\n')
assert log.contains('Accuracy on 5 recordings the model never saw: 1.0000')
true
