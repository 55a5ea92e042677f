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
true
