package dev.parrot.model.forest;

import dev.parrot.ParrotException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code .model} file of a forest: its trees as arrays of numbers, with the names of its features and sounds, in
 * a little-endian binary layout of Parrot's own. Reading it interprets numbers and strings; no class named in the
 * file is loaded and no code of the file's choosing runs, unlike Java serialisation. The layout, for readers in other
 * languages, is on the site's "Model file format" page ({@code src/site/markdown/model-format.md}):
 *
 * <pre>
 * magic "PARROTFF" (8 bytes), u16 version (1)
 * string relation, u32 F, F x string feature name, string class attribute, u32 C, C x string label
 * u32 T, then T trees: u32 N, then N nodes:
 *   i32 feature (-1 for a leaf); a split: f64 threshold, u32 left child (the right child is left + 1);
 *   a leaf: C x f32 class frequencies
 * string: u16 byte length, then that many bytes of UTF-8
 * </pre>
 *
 * <p>Everything is checked as it is read: every count against the bytes left (a count cannot make the reader allocate
 * more than the file could fill), names unique, children after their parent and each node the child of exactly one
 * (so every walk from the root ends in a leaf), thresholds and frequencies finite, nothing after the last tree. A file
 * that fails any check is refused with a {@link ParrotException} naming it and what is wrong. The same forest is
 * always written as the same bytes, and a file read is written back byte for byte.
 */
public final class ForestFormat {

    /** The first bytes of every forest file; Java serialisation, the other model format, starts with AC ED. */
    static final byte[] MAGIC = "PARROTFF".getBytes(StandardCharsets.US_ASCII);

    /** The layout's version; a reader refuses a newer one rather than misreading it. */
    public static final int VERSION = 1;

    private static final int LEAF = -1;

    private ForestFormat() {
    }

    /** Whether a file's first bytes are those of this format. */
    public static boolean recognises(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /**
     * Writes a forest file.
     *
     * @throws IllegalArgumentException when a name is longer than the format holds (65535 bytes of UTF-8)
     */
    public static void write(ForestFile file, OutputStream out) throws IOException {
        out.write(toBytes(file));
    }

    /** The bytes of a forest file. */
    public static byte[] toBytes(ForestFile file) {
        TreeForest forest = file.forest();
        Writer w = new Writer();
        w.bytes(MAGIC);
        w.u16(VERSION);
        w.string(file.relation());
        w.u32(file.featureNames().size());
        file.featureNames().forEach(w::string);
        w.string(file.classAttribute());
        w.u32(file.labels().size());
        file.labels().forEach(w::string);
        w.u32(forest.trees().size());
        int classes = forest.classes();
        for (TreeForest.Tree tree : forest.trees()) {
            w.u32(tree.size());
            for (int node = 0; node < tree.size(); node++) {
                int feature = tree.feature()[node];
                if (feature < 0) {
                    w.i32(LEAF);
                    int at = tree.distributionStart()[node];
                    for (int c = 0; c < classes; c++) {
                        w.f32(tree.distributions()[at + c]);
                    }
                } else {
                    w.i32(feature);
                    w.f64(tree.threshold()[node]);
                    w.u32(tree.left()[node]);
                }
            }
        }
        return w.out.toByteArray();
    }

    /**
     * Reads a forest file; {@code where} names it in messages.
     *
     * @throws ParrotException when the bytes are not a forest file this version reads
     */
    public static ForestFile read(byte[] bytes, String where) throws ParrotException {
        if (!recognises(bytes)) {
            throw new ParrotException(where + " is not a Parrot forest model: it does not start with \"PARROTFF\".");
        }
        Reader r = new Reader(bytes, where);
        r.skip(MAGIC.length);
        int version = r.u16("the format version");
        if (version != VERSION) {
            throw new ParrotException(where + " is a Parrot forest model of format version " + version + ", which this"
                    + " version of Parrot does not read (it reads version " + VERSION + "). "
                    + (version > VERSION ? "Upgrade Parrot." : "Retrain the model."));
        }
        String relation = r.string("the relation name");
        int features = r.count("the number of features", 1, 2);
        List<String> featureNames = new ArrayList<>(features);
        for (int f = 0; f < features; f++) {
            featureNames.add(r.string("the name of feature " + f));
        }
        String classAttribute = r.string("the class attribute's name");
        Set<String> attributes = new HashSet<>(featureNames);
        attributes.add(classAttribute);
        if (attributes.size() != features + 1) {
            throw r.bad("two of its features (or a feature and the class attribute) have the same name");
        }
        int classes = r.count("the number of sounds", 1, 2);
        List<String> labels = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            labels.add(r.string("the name of sound " + c));
        }
        if (Set.copyOf(labels).size() != classes) {
            throw r.bad("two of its sounds have the same name");
        }
        // The smallest tree is its node count and one leaf: the leaf's feature and its class frequencies.
        long leafBytes = 4 + 4L * classes;
        int trees = r.count("the number of trees", 1, 4 + leafBytes);
        List<TreeForest.Tree> read = new ArrayList<>(trees);
        for (int t = 0; t < trees; t++) {
            read.add(tree(r, t, features, classes));
        }
        if (r.remaining() > 0) {
            throw r.bad(r.remaining() + " bytes follow the last tree");
        }
        return new ForestFile(relation, featureNames, classAttribute, labels,
                new TreeForest(features, classes, read));
    }

    private static TreeForest.Tree tree(Reader r, int t, int features, int classes) throws ParrotException {
        String which = "tree " + t;
        // A split is its feature, threshold and children: 16 bytes.
        int nodes = r.count("the number of nodes of " + which, 1, Math.min(4 + 4L * classes, 16));
        int[] feature = new int[nodes];
        double[] threshold = new double[nodes];
        int[] left = new int[nodes];
        int[] distributionStart = new int[nodes];
        int leaves = 0;
        float[] distributions = new float[0];
        // Whether some split has already named a node as its child: each node but the root is the child of one.
        boolean[] parented = new boolean[nodes];
        for (int node = 0; node < nodes; node++) {
            int f = r.i32("the feature of node " + node + " of " + which);
            feature[node] = f;
            distributionStart[node] = -1;
            if (f == LEAF) {
                if (distributions.length < (leaves + 1) * classes) {
                    // Grows as leaves are read, so its size follows the file's bytes, not a count in it.
                    distributions = Arrays.copyOf(distributions, Math.max(classes, distributions.length * 2));
                }
                distributionStart[node] = leaves * classes;
                for (int c = 0; c < classes; c++) {
                    float p = r.f32("a class frequency of node " + node + " of " + which);
                    if (!(p >= 0 && p <= 1)) {
                        throw r.bad("node " + node + " of " + which + " gives a class frequency of " + p
                                + ", outside 0..1");
                    }
                    distributions[leaves * classes + c] = p;
                }
                leaves++;
            } else if (f >= 0 && f < features) {
                double value = r.f64("the threshold of node " + node + " of " + which);
                if (!Double.isFinite(value)) {
                    throw r.bad("node " + node + " of " + which + " splits at " + value);
                }
                threshold[node] = value;
                long child = r.u32("the children of node " + node + " of " + which);
                if (child <= node || child + 1 >= nodes) {
                    throw r.bad(String.format(Locale.ROOT, "node %d of %s names nodes %d and %d as its children;"
                            + " children come after their parent, among the tree's %d nodes", node, which, child,
                            child + 1, nodes));
                }
                left[node] = (int) child;
                if (parented[left[node]] || parented[left[node] + 1]) {
                    throw r.bad("node " + (parented[left[node]] ? child : child + 1) + " of " + which
                            + " is the child of two nodes");
                }
                parented[left[node]] = true;
                parented[left[node] + 1] = true;
            } else {
                throw r.bad(String.format(Locale.ROOT, "node %d of %s splits on feature %d, but there are %d features"
                        + " (-1 marks a leaf)", node, which, f, features));
            }
        }
        for (int node = 1; node < nodes; node++) {
            if (!parented[node]) {
                throw r.bad("node " + node + " of " + which + " is the child of no node");
            }
        }
        return new TreeForest.Tree(feature, threshold, left, distributionStart,
                Arrays.copyOf(distributions, leaves * classes));
    }

    /** Little-endian values into a growing buffer. */
    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        void bytes(byte[] b) {
            out.write(b, 0, b.length);
        }

        void u16(int v) {
            scratch.clear();
            scratch.putShort((short) v);
            out.write(scratch.array(), 0, 2);
        }

        void i32(int v) {
            scratch.clear();
            scratch.putInt(v);
            out.write(scratch.array(), 0, 4);
        }

        void u32(long v) {
            i32((int) v);
        }

        void f32(float v) {
            scratch.clear();
            scratch.putFloat(v);
            out.write(scratch.array(), 0, 4);
        }

        void f64(double v) {
            scratch.clear();
            scratch.putDouble(v);
            out.write(scratch.array(), 0, 8);
        }

        void string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > 0xffff) {
                throw new IllegalArgumentException("a name of " + utf8.length + " bytes does not fit a forest model"
                        + " file (at most 65535): " + s.substring(0, 40) + "...");
            }
            u16(utf8.length);
            bytes(utf8);
        }
    }

    /** Little-endian values from the file's bytes, each checked against what is left. */
    private static final class Reader {
        private final ByteBuffer in;
        private final String where;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

        Reader(byte[] bytes, String where) {
            this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            this.where = where;
        }

        int remaining() {
            return in.remaining();
        }

        ParrotException bad(String why) {
            return new ParrotException(where + " is not a usable Parrot forest model: " + why + ".");
        }

        private void need(int bytes, String what) throws ParrotException {
            if (in.remaining() < bytes) {
                throw new ParrotException(where + " is not a usable Parrot forest model: it ends at byte "
                        + in.limit() + ", in the middle of " + what + " (cut short?).");
            }
        }

        void skip(int bytes) {
            in.position(in.position() + bytes);
        }

        int u16(String what) throws ParrotException {
            need(2, what);
            return Short.toUnsignedInt(in.getShort());
        }

        int i32(String what) throws ParrotException {
            need(4, what);
            return in.getInt();
        }

        long u32(String what) throws ParrotException {
            return Integer.toUnsignedLong(i32(what));
        }

        float f32(String what) throws ParrotException {
            need(4, what);
            return in.getFloat();
        }

        double f64(String what) throws ParrotException {
            need(8, what);
            return in.getDouble();
        }

        /**
         * A count, at least {@code least}, of items that take at least {@code bytesEach} bytes each: refused when the
         * bytes left could not hold that many, so that no count in a file makes the reader allocate beyond its size.
         */
        int count(String what, int least, long bytesEach) throws ParrotException {
            long n = u32(what);
            if (n < least) {
                throw bad(what + " is " + n + ", less than " + least);
            }
            if (n > in.remaining() / bytesEach) {
                throw bad(String.format(Locale.ROOT, "%s is %d, more than the %d bytes left could hold", what, n,
                        in.remaining()));
            }
            return (int) n;
        }

        String string(String what) throws ParrotException {
            int length = u16("the length of " + what);
            need(length, what);
            ByteBuffer bytes = in.slice(in.position(), length);
            skip(length);
            try {
                CharBuffer chars = utf8.reset().decode(bytes);
                return chars.toString();
            } catch (CharacterCodingException e) {
                throw bad(what + " is not UTF-8");
            }
        }
    }
}
