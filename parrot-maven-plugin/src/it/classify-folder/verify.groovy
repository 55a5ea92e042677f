import groovy.json.JsonSlurper

File reports = new File(basedir, 'target/parrot')
File csv = new File(reports, 'classifications.csv')
assert csv.isFile() : "no $csv"
List<String> lines = csv.readLines()
assert lines[0].startsWith('file,label,confidence,')
// 6 labelled recordings and the unsorted one; the broken file is skipped.
assert lines.size() == 8 : lines.join('\n')
assert lines.any { it.startsWith('unsorted/mystery.wav,high,') && it.endsWith(',') } : lines.join('\n')
['low', 'high', 'rush'].each { sound ->
    assert lines.count { it.startsWith("$sound/new") && it.endsWith(",$sound") } == 2 : lines.join('\n')
}

def unseen = new JsonSlurper().parse(new File(reports, 'sounds-unseen.json'))
assert unseen.model == 'sounds'
assert unseen.recordings == 6
assert !unseen.trainingData
assert unseen.accuracy >= 0.8 : "accuracy on unseen recordings: $unseen.accuracy"
assert unseen.confusionMatrix.labels == ['high', 'low', 'rush']
assert unseen.confusionMatrix.counts.flatten().sum() == 6
assert unseen.skipped*.file == ['rush/broken.wav']

String log = new File(basedir, 'build.log').text
assert log.contains('Skipped rush/broken.wav') : 'the broken recording is reported by name'
assert log.contains('Accuracy on 6 recordings the model never saw')
assert log.contains('unsorted/mystery.wav')
true
