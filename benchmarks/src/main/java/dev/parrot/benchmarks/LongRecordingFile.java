package dev.parrot.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a long recording for the memory measurements of {@code performance.md}: a quiet room with a sample take of
 * the given sounds (all by default) every 2 to 4 seconds, mono 16-bit at 16 kHz (115 MB an hour), written a second at
 * a time.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.parrot.benchmarks.LongRecordingFile OUT.wav MINUTES [SOUND...]</pre>
 */
public final class LongRecordingFile {

    private LongRecordingFile() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LongRecordingFile OUT.wav MINUTES [SOUND...]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        double minutes = Double.parseDouble(args[1]);
        List<String> sounds = Arrays.asList(args).subList(2, args.length);
        SyntheticSession session = new SyntheticSession(minutes * 60, sounds, out.getFileName().toString().hashCode());
        session.writeWav(out);
        System.out.println(out + ": " + minutes + " min of " + (sounds.isEmpty() ? "all sounds" : sounds));
    }
}
