// Two sounds of good recordings, plus files that cannot be read, each broken in its own way.
import java.nio.ByteBuffer
import java.nio.ByteOrder

sounds = ['click', 'whistle']
takes = 5
evaluate(new File(itScripts, 'copy-samples.groovy'))

/** A 44-byte PCM header followed by {@code present} bytes of silence. */
def wav(int tag, int channels, int rate, int bits, int dataBytes, int present) {
    def b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN)
    b.put('RIFF'.bytes).putInt(36 + dataBytes).put('WAVE'.bytes)
    b.put('fmt '.bytes).putInt(16).putShort((short) tag).putShort((short) channels).putInt(rate)
            .putInt(rate * channels * bits / 8 as int).putShort((short) (channels * bits / 8)).putShort((short) bits)
    b.put('data'.bytes).putInt(dataBytes)
    def out = new byte[44 + present]
    System.arraycopy(b.array(), 0, out, 0, 44)
    return out
}

def click = new File(basedir, 'recordings/click')
new File(click, 'empty.wav').bytes = new byte[0]
new File(click, 'notes.wav').text = 'these are my notes, not audio\n'
new File(click, 'truncated.wav').bytes = wav(1, 1, 16000, 16, 32000, 100)
new File(click, 'alaw.wav').bytes = wav(6, 1, 8000, 8, 800, 800)
new File(click, 'zero-channels.wav').bytes = wav(1, 0, 16000, 16, 320, 320)
return true
