package dev.runtruth.agent.listeners;

/**
 * A TCP socket of this process in the LISTEN state: the local address it is bound to and its port. Immutable; equal
 * when address and port are, ordered by port, then address.
 */
public final class Listener implements Comparable<Listener> {

    private final String address;
    private final int port;

    /**
     * @param address the bound address as text: {@code 0.0.0.0}, {@code ::} (both: every interface), {@code 127.0.0.1},
     *                {@code ::1}; an IPv4-mapped IPv6 address is given as its IPv4 form
     * @param port    the TCP port, 1-65535
     */
    public Listener(String address, int port) {
        this.address = address;
        this.port = port;
    }

    /** @return the bound address, e.g. {@code 0.0.0.0}, {@code ::} or {@code 127.0.0.1} */
    public String address() {
        return address;
    }

    /** @return the TCP port */
    public int port() {
        return port;
    }

    @Override
    public int compareTo(Listener other) {
        return port != other.port ? Integer.compare(port, other.port) : address.compareTo(other.address);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Listener && ((Listener) o).port == port && ((Listener) o).address.equals(address);
    }

    @Override
    public int hashCode() {
        return 31 * address.hashCode() + port;
    }

    @Override
    public String toString() {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
