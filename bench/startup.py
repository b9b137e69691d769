#!/usr/bin/env python3
"""JVM start to first HTTP 200 and CPU seconds: no agent, a do-nothing agent, a do-nothing class transformer (the floor of any agent that
watches class loading), the Runtruth agent and the OpenTelemetry Java agent, interleaved.

Usage: bench/startup.py [--rounds N] [--quick] [--apps backoffice,admin,hello,println]
                        [--arms baseline,empty,transformer,jmx,runtruth,otel] [--settle S] [--java /usr/lib/jvm/.../bin/java]

Smoke run (checks the script, not a figure): bench/startup.py --rounds 2 --apps backoffice,admin --settle 0

Apps: `backoffice` (the sample Spring Boot 3.5 service, samples/backoffice), `admin` (a third-party Spring Boot 3.5
app: the Spring Boot Admin server, whose routes come from a library; agent-tests/apps/boot35-admin), `hello` (a
hello-world JVM: a tiny main serving one HTTP 200 with com.sun.net.httpserver, compiled here), `println` (a main
that prints one line and exits: the whole process is timed, spawn to exit; its default arms add `empty`, a
`-javaagent` whose premain does nothing, the floor any agent pays: on JDK 17 the module system then boots without
the CDS-archived module graph).

One sample = the time from spawning `java [agent] -jar app` to the first HTTP 200 on its health path, polled every
5 ms, and the process's CPU seconds (user + system, /proc) at that moment and, with --settle S (default 12), S seconds
later: the agent's work after the start (Runtruth's endpoint and first discovery walk wait for the class-loading
pause, at most 10 s after premain) then counts too. Per app, the arms run as rounds whose order rotates (A B C D,
B C D A, ...), so drift in machine load and order effects hit every arm alike. Arms: `baseline` (no agent),
`transformer` (bench/java/empty/EmptyAgent.java with the argument `transformer`: premain registers one class
transformer that returns null; the JVM then hands every loaded class to Java), `runtruth`
(`-javaagent:runtruth-agent.jar=port=P,host=127.0.0.1`, hook-free discovery by default), `hooks` (the same with
`discovery=hooks`: the class transformer and constructor hooks for every family, as before hook-free discovery),
`otel` (`-javaagent:opentelemetry-javaagent.jar` from Maven Central with every exporter off:
`-Dotel.{traces,metrics,logs}.exporter=none`), `empty` (a premain that does nothing: the floor of any -javaagent),
`jmx` (Prometheus' jmx_exporter agent 1.0.1 from Maven Central, serving every MBean with bench/java/jmx/config.yaml:
exposition only, no class transformer, the level issue 12 aims at). After the last round the script
checks that the Runtruth agent really served routes (one /metrics scrape of an extra run), so a broken agent cannot
pass as a fast one. Prints each sample, then a Markdown table of medians, ratios against the baseline and the machine
load.
"""
import time
import argparse, os, sys

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
ARMS = ("baseline", "empty", "transformer", "jmx", "runtruth", "otel")
# the agent's own threads (runtruth-init: the quiet-point wait, the first walk, the endpoint's start and the growth
# checks; runtruth-discovery, runtruth-endpoint...): their CPU is what Runtruth itself spends, free of the JVM's
# -javaagent floor and of the noise in the application's start
AGENT_THREADS = "runtruth-"
JMX_CONFIG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "java", "jmx", "config.yaml")


def empty_agent():
    """A jar whose premain does nothing (bench/java/empty): the floor cost of any -javaagent (arm `empty`)."""
    return b.agent_jar("empty-agent", ["empty/EmptyAgent.java"], "EmptyAgent")


def app_command(java, app, port):
    if app == "hello":
        return ["-cp", b.javac("hello", ["hello/Hello.java"]), "Hello", str(port)]
    if app == "println":
        return ["-cp", b.javac("println", ["println/Println.java"]), "Println"]
    return ["-jar", APPS[app][1], "--server.port=%d" % port]


def arm_options(arm, agent_port):
    if arm == "runtruth":
        return ["-javaagent:%s=port=%d,host=127.0.0.1" % (b.AGENT, agent_port)]
    if arm == "hooks":
        return ["-javaagent:%s=port=%d,host=127.0.0.1,discovery=hooks" % (b.AGENT, agent_port)]
    if arm == "empty":
        return ["-javaagent:" + empty_agent()]
    if arm == "transformer":
        return ["-javaagent:" + empty_agent() + "=transformer"]
    if arm.startswith("jar:"):  # any other agent jar, e.g. an older Runtruth build: jar:/tmp/old-agent.jar
        return ["-javaagent:%s=port=%d,host=127.0.0.1" % (arm[4:], agent_port)]
    if arm == "otel":
        return ["-javaagent:" + b.artifact(b.OTEL_AGENT)] + b.OTEL_OFF
    if arm == "jmx":
        return ["-javaagent:%s=127.0.0.1:%d:%s" % (b.artifact(b.JMX_AGENT), agent_port, JMX_CONFIG)]
    return []


def one_run(java, app, arm, tag, settle=0.0):
    """Returns (seconds to the first 200, CPU seconds then, CPU seconds `settle` s later or None, CPU seconds of the
    agent's own threads (named runtruth-*) at the 200 and `settle` s later: None for arms without them)."""
    port, agent_port = b.free_port(), b.free_port()
    jvm = b.Jvm([java] + arm_options(arm, agent_port) + app_command(java, app, port), "startup-%s-%s" % (app, arm))
    own = arm == "runtruth" or arm == "hooks" or arm.startswith("jar:")
    try:
        if APPS[app][2] is None:
            return jvm.wait_exit(), jvm.cpu, None, None, None
        t = jvm.wait_200(port, APPS[app][2])
        agent_at_200 = b.thread_cpu_seconds(jvm.proc.pid, AGENT_THREADS) if own else None
        settled = agent_settled = None
        if settle > 0:
            # a measuring window, not a wait for a condition: the CPU the JVM spends in the S s after it serves
            time.sleep(max(0.0, jvm.started + t + settle - time.perf_counter()))
            settled = b.cpu_seconds(jvm.proc.pid)
            agent_settled = b.thread_cpu_seconds(jvm.proc.pid, AGENT_THREADS) if own else None
        return t, jvm.cpu, settled, agent_at_200, agent_settled
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


def run(runs, apps, arms=None, java="java", settle=0.0):
    """Runs the benchmark; returns the Markdown rows (see HEADER). `arms` None: each app's DEFAULT_ARMS, else ARMS."""
    needed = [APPS[a][1] for a in apps if APPS[a][1]] + [b.AGENT]
    b.require(*needed)
    rows = []
    for app in apps:
        app_arms = arms or DEFAULT_ARMS.get(app, ARMS)
        if "otel" in app_arms:
            b.artifact(b.OTEL_AGENT)
        if "jmx" in app_arms:
            b.artifact(b.JMX_AGENT)
        load_before = b.load()
        samples = {arm: [] for arm in app_arms}
        cpu = {arm: [] for arm in app_arms}
        settled = {arm: [] for arm in app_arms}
        own = {arm: ([], []) for arm in app_arms}
        for i in range(runs):
            order = app_arms[i % len(app_arms):] + app_arms[:i % len(app_arms)]
            for arm in order:
                t, c, s, a200, asettled = one_run(java, app, arm, i, settle)
                if a200 is not None:
                    own[arm][0].append(a200)
                if asettled is not None:
                    own[arm][1].append(asettled)
                samples[arm].append(t)
                cpu[arm].append(c or 0.0)
                if s is not None:
                    settled[arm].append(s)
                b.log("%-10s run %2d %-11s %.3f s, CPU %.2f s%s  (%s)" % (
                    app, i + 1, arm, t, c or 0, "" if s is None else ", %.2f s at +%g s" % (s, settle), b.load()))
        routes = check_agent(java, app) if "runtruth" in app_arms and APPS[app][2] else None
        load_after = b.load()
        base = b.median(samples[app_arms[0]])
        base_cpu = b.median(cpu[app_arms[0]])
        base_settled = b.median(settled[app_arms[0]]) if settled[app_arms[0]] else None
        for arm in app_arms:
            m = b.median(samples[arm])
            c = b.median(cpu[arm])
            s = b.median(settled[arm]) if settled[arm] else None
            rows.append((APPS[app][0], arm, "%.3f" % m, b.spread(samples[arm]), "%.3f" % (m / base),
                         "%+.0f" % ((m - base) * 1000), "%.2f" % c, ratio(c, base_cpu),
                         "-" if s is None else "%.2f" % s, ratio(s, base_settled), own_cpu(own[arm]),
                         len(samples[arm]),
                         "%s -> %s" % (load_before, load_after.split(" ")[1]) + (
                             "; agent saw %d routes" % routes if arm == "runtruth" and routes is not None else "")))
    return rows


def own_cpu(at_200_and_settled):
    """`median ms at the 200 / median ms settled` of the agent's own threads, or - for arms without them."""
    at_200, settled = at_200_and_settled
    if not at_200:
        return "-"
    return "%.0f / %s" % (b.median(at_200) * 1000, "%.0f" % (b.median(settled) * 1000) if settled else "-")


def ratio(x, base):
    return "-" if x is None or not base else "%.3f" % (x / base)


HEADER = ("app", "arm", "median s", "min..max s", "ratio", "delta ms", "CPU s to 200", "CPU ratio",
          "CPU s settled", "settled ratio",
          "agent threads CPU ms (200 / settled)", "runs", "load before -> after")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", "--runs", dest="runs", type=int,
                    help="rounds per app, each arm once per round (default 10; 3 with --quick)")
    ap.add_argument("--quick", action="store_true", help="3 rounds per app")
    ap.add_argument("--settle", type=float, default=12.0,
                    help="also read each JVM's CPU seconds this long after its first 200 (default 12; 0: off)")
    ap.add_argument("--apps", default="backoffice,admin,hello,println")
    ap.add_argument("--arms", help="baseline first (default " + ",".join(ARMS) + "; println: "
                    + ",".join(DEFAULT_ARMS["println"]) + "); also: hooks (Runtruth with "
                    "discovery=hooks), jar:PATH (another Runtruth agent jar)")
    ap.add_argument("--java", default="java")
    ap.add_argument("--agent", default=b.AGENT, help="the Runtruth agent jar (default: agent/target's; copy it "
                    "elsewhere when others may rebuild it during the run)")
    args = ap.parse_args()
    b.use_agent(args.agent)
    runs = args.runs or (3 if args.quick else 10)
    rows = run(runs, args.apps.split(","), tuple(args.arms.split(",")) if args.arms else None, args.java,
               args.settle)
    b.table("Startup: JVM start to first HTTP 200, println: to exit (%s; %d rounds; CPU settled: %g s after the "
            "200)" % (args.java, runs, args.settle), HEADER, rows)


if __name__ == "__main__":
    main()
