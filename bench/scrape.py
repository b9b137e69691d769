#!/usr/bin/env python3
"""Latency of the Runtruth agent's /metrics on a big service: 2,000 routes and 300 jars.

Usage: bench/scrape.py [--quick] [--routes 2000] [--jars 300] [--seconds 70] [--java java]

Generates (under bench/target/scrape) 300 small library jars, each with one class, a manifest with
Implementation-Title/Version, a pom.properties and 64 KiB of filler, and compiles bench/java/scrape/ScrapeApp.java: a
Javalin 6 app (the shaded agent-tests/apps/javalin6 jar gives Javalin and Jetty) that registers 2,000 routes in a
loop and loads one class from every generated jar. It starts the app with the agent, waits for GET /ready, then
times scrapes of http://127.0.0.1:P/metrics (a new connection each, `Accept: text/plain` as Prometheus sends for
the text format): the first scrape (cold: the classpath inventory reads and digests every jar), then one scrape every
0.5 s for --seconds (70 s by default, so the agent's periodic classpath refresh falls inside the window). Checks
that the answer lists all routes and all jars, and prints a Markdown table. "JVM CPU ms/scrape" is the CPU the
whole JVM used during the sampling window divided by the number of scrapes (the app is idle meanwhile): on a busy
machine it says what a scrape costs when wall-clock latency mostly says how long the thread waited for a core.
"""
import argparse, os, sys, time, zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as b

WORK = os.path.join(b.TARGET, "scrape")


def make_jars(n):
    """n jars lib-<i>-1.<i>.0.jar under bench/target/scrape/jars, each with one class benchlib.p<i>.Lib<i>."""
    jars_dir = os.path.join(WORK, "jars")
    jars = [os.path.join(jars_dir, "lib%d-1.%d.0.jar" % (i, i)) for i in range(n)]
    if all(os.path.isfile(j) for j in jars):
        return jars
    src = os.path.join(WORK, "libsrc")
    classes = os.path.join(WORK, "libclasses")
    for i in range(n):
        d = os.path.join(src, "benchlib", "p%d" % i)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "Lib%d.java" % i), "w") as f:
            f.write("package benchlib.p%d;\npublic final class Lib%d { public static int id() { return %d; } }\n"
                    % (i, i, i))
    os.makedirs(classes, exist_ok=True)
    sources = [os.path.join(src, "benchlib", "p%d" % i, "Lib%d.java" % i) for i in range(n)]
    b.subprocess.run(["javac", "--release", "8", "-nowarn", "-d", classes] + sources, check=True,
                     stderr=b.subprocess.DEVNULL)
    os.makedirs(jars_dir, exist_ok=True)
    filler = bytes((i * 7919) % 251 for i in range(64 * 1024))
    for i, jar in enumerate(jars):
        with zipfile.ZipFile(jar, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nImplementation-Title: lib%d\r\n"
                       "Implementation-Version: 1.%d.0\r\n\r\n" % (i, i))
            z.writestr("META-INF/maven/bench/lib%d/pom.properties" % i,
                       "groupId=bench\nartifactId=lib%d\nversion=1.%d.0\n" % (i, i))
            z.write(os.path.join(classes, "benchlib", "p%d" % i, "Lib%d.class" % i),
                    "benchlib/p%d/Lib%d.class" % (i, i))
            z.writestr("benchlib/p%d/filler.bin" % i, filler + bytes([i % 256]))
    return jars


def app_command(java, port, routes, jars, agent_opts):
    """The java command line of the generated app (also used by bench/memory.py)."""
    b.require(b.JAVALIN)
    classes = b.javac("scrape/app", ["scrape/ScrapeApp.java"], classpath=[b.JAVALIN])
    cp = os.pathsep.join([b.JAVALIN, classes] + make_jars(jars))
    return [java] + agent_opts + ["-cp", cp, "ScrapeApp", str(port), str(routes), str(jars)]


def scrape(port):
    t = time.perf_counter()
    status, body = b.get(port, "/metrics", timeout=30, headers={"Accept": "text/plain; version=0.0.4"})
    return time.perf_counter() - t, status, body.decode("utf-8", "replace")


def percentile(xs, p):
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


def run(routes, jars, seconds, java="java"):
    b.require(b.AGENT)
    port, agent_port = b.free_port(), b.free_port()
    cmd = app_command(java, port, routes, jars, ["-javaagent:%s=port=%d,host=127.0.0.1" % (b.AGENT, agent_port)])
    load_before = b.load()
    jvm = b.Jvm(cmd, "scrape-app")
    try:
        jvm.wait_200(port, "/ready")
        b.await_port(agent_port)  # the endpoint opens once the app's class loading pauses; not a scrape
        first, status, text = scrape(agent_port)
        if status != 200:
            raise SystemExit("/metrics answered HTTP %d" % status)
        later = []
        cpu_before = b.cpu_seconds(jvm.proc.pid)
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            t, status, text = scrape(agent_port)
            later.append(t)
            time.sleep(0.5)
        # CPU the whole JVM used over the sampling window, per scrape (the app itself idles): robust to machine load
        cpu_per_scrape = (b.cpu_seconds(jvm.proc.pid) - cpu_before) / len(later)
        route_series = text.count("runtruth_route_info{")
        jar_series = sum(1 for line in text.splitlines()
                         if line.startswith("runtruth_classpath_entry_info{") and "lib" in line and "1." in line)
        size = len(text.encode("utf-8"))
    finally:
        jvm.stop()
    load_after = b.load()
    b.log("first %.1f ms; %d later scrapes: median %.1f ms, p95 %.1f ms, max %.1f ms; %d route series, %d jar "
          "series, %d bytes; JVM CPU %.1f ms per scrape" % (first * 1000, len(later), b.median(later) * 1000,
                                percentile(later, 95) * 1000, max(later) * 1000, route_series, jar_series, size,
                                cpu_per_scrape * 1000))
    return [("%d routes, %d jars (Javalin 6)" % (routes, jars), "%.1f" % (first * 1000),
             "%.1f" % (b.median(later) * 1000), "%.1f" % (percentile(later, 95) * 1000), "%.1f" % (max(later) * 1000),
             "%.1f" % (cpu_per_scrape * 1000), len(later), "%d / %d" % (route_series, jar_series), "%.0f" % (size / 1024.0),
             "%s -> %s" % (load_before, load_after.split(" ")[1]))]


HEADER = ("app", "first scrape ms", "median ms", "p95 ms", "max ms", "JVM CPU ms/scrape", "scrapes", "route / lib-jar series", "KiB",
          "load before -> after")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="sample for 10 s instead of 70 s")
    ap.add_argument("--routes", type=int, default=2000)
    ap.add_argument("--jars", type=int, default=300)
    ap.add_argument("--seconds", type=float)
    ap.add_argument("--java", default="java")
    ap.add_argument("--agent", default=b.AGENT, help="the Runtruth agent jar (default: agent/target's; copy it "
                    "elsewhere when others may rebuild it during the run)")
    args = ap.parse_args()
    b.use_agent(args.agent)
    seconds = args.seconds or (10 if args.quick else 70)
    b.table("Scrape: GET /metrics latency", HEADER, run(args.routes, args.jars, seconds, args.java))


if __name__ == "__main__":
    main()
