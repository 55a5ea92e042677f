package dev.parrot.training.incremental;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parrot.dataset.DatasetException;
import dev.parrot.dataset.DatasetOptions;
import dev.parrot.dataset.SoundFolders;
import dev.parrot.model.ModelFingerprint;
import dev.parrot.model.ModelJson;
import dev.parrot.training.TrainingRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
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
 * Computes the {@link ModelFingerprint} of a training request without reading any audio.
 *
 * <p>Recordings are identified by path, size and modification time, not by their contents: that costs one
 * {@code stat} per file whatever the length of the audio (hundreds of recordings in a few milliseconds, where hashing
 * minutes-long recordings would read hundreds of megabytes on every build), and its only miss is a file rewritten
 * with the same size and time stamp, which editors and recorders do not do. Touching a file retrains, which is the
 * safe direction. Every file under a sound folder counts, not only the WAVs, so that segment files beside the audio
 * retrain too. The recordings counted are those the reader would read.
 *
 * <p>Settings are every component of {@link TrainingRequest} except those listed in {@link #NOT_MODEL_SETTINGS}, so
 * that a setting added to the request later is part of the fingerprint without anyone remembering to add it here.
 */
public final class Fingerprinter {

    /**
     * Components of the request that do not change the model: where the files go and what they are called, where the
     * recordings are (their contents count, through the file list), threads (the result does not depend on them), and
     * the log.
     */
    static final Set<String> NOT_MODEL_SETTINGS = Set.of("recordingsDirectory", "outputDirectory", "modelName",
            "threads", "log");

    /** Fields of a request component that name where outputs go, not what the model is made from. */
    static final Set<String> OUTPUT_LOCATIONS = Set.of("segmentsDirectory");

    private final String parrotVersion;

    /** @param parrotVersion the version of Parrot that trains: a new version retrains */
    public Fingerprinter(String parrotVersion) {
        this.parrotVersion = parrotVersion;
    }

    /**
     * The fingerprint of what {@code request} would train on, as the files are now.
     *
     * @throws DatasetException when the recordings folder or a sound folder cannot be listed
     */
    public ModelFingerprint of(TrainingRequest request) throws DatasetException {
        Path root = request.recordingsDirectory();
        DatasetOptions options = request.dataset() != null ? request.dataset() : DatasetOptions.defaults(null);
        // The folders of each sound as the reader finds them (Parrot.py's layout, microphone folders, background).
        Map<String, List<Path>> folders = SoundFolders.discover(root, options);
        List<String> sounds = request.sounds() == null || request.sounds().isEmpty()
                ? List.copyOf(folders.keySet()) : request.sounds();
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
        MessageDigest settings = ModelFingerprint.newDigest();
        settings.update(settingsText(request, sounds).getBytes(StandardCharsets.UTF_8));
        return new ModelFingerprint(ModelFingerprint.hex(files), ModelFingerprint.hex(settings), recordings, null);
    }

    /** The settings as canonical JSON, for the hash (and for a test to read). */
    String settingsText(TrainingRequest request, List<String> sounds) {
        ObjectNode node = ModelJson.mapper().createObjectNode();
        node.put("parrotVersion", parrotVersion);
        node.set("soundFolders", ModelJson.mapper().valueToTree(sounds));
        for (RecordComponent component : TrainingRequest.class.getRecordComponents()) {
            if (NOT_MODEL_SETTINGS.contains(component.getName())) {
                continue;
            }
            try {
                JsonNode value = ModelJson.mapper().valueToTree(component.getAccessor().invoke(request));
                if (value instanceof ObjectNode object) {
                    // Where detected segments are written for the user to read: an output, not an input.
                    object.remove(OUTPUT_LOCATIONS);
                }
                node.set(component.getName(), value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component.getName() + " of the request", e);
            }
        }
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
