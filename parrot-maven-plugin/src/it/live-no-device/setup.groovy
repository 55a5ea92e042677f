evaluate(new File(itScripts, 'long-recordings.groovy'))
['low', 'high'].eachWithIndex { name, s ->
    def (samples, segments) = longRecording(name, 12, 1000 + s)
    writeWav(new File(basedir, "recordings/$name/session.wav"), samples)
}
true
