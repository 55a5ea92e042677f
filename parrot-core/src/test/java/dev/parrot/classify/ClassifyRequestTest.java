package dev.parrot.classify;

import dev.parrot.ProgressLog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClassifyRequestTest {

    private static final Path IN = Path.of("in");
    private static final Path MODEL = Path.of("target/models/noises.json");
    private static final Path REPORTS = Path.of("target/parrot");

    @Test
    void aBuilderLeftAloneUsesEveryProcessorAndTheEventsFolderBesideTheReport() {
        ClassifyRequest request = ClassifyRequest.builder(IN, MODEL, REPORTS).build();
        assertEquals(new ClassifyRequest(IN, MODEL, REPORTS, Runtime.getRuntime().availableProcessors(),
                ProgressLog.SILENT), request);
        assertEquals(REPORTS.resolve("events"), request.eventsDirectory());
        assertEquals(REPORTS.resolve("classifications.csv"), request.classificationsFile());
    }

    @Test
    void aBuilderSetsEachValueByName() {
        ProgressLog log = new ProgressLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }
        };
        ClassifyRequest request = ClassifyRequest.builder(IN, MODEL, REPORTS).threads(3).log(log)
                .eventsDirectory(Path.of("srt")).build();
        assertEquals(new ClassifyRequest(IN, MODEL, REPORTS, 3, log, Path.of("srt")), request);
        assertEquals(Runtime.getRuntime().availableProcessors(),
                ClassifyRequest.builder(IN, MODEL, REPORTS).threads(0).build().threads(), "0 for every processor");
    }
}
