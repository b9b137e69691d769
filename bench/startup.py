#!/usr/bin/env python3
"""JVM start to first HTTP 200: no agent vs the Runtruth agent vs the OpenTelemetry Java agent, interleaved.

Usage: bench/startup.py [--runs N] [--quick] [--apps backoffice,admin,hello,println] [--arms baseline,runtruth,otel]
                        [--java /usr/lib/jvm/.../bin/java]

Apps: `backoffice` (the sample Spring Boot 3.5 service, samples/backoffice), `admin` (a third-party Spring Boot 3.5
app: the Spring Boot Admin server, whose routes come from a library; agent-tests/apps/boot35-admin), `hello` (a
hello-world JVM: a tiny main serving one HTTP 200 with com.sun.net.httpserver, compiled here), `println` (a main
that prints one line and exits: the whole process is timed, spawn to exit; its default arms add `empty`, a
`-javaagent` whose premain does nothing, the floor any agent pays: on JDK 17 the module system then boots without
the CDS-archived module graph).

One sample = the time from spawning `java [agent] -jar app` to the first HTTP 200 on its health path, polled every
5 ms. Per app, the arms run as triples whose order rotates (A B C, B C A, C A B, ...), so drift in machine load and
order effects hit every arm alike. The Runtruth arm is `-javaagent:runtruth-agent.jar=port=P,host=127.0.0.1`; the
OpenTelemetry arm is `-javaagent:opentelemetry-javaagent.jar` with every exporter off
(`-Dotel.{traces,metrics,logs}.exporter=none`). After the last triple the script checks that the Runtruth agent
really served routes (one /metrics scrape of an extra run), so a broken agent cannot pass as a fast one.
Prints each sample, then a Markdown table of medians, ratios against the baseline and the machine load.
"""
import time
import argparse, os, sys, zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as b

APPS = {
    "backoffice": ("sample service (Spring Boot 3.5)", b.BACKOFFICE, "/actuator/health"),
    "admin": ("Spring Boot Admin 3.5 (third-party)", b.ADMIN, "/actuator/health"),
    "hello": ("hello-world (com.sun.net.httpserver)", None, "/"),
    "println": ("hello-world (println and exit)", None, None),
}
# apps whose default arms differ from ARMS: the process ends by itself, so the agent cannot be scraped after it
DEFAULT_ARMS = {"println": ("baseline", "empty", "runtruth")}
ARMS = ("baseline", "runtruth", "otel")


def empty_agent():
    """A jar whose premain does nothing (bench/java/empty): the floor cost of any -javaagent (arm `empty`)."""
    classes = b.javac("empty", ["empty/EmptyAgent.java"], release="8")
    jar = os.path.join(b.TARGET, "empty-agent.jar")
    if not os.path.isfile(jar) or os.path.getmtime(jar) < os.path.getmtime(os.path.join(classes, "EmptyAgent.class")):
        with zipfile.ZipFile(jar, "w") as z:
            z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nPremain-Class: EmptyAgent\r\n\r\n")
            for name in sorted(os.listdir(classes)):
                if name.endswith(".class"):
                    z.write(os.path.join(classes, name), name)
    return jar


def app_command(java, app, port):
    if app == "hello":
        return ["-cp", b.javac("hello", ["hello/Hello.java"]), "Hello", str(port)]
    if app == "println":
        return ["-cp", b.javac("println", ["println/Println.java"]), "Println"]
    return ["-jar", APPS[app][1], "--server.port=%d" % port]


def arm_options(arm, agent_port):
    if arm == "runtruth":
        return ["-javaagent:%s=port=%d,host=127.0.0.1" % (b.AGENT, agent_port)]
    if arm == "empty":
        return ["-javaagent:" + empty_agent()]
    if arm == "transformer":
        return ["-javaagent:" + empty_agent() + "=transformer"]
    if arm.startswith("jar:"):  # any other agent jar, e.g. an older Runtruth build: jar:/tmp/old-agent.jar
        return ["-javaagent:%s=port=%d,host=127.0.0.1" % (arm[4:], agent_port)]
    if arm == "otel":
        return ["-javaagent:" + b.artifact(b.OTEL_AGENT)] + b.OTEL_OFF
    return []


def one_run(java, app, arm, tag):
    port, agent_port = b.free_port(), b.free_port()
    jvm = b.Jvm([java] + arm_options(arm, agent_port) + app_command(java, app, port), "startup-%s-%s" % (app, arm))
    try:
        if APPS[app][2] is None:
            return jvm.wait_exit(), jvm.cpu
        return jvm.wait_200(port, APPS[app][2]), jvm.cpu
    finally:
        jvm.stop()


def check_agent(java, app):
    """Starts the app once more with the Runtruth agent and fails unless its /metrics lists routes."""
    port, agent_port = b.free_port(), b.free_port()
    jvm = b.Jvm([java] + arm_options("runtruth", agent_port) + app_command(java, app, port), "startup-check-" + app)
    try:
        jvm.wait_200(port, APPS[app][2])
        b.await_port(agent_port)  # the endpoint opens once the app's class loading pauses
        status, body = b.get(agent_port, "/metrics", timeout=30)
        text = body.decode("utf-8", "replace")
        if status != 200 or "runtruth_agent_info" not in text:
            raise SystemExit("the Runtruth agent did not serve metrics for %s: HTTP %d" % (app, status))
        return text.count("runtruth_route_info{")
    finally:
        jvm.stop()


def run(runs, apps, arms=None, java="java"):
    """Runs the benchmark; returns the Markdown rows [(app, arm, median s, spread, ratio, delta ms, n, load)].
    `arms` None: each app's DEFAULT_ARMS, else ARMS."""
    needed = [APPS[a][1] for a in apps if APPS[a][1]] + [b.AGENT]
    b.require(*needed)
    rows = []
    for app in apps:
        app_arms = arms or DEFAULT_ARMS.get(app, ARMS)
        if "otel" in app_arms:
            b.artifact(b.OTEL_AGENT)
        load_before = b.load()
        samples = {arm: [] for arm in app_arms}
        cpu = {arm: [] for arm in app_arms}
        for i in range(runs):
            order = app_arms[i % len(app_arms):] + app_arms[:i % len(app_arms)]
            for arm in order:
                t, c = one_run(java, app, arm, i)
                samples[arm].append(t)
                cpu[arm].append(c or 0.0)
                b.log("%-10s run %2d %-8s %.3f s, CPU %.2f s  (%s)" % (app, i + 1, arm, t, c or 0, b.load()))
        routes = check_agent(java, app) if "runtruth" in app_arms and APPS[app][2] else None
        load_after = b.load()
        base = b.median(samples[app_arms[0]])
        for arm in app_arms:
            m = b.median(samples[arm])
            rows.append((APPS[app][0], arm, "%.3f" % m, b.spread(samples[arm]), "%.3f" % (m / base),
                         "%+.0f" % ((m - base) * 1000), "%.2f" % b.median(cpu[arm]), len(samples[arm]),
                         "%s -> %s" % (load_before, load_after.split(" ")[1]) + (
                             "; agent saw %d routes" % routes if arm == "runtruth" and routes is not None else "")))
    return rows


HEADER = ("app", "arm", "median s", "min..max s", "ratio", "delta ms", "CPU s to 200", "runs",
          "load before -> after")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, help="triples per app (default 10; 3 with --quick)")
    ap.add_argument("--quick", action="store_true", help="3 triples per app")
    ap.add_argument("--apps", default="backoffice,admin,hello,println")
    ap.add_argument("--arms", help="baseline first (default " + ",".join(ARMS) + "; println: "
                    + ",".join(DEFAULT_ARMS["println"]) + "); also: empty (a no-op agent), transformer (a no-op agent with a "
                    "class transformer that returns null), "
                    "jar:PATH (another Runtruth agent jar)")
    ap.add_argument("--java", default="java")
    ap.add_argument("--agent", default=b.AGENT, help="the Runtruth agent jar (default: agent/target's; copy it "
                    "elsewhere when others may rebuild it during the run)")
    args = ap.parse_args()
    b.use_agent(args.agent)
    runs = args.runs or (3 if args.quick else 10)
    rows = run(runs, args.apps.split(","), tuple(args.arms.split(",")) if args.arms else None, args.java)
    b.table("Startup: JVM start to first HTTP 200, println: to exit (%s)" % args.java, HEADER, rows)


if __name__ == "__main__":
    main()
