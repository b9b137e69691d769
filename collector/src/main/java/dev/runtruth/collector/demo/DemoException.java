package dev.runtruth.collector.demo;

/** The demo could not run as designed; the message says which step and why. */
final class DemoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DemoException(String message) {
        super(message);
    }
}
