#!/usr/bin/env python3
"""The hook-free discovery walk on a JVM with a large heap of application objects.

Usage: bench/heapwalk.py [--gigabytes 2] [--rounds 3] [--java /usr/lib/jvm/.../bin/java]

A tiny JDK-HttpServer app (bench/java/heap/HeapApp.java) holds GIGABYTES of live objects (chains of small nodes with
a 64-byte payload) where the walk meets them first: a static field, a ConcurrentHashMap a thread's Runnable holds.
Per round: start it (-Xmx = GIGABYTES + 2 GB, -Druntruth.debug=true so the agent logs each walk), wait for its first
200, read its stall meter (`/hiccup`: the longest gap a thread sleeping 1 ms saw) over an idle window as long as the
attach takes, then `runtruth attach PID` (the collector: Attach API, then one walk before the endpoint opens), and read
the stall meter again. Prints the heap in use, the walk's line (objects descended into per root kind, whether its
budget cut it, wall and CPU milliseconds) and both stalls: the walk reads fields on the agent's own thread, so the
application's stall during the attach should stay at the idle level (no stop-the-world of its own).
"""
import argparse, os, re, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as b

WALK = re.compile(r"walk \((attach[^)]*)\) descended into (\d+) objects (\{[^}]*\}), met (\d+), in (\d+) ms "
                  r"\((-?\d+) ms CPU\)([^;]*);")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--gigabytes", type=float, default=2.0)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--java", default="java")
    a = p.parse_args()
    b.require(b.AGENT, b.COLLECTOR)
    classes = b.javac("heap", ["heap/HeapApp.java"])
    rows = []
    for r in range(a.rounds):
        port = b.free_port()
        heap_max = "-Xmx%dm" % int((a.gigabytes + 2) * 1024)
        jvm = b.Jvm([a.java, heap_max, "-Druntruth.debug=true", "-cp", classes, "HeapApp", str(port),
                     str(a.gigabytes)], "heapwalk-%d" % r)
        try:
            jvm.wait_200(port, "/", timeout=600)
            used = int(b.get(port, "/heap", timeout=60)[1]) / (1 << 30)
            b.get(port, "/hiccup")
            t0 = time.perf_counter()
            attach = subprocess.run([a.java, "-jar", b.COLLECTOR, "attach", str(jvm.proc.pid), "--agent-jar", b.AGENT],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
            attach_s = time.perf_counter() - t0
            during = int(b.get(port, "/hiccup")[1]) / 1000.0
            time.sleep(attach_s)  # an idle window as long as the attach, for the stall meter's idle level
            idle = int(b.get(port, "/hiccup")[1]) / 1000.0
            with open(jvm.log_path, errors="replace") as f:
                m = WALK.search(f.read())
            if not m:
                raise SystemExit("no walk line in %s; attach said:\n%s" % (jvm.log_path, attach.stdout))
            rows.append((r + 1, "%.2f" % used, m.group(2), m.group(3), m.group(4), "yes" if "cut" in m.group(7) else "no",
                         m.group(5), m.group(6), b.fmt(attach_s), "%.1f" % during, "%.1f" % idle, attach.returncode))
            b.log("round %d: %s" % (r + 1, m.group(0)))
        finally:
            jvm.stop()
    b.table("hook-free discovery after a late attach, %.1f GB of application objects (%s)" % (a.gigabytes, b.load()),
            ["round", "heap used GB", "descended", "per root kind", "met", "cut by budget", "walk wall ms",
             "walk CPU ms", "attach s", "max stall during ms", "max stall idle ms", "attach exit"], rows)


if __name__ == "__main__":
    main()
