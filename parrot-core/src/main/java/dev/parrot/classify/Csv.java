package dev.parrot.classify;

import dev.parrot.model.AtomicFile;
import dev.parrot.runtime.Prediction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The CSV files classify writes ({@code classifications.csv}, the events of long recordings): RFC 4180 fields. */
final class Csv {

    private Csv() {
    }

    /** One line per recording classified, written atomically. */
    static void writeClassifications(Path csv, List<ClassifyResult.Classified> classified) throws IOException {
        StringBuilder s = new StringBuilder("file,label,confidence,runner_up,runner_up_confidence,windows,"
                + "sound_windows,duration_seconds,expected\n");
        for (ClassifyResult.Classified c : classified) {
            Prediction p = c.result().overall();
            s.append(field(c.file())).append(',')
                    .append(field(p.label())).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", p.confidence())).append(',')
                    .append(p.runnerUp() == null ? "" : field(p.runnerUp())).append(',')
                    .append(p.runnerUp() == null ? "" : String.format(Locale.ROOT, "%.4f", p.runnerUpConfidence()))
                    .append(',')
                    .append(c.result().timeline().size()).append(',')
                    .append(c.result().soundWindows()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", c.result().durationSeconds())).append(',')
                    .append(c.expected() == null ? "" : field(c.expected()))
                    .append('\n');
        }
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(csv, out -> out.write(bytes));
    }

    /** A field as RFC 4180 has it: quoted, with its quotes doubled, only when it holds a comma, quote or line break. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
