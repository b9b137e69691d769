package dev.runtruth.agenttests.faulthost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/** HTTP/1.0 over a plain {@link ServerSocket}: GET only, one thread per connection, {@code Connection: close}. */
final class RawHttpServer {

    private final int port;
    private final Map<String, Supplier<String>> routes;

    RawHttpServer(int port, Map<String, Supplier<String>> routes) {
        this.port = port;
        this.routes = routes;
    }

    void start() throws IOException {
        ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket socket = server.accept();
                    Thread worker = new Thread(() -> handle(socket), "fault-host-worker");
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "fault-host-acceptor");
        acceptor.start();
    }

    private void handle(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                // headers are not needed
            }
            String[] parts = requestLine == null ? new String[0] : requestLine.split(" ");
            String path = parts.length > 1 ? parts[1].replaceAll("\\?.*", "") : "/";
            Supplier<String> route = routes.get(path);
            int status = route == null ? 404 : 200;
            String body;
            try {
                body = route == null ? "not found\n" : route.get();
            } catch (RuntimeException e) {
                status = 500;
                body = e + "\n";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.0 " + status + (status == 200 ? " OK" : " Error") + "\r\nContent-Type: text/plain; "
                    + "charset=utf-8\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // the client went away
        }
    }
}
