package dev.runtruth.agent.instrument;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Which hooked types premain gives a constructor hook, decided once, cheaply, before the application's {@code main}:
 * with hook-free discovery (the default), only the types whose walk is not proven and whose class file the system
 * class loader finds and declares a class, not an interface (one resource lookup per type, and for a type found, its
 * access flags read from its class file by ASM; no class is loaded); when none is left, premain registers no class
 * transformer at all, so the JVM never hands a loaded class to Java.
 *
 * <p>Limit: a type the system class loader cannot see at premain (a Spring Boot fat jar's nested {@code
 * BOOT-INF/lib} jars, Quarkus' {@code lib/} behind its own loader, a servlet container's web applications) gets no
 * hook; its objects are then looked for by discovery only, and where a walk does not find them the framework reads
 * {@code failed}, never silence.
 */
public final class HookSelection {

    /** Finds a class file by resource name, e.g. {@code io/javalin/Javalin.class}. */
    public interface ClassFiles {

        /**
         * @param resource a class file's resource name
         * @return whether it is on the class path and declares a class that can have a constructor hook (not an
         *         interface)
         */
        boolean has(String resource);
    }

    private HookSelection() {
    }

    /**
     * @param hookedTypes binary names of every hooked type
     * @param hookFree    whether the proven types are found by walks instead of hooks ({@code discovery=on})
     * @param proven      binary names of the types whose walk an IT proves
     * @param classFiles  the system class path
     * @return the types to hook: all of them unless {@code hookFree}; else the unproven ones whose class file is on
     *         {@code classFiles}; never null
     */
    public static String[] select(String[] hookedTypes, boolean hookFree, Collection<String> proven,
            ClassFiles classFiles) {
        if (!hookFree) {
            return hookedTypes.clone();
        }
        List<String> hooked = new ArrayList<String>();
        for (String type : hookedTypes) {
            if (!proven.contains(type) && classFiles.has(type.replace('.', '/') + ".class")) {
                hooked.add(type);
            }
        }
        return hooked.toArray(new String[0]);
    }

    /**
     * @param types    binary names of the types to hook
     * @param prefixes internal-name package prefixes of every hooked family, e.g. {@code io/javalin/}
     * @return the prefixes under which one of {@code types} lies (their first class starts building the hooks)
     */
    public static String[] prefixesOf(String[] types, String[] prefixes) {
        List<String> used = new ArrayList<String>();
        for (String prefix : prefixes) {
            for (String type : types) {
                if (type.replace('.', '/').startsWith(prefix)) {
                    used.add(prefix);
                    break;
                }
            }
        }
        return used.toArray(new String[0]);
    }

    /**
     * @return the system class loader's class path, or nothing when it cannot be had; a class file found there has its
     *         access flags read (ASM's {@code ClassReader}): an interface has no constructor to hook (a class file that cannot be read counts
     *         as a class)
     */
    public static ClassFiles systemClassPath() {
        return new ClassFiles() {
            @Override
            public boolean has(String resource) {
                URL url;
                try {
                    url = ClassLoader.getSystemResource(resource);
                } catch (Throwable t) {
                    return false;
                }
                if (url == null) {
                    return false;
                }
                try {
                    InputStream in = url.openStream();
                    try {
                        // ASM, which the hooks load anyway once a type found here loads
                        return (new ClassReader(in).getAccess() & Opcodes.ACC_INTERFACE) == 0;
                    } finally {
                        in.close();
                    }
                } catch (Throwable t) {
                    return true;
                }
            }
        };
    }
}
