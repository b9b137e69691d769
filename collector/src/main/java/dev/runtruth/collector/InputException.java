package dev.runtruth.collector;

/**
 * A bad input: a missing path, a file that is not a jar, war, class file or classes directory, a corrupt archive,
 * an unreachable agent URL, a response that is not Prometheus text, a malformed manifest. The message is one line
 * that names the input first and the problem second ({@code <input>: <problem>}), fit to be shown to a user as it is.
 * The command line turns it into exit code 2.
 */
public class InputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String input;

    /**
     * @param input   the input as the user gave it (a path or URL), never {@code null}
     * @param problem what is wrong with it, one line, without the input
     */
    public InputException(String input, String problem) {
        this(input, problem, null);
    }

    /**
     * @param input   the input as the user gave it (a path or URL), never {@code null}
     * @param problem what is wrong with it, one line, without the input
     * @param cause   the underlying exception, kept for {@code --verbose}; may be {@code null}
     */
    public InputException(String input, String problem, Throwable cause) {
        super(input + ": " + problem, cause);
        this.input = input;
    }

    /** @return the input as the user gave it */
    public String input() {
        return input;
    }
}
