package dev.runtruth.collector.observed;

import dev.runtruth.model.FrameworkState;
import dev.runtruth.model.InventoryState;
import dev.runtruth.model.ListenerState;
import dev.runtruth.model.MetricNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the agent of one running instance could see, as it reports it: the web frameworks present and their
 * {@link FrameworkState} ({@value MetricNames#FRAMEWORK_INFO}), the failures its capture code swallowed
 * ({@value MetricNames#CAPTURE_ERRORS_TOTAL}) and the ports the process listens on that no route is known to be
 * served on ({@code runtruth_listener_info{state="unknown"}}). A route list is only as good as this: any blind spot
 * means routes may be served that the list lacks, so a comparison cannot conclude "no drift".
 *
 * @param frameworks    the frameworks present, in the agent's order
 * @param captureErrors the agent's capture error count; {@code 0} when not exported
 * @param unknownPorts  listening ports with no known routes, as {@code address:port} ({@link #hostPort})
 * @param inventory     whether the agent's inventory is complete ({@value MetricNames#INVENTORY_INFO}); {@link
 *                      InventoryState#UNKNOWN} when not exported (an older agent)
 * @param inventoryReason the agent's one-line reason when the inventory is not {@code ready}, else {@code ""}
 */
public record Coverage(List<Framework> frameworks, long captureErrors, List<String> unknownPorts,
                       InventoryState inventory, String inventoryReason) {

    /**
     * One series of {@value MetricNames#FRAMEWORK_INFO}.
     *
     * @param name    the {@code framework} label, e.g. {@code spring-data-rest}
     * @param version its version, {@code ""} when unknown
     * @param state   what the agent could read
     * @param reason  why the state is not captured, {@code ""} when it is
     */
    public record Framework(String name, String version, FrameworkState state, String reason) {

        /** Requires every component. */
        public Framework {
            Objects.requireNonNull(name, "name");
            version = version == null ? "" : version;
            Objects.requireNonNull(state, "state");
            reason = reason == null ? "" : reason;
        }

        /**
         * One series' labels as exported; the one place a {@code state} label becomes a {@link FrameworkState}, for
         * every reader of the agent (its text exposition, Prometheus' HTTP API).
         *
         * @param name    the {@code framework} label; {@code null} reads as {@code "null"}
         * @param version the {@code version} label, or {@code null}
         * @param state   the {@code state} label, or {@code null}
         * @param reason  the {@code reason} label, or {@code null}
         * @return the framework; a state this collector does not know (a newer agent, or none) is {@link
         *         FrameworkState#FAILED} with the parse error as its reason: never read as captured
         */
        public static Framework ofLabels(String name, String version, String state, String reason) {
            try {
                return new Framework(String.valueOf(name), version, FrameworkState.ofLabel(state), reason);
            } catch (IllegalArgumentException e) {
                return new Framework(String.valueOf(name), version, FrameworkState.FAILED, e.getMessage());
            }
        }
    }

    /** Copies the lists. */
    public Coverage {
        frameworks = List.copyOf(frameworks);
        unknownPorts = List.copyOf(unknownPorts);
        inventory = inventory == null ? InventoryState.UNKNOWN : inventory;
        inventoryReason = inventoryReason == null ? "" : inventoryReason;
    }

    /**
     * Coverage of an agent whose inventory state is not known (not exported, or read from where it is not kept).
     *
     * @param frameworks    the frameworks present
     * @param captureErrors the capture error count
     * @param unknownPorts  listening ports with no known routes
     */
    public Coverage(List<Framework> frameworks, long captureErrors, List<String> unknownPorts) {
        this(frameworks, captureErrors, unknownPorts, InventoryState.UNKNOWN, "");
    }

    /**
     * @return whether the agent says the application is still starting: its route list is not an answer yet (routes
     *         may be added a moment later), so nothing may be reported missing from it
     */
    public boolean starting() {
        return inventory == InventoryState.STARTING;
    }

    /**
     * @param address a bound address as the agent exports it, e.g. {@code 0.0.0.0} or {@code ::}
     * @param port    the port
     * @return {@code address:port}, the address in brackets when it is IPv6 ({@code [::]:8080}, RFC 3986)
     */
    public static String hostPort(String address, String port) {
        String host = address == null ? "" : address;
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** @return coverage with nothing present and nothing failed: what an agent that exports none of it says */
    public static Coverage none() {
        return new Coverage(List.of(), 0, List.of());
    }

    /**
     * @return one line per blind spot, saying what could not be seen and what it means, e.g. {@code
     *         spring-data-rest 5.0.0 failed: ...}; empty when the agent saw everything it knows of
     */
    public List<String> blindSpots() {
        List<String> out = new ArrayList<>();
        if (starting()) {
            out.add("the application is still starting (" + (inventoryReason.isEmpty() ? MetricNames.INVENTORY_INFO
                    + " state starting" : inventoryReason) + "): the agent's list is not complete yet");
        }
        for (Framework framework : frameworks) {
            if (framework.state().blind()) {
                out.add(framework.name() + (framework.version().isEmpty() ? "" : " " + framework.version()) + " "
                        + framework.state().label() + (framework.reason().isEmpty() ? "" : ": " + framework.reason()));
            }
        }
        if (captureErrors > 0) {
            out.add("the agent counted " + captureErrors + " capture error" + (captureErrors == 1 ? "" : "s")
                    + " (" + MetricNames.CAPTURE_ERRORS_TOTAL + "; its log on the service's stderr names them):"
                    + " routes may be missing from its list");
        }
        for (String port : unknownPorts) {
            out.add("the process listens on " + port + " and no route is known to be served there (a framework"
                    + " the agent does not read?); if it is not HTTP, start the agent with ignore_ports="
                    + port.substring(port.lastIndexOf(':') + 1));
        }
        return out;
    }

    /** @return whether there is at least one blind spot */
    public boolean blind() {
        return !blindSpots().isEmpty();
    }
}
