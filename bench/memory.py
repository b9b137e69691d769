#!/usr/bin/env python3
"""Heap retained by the Runtruth agent after startup, from live-object class histograms with and without it.

Usage: bench/memory.py [--quick] [--runs N] [--apps backoffice,scrape] [--java java] [--agent JAR]

Apps: `backoffice` (the sample Spring Boot service) and `scrape` (the generated Javalin app of bench/scrape.py:
2,000 routes, 300 jars). Each run starts the app, waits for its first HTTP 200, scrapes the agent's /metrics once
(so everything the agent builds lazily, routes, classpath inventory with digests, build identity, exists), waits
2 s, and runs `jcmd <pid> GC.class_histogram`, which does a full GC first and so lists live objects only. Runs
alternate baseline / runtruth. Two figures per app:

- `agent instances`: bytes of live instances of the agent's own classes, its shaded dependencies
  (dev.runtruth.agent.shaded.*) and the route model (dev.runtruth.model.*); a lower bound, because the Strings, arrays and maps
  those objects hold are JDK classes;
- `live heap delta`: median total live bytes with the agent minus median without; includes the JDK objects the
  agent holds, and the noise of the app's own heap (shown as the baseline's min..max).
"""
import argparse, os, re, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as b
import scrape

# the agent's own classes, its shaded dependencies (dev.runtruth.agent.shaded.*) and the shared route model; not
# dev.runtruth.sample.*, the sample service's own classes
AGENT_PREFIXES = ("dev.runtruth.agent.", "dev.runtruth.model.")
HIST = re.compile(r"^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)")


def histogram(pid):
    """(total live bytes, bytes of dev.runtruth.* instances, instances of them) from GC.class_histogram."""
    out = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], capture_output=True, text=True, check=True).stdout
    total = own = count = 0
    for line in out.splitlines():
        m = HIST.match(line)
        if m:
            total += int(m.group(2))
            if m.group(3).startswith(AGENT_PREFIXES):
                own += int(m.group(2))
                count += int(m.group(1))
    return total, own, count


def command(app, java, arm, port, agent_port):
    opts = ["-javaagent:%s=port=%d,host=127.0.0.1" % (b.AGENT, agent_port)] if arm == "runtruth" else []
    if app == "scrape":
        return scrape.app_command(java, port, 2000, 300, opts), "/ready"
    b.require(b.BACKOFFICE)
    return [java] + opts + ["-jar", b.BACKOFFICE, "--server.port=%d" % port], "/actuator/health"


def one(app, java, arm):
    port, agent_port = b.free_port(), b.free_port()
    cmd, path = command(app, java, arm, port, agent_port)
    jvm = b.Jvm(cmd, "memory-%s-%s" % (app, arm))
    try:
        jvm.wait_200(port, path)
        if arm == "runtruth":
            b.await_port(agent_port)  # the endpoint opens once the app's class loading pauses
            status, _ = b.get(agent_port, "/metrics", timeout=60)
            if status != 200:
                raise SystemExit("/metrics answered HTTP %d" % status)
        else:
            b.get(port, path)
        time.sleep(2)
        return histogram(jvm.proc.pid)
    finally:
        jvm.stop()


def run(runs, apps, java="java"):
    b.require(b.AGENT)
    rows = []
    for app in apps:
        load_before = b.load()
        res = {"baseline": [], "runtruth": []}
        for i in range(runs):
            for arm in (("baseline", "runtruth") if i % 2 == 0 else ("runtruth", "baseline")):
                res[arm].append(one(app, java, arm))
                total, own, count = res[arm][-1]
                b.log("%-10s %-8s live %.1f MB, agent classes %.1f KB in %d instances  (%s)"
                      % (app, arm, total / 1e6, own / 1e3, count, b.load()))
        base = [t for t, _, _ in res["baseline"]]
        agent = [t for t, _, _ in res["runtruth"]]
        own = [o for _, o, _ in res["runtruth"]]
        counts = [c for _, _, c in res["runtruth"]]
        rows.append((app, "%.1f" % (b.median(own) / 1e3), int(b.median(counts)),
                     "%+.2f" % ((b.median(agent) - b.median(base)) / 1e6),
                     "%.1f..%.1f" % (min(base) / 1e6, max(base) / 1e6), "%.1f" % (b.median(agent) / 1e6), runs,
                     "%s -> %s" % (load_before, b.load().split(" ")[1])))
    return rows


HEADER = ("app", "agent instances KB", "instances", "live heap delta MB", "baseline live MB (min..max)",
          "with agent MB", "runs", "load before -> after")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1 run per arm")
    ap.add_argument("--runs", type=int, help="runs per arm (default 3)")
    ap.add_argument("--apps", default="backoffice,scrape")
    ap.add_argument("--java", default="java")
    ap.add_argument("--agent", default=b.AGENT, help="the Runtruth agent jar")
    args = ap.parse_args()
    b.use_agent(args.agent)
    runs = args.runs or (1 if args.quick else 3)
    b.table("Memory: live heap after startup and one scrape", HEADER, run(runs, args.apps.split(","), args.java))


if __name__ == "__main__":
    main()
