package dev.runtruth.agent.listeners;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the Linux socket tables {@code /proc/<pid>/net/tcp} and {@code /proc/<pid>/net/tcp6} (Linux {@code proc(5)},
 * "/proc/net/tcp"; the kernel's {@code tcp4_seq_show} and {@code tcp6_seq_show}). After one header line, each line
 * is one socket:
 * <pre>
 *   sl  local_address rem_address   st tx_queue rx_queue tr tm-&gt;when retrnsmt   uid  timeout inode
 *    1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 39419 1 ...
 * </pre>
 * {@code local_address} is the address and port in hex: an IPv4 address is one 32-bit word, an IPv6 address four,
 * each printed in the kernel's (host, on x86 and arm little-endian) byte order; the port is big-endian hex. {@code st}
 * is the TCP state, {@code 0A} = {@code TCP_LISTEN}; {@code inode} is the socket's inode, which {@code
 * /proc/<pid>/fd/N} links to as {@code socket:[inode]}. The table lists every socket of the network namespace, not
 * only this process's: the caller keeps the inodes this process holds.
 */
final class ProcNetTcp {

    /** {@code st} of a listening socket: {@code TCP_LISTEN} in {@code include/net/tcp_states.h}. */
    static final String LISTEN = "0A";

    private ProcNetTcp() {
    }

    /** A listening socket of the table: bound address, port and inode. */
    static final class Entry {

        final Listener listener;
        final long inode;

        Entry(Listener listener, long inode) {
            this.listener = listener;
            this.inode = inode;
        }
    }

    /**
     * @param table the whole text of {@code net/tcp} or {@code net/tcp6}
     * @return its sockets in the LISTEN state, in table order; malformed lines are skipped
     */
    static List<Entry> listening(String table) {
        List<Entry> out = new ArrayList<Entry>();
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // sl, local, remote, st, tx:rx, tr:when, retrnsmt, uid, timeout, inode
            if (f.length < 10 || !f[0].endsWith(":") || !LISTEN.equals(f[3])) {
                continue;
            }
            int colon = f[1].indexOf(':');
            try {
                String address = address(f[1].substring(0, colon));
                int port = Integer.parseInt(f[1].substring(colon + 1), 16);
                long inode = Long.parseLong(f[9]);
                if (address != null && port > 0 && inode > 0) {
                    out.add(new Entry(new Listener(address, port), inode));
                }
            } catch (RuntimeException e) {
                // not a socket line of a format this parser knows: skip it
            }
        }
        return out;
    }

    /**
     * @param hex 8 hex digits (IPv4) or 32 (IPv6), 32-bit words in little-endian byte order
     * @return the address as text ({@code 0.0.0.0}, {@code ::}, {@code ::1}, {@code fe80::1}); an IPv4-mapped IPv6
     *         address ({@code ::ffff:a.b.c.d}) as its IPv4 form; {@code null} for another length
     */
    static String address(String hex) {
        if (hex.length() != 8 && hex.length() != 32) {
            return null;
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2; // byte i of the word is printed last-first
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        if (bytes.length == 4) {
            return ipv4(bytes, 0);
        }
        boolean mapped = true;
        for (int i = 0; i < 12; i++) {
            mapped &= bytes[i] == (i < 10 ? 0 : (byte) 0xff);
        }
        return mapped ? ipv4(bytes, 12) : ipv6(bytes);
    }

    private static String ipv4(byte[] b, int from) {
        return (b[from] & 0xff) + "." + (b[from + 1] & 0xff) + "." + (b[from + 2] & 0xff) + "." + (b[from + 3] & 0xff);
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run (first of equals) of two or more zero groups as ::. */
    private static String ipv6(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
