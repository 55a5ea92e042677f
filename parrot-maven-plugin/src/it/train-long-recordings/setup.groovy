// Plain long recordings without segments, one sound recorded with two microphones (low--desk, low--headset), and
// where the sounds truly are, for verify.groovy to compare the detected segments with.
evaluate(new File(itScripts, 'long-recordings.groovy'))

File recordings = new File(basedir, 'recordings')
Properties truth = new Properties()
[['low--desk', 'low', 15], ['low--headset', 'low', 12], ['high', 'high', 15]].eachWithIndex { f, i ->
    def (samples, segments) = longRecording(f[1], f[2], 300 + i)
    writeWav(new File(recordings, "${f[0]}/session.wav"), samples)
    truth.setProperty(f[0], segments.collect { "${it[0]}:${it[1]}" }.join(' '))
}
new File(basedir, 'truth.properties').withWriter { truth.store(it, 'where the sounds are, in seconds') }

['low', 'high'].eachWithIndex { name, s ->
    (0..<2).each { t -> writeWav(new File(basedir, "unseen/$name/clip$t" + '.wav'), clip(name, 9000 + 10 * s + t)) }
}
writeWav(new File(basedir, 'unseen/silence/room.wav'), room(2, 9100))

// A long recording of both sounds, made apart from training, with its truth beside it as Parrot.py names a
// hand-made one: classify plays it through the live detector and measures the events against it.
def (lows, lowTruth) = longRecording('low', 12, 9200)
def (highs, highTruth) = longRecording('high', 12, 9300)
float[] mixed = room(24, 9400)
System.arraycopy(lows, 0, mixed, 0, lows.length)
System.arraycopy(highs, 0, mixed, lows.length, highs.length)
writeWav(new File(basedir, 'unseen/mixed.wav'), mixed)
String lowSrt = srt(lowTruth, 'low')
String highSrt = srt(highTruth.collect { [it[0] + 12, it[1] + 12] }, 'high')
// Numbered on from the low ones: one SRT of both sounds.
int n = lowTruth.size()
highSrt = highSrt.replaceAll(/(?m)^(\d+)$/) { all, i -> String.valueOf((i as int) + n) }
new File(basedir, 'unseen/mixed.MANUAL.srt').text = lowSrt + highSrt
new File(basedir, 'mixed-onsets.txt').text = String.valueOf(lowTruth.size() + highTruth.size())
true
