package dev.parrot.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a model was made from, in a form that is cheap to compare: a hash of the recordings as files (paths, sizes,
 * modification times), a hash of every setting that changes the model (with the feature version and the Parrot
 * version), and a hash of the classifier file written with it, so that the two files of a model can be told to belong
 * together. Two trainings with equal {@link #inputs()} make the same model.
 *
 * @param recordings SHA-256 of the sorted list of files under the sound folders, each as path, size and mtime
 * @param settings SHA-256 of the settings that change the model, the feature version and the Parrot version
 * @param recordingCount the number of WAV recordings the hash covers, for messages
 * @param classifierSha256 SHA-256 of the {@code .model} file written with this descriptor, or null before it is
 *     written
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelFingerprint(String recordings, String settings, int recordingCount, String classifierSha256) {

    /** The inputs alone, as one string: equal for two trainings from the same recordings and settings. */
    @JsonIgnore
    public String inputs() {
        return settings + ":" + recordings;
    }

    /** Whether a model with this fingerprint was made from the same recordings and settings as {@code other}. */
    public boolean sameInputs(ModelFingerprint other) {
        return other != null && Objects.equals(recordings, other.recordings)
                && Objects.equals(settings, other.settings);
    }

    public ModelFingerprint withClassifierSha256(String sha256) {
        return new ModelFingerprint(recordings, settings, recordingCount, sha256);
    }

    /** A fresh SHA-256 digest, the hash of every part of a fingerprint. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** A digest's value as lower-case hex. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
