import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
File recordings = new File(basedir, 'data/recordings')
Properties truth = new Properties()
new File(basedir, 'truth.properties').withReader { truth.load(it) }

// Parrot.py's layout: <sound>/source/<timestamp>.wav and <sound>/segments/<timestamp>.v1.srt, nothing else.
def stamp = /\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d(_\d+)?/
['low', 'high'].each { sound ->
    List<String> wavs = new File(recordings, "$sound/source").list().sort()
    assert wavs.every { it ==~ /$stamp\.wav/ } : wavs
    String name = wavs[0] - '.wav'
    File srt = new File(recordings, "$sound/segments/${name}.v1.srt")
    assert srt.isFile() : "no $srt"
    // The takes found are where the sounds are (the high one cut at -Dparrot.seconds=10), each within 20 ms.
    List expected = truth.getProperty(sound).split(' ').collect { it.split(':').collect { Double.parseDouble(it) } }
            .findAll { sound == 'low' || it[0] < 10 }.collect { sound == 'low' ? it : [it[0], Math.min(it[1], 10d)] }
    List found = srt.text.split('\n\n').findAll { it.trim() }.collect { entry ->
        def m = entry =~ /(\d\d):(\d\d):(\d\d),(\d{3}) --> (\d\d):(\d\d):(\d\d),(\d{3})\n(\S+)/
        assert m.find() : entry
        def s = { int g -> (m.group(g) as int) * 3600 + (m.group(g + 1) as int) * 60 + (m.group(g + 2) as int) + (m.group(g + 3) as int) / 1000d }
        assert m.group(9) == sound
        [s(1), s(5)]
    }
    assert found.size() == expected.size() : "$sound: found $found, truth $expected"
    found.eachWithIndex { f, i ->
        assert Math.abs(f[0] - expected[i][0]) <= 0.02 && Math.abs(f[1] - expected[i][1]) <= 0.02 : "$sound $i: $f vs ${expected[i]}"
    }
    assert log.contains("${expected.size()} takes of $sound, ")
}
assert log.contains('Recorded 10.0 s of high: ')
assert new File(recordings, 'background/source').list().size() == 1
assert !new File(recordings, 'background/segments').exists()
assert log.contains('Background is learned whole')

// The quiet recording is kept, with a warning, and no segments: training skips it with its reason.
List<String> lows = new File(recordings, 'low/source').list().sort()
assert lows.size() == 2 : lows
assert new File(recordings, 'low/segments').list().size() == 1
assert log =~ /\[WARNING\] No take found in $stamp\.wav: nothing rose 12 dB above the noise floor/
assert log.contains('Too quiet to segment')

// Trained on as it was written: both sounds, their takes from the SRTs, the room as background.
def model = new JsonSlurper().parse(new File(basedir, 'target/models/sounds.json'))
assert model.labels == ['background', 'high', 'low', 'silence']
assert model.background == ['background', 'silence']
assert model.training.skipped*.file == ["low/source/${lows[1]}".toString()]
int lowTakes = truth.getProperty('low').split(' ').size()
assert log =~ /low\s+1 recordings,\s+\d+ windows with sound, $lowTakes segments, \d+\.\d s of sound \(from SRT\) \(1 skipped\)/
assert !log.contains('\tat ')
true
