package dev.parrot.evaluation;

import dev.parrot.dataset.RecordingFeatures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupedFoldsTest {

    private static final List<String> SOUNDS = List.of("click", "hiss", "pop");

    /** 7 clicks, 5 hisses, 3 pops, interleaved the way a reader would not order them; window counts vary. */
    private static List<RecordingFeatures> recordings() {
        List<RecordingFeatures> r = new ArrayList<>();
        int[] perSound = {7, 5, 3};
        int id = 0;
        for (int take = 0; take < 7; take++) {
            for (int s = 0; s < SOUNDS.size(); s++) {
                if (take < perSound[s]) {
                    float[][] windows = new float[3 + (id * 7) % 11][];
                    for (int w = 0; w < windows.length; w++) {
                        windows[w] = new float[] {id, w}; // which recording and which window
                    }
                    r.add(new RecordingFeatures(SOUNDS.get(s) + "/" + take + ".wav", SOUNDS.get(s), 1, windows));
                    id++;
                }
            }
        }
        return r;
    }

    @Test
    void everyRecordingWithAllItsWindowsIsTestedInExactlyOneFold() {
        List<RecordingFeatures> recordings = recordings();
        int folds = 4;
        int[] fold = GroupedFolds.assign(recordings, SOUNDS, folds, 42);
        assertEquals(recordings.size(), fold.length);
        int totalWindows = recordings.stream().mapToInt(r -> r.windows().length).sum();
        int[] testedTimes = new int[totalWindows];
        // Split as CrossValidation does; windows are numbered across all recordings.
        for (int f = 0; f < folds; f++) {
            int offset = 0;
            for (int i = 0; i < recordings.size(); i++) {
                int n = recordings.get(i).windows().length;
                if (fold[i] == f) {
                    for (int w = 0; w < n; w++) {
                        testedTimes[offset + w]++;
                    }
                }
                offset += n;
            }
        }
        for (int w = 0; w < totalWindows; w++) {
            assertEquals(1, testedTimes[w], "window " + w);
        }
        assertTrue(Arrays.stream(fold).allMatch(f -> f >= 0 && f < folds));
    }

    @Test
    void eachSoundIsSpreadEvenlyAcrossFolds() {
        List<RecordingFeatures> recordings = recordings();
        for (int folds : new int[] {2, 3, 4, 5}) {
            int[] fold = GroupedFolds.assign(recordings, SOUNDS, folds, 42);
            int[] total = new int[folds];
            for (String sound : SOUNDS) {
                int[] perFold = new int[folds];
                for (int i = 0; i < recordings.size(); i++) {
                    if (recordings.get(i).sound().equals(sound)) {
                        perFold[fold[i]]++;
                        total[fold[i]]++;
                    }
                }
                int min = Arrays.stream(perFold).min().getAsInt();
                int max = Arrays.stream(perFold).max().getAsInt();
                assertTrue(max - min <= 1, sound + " in " + folds + " folds: " + Arrays.toString(perFold));
            }
            int min = Arrays.stream(total).min().getAsInt();
            int max = Arrays.stream(total).max().getAsInt();
            assertTrue(max - min <= 1, "fold sizes " + Arrays.toString(total));
        }
    }

    @Test
    void deterministicPerSeed() {
        List<RecordingFeatures> recordings = recordings();
        assertArrayEquals(GroupedFolds.assign(recordings, SOUNDS, 3, 42),
                GroupedFolds.assign(recordings, SOUNDS, 3, 42));
        boolean differs = false;
        for (long seed = 43; seed < 53 && !differs; seed++) {
            differs = !Arrays.equals(GroupedFolds.assign(recordings, SOUNDS, 3, 42),
                    GroupedFolds.assign(recordings, SOUNDS, 3, seed));
        }
        assertTrue(differs, "the seed shuffles recordings");
    }

    @Test
    void needsTwoFolds() {
        assertThrows(IllegalArgumentException.class, () -> GroupedFolds.assign(recordings(), SOUNDS, 1, 42));
    }

    @Test
    void aSoundWithOneRecordingIsInOneFoldOnly() {
        List<RecordingFeatures> recordings = new ArrayList<>(recordings());
        recordings.add(new RecordingFeatures("whistle/0.wav", "whistle", 1, new float[][] {{1}}));
        List<String> sounds = List.of("click", "hiss", "pop", "whistle");
        int[] fold = GroupedFolds.assign(recordings, sounds, 5, 1);
        int last = fold[fold.length - 1];
        assertTrue(last >= 0 && last < 5);
        assertFalse(Arrays.stream(fold).anyMatch(f -> f >= 5));
    }
}
