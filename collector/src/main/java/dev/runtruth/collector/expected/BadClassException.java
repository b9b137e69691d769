package dev.runtruth.collector.expected;

/** A class file that cannot be read: wrong magic, truncated, or rejected by ASM. The message does not name the file. */
final class BadClassException extends Exception {

    private static final long serialVersionUID = 1L;

    BadClassException(String message, Throwable cause) {
        super(message, cause);
    }
}
