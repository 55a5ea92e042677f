package dev.parrot.model;

import dev.parrot.ParrotException;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.SerializationHelper;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A model file in Weka's serialisation: the classifier, then its data header, as Weka's {@link SerializationHelper}
 * writes them, so that Weka's own tools open it. What learners other than {@code fast-forest} are written in, and what
 * {@code fast-forest} was written in before it had a format of its own. Java deserialisation creates the objects a
 * file names and runs their code, so it is read only through {@link WekaClassFilter}, which is asked about each class
 * by name before it is loaded, and every load says the file must come from a trusted source.
 */
final class WekaModelFormat {

    private WekaModelFormat() {
    }

    static void write(Classifier classifier, Instances header, OutputStream out) throws IOException {
        try {
            SerializationHelper.writeAll(out, new Object[] {classifier, header});
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Weka could not serialise the classifier: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a classifier and header; {@code where} names the file in messages. Only the classes a model of the
     * file's learner is made of are read: a file naming any other is refused before that class runs.
     */
    static LoadedClassifier read(byte[] bytes, String where) throws ParrotException {
        List<Object> objects = new ArrayList<>();
        WekaClassFilter filter = new WekaClassFilter(bytes.length);
        try {
            ObjectInputStream stream = new AllowListStream(new ByteArrayInputStream(bytes), filter);
            stream.setObjectInputFilter(filter);
            while (objects.size() < 2) {
                objects.add(stream.readObject());
            }
        } catch (InvalidClassException e) {
            throw refusal(where, filter, e);
        } catch (EOFException e) {
            // Fewer than two objects: told below.
        } catch (IOException | ClassNotFoundException | RuntimeException | StackOverflowError e) {
            // Also a class the allow-list names but this class path lacks, and a stream nested beyond the stack.
            throw new ParrotException(where + " is not a Weka model: " + e, e);
        }
        if (objects.size() < 2 || !(objects.get(0) instanceof Classifier c) || !(objects.get(1) instanceof Instances h)) {
            throw new ParrotException(where + " is not a model written by parrot:train (expected a Weka classifier"
                    + " followed by its data header).");
        }
        WekaClassFilter.Learner learner = filter.learner();
        return new LoadedClassifier(c, h, null, ClassifierFormat.WEKA, note(where, learner));
    }

    /**
     * Java's stream, resolving only the classes the allow-list admits, by name, before anything is loaded: a stream's
     * filter sees a class only once it is resolved, and resolving a name may fail in ways of its own (a malformed name
     * is a {@link LinkageError}). Classes come from this library's loader, which holds Weka and Parrot's learners;
     * proxies are never made.
     */
    private static final class AllowListStream extends ObjectInputStream {
        private final WekaClassFilter filter;

        AllowListStream(ByteArrayInputStream in, WekaClassFilter filter) throws IOException {
            super(in);
            this.filter = filter;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            String name = desc.getName();
            if (!filter.admits(name)) {
                throw new InvalidClassException(name, "not a class a model is read with");
            }
            try {
                return Class.forName(name, false, WekaModelFormat.class.getClassLoader());
            } catch (LinkageError e) {
                throw new ClassNotFoundException(name, e);
            }
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
            filter.refuse("proxy of " + String.join(", ", interfaces));
            throw new InvalidClassException("a proxy", "no model holds one");
        }
    }

    private static ParrotException refusal(String where, WekaClassFilter filter, InvalidClassException e) {
        String rejected = filter.rejected();
        if (rejected == null) {
            return new ParrotException(where + " is not a Weka model this version can read (or is larger than its"
                    + " own bytes allow): " + e.getMessage(), e);
        }
        if (filter.learner() == null) {
            return new ParrotException(where + " is not a model Parrot reads: it holds a " + rejected + ", which is"
                    + " not one of the learners Parrot trains (" + String.join(", ", learnerNames()) + "). Parrot"
                    + " reads Weka's serialisation only through the classes of those learners, because reading it"
                    + " runs the code of whatever classes the file names.", e);
        }
        return new ParrotException(where + " is not a model Parrot reads: it holds a " + rejected + ", which no "
                + filter.learner().name() + " model is made of (Parrot reads Weka's serialisation only through the"
                + " classes a model of its learner holds, because reading it runs their code).", e);
    }

    private static List<String> learnerNames() {
        return WekaClassFilter.LEARNERS.values().stream().map(WekaClassFilter.Learner::name).sorted().toList();
    }

    private static String note(String where, WekaClassFilter.Learner learner) {
        if (learner.name().equals("fast-forest")) {
            return where + " is a fast-forest model written by an older Parrot in Java's serialisation, which runs"
                    + " code while it is read: load it only from a trusted source, and train it again to get"
                    + " Parrot's forest format, which is data only.";
        }
        return where + " is a " + learner.name() + " model in Weka's serialisation, which runs code while it is read:"
                + " load it only from a trusted source (Parrot reads only the classes a " + learner.name()
                + " model is made of).";
    }
}
