package org.springframework.data.rest.webmvc.config;

import java.util.Collections;
import java.util.Iterator;

/** Handler mappings named like Spring Data REST's, in shapes the agent must not read silently as "no route". */
public final class FakeDataRestMappings {

    private FakeDataRestMappings() {
    }

    /** A Spring Data REST mapping that is not an {@code Iterable<HandlerMapping>} (an unknown future shape). */
    public static final class NotIterable {
    }

    /** One whose delegates cannot be read. */
    public static final class Failing implements Iterable<Object> {
        @Override
        public Iterator<Object> iterator() {
            throw new IllegalStateException("delegates unavailable");
        }
    }

    /** One whose delegates give no route (here: a delegate of no known kind). */
    public static final class NoRoutes implements Iterable<Object> {
        @Override
        public Iterator<Object> iterator() {
            return Collections.<Object>singletonList(new Object()).iterator();
        }
    }
}
