package dev.parrot.dataset;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetOptionsTest {

    private static final Path SEGMENTS = Path.of("target/parrot/segments");

    @Test
    void aBuilderLeftAloneGivesTheDefaults() {
        assertEquals(DatasetOptions.defaults(SEGMENTS), DatasetOptions.builder(SEGMENTS).build());
        assertEquals(new DatasetOptions(List.of(), "silence", true, "", SEGMENTS), DatasetOptions.defaults(SEGMENTS));
    }

    @Test
    void aBuilderSetsEachOptionByName() {
        DatasetOptions options = DatasetOptions.builder(SEGMENTS).backgroundSounds(List.of("talking"))
                .silenceLabel(" quiet ").learnSilence(false).microphoneSeparator("--").build();
        assertEquals(new DatasetOptions(List.of("talking"), "quiet", false, "--", SEGMENTS), options);
        assertTrue(options.isBackground("talking"));
        assertTrue(options.isBackground("quiet"));
        assertTrue(options.isBackground("Noise"), "Parrot.py's background folders whatever is configured");
        assertTrue(options.isBackground("silence"), "a silence folder stays background under another label");
        assertFalse(options.isBackground("pop"));
        assertEquals("pop", options.soundOf("pop--dpa"));
    }

    @Test
    void nullsInTheBuilderMeanTheDefaults() {
        assertEquals(DatasetOptions.defaults(SEGMENTS), DatasetOptions.builder(SEGMENTS).backgroundSounds(null)
                .silenceLabel(null).microphoneSeparator(null).build());
    }
}
