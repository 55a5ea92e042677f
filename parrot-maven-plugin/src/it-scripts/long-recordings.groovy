// Shared by the setup scripts of the ITs that synthesize their audio: synthesizes sounds, room noise and long recordings as
// Parrot.py users make them (minutes of room with a sound now and then; here seconds), and writes WAV and SRT files.
// Evaluated in the caller's binding, it leaves closures there: sound, room, longRecording, writeWav, srt.
import java.nio.ByteBuffer
import java.nio.ByteOrder

rate = 16000

// 'low' (300 Hz), 'high' (3 kHz) or 'rush' (a dense mix of partials, like breath or talk), 10 ms fades.
sound = { String name, double seconds, long seed ->
    Random random = new Random(seed)
    int n = (int) (seconds * rate)
    double drift = 1 + 0.03 * random.nextGaussian()
    double[] partials = (0..<30).collect { 400 + 4600 * random.nextDouble() } as double[]
    float[] x = new float[n]
    for (int i = 0; i < n; i++) {
        double t = i / (double) rate
        double fade = Math.min(1d, Math.min(t, seconds - t) / 0.01)
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

// A quiet room: noise at about -50 dBFS.
room = { double seconds, long seed ->
    Random random = new Random(seed)
    float[] x = new float[(int) (seconds * rate)]
    for (int i = 0; i < x.length; i++) {
        x[i] = (float) (0.003 * random.nextGaussian())
    }
    x
}

// Room noise with a sound of 150 to 300 ms every second or so: [samples, [[start, end] seconds, ...]].
longRecording = { String name, double seconds, long seed ->
    Random random = new Random(seed)
    float[] x = room(seconds, seed)
    def truth = []
    double at = 0.5
    while (at + 0.6 < seconds) {
        double length = 0.15 + 0.15 * random.nextDouble()
        float[] s = sound(name, length, random.nextLong())
        int start = (int) (at * rate)
        for (int i = 0; i < s.length; i++) {
            x[start + i] += s[i]
        }
        truth << [at, at + s.length / (double) rate]
        at += length + 0.6 + 0.5 * random.nextDouble()
    }
    [x, truth]
}

writeWav = { File file, float[] x ->
    int n = x.length
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN)
    b.put('RIFF'.bytes).putInt(36 + 2 * n).put('WAVE'.bytes)
    b.put('fmt '.bytes).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
            .putShort((short) 2).putShort((short) 16)
    b.put('data'.bytes).putInt(2 * n)
    for (int i = 0; i < n; i++) {
        b.putShort((short) Math.round(Math.max(-1f, Math.min(1f, x[i])) * 32767f))
    }
    file.parentFile.mkdirs()
    file.bytes = b.array()
}

// SRT as Parrot.py writes it.
srt = { List segments, String label ->
    def time = { double s ->
        long ms = Math.round(s * 1000)
        String.format(Locale.ROOT, '%02d:%02d:%02d,%03d', ms.intdiv(3600000), ms.intdiv(60000) % 60,
                ms.intdiv(1000) % 60, ms % 1000)
    }
    StringBuilder out = new StringBuilder()
    segments.eachWithIndex { seg, i -> out << "${i + 1}\n${time(seg[0])} --> ${time(seg[1])}\n$label\n\n" }
    out.toString()
}

// A fresh clip of a sound as a user records it to try the model: room, the sound, room.
clip = { String name, long seed ->
    float[] a = room(0.3, seed)
    float[] s = sound(name, 0.25, seed + 1)
    float[] b = room(0.3, seed + 2)
    float[] x = new float[a.length + s.length + b.length]
    Random random = new Random(seed + 3)
    System.arraycopy(a, 0, x, 0, a.length)
    for (int i = 0; i < s.length; i++) {
        x[a.length + i] = s[i] + (float) (0.003 * random.nextGaussian())
    }
    System.arraycopy(b, 0, x, a.length + s.length, b.length)
    x
}
return true
