// Writes data/recordings/{low,high,noise}/take_N.wav: three sounds a model tells apart easily, four takes each,
// 16 kHz mono PCM with a little silence around the sound. Seeded, so every run trains on the same audio.
import java.nio.ByteBuffer
import java.nio.ByteOrder

def rate = 16000
def random = new Random(7)

def wav = { File file, float[] samples ->
    def bytes = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN)
    bytes.put('RIFF'.bytes).putInt(36 + samples.length * 2).put('WAVE'.bytes)
    bytes.put('fmt '.bytes).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
            .putShort((short) 2).putShort((short) 16)
    bytes.put('data'.bytes).putInt(samples.length * 2)
    samples.each { bytes.putShort((short) Math.round(Math.max(-1f, Math.min(1f, it)) * 32767)) }
    file.parentFile.mkdirs()
    file.bytes = bytes.array()
}

def sounds = [
    low  : { int i, double t -> Math.sin(2 * Math.PI * 220 * t) },
    high : { int i, double t -> Math.sin(2 * Math.PI * 2800 * t) },
    noise: { int i, double t -> random.nextGaussian() * 0.5 },
]
sounds.each { name, wave ->
    (1..4).each { take ->
        def samples = new float[(int) (rate * 0.6)]
        def start = (int) (rate * 0.1)
        def length = (int) (rate * (0.3 + 0.05 * take))
        def gain = 0.3 + 0.1 * take
        for (int i = 0; i < length && start + i < samples.length; i++) {
            def envelope = Math.min(1.0, Math.min(i, length - i) / (rate * 0.01))
            samples[start + i] = (float) (gain * envelope * wave(i, i / (double) rate))
        }
        wav(new File(basedir, "data/recordings/${name}/take_${take}.wav"), samples)
    }
}
return true
