// What the microphone would have heard: two sounds made now and then in a quiet room, the room alone, and one
// recording far too quiet to find anything in.
evaluate(new File(itScripts, 'long-recordings.groovy'))

Properties truth = new Properties()
['low', 'high'].eachWithIndex { name, s ->
    def (samples, segments) = longRecording(name, 15, 800 + s)
    writeWav(new File(basedir, "takes/${name}.wav"), samples)
    truth.setProperty(name, segments.collect { "${it[0]}:${it[1]}" }.join(' '))
}
new File(basedir, 'truth.properties').withWriter { truth.store(it, 'where the sounds are, in seconds') }
writeWav(new File(basedir, 'takes/room.wav'), room(8, 900))
float[] quiet = room(3, 901)
for (int i = 0; i < quiet.length; i++) {
    quiet[i] *= 0.01f
}
writeWav(new File(basedir, 'takes/quiet.wav'), quiet)
true
