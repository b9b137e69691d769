package dev.runtruth.collector.probe;

import dev.runtruth.collector.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A request header whose value is a credential, e.g. {@code Authorization}. The value is never taken from the command
 * line (it would show in shell history and process lists): {@code --header NAME=env:VARIABLE} reads it from an
 * environment variable, {@code --header NAME=file:PATH} from a file (one trailing line break dropped). The value is
 * never printed: {@link #toString()} and every message name the header and where it comes from, nothing else.
 */
public final class SecretHeader {

    private final String name;
    private final String value;
    private final String origin;

    private SecretHeader(String name, String value, String origin) {
        this.name = name;
        this.value = value;
        this.origin = origin;
    }

    /**
     * A header with a value known to the caller (the demo's sample account); printed like the others, by origin.
     *
     * @param name   the header name, an RFC 9110 token
     * @param value  the value, one line
     * @param origin where the value comes from, for messages, e.g. {@code the sample's application.properties}
     * @return the header
     */
    public static SecretHeader of(String name, String value, String origin) {
        return new SecretHeader(name, value, origin);
    }

    /**
     * Parses {@code NAME=env:VARIABLE} or {@code NAME=file:PATH}.
     *
     * @param spec the option value
     * @param env  the environment to read variables from ({@code System.getenv()})
     * @return the header with its value read
     * @throws InputException naming the option (never the value) when the form is wrong, the variable is not set, the
     *                        file cannot be read, or the value is empty or spans lines
     */
    public static SecretHeader parse(String spec, Map<String, String> env) throws InputException {
        int eq = spec.indexOf('=');
        String name = eq > 0 ? spec.substring(0, eq).trim() : "";
        String source = eq > 0 ? spec.substring(eq + 1) : "";
        String shown = "--header " + (name.isEmpty() ? "?" : name);
        if (name.isEmpty() || !name.chars().allMatch(SecretHeader::isTokenChar)) {
            throw new InputException(shown, "expected NAME=env:VARIABLE or NAME=file:PATH with a header name");
        }
        String value;
        String origin;
        if (source.startsWith("env:") && source.length() > 4) {
            String variable = source.substring(4);
            origin = "environment variable " + variable;
            value = env.get(variable);
            if (value == null) {
                throw new InputException(shown, origin + " is not set");
            }
        } else if (source.startsWith("file:") && source.length() > 5) {
            Path file = Path.of(source.substring(5));
            origin = "file " + file;
            try {
                value = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputException(shown, "cannot read " + origin + ": " + e.getClass().getSimpleName(), e);
            }
            value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                    : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        } else {
            throw new InputException(shown, "the value must come from env:VARIABLE or file:PATH, never the command"
                    + " line");
        }
        if (value.isBlank() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new InputException(shown, origin + " must hold one non-empty line");
        }
        return new SecretHeader(name, value, origin);
    }

    /** @return the header name */
    public String name() {
        return name;
    }

    /** @return the value, to put on a request and nowhere else */
    String value() {
        return value;
    }

    /** @return {@code NAME from ORIGIN}; never the value */
    @Override
    public String toString() {
        return name + " from " + origin;
    }

    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
