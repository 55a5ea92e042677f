package dev.parrot.training.incremental;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parrot.dataset.DatasetException;
import dev.parrot.dataset.DatasetOptions;
import dev.parrot.dataset.SoundFolders;
import dev.parrot.model.ModelFingerprint;
import dev.parrot.model.ModelJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Computes the {@link ModelFingerprint} of a training without reading any audio.
 *
 * <p>Recordings are identified by path, size and modification time, not by their contents: that costs one
 * {@code stat} per file whatever the length of the audio (hundreds of recordings in a few milliseconds, where hashing
 * minutes-long recordings would read hundreds of megabytes on every build), and its only miss is a file rewritten
 * with the same size and time stamp, which editors and recorders do not do. Touching a file retrains, which is the
 * safe direction. Every file under a sound folder counts, not only the WAVs, so that segment files beside the audio
 * retrain too. The recordings counted are those the reader would read.
 *
 * <p>The settings hashed are what the caller names as changing the model (the training request gives all its
 * components but a few, so that a setting added to it later counts without anyone remembering to add it here), in the
 * caller's order, as canonical JSON.
 */
public final class Fingerprinter {

    /** Fields of a setting that name where outputs go, not what the model is made from. */
    static final Set<String> OUTPUT_LOCATIONS = Set.of("segmentsDirectory");

    private final String parrotVersion;

    /** @param parrotVersion the version of Parrot that trains: a new version retrains */
    public Fingerprinter(String parrotVersion) {
        this.parrotVersion = parrotVersion;
    }

    /**
     * The fingerprint of a training on these recordings with these settings, as the files are now.
     *
     * @param root the recordings folder, one sub-folder per sound
     * @param dataset how the reader finds each sound's folders; null for the defaults
     * @param requestedSounds the sounds to learn; null or empty for every sound folder
     * @param settings every setting that changes the model, by name, in a stable order (values Jackson can write)
     * @throws DatasetException when the recordings folder or a sound folder cannot be listed
     */
    public ModelFingerprint of(Path root, DatasetOptions dataset, List<String> requestedSounds,
            Map<String, ?> settings) throws DatasetException {
        DatasetOptions options = dataset != null ? dataset : DatasetOptions.defaults(null);
        // The folders of each sound as the reader finds them (Parrot.py's layout, microphone folders, background).
        Map<String, List<Path>> folders = SoundFolders.discover(root, options);
        List<String> sounds = requestedSounds == null || requestedSounds.isEmpty()
                ? List.copyOf(folders.keySet()) : requestedSounds;
        MessageDigest files = ModelFingerprint.newDigest();
        int recordings = 0;
        for (String sound : sounds) {
            List<Path> of = folders.getOrDefault(sound, List.of());
            if (of.isEmpty()) {
                // The reader reports a missing sound folder in its own words; here it is one more difference.
                files.update((sound + "/\t-1\t-1\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Path folder : of) {
                for (FileEntry entry : list(root, folder)) {
                    files.update(entry.line().getBytes(StandardCharsets.UTF_8));
                }
                recordings += SoundFolders.recordings(folder).size();
            }
        }
        MessageDigest hashed = ModelFingerprint.newDigest();
        hashed.update(settingsText(settings, sounds).getBytes(StandardCharsets.UTF_8));
        return new ModelFingerprint(ModelFingerprint.hex(files), ModelFingerprint.hex(hashed), recordings, null);
    }

    /** The settings as canonical JSON, for the hash (and for a test to read). */
    String settingsText(Map<String, ?> settings, List<String> sounds) {
        ObjectNode node = ModelJson.mapper().createObjectNode();
        node.put("parrotVersion", parrotVersion);
        node.set("soundFolders", ModelJson.mapper().valueToTree(sounds));
        settings.forEach((name, setting) -> {
            JsonNode value = ModelJson.mapper().valueToTree(setting);
            if (value instanceof ObjectNode object) {
                // Where detected segments are written for the user to read: an output, not an input.
                object.remove(OUTPUT_LOCATIONS);
            }
            node.set(name, value);
        });
        try {
            return ModelJson.mapper().writer().withoutFeatures(
                    com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the settings as JSON", e);
        }
    }

    private record FileEntry(String path, long size, long modified) {
        String line() {
            return path + '\t' + size + '\t' + modified + '\n';
        }
    }

    /** Every regular file under a sound folder but hidden ones, sorted by path relative to the recordings folder. */
    private static List<FileEntry> list(Path root, Path folder) throws DatasetException {
        List<FileEntry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.forEach(p -> {
                if (p.getFileName().toString().startsWith(".")) {
                    return;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        entries.add(new FileEntry(root.relativize(p).toString().replace('\\', '/'), a.size(),
                                a.lastModifiedTime().toMillis()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException("Cannot list the files in " + folder + ": " + e.getMessage());
        }
        entries.sort((a, b) -> a.path().compareTo(b.path()));
        return entries;
    }
}
