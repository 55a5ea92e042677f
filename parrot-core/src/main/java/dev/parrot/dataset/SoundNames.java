package dev.parrot.dataset;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Helps a user who misspelt a sound among the sounds to learn: the folders there are, and the one probably meant. */
final class SoundNames {

    private SoundNames() {
    }

    /** "The sound folders in R are: a, b, c; did you mean 'b'?" or that there is none. */
    static String whatThereIs(String wanted, List<String> folders, Path recordingsDirectory) {
        if (folders.isEmpty()) {
            return "There is no sound folder in " + recordingsDirectory + ".";
        }
        String list = "The sound folders in " + recordingsDirectory + " are: " + String.join(", ", folders);
        return closest(wanted, folders).map(f -> list + "; did you mean '" + f + "'?").orElse(list + ".");
    }

    /**
     * The folder name nearest to {@code wanted} by edit distance, ignoring case, when it is near enough to be a
     * typo: at most a third of the name's letters (and at least one) changed.
     */
    static Optional<String> closest(String wanted, List<String> folders) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, w.length() / 3);
        return folders.stream()
                .filter(f -> distance(w, f.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt((String f) -> distance(w, f.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
