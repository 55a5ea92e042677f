package dev.parrot.runtime;

import dev.parrot.ParrotException;
import dev.parrot.Setting;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MicrophoneTest {

    /** A line holding whatever a test puts in it, up to its buffer's size, as a device's would. */
    private static final class FakeLine implements Microphone.Line {
        final int bufferBytes;
        final ArrayDeque<Byte> held = new ArrayDeque<>();
        int mostHeld;
        boolean closed;

        FakeLine(int bufferBytes) {
            this.bufferBytes = bufferBytes;
        }

        /** The device delivers samples; beyond the buffer it loses them, as a real line does. */
        void deliver(int... samples) {
            for (int s : samples) {
                if (held.size() + 2 > bufferBytes) {
                    return;
                }
                held.add((byte) s);
                held.add((byte) (s >> 8));
            }
            mostHeld = Math.max(mostHeld, held.size());
        }

        @Override
        public int bufferBytes() {
            return bufferBytes;
        }

        @Override
        public int available() {
            return held.size();
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            int n = 0;
            while (n < length && !held.isEmpty()) {
                bytes[offset + n++] = held.poll();
            }
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static int[] ramp(int from, int count) {
        int[] samples = new int[count];
        for (int i = 0; i < count; i++) {
            samples[i] = from + i;
        }
        return samples;
    }

    private static float[] scaled(int... samples) {
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i] / 32768f;
        }
        return out;
    }

    @Test
    void readsSixteenBitLittleEndianSamplesAsMinusOneToOne() throws Exception {
        FakeLine line = new FakeLine(100);
        line.deliver(16384, -32768, 32767, -1, 0);
        Microphone microphone = new Microphone(line, "fake", 16_000);

        float[] buffer = new float[7];
        assertEquals(5, microphone.read(buffer, 2, 5));

        assertArrayEquals(new float[] {0, 0, 0.5f, -1f, 32767 / 32768f, -1 / 32768f, 0}, buffer);
        assertEquals(0, microphone.droppedSamples());
        assertEquals(0, microphone.overflows());
    }

    @Test
    void aFullBufferDropsItsOldestAudioKeepsTheNewestChunkAndCountsWhatWasDropped() throws Exception {
        FakeLine line = new FakeLine(100);
        line.deliver(ramp(1, 60)); // 60 samples offered, 50 fit: the device lost the last 10 already
        Microphone microphone = new Microphone(line, "fake", 16_000);

        float[] chunk = new float[8];
        assertEquals(8, microphone.read(chunk, 0, 8));

        // The newest 8 of the 50 held; 42 dropped.
        assertArrayEquals(scaled(ramp(43, 8)), chunk);
        assertEquals(42, microphone.droppedSamples());
        assertEquals(1, microphone.overflows());
        assertEquals(42 / 16_000.0, microphone.droppedSeconds(), 1e-12);

        // Caught up: what comes next is read in order, nothing more dropped.
        line.deliver(ramp(500, 8));
        assertEquals(8, microphone.read(chunk, 0, 8));
        assertArrayEquals(scaled(ramp(500, 8)), chunk);
        assertEquals(42, microphone.droppedSamples());
        assertEquals(1, microphone.overflows());
    }

    @Test
    void aReaderThatKeepsFallingBehindNeverHoldsMoreThanTheLinesBuffer() throws Exception {
        FakeLine line = new FakeLine(64);
        Microphone microphone = new Microphone(line, "fake", 16_000);
        float[] chunk = new float[4];
        long offered = 0;
        long read = 0;
        for (int round = 0; round < 100; round++) {
            line.deliver(ramp(round * 100, 40)); // ten chunks' worth between reads; 32 fit
            offered += 32;
            read += microphone.read(chunk, 0, 4);
            assertEquals(round * 100 + 31, Math.round(chunk[3] * 32768), "the newest sample comes out last");
        }
        assertEquals(offered, read + microphone.droppedSamples());
        assertEquals(100, microphone.overflows());
        assertTrue(line.mostHeld <= 64);
    }

    @Test
    void endsWhenTheLineGivesNothingMoreOrTheMicrophoneIsClosed() throws Exception {
        FakeLine line = new FakeLine(100);
        line.deliver(1, 2, 3);
        Microphone microphone = new Microphone(line, "fake", 16_000);
        float[] buffer = new float[10];

        assertEquals(3, microphone.read(buffer, 0, 10), "what there was");
        assertEquals(-1, microphone.read(buffer, 0, 10), "a stopped line gives nothing more");

        line.deliver(4);
        microphone.close();
        assertTrue(line.closed);
        assertEquals(-1, microphone.read(buffer, 0, 10));
    }

    @Test
    void aNameMeansTheDeviceOfThatNameOrTheOnlyOneContainingIt() throws Exception {
        List<String> names = List.of("PCH [plughw:0,0]", "USB Audio [plughw:1,0]", "USB Audio Pro [plughw:2,0]");

        assertEquals("PCH [plughw:0,0]", Microphone.select("pch", names, "audio"));
        assertEquals("USB Audio [plughw:1,0]", Microphone.select("usb audio [PLUGHW:1,0]", names, "audio"));
        assertEquals("USB Audio Pro [plughw:2,0]", Microphone.select("Pro", names, "audio"));
    }

    @Test
    void aNameThatMatchesNoneOrSeveralFailsListingTheDevices() {
        List<String> names = List.of("PCH [plughw:0,0]", "USB Audio [plughw:1,0]", "USB Audio Pro [plughw:2,0]");

        ParrotException none = assertThrows(ParrotException.class,
                () -> Microphone.select("Blue Yeti", names, "audio"));
        assertEquals("No microphone is named 'Blue Yeti'; the input devices are: 'PCH [plughw:0,0]', 'USB Audio"
                + " [plughw:1,0]', 'USB Audio Pro [plughw:2,0]'.", none.getMessage());
        assertEquals(Setting.MICROPHONE, none.setting());

        ParrotException several = assertThrows(ParrotException.class,
                () -> Microphone.select("usb", names, "audio"));
        assertTrue(several.getMessage().startsWith("'usb' names several microphones: 'USB Audio [plughw:1,0]',"
                + " 'USB Audio Pro [plughw:2,0]'; give more of the name."), several.getMessage());
        assertEquals(Setting.MICROPHONE, several.setting());

        ParrotException noDevice = assertThrows(ParrotException.class,
                () -> Microphone.select("usb", List.of(), "audio"));
        assertTrue(noDevice.getMessage().contains("no input device"), noDevice.getMessage());
        assertEquals(Setting.INPUT, noDevice.setting(), "nothing to name: a file is what is left");
    }

    @Test
    void whereJavaSoundHasNoInputDeviceOpeningOneSaysSoAndPointsToAFile() {
        assumeTrue(Microphone.names().isEmpty(), "this machine has a microphone");

        ParrotException byDefault = assertThrows(ParrotException.class, () -> Microphone.open(null));
        assertTrue(byDefault.getMessage().startsWith("No microphone can record 16000 Hz 16-bit mono audio here"),
                byDefault.getMessage());
        assertEquals(Setting.INPUT, byDefault.setting());

        ParrotException named = assertThrows(ParrotException.class, () -> Microphone.open("USB"));
        assertTrue(named.getMessage().startsWith("No microphone named 'USB'"), named.getMessage());
        assertEquals(Setting.INPUT, named.setting());
    }
}
