import io.javalin.Javalin;
import io.javalin.http.Handler;

/**
 * A generated service for the scrape benchmark: a Javalin 6 app with {@code routes} endpoints registered in a loop
 * (five methods over {@code routes / 5} path templates with one or two parameters) that also loads one class from
 * each of {@code jars} small library jars on its classpath ({@code benchlib.pN.LibN}), so the agent's classpath
 * inventory sees every jar. Answers {@code GET /ready} with 200 once all of that is done.
 *
 * <p>Usage: {@code java -cp javalin6.jar:scrape:lib-0.jar:... ScrapeApp <port> <routes> <jars>}
 */
public final class ScrapeApp {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int routes = Integer.parseInt(args[1]);
        int jars = Integer.parseInt(args[2]);
        for (int i = 0; i < jars; i++) {
            Class.forName("benchlib.p" + i + ".Lib" + i);
        }
        Handler ok = ctx -> ctx.result("ok");
        Javalin app = Javalin.create();
        for (int i = 0; i < routes; i++) {
            String base = "/api/v" + (i % 3 + 1) + "/resource" + (i / 5) + "/{id}";
            switch (i % 5) {
                case 0: app.get(base, ok); break;
                case 1: app.post(base + "/items", ok); break;
                case 2: app.put(base + "/items/{itemId}", ok); break;
                case 3: app.delete(base, ok); break;
                default: app.patch(base + "/state", ok); break;
            }
        }
        app.get("/ready", ok);
        app.start("127.0.0.1", port);
    }
}
