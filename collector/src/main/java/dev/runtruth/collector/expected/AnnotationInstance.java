package dev.runtruth.collector.expected;

import java.util.List;
import java.util.Map;

/**
 * One annotation as written in a class file: its type and the attribute values present in the bytecode (attributes
 * left at their default are absent, as in the class file).
 *
 * <p>Values are {@link String}, boxed primitives, {@link EnumValue}, {@link org.objectweb.asm.Type} (class literals),
 * nested {@link AnnotationInstance}s, or {@link List}s of those (array attributes).
 *
 * @param type   the annotation type's internal name, e.g. {@code org/springframework/web/bind/annotation/GetMapping}
 * @param values attribute name to value, as present in the class file
 */
record AnnotationInstance(String type, Map<String, Object> values) {

    AnnotationInstance {
        values = Map.copyOf(values);
    }

    /** An enum constant used as an annotation value. */
    record EnumValue(String descriptor, String name) {
    }
}
