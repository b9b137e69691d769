package dev.runtruth.agent.discovery;

import dev.runtruth.agent.instrument.ModuleAccess;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded breadth-first walk of the object graph over declared instance fields, which calls no application code:
 * collections are read through their fields ({@code HashMap.table}, {@code ArrayList.elementData}), the only methods
 * called on the objects met are {@code Reference.get()} and {@code getClass()}. Not thread-safe: one walk per
 * instance, on the agent's own thread.
 *
 * <p>It descends only into framework classes ({@link #FRAMEWORK_PREFIXES}, lambdas of them included), {@code java.util}
 * collections and concurrency classes, the JDK's own HTTP server ({@link #JDK_SERVERS}), {@code Object[]} (at most
 * {@link WalkBudget#arrayEntries()} non-null entries each), a {@code Thread}'s task, thread-locals and
 * uncaught-exception handler, and the referent of a non-phantom {@code Reference}. A chain of same-class links (a
 * {@code LinkedHashMap}'s entries through {@code before}/{@code after}, {@code LinkedList} or {@code
 * ConcurrentLinkedQueue} nodes through {@code next}) is followed for at most {@link WalkBudget#arrayEntries()} links
 * from where the walk entered it, as an array's entries are: a framework
 * object holding a linked collection of application data (an LRU cache of a million entries) would otherwise spend
 * the whole object budget on it ({@code bench/heapwalk.py}: 200,000 objects, the walk cut, a 7-21 ms young GC).
 * Never into application classes, strings, boxes, class loaders, classes, modules, reflection objects or primitive
 * arrays: the walk's size follows the frameworks' graph, not the heap.
 *
 * <p>Every object met (descended into or not) is offered to the {@link Matcher}; the visited set is shared by all
 * {@link #phase phases} of one walk, each phase has its own object budget (what it met but could not expand is
 * carried over to the next phase), all share one deadline.
 */
final class ObjectWalk {

    /** Decides whether an object met is a framework object discovery is looking for. */
    interface Matcher {

        /** @param object an object met by the walk, never {@code null}; must not throw */
        void offer(Object object);
    }

    /** Packages (binary-name prefixes) of the frameworks whose objects the walk descends into. */
    static final String[] FRAMEWORK_PREFIXES = {
        "org.springframework.", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.",
        "org.eclipse.jetty.", "io.undertow.", "org.xnio.", "org.glassfish.jersey.", "org.glassfish.hk2.",
        "org.jvnet.hk2.", "org.jboss.resteasy.", "org.jboss.threads.", "io.quarkus.", "io.smallrye.",
        "io.micronaut.", "io.vertx.", "io.netty.", "io.javalin.", "io.grpc.", "io.dropwizard.", "com.netflix.",
        "reactor.netty.", "reactor.core.", "io.helidon.", "io.ktor.", "org.apache.cxf.", "org.glassfish.grizzly.",
        "org.jboss.weld.",
    };

    /**
     * JDK packages of HTTP servers a framework runs on, descended into like a framework's (their package is opened to
     * the agent when first met): the JDK HTTP server ({@code com.sun.net.httpserver}, module {@code jdk.httpserver}),
     * whose contexts are the only path to Jersey's {@code JdkHttpHandlerContainer}: {@code HTTP-Dispatcher} thread
     * -> {@code ServerImpl$Dispatcher.this$0} -> {@code ServerImpl.contexts.list} -> {@code HttpContextImpl.handler}
     * (JDK 8 to 25; {@code JerseyJdkHttpIT} hook-free, {@code JerseyJdkHttpAttachIT}).
     */
    static final String[] JDK_SERVERS = {"sun.net.httpserver."};

    private static final String[] JDK_EXCLUDED = {
        "java.util.regex.", "java.util.zip.", "java.util.jar.", "java.util.stream.", "java.util.logging.",
    };

    /** The fields of a {@code Thread} that lead to framework objects (JDK 19+ keeps the task in {@code holder}). */
    private static final String[] THREAD_FIELDS = {
        "target", "holder", "threadLocals", "inheritableThreadLocals", "uncaughtExceptionHandler",
    };

    private static final Field[] NONE = new Field[0];

    private final WalkBudget budget;
    private final Matcher matcher;
    private final long deadline;
    private final Map<Object, Boolean> visited = new IdentityHashMap<Object, Boolean>();
    /** Links followed to reach an object along a chain of same-class links; absent: 0. */
    private final Map<Object, Integer> chainLinks = new IdentityHashMap<Object, Integer>();
    private final Map<Class<?>, Field[]> fields = new HashMap<Class<?>, Field[]>();
    private final ArrayDeque<Object> leftover = new ArrayDeque<Object>();
    private int expanded;
    private int skippedFields;
    private boolean timedOut;

    /**
     * @param budget  the bounds; its wall time starts now
     * @param matcher receives every object met
     */
    ObjectWalk(WalkBudget budget, Matcher matcher) {
        this.budget = budget;
        this.matcher = matcher;
        this.deadline = System.nanoTime() + budget.millis() * 1000000L;
    }

    /**
     * Walks from {@code roots} until the graph below them is exhausted, {@link WalkBudget#objects()} objects were
     * descended into in this phase, or the walk's deadline passed.
     *
     * @param roots the phase's roots, walked in order (breadth first); {@code null} entries are ignored
     * @return objects descended into by this phase
     */
    int phase(Collection<?> roots) {
        ArrayDeque<Object> queue = new ArrayDeque<Object>();
        for (Object root : roots) {
            meet(root, queue);
        }
        // what an earlier phase met but could not expand within its budget comes after this phase's own roots
        queue.addAll(leftover);
        leftover.clear();
        int count = 0;
        while (!queue.isEmpty() && count < budget.objects()) {
            if ((count & 255) == 0 && System.nanoTime() > deadline) {
                timedOut = true;
                break;
            }
            expand(queue.poll(), queue);
            count++;
        }
        leftover.addAll(queue);
        expanded += count;
        return count;
    }

    /**
     * @return whether the graph below every root walked so far was exhausted: nothing met is left unexpanded and no
     *         phase stopped at the deadline
     */
    boolean complete() {
        return leftover.isEmpty() && !timedOut;
    }

    /** @return objects descended into by all phases so far */
    int expanded() {
        return expanded;
    }

    /** @return objects met (offered to the matcher) so far */
    int met() {
        return visited.size();
    }

    /** @return whether a phase stopped at the deadline */
    boolean timedOut() {
        return timedOut;
    }

    /** @return fields that could not be read (module not opened, a linkage error); skipped */
    int skippedFields() {
        return skippedFields;
    }

    private void meet(Object object, ArrayDeque<Object> queue) {
        if (object == null || visited.containsKey(object)) {
            return;
        }
        visited.put(object, Boolean.TRUE);
        matcher.offer(object);
        if (descends(object)) {
            queue.add(object);
        }
    }

    private static boolean descends(Object object) {
        Class<?> type = object.getClass();
        if (type.isArray()) {
            return !type.getComponentType().isPrimitive();
        }
        if (object instanceof Thread) {
            return true;
        }
        if (object instanceof Reference) {
            return !(object instanceof PhantomReference);
        }
        if (object instanceof ClassLoader || object instanceof Class || object instanceof AccessibleObject) {
            return false;
        }
        return allowed(type.getName());
    }

    /**
     * @param className a binary class name
     * @return whether objects of that class are descended into (framework classes and their lambdas, {@code
     *         java.util} except regex/zip/jar/stream/logging, the JDK's thread-local map and thread field holder)
     */
    static boolean allowed(String className) {
        for (String prefix : FRAMEWORK_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        if (className.startsWith("java.util.")) {
            for (String excluded : JDK_EXCLUDED) {
                if (className.startsWith(excluded)) {
                    return false;
                }
            }
            return true;
        }
        if (jdkServerPackage(className) != null) {
            return true;
        }
        return className.startsWith("java.lang.ThreadLocal$") || className.equals("java.lang.Thread$FieldHolder");
    }

    private void expand(Object object, ArrayDeque<Object> queue) {
        Class<?> type = object.getClass();
        if (type.isArray()) {
            int length = Array.getLength(object);
            int read = 0;
            Object[] array = (Object[]) object;
            for (int i = 0; i < length && read < budget.arrayEntries(); i++) {
                Object element = array[i];
                if (element != null) {
                    read++;
                    meet(element, queue);
                }
            }
            return;
        }
        if (object instanceof Reference) {
            try {
                meet(((Reference<?>) object).get(), queue);
            } catch (Throwable t) {
                // CleanerImpl$PhantomCleanableRef.get() throws UnsupportedOperationException
            }
        }
        boolean thread = object instanceof Thread;
        for (Field field : fieldsOf(type)) {
            if (thread && field.getDeclaringClass() == Thread.class && !isThreadField(field.getName())) {
                continue;
            }
            try {
                Object value = field.get(object);
                if (value != null && value.getClass() == type && !followsLink(object, value)) {
                    continue;
                }
                meet(value, queue);
            } catch (Throwable t) {
                skippedFields++;
            }
        }
    }

    /**
     * @param from an object being expanded
     * @param to   the value of one of its fields, of the same class (the next node of a chain)
     * @return whether the walk may follow the link: at most {@link WalkBudget#arrayEntries()} links along one chain
     */
    private boolean followsLink(Object from, Object to) {
        if (visited.containsKey(to)) {
            return true; // met already: meet() does nothing
        }
        Integer before = chainLinks.get(from);
        int links = before == null ? 1 : before + 1;
        if (links > budget.arrayEntries()) {
            return false;
        }
        chainLinks.put(to, links);
        return true;
    }

    /** @return the package of a {@link #JDK_SERVERS} class, {@code null} for any other class */
    private static String jdkServerPackage(String className) {
        for (String prefix : JDK_SERVERS) {
            if (className.startsWith(prefix)) {
                return className.substring(0, className.lastIndexOf('.'));
            }
        }
        return null;
    }

    /** Opens the package of a {@link #JDK_SERVERS} class to the agent (not open by default on JDK 9+); never throws. */
    private static void openIfJdkServer(Class<?> type) {
        String pkg = jdkServerPackage(type.getName());
        if (pkg != null) {
            ModuleAccess.openToAgent(type, pkg);
        }
    }

    private static boolean isThreadField(String name) {
        for (String field : THREAD_FIELDS) {
            if (field.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The readable instance fields of reference type of {@code type} and its superclasses: of allowed classes, and of
     * {@code Thread} (filtered by the caller); never of {@code Reference} (its referent is read by {@code get()}).
     */
    private Field[] fieldsOf(Class<?> type) {
        Field[] cached = fields.get(type);
        if (cached != null) {
            return cached;
        }
        List<Field> list = new ArrayList<Field>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c == Reference.class || !(c == Thread.class || allowed(c.getName()))) {
                continue;
            }
            openIfJdkServer(c);
            Field[] declared;
            try {
                declared = c.getDeclaredFields();
            } catch (Throwable t) {
                skippedFields++; // NoClassDefFoundError: a field's type is an absent optional dependency
                continue;
            }
            for (Field field : declared) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    list.add(field);
                } catch (Throwable t) {
                    skippedFields++; // a package not opened to the agent
                }
            }
        }
        Field[] result = list.isEmpty() ? NONE : list.toArray(new Field[0]);
        fields.put(type, result);
        return result;
    }
}
