package dev.parrot.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime's API is made of Parrot's and the JDK's types: a program that embeds it is not tied to TarsosDSP (one
 * person's republish on Central, with its own threading) nor to Weka's classes. The TarsosDSP adapters live apart, in
 * {@code dev.parrot.runtime.tarsos}.
 */
class RuntimeApiTypesTest {

    private static final List<String> FOREIGN = List.of("be.tarsos.", "weka.");

    @Test
    void noPublicSignatureOfTheRuntimeShowsTarsosDspOrWeka() throws Exception {
        List<String> shown = new ArrayList<>();
        List<Class<?>> classes = runtimeClasses();
        assertTrue(classes.size() > 10, "found the runtime's classes: " + classes);
        for (Class<?> c : classes) {
            if (!Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            check(c.getName() + " extends", c.getGenericSuperclass(), shown);
            for (Type t : c.getGenericInterfaces()) {
                check(c.getName() + " implements", t, shown);
            }
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
                    check(c.getName() + "." + m.getName() + " returns", m.getGenericReturnType(), shown);
                    signature(c.getName() + "." + m.getName(), m, shown);
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers()) || Modifier.isProtected(k.getModifiers())) {
                    signature(c.getName() + " constructor", k, shown);
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) || Modifier.isProtected(f.getModifiers())) {
                    check(c.getName() + "." + f.getName(), f.getGenericType(), shown);
                }
            }
        }
        assertEquals(List.of(), shown);
    }

    private static void signature(String where, Executable e, List<String> shown) {
        for (Type t : e.getGenericParameterTypes()) {
            check(where + " takes", t, shown);
        }
        for (Type t : e.getGenericExceptionTypes()) {
            check(where + " throws", t, shown);
        }
    }

    private static void check(String where, Type type, List<String> shown) {
        if (type == null) {
            return;
        }
        String name = type.getTypeName();
        // Generic arguments are in the type name, so List<weka.core.Instance> is caught too.
        for (String foreign : FOREIGN) {
            if (name.startsWith(foreign) || name.contains("<" + foreign) || name.contains(", " + foreign)) {
                shown.add(where + " " + name);
            }
        }
    }

    /** The classes of the runtime package itself, not of its sub-packages, from the compiled classes folder. */
    private static List<Class<?>> runtimeClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path folder = Path.of(SoundModel.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/parrot/runtime");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String simple = file.getFileName().toString().replace(".class", "");
                classes.add(Class.forName("dev.parrot.runtime." + simple));
            }
        }
        return classes;
    }
}
