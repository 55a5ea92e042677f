// Long recordings of two sounds to train on, with the room learned as silence between them, and apart from them a
// long recording of both with its truth as Parrot.py names a hand-made one.
evaluate(new File(itScripts, 'long-recordings.groovy'))

['low', 'high'].eachWithIndex { name, s ->
    def (samples, segments) = longRecording(name, 15, 500 + s)
    writeWav(new File(basedir, "recordings/$name/session.wav"), samples)
}

def (lows, lowTruth) = longRecording('low', 12, 600)
def (highs, highTruth) = longRecording('high', 12, 700)
float[] mixed = new float[lows.length + highs.length]
System.arraycopy(lows, 0, mixed, 0, lows.length)
System.arraycopy(highs, 0, mixed, lows.length, highs.length)
writeWav(new File(basedir, 'live/session.wav'), mixed)
String lowSrt = srt(lowTruth, 'low')
String highSrt = srt(highTruth.collect { [it[0] + 12, it[1] + 12] }, 'high')
int n = lowTruth.size()
highSrt = highSrt.replaceAll(/(?m)^(\d+)$/) { all, i -> String.valueOf((i as int) + n) }
new File(basedir, 'live/session.MANUAL.srt').text = lowSrt + highSrt
new File(basedir, 'onsets.txt').text = "${lowTruth.size()} ${highTruth.size()}"
true
