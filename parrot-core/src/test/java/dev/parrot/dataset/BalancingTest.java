package dev.parrot.dataset;

import dev.parrot.dataset.Balancing.Action;
import dev.parrot.dataset.Balancing.SoundBalance;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalancingTest {

    private static Map<String, Integer> counts(Object... soundAndCount) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < soundAndCount.length; i += 2) {
            counts.put((String) soundAndCount[i], (Integer) soundAndCount[i + 1]);
        }
        return counts;
    }

    @Test
    void planForRecordingsCountsTheirWindowsPerSoundInTheSoundsOrder() {
        List<RecordingFeatures> recordings = List.of(
                new RecordingFeatures("hum/a.wav", "hum", 1, new float[60][1]),
                new RecordingFeatures("snap/a.wav", "snap", 1, new float[1][1]),
                new RecordingFeatures("hum/b.wav", "hum", 1, new float[39][1]));
        Map<String, SoundBalance> plan = Balancing.planFor(List.of("snap", "hiss", "hum"), recordings, true);
        assertEquals(List.of("snap", "hiss", "hum"), List.copyOf(plan.keySet()), "every sound, without windows too");
        assertEquals(Balancing.plan(counts("snap", 1, "hiss", 0, "hum", 99)), plan, "the same plan as from counts");
        Map<String, SoundBalance> off = Balancing.planFor(List.of("snap", "hiss", "hum"), recordings, false);
        assertEquals(new SoundBalance("hum", 99, 99, Action.KEPT), off.get("hum"));
        assertEquals(Balancing.unbalanced(counts("snap", 1, "hiss", 0, "hum", 99)), off);
    }

    @Test
    void parrotPysNinetyNineToOneExample() {
        // mean 50, population std 49: floor(50 + 24.5) = 74.
        assertEquals(74, Balancing.truncation(List.of(99, 1)));
        Map<String, SoundBalance> plan = Balancing.plan(counts("hum", 99, "snap", 1));
        assertEquals(new SoundBalance("hum", 99, 74, Action.UNDERSAMPLED), plan.get("hum"));
        assertEquals(new SoundBalance("snap", 1, 2, Action.OVERSAMPLED), plan.get("snap"));
        assertEquals(List.of("hum", "snap"), List.copyOf(plan.keySet()), "order kept");
    }

    @Test
    void truncationArithmetic() {
        assertEquals(0, Balancing.truncation(List.of()));
        assertEquals(10, Balancing.truncation(List.of(10, 10, 10)), "no spread");
        // mean 200, population std 141.42: floor(270.71)
        assertEquals(270, Balancing.truncation(List.of(100, 100, 400)));
    }

    @Test
    void soundsNearTheTruncationAreKept() {
        // mean 100, std 8.16, truncation 104: 90 >= 104 / 1.25 and 110 <= 104 x 1.25.
        Map<String, SoundBalance> plan = Balancing.plan(counts("a", 90, "b", 100, "c", 110));
        for (SoundBalance b : plan.values()) {
            assertEquals(Action.KEPT, b.action(), b.toString());
            assertEquals(b.before(), b.after());
        }
    }

    @Test
    void oversamplingStopsAtTheTruncation() {
        // truncation 270; 100 < 216 is oversampled to twice its count, 200, which is under 270.
        Map<String, SoundBalance> plan = Balancing.plan(counts("a", 100, "b", 100, "c", 400));
        assertEquals(new SoundBalance("a", 100, 200, Action.OVERSAMPLED), plan.get("a"));
        assertEquals(new SoundBalance("c", 400, 270, Action.UNDERSAMPLED), plan.get("c"));
        // mean 216.67, std 62.36: truncation 247; 150 < 197.6 is oversampled, capped at 247 rather than 300.
        assertEquals(247, Balancing.truncation(List.of(150, 300, 200)));
        Map<String, SoundBalance> capped = Balancing.plan(counts("a", 150, "b", 300, "c", 200));
        assertEquals(new SoundBalance("a", 150, 247, Action.OVERSAMPLED), capped.get("a"));
        assertEquals(new SoundBalance("c", 200, 200, Action.KEPT), capped.get("c"));
    }

    @Test
    void unbalancedKeepsEverything() {
        Map<String, SoundBalance> plan = Balancing.unbalanced(counts("hum", 99, "snap", 1));
        assertEquals(new SoundBalance("hum", 99, 99, Action.KEPT), plan.get("hum"));
        assertEquals(new SoundBalance("snap", 1, 1, Action.KEPT), plan.get("snap"));
    }

    @Test
    void undersamplingPicksDistinctWindows() {
        int[] picked = Balancing.select(new SoundBalance("hum", 99, 74, Action.UNDERSAMPLED), new Random(1));
        assertEquals(74, picked.length);
        assertEquals(74, Arrays.stream(picked).distinct().count(), "no window twice");
        assertTrue(Arrays.stream(picked).allMatch(i -> i >= 0 && i < 99));
        int[] sorted = picked.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, picked, "in recording order");
    }

    @Test
    void oversamplingRepeatsEachWindowAtMostOnce() {
        int[] picked = Balancing.select(new SoundBalance("snap", 10, 17, Action.OVERSAMPLED), new Random(1));
        assertEquals(17, picked.length);
        int[] times = new int[10];
        for (int i : picked) {
            times[i]++;
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(times[i] == 1 || times[i] == 2, "window " + i + " used " + times[i] + " times");
        }
        int[] doubled = Balancing.select(new SoundBalance("snap", 1, 2, Action.OVERSAMPLED), new Random(1));
        assertArrayEquals(new int[] {0, 0}, doubled);
    }

    @Test
    void keptSelectsEveryWindowOnce() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, Balancing.select(new SoundBalance("a", 4, 4, Action.KEPT),
                new Random(1)));
    }

    @Test
    void selectionIsDeterministicForASeedAndDependsOnIt() {
        SoundBalance under = new SoundBalance("hum", 99, 74, Action.UNDERSAMPLED);
        SoundBalance over = new SoundBalance("snap", 40, 70, Action.OVERSAMPLED);
        assertArrayEquals(Balancing.select(under, new Random(42)), Balancing.select(under, new Random(42)));
        assertArrayEquals(Balancing.select(over, new Random(42)), Balancing.select(over, new Random(42)));
        assertFalse(Arrays.equals(Balancing.select(under, new Random(42)), Balancing.select(under, new Random(43))));
        assertFalse(Arrays.equals(Balancing.select(over, new Random(42)), Balancing.select(over, new Random(43))));
    }

    @Test
    void describesWhatWasDone() {
        assertEquals("kick: undersampled -37%, 1200 -> 756 windows",
                new SoundBalance("kick", 1200, 756, Action.UNDERSAMPLED).describe());
        assertEquals("snap: oversampled +100%, 1 -> 2 windows",
                new SoundBalance("snap", 1, 2, Action.OVERSAMPLED).describe());
        assertEquals("hum: kept as recorded, 90 windows", new SoundBalance("hum", 90, 90, Action.KEPT).describe());
        assertEquals(-37.0, new SoundBalance("kick", 1200, 756, Action.UNDERSAMPLED).changePercent(), 1e-9);
    }
}
