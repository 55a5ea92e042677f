import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
def model = new JsonSlurper().parse(new File(basedir, 'target/models/sounds.json'))
assert model.labels == ['high', 'low', 'silence']
assert model.background == ['silence']
// The microphone folders train one sound.
assert model.training.sounds.find { it.sound == 'low' }.recordings == 2
// Short sounds recorded only in long recordings get an onset model: each segment's start is an onset of its sound, the
// onsets between the segments the silence's; their segments are placed in calibration's simulated streams.
assert model.onsets != null : 'no onset model'
['high', 'low', 'silence'].each { s -> assert model.onsets.examples[model.onsets.classes.indexOf(s)] > 0 : model.onsets }
assert model.calibration.streams.count > 0 : model.calibration
assert log.contains('each segment of a long recording, as recorded')

// What was found, where a user can open it, next to the truth: every sound, each within 20 ms.
Properties truth = new Properties()
new File(basedir, 'truth.properties').withReader { truth.load(it) }
truth.each { folder, segments ->
    List expected = segments.split(' ').collect { it.split(':').collect { Double.parseDouble(it) } }
    File srt = new File(basedir, "target/parrot/segments/$folder/session.srt")
    assert srt.isFile() : "no $srt"
    List found = srt.text.split('\n\n').findAll { it.trim() }.collect { entry ->
        def m = entry =~ /(\d\d):(\d\d):(\d\d),(\d{3}) --> (\d\d):(\d\d):(\d\d),(\d{3})/
        assert m.find() : entry
        def s = { int g ->
            (m.group(g) as int) * 3600 + (m.group(g + 1) as int) * 60 + (m.group(g + 2) as int) + (m.group(g + 3) as int) / 1000d
        }
        [s(1), s(5)]
    }
    assert found.size() == expected.size() : "$folder: found $found, truth $expected"
    found.eachWithIndex { f, i ->
        assert Math.abs(f[0] - expected[i][0]) <= 0.02 && Math.abs(f[1] - expected[i][1]) <= 0.02 : "$folder $i: $f vs ${expected[i]}"
    }
    assert srt.text.split('\n')[2] == (folder.startsWith('low') ? 'low' : 'high')
}
int lowSegments = truth.getProperty('low--desk').split(' ').size() + truth.getProperty('low--headset').split(' ').size()
assert log =~ /low\s+2 recordings,\s+\d+ windows with sound, $lowSegments segments, \d+\.\d s of sound \(detected\)/
// The user's recordings folder is left as it was.
assert new File(basedir, 'recordings/high').list().toList() == ['session.wav']

List<String> lines = new File(basedir, 'target/parrot/classifications.csv').readLines()
['low', 'high'].each { sound ->
    assert lines.count { it.startsWith("$sound/clip") && it.split(',')[1] == sound } == 2 : lines.join('\n')
}
assert lines.any { it.startsWith('silence/room.wav,silence,') } : lines.join('\n')

// The long recording's events from the model's own detector, beside it in Parrot.py's format and as CSV, measured
// against its truth in the log and in the JSON.
int onsets = new File(basedir, 'mixed-onsets.txt').text as int
File events = new File(basedir, 'target/parrot/events/mixed.srt')
assert events.isFile() : "no $events"
assert events.text =~ /(?m)^00:00:\d\d,\d{3} --> 00:00:\d\d,\d{3}\nlow$/
assert events.text =~ /(?m)^00:00:\d\d,\d{3} --> 00:00:\d\d,\d{3}\nhigh$/
List<String> csv = new File(basedir, 'target/parrot/events/mixed.csv').readLines()
assert csv[0] == 'time_seconds,sound,confidence,level_dbfs,event'
assert csv.size() > 1
assert log =~ /Live detection on 1 recording with a truth SRT: recall of onsets \d\.\d{3} \(\d+ of $onsets\), \d+\.\d{2} false alarms per minute/
def unseen = new JsonSlurper().parse(new File(basedir, 'target/parrot/sounds-unseen.json'))
assert unseen.events.recordings*.file == ['mixed.wav']
assert unseen.events.overall.onsets == onsets
assert unseen.events.overall.recall >= 0.8 : unseen.events.overall
true
