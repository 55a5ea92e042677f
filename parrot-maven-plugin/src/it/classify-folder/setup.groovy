// Synthesizes the recordings: three sounds a model tells apart easily, four takes each to train on and two more
// each that it never sees, one recording in a folder that names no sound, and one broken file.
import java.nio.ByteBuffer
import java.nio.ByteOrder

int rate = 16000

def sound = { String name, long seed ->
    Random random = new Random(seed)
    int n = (int) (0.25 * rate)
    double drift = 1 + 0.03 * random.nextGaussian()
    double[] partials = (0..<30).collect { 400 + 4600 * random.nextDouble() } as double[]
    float[] x = new float[n]
    for (int i = 0; i < n; i++) {
        double t = i / (double) rate
        double fade = Math.min(1d, Math.min(t, 0.25 - t) / 0.01)
        double v
        if (name == 'low') {
            v = 0.5 * Math.sin(2 * Math.PI * 300 * drift * t)
        } else if (name == 'high') {
            v = 0.5 * Math.sin(2 * Math.PI * 3000 * drift * t)
        } else {
            double sum = 0
            for (double f : partials) {
                sum += Math.sin(2 * Math.PI * f * t)
            }
            v = 0.3 / Math.sqrt(15d) * sum
        }
        x[i] = (float) (fade * v)
    }
    x
}

def write = { File file, float[] body ->
    int pad = (int) (0.1 * rate)
    int n = body.length + 2 * pad
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN)
    b.put('RIFF'.bytes).putInt(36 + 2 * n).put('WAVE'.bytes)
    b.put('fmt '.bytes).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
            .putShort((short) 2).putShort((short) 16)
    b.put('data'.bytes).putInt(2 * n)
    for (int i = 0; i < n; i++) {
        float v = i < pad || i >= pad + body.length ? 0f : body[i - pad]
        b.putShort((short) Math.round(Math.max(-1f, Math.min(1f, v)) * 32767f))
    }
    file.parentFile.mkdirs()
    file.bytes = b.array()
}

['low', 'high', 'rush'].eachWithIndex { name, s ->
    (0..<4).each { t -> write(new File(basedir, "recordings/$name/take$t" + '.wav'), sound(name, 100 * s + t)) }
    (0..<2).each { t -> write(new File(basedir, "unseen/$name/new$t" + '.wav'), sound(name, 1000 + 100 * s + t)) }
}
write(new File(basedir, 'unseen/unsorted/mystery.wav'), sound('high', 5000))
new File(basedir, 'unseen/rush/broken.wav').bytes = [1, 2, 3] as byte[]
true
