// Synthesizes the recordings: three sounds a model tells apart easily, four takes each to train on and two more
// each that it never sees, one recording in a folder that names no sound, and one broken file.
evaluate(new File(itScripts, 'long-recordings.groovy'))

// A take: the sound between 0.1 s of digital silence.
def write = { File file, float[] body ->
    int pad = (int) (0.1 * rate)
    float[] x = new float[body.length + 2 * pad]
    System.arraycopy(body, 0, x, pad, body.length)
    writeWav(file, x)
}

['low', 'high', 'rush'].eachWithIndex { name, s ->
    (0..<4).each { t -> write(new File(basedir, "recordings/$name/take$t" + '.wav'), sound(name, 0.25, 100 * s + t)) }
    (0..<2).each { t -> write(new File(basedir, "unseen/$name/new$t" + '.wav'), sound(name, 0.25, 1000 + 100 * s + t)) }
}
write(new File(basedir, 'unseen/unsorted/mystery.wav'), sound('high', 0.25, 5000))
new File(basedir, 'unseen/rush/broken.wav').bytes = [1, 2, 3] as byte[]
true
