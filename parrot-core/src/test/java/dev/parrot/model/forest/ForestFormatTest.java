package dev.parrot.model.forest;

import dev.parrot.ParrotException;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForestFormatTest {

    /**
     * One tree over one feature: the root sends values up to 0.5 to a leaf certain of {@code a}, others to a leaf
     * giving {@code b} three chances in four.
     */
    private static TreeForest.Tree stump() {
        return new TreeForest.Tree(new int[] {0, -1, -1}, new double[] {0.5, 0, 0}, new int[] {1, 0, 0},
                new int[] {-1, 0, 2}, new float[] {1f, 0f, 0.25f, 0.75f});
    }

    private static ForestFile tiny() {
        return new ForestFile("r", List.of("f"), "sound", List.of("a", "b"), new TreeForest(1, 2, List.of(stump())));
    }

    /** The bytes of {@link #tiny()}, assembled by hand from the layout on the site's model format page. */
    private static final String TINY_HEX = String.join("",
            "504152524f544646", "0100", // "PARROTFF", version 1
            "0100", "72", // relation "r"
            "01000000", "0100", "66", // 1 feature: "f"
            "0500", "736f756e64", // class attribute "sound"
            "02000000", "0100", "61", "0100", "62", // 2 sounds: "a", "b"
            "01000000", "03000000", // 1 tree of 3 nodes
            "00000000", "000000000000e03f", "01000000", // split on feature 0 at 0.5, children 1 and 2
            "ffffffff", "0000803f", "00000000", // leaf: 1.0, 0.0
            "ffffffff", "0000803e", "0000403f"); // leaf: 0.25, 0.75

    private static byte[] tinyBytes() {
        return HexFormat.of().parseHex(TINY_HEX);
    }

    @Test
    void writesTheDocumentedLayout() {
        assertEquals(TINY_HEX, HexFormat.of().formatHex(ForestFormat.toBytes(tiny())));
    }

    @Test
    void readsTheDocumentedLayout() throws Exception {
        ForestFile read = ForestFormat.read(tinyBytes(), "tiny.model");
        assertEquals("r", read.relation());
        assertEquals(List.of("f"), read.featureNames());
        assertEquals("sound", read.classAttribute());
        assertEquals(List.of("a", "b"), read.labels());
        assertArrayEquals(new double[] {1, 0}, read.forest().distribution(new double[] {0.5}));
        assertArrayEquals(new double[] {0.25, 0.75}, read.forest().distribution(new double[] {0.51}));
        assertArrayEquals(tinyBytes(), ForestFormat.toBytes(read));
    }

    @Test
    void theDistributionIsTheMeanOverTheTrees() {
        TreeForest.Tree leaf = new TreeForest.Tree(new int[] {-1}, new double[] {0}, new int[] {0}, new int[] {0},
                new float[] {0.5f, 0.5f});
        TreeForest forest = new TreeForest(1, 2, List.of(stump(), leaf));
        assertArrayEquals(new double[] {0.75, 0.25}, forest.distribution(new double[] {0}));
        assertArrayEquals(new double[] {0.375, 0.625}, forest.distribution(new double[] {1}));
    }

    private static String refusal(byte[] bytes) {
        ParrotException e = assertThrows(ParrotException.class, () -> ForestFormat.read(bytes, "x.model"));
        assertTrue(e.getMessage().startsWith("x.model is "), e.getMessage());
        return e.getMessage();
    }

    /** The tiny file with the bytes at a position (counted in hex digits of {@link #TINY_HEX}) replaced. */
    private static byte[] patched(String find, String replace) {
        int at = TINY_HEX.indexOf(find);
        assertTrue(at >= 0 && at % 2 == 0, find);
        return HexFormat.of().parseHex(TINY_HEX.substring(0, at) + replace + TINY_HEX.substring(at + find.length()));
    }

    @Test
    void everyCutShortFileIsRefused() {
        byte[] whole = tinyBytes();
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(whole, length);
            String message = refusal(cut);
            if (length >= 8) {
                assertTrue(message.contains("cut short") || message.contains("bytes left could hold"),
                        length + ": " + message);
            }
        }
    }

    @Test
    void anotherFileOrVersionIsRefused() {
        assertTrue(refusal("{\"json\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .contains("does not start with \"PARROTFF\""));
        String newer = refusal(patched("504152524f5446460100", "504152524f5446460200"));
        assertTrue(newer.contains("format version 2") && newer.contains("Upgrade Parrot"), newer);
    }

    @Test
    void aCountLargerThanTheFileIsRefusedBeforeAnythingIsAllocated() {
        String trees = refusal(patched("0100000003000000", "ffffffff03000000"));
        assertTrue(trees.contains("the number of trees is 4294967295, more than the"), trees);
        String nodes = refusal(patched("0100000003000000", "01000000ffffff7f"));
        assertTrue(nodes.contains("the number of nodes of tree 0 is 2147483647"), nodes);
        String features = refusal(patched("010000000100" + "66", "ffffff7f0100" + "66"));
        assertTrue(features.contains("the number of features is 2147483647"), features);
        assertTrue(refusal(patched("02000000" + "0100" + "61", "00000000" + "0100" + "61"))
                .contains("the number of sounds is 0, less than 1"));
    }

    @Test
    void nodesThatDoNotMakeATreeAreRefused() {
        // The root naming itself: a walk would never end.
        assertTrue(refusal(patched("000000000000e03f01000000", "000000000000e03f00000000"))
                .contains("children come after their parent"));
        // Children 2 and 3 of a tree of 3 nodes.
        assertTrue(refusal(patched("000000000000e03f01000000", "000000000000e03f02000000"))
                .contains("names nodes 2 and 3"));
        TreeForest.Tree offTheEnd = new TreeForest.Tree(new int[] {5, -1, -1}, new double[] {0.5, 0, 0},
                new int[] {1, 0, 0}, new int[] {-1, 0, 2}, new float[] {1, 0, 0, 1});
        String message = refusal(ForestFormat.toBytes(new ForestFile("r", List.of("f"), "sound", List.of("a", "b"),
                new TreeForest(1, 2, List.of(offTheEnd)))));
        assertTrue(message.contains("node 0 of tree 0 splits on feature 5, but there are 1 features"), message);
    }

    @Test
    void aNodeReachedTwiceOrNeverIsRefused() {
        // A tree of 5 nodes: the root splits into 1 and 2, node 1 into 1+1=2 and 3 (node 2 twice, 4 never).
        TreeForest.Tree twice = new TreeForest.Tree(new int[] {0, 0, -1, -1, -1}, new double[] {0.5, 0.2, 0, 0, 0},
                new int[] {1, 2, 0, 0, 0}, new int[] {-1, -1, 0, 2, 4}, new float[] {1, 0, 1, 0, 1, 0});
        String message = refusal(ForestFormat.toBytes(new ForestFile("r", List.of("f"), "sound", List.of("a", "b"),
                new TreeForest(1, 2, List.of(twice)))));
        assertTrue(message.contains("node 2 of tree 0 is the child of two nodes"), message);
        TreeForest.Tree orphan = new TreeForest.Tree(new int[] {0, -1, -1, -1}, new double[] {0.5, 0, 0, 0},
                new int[] {1, 0, 0, 0}, new int[] {-1, 0, 2, 4}, new float[] {1, 0, 1, 0, 1, 0});
        message = refusal(ForestFormat.toBytes(new ForestFile("r", List.of("f"), "sound", List.of("a", "b"),
                new TreeForest(1, 2, List.of(orphan)))));
        assertTrue(message.contains("node 3 of tree 0 is the child of no node"), message);
    }

    @Test
    void numbersOutsideTheirRangeAreRefused() {
        assertTrue(refusal(patched("000000000000e03f", "000000000000f87f")).contains("splits at NaN"));
        assertTrue(refusal(patched("0000803e0000403f", "0000803e0000c03f")).contains("class frequency of 1.5"));
        assertTrue(refusal(patched("0000803e0000403f", "0000803e0000c07f")).contains("class frequency of NaN"));
    }

    @Test
    void namesMustBeDistinctAndUtf8() {
        assertTrue(refusal(patched("0100" + "61" + "0100" + "62", "0100" + "61" + "0100" + "61"))
                .contains("two of its sounds have the same name"));
        String sameAsClass = refusal(ForestFormat.toBytes(new ForestFile("r", List.of("sound"), "sound",
                List.of("a", "b"), new TreeForest(1, 2, List.of(stump())))));
        assertTrue(sameAsClass.contains("have the same name"), sameAsClass);
        assertTrue(refusal(patched("0100" + "72", "0100" + "ff")).contains("the relation name is not UTF-8"));
    }

    @Test
    void nothingMayFollowTheLastTree() {
        byte[] longer = java.util.Arrays.copyOf(tinyBytes(), tinyBytes().length + 3);
        assertTrue(refusal(longer).contains("3 bytes follow the last tree"));
    }
}
