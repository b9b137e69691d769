#!/usr/bin/env python3
"""The collector's two hot paths: scanning a fat jar for routes, and comparing a fleet read from Prometheus.

Usage: bench/collector.py [--quick] [--runs N] [--jars a.jar,b.jar] [--scale 10000x500[,1000x500]] [--java java]

Scan: for each Spring Boot fat jar (default: the sample service, the Spring Boot Admin app, and the largest
agent-tests Spring Boot app, boot41-webflux), interleaved process runs (rotating order) of three drivers in fresh
JVMs, each timing its own work and printing it:
- `runtruth`: the collector's `BytecodeRouteScanner.scan(jar)` (what `runtruth expected` does; bench/java/collector/
  RuntruthScan.java);
- `jandex`: io.smallrye:jandex's `Indexer` over every class of BOOT-INF/classes and of every nested jar, then the
  methods annotated with a Spring mapping annotation (JandexScan.java);
- `classgraph`: io.github.classgraph scanning the fat jar (it opens the nested jars itself) with class, method and
  annotation info, then the same query (ClassGraphScan.java).
Reported: median in-process time, median process wall time (JVM start included) and median process CPU time.
The route counts differ on purpose: Runtruth resolves meta-annotations (a custom @ApiGet), composed paths and
inheritance into routes; the other two only count annotated methods. They are printed to show each tool read the
same jar.

Scale: bench/java/scale/.../ScaleCompare.java serves a generated Prometheus instant-query answer (N instances x R
routes) from loopback, reads it with the collector's PrometheusApiSource (the `serve` command's client) and compares
every instance with DriftComparator; reports wall and CPU time of each step. The answer file is generated once
under bench/target/ (about 260 bytes per series: 1.3 GB for 10,000 x 500). The answer is streamed, so the JVM gets
-Xmx1g at every size (it was -Xmx16g while the client buffered the whole answer).
"""
import argparse, os, re, resource, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as b

BOOT41 = os.path.join(b.ROOT, "agent-tests/apps/boot41-webflux/target/boot41-webflux.jar")
b.MODULES[BOOT41] = "agent-tests/apps/boot41-webflux"
TOOLS = ("runtruth", "jandex", "classgraph")
MAIN = {"runtruth": "RuntruthScan", "jandex": "JandexScan", "classgraph": "ClassGraphScan"}


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd):
    """Runs cmd; returns (its stdout's key=value pairs, wall s, CPU s)."""
    c, t = child_cpu(), time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t, child_cpu() - c
    if out.returncode != 0:
        raise SystemExit("failed: %s\n%s" % (" ".join(cmd), out.stderr[-3000:]))
    return dict(re.findall(r"(\w+)=(\d+)", out.stdout)), wall, cpu


def scan(runs, jars, java):
    b.require(b.COLLECTOR, *jars)
    cp = [b.COLLECTOR, b.artifact(b.JANDEX), b.artifact(b.CLASSGRAPH)]
    classes = b.javac("collector-bench", ["collector/RuntruthScan.java", "collector/JandexScan.java",
                                          "collector/ClassGraphScan.java"], classpath=cp)
    classpath = os.pathsep.join([classes] + cp)
    rows = []
    for jar in jars:
        load_before = b.load()
        res = {t: [] for t in TOOLS}
        for i in range(runs):
            for tool in TOOLS[i % 3:] + TOOLS[:i % 3]:
                kv, wall, cpu = timed([java, "-cp", classpath, MAIN[tool], jar])
                res[tool].append((int(kv["ms"]) / 1000.0, wall, cpu, kv.get("routes"), kv.get("classes", "")))
                b.log("%-22s %-10s in-process %.3f s, process %.3f s, CPU %.2f s, routes %s  (%s)"
                      % (os.path.basename(jar), tool, res[tool][-1][0], wall, cpu, kv.get("routes"), b.load()))
        size = os.path.getsize(jar) / 1e6
        for tool in TOOLS:
            r = res[tool]
            rows.append(("%s (%.0f MB)" % (os.path.basename(jar), size), tool, "%.3f" % b.median([x[0] for x in r]),
                         "%.3f" % b.median([x[1] for x in r]), "%.2f" % b.median([x[2] for x in r]),
                         "%s%s" % (r[0][3], " of %s classes" % r[0][4] if r[0][4] else " routes"), runs,
                         "%s -> %s" % (load_before, b.load().split(" ")[1])))
    return rows


def scale(sizes, java):
    b.require(b.COLLECTOR)
    classes = b.javac("scale", ["scale/dev/runtruth/collector/serve/ScaleCompare.java"], classpath=[b.COLLECTOR])
    rows = []
    for size in sizes:
        n, r = (int(x) for x in size.split("x"))
        answer = os.path.join(b.TARGET, "prometheus-answer-%dx%d.json" % (n, r))
        heap = "-Xmx1g"
        load_before = b.load()
        kv, wall, cpu = timed([java, heap, "-cp", os.pathsep.join([classes, b.COLLECTOR]),
                               "dev.runtruth.collector.serve.ScaleCompare", str(n), str(r), answer])
        b.log("scale %s: %s" % (size, kv))
        total = (int(kv["fetch_parse_ms"]) + int(kv["compare_ms"])) / 1000.0
        total_cpu = (int(kv["fetch_parse_cpu_ms"]) + int(kv["compare_cpu_ms"])) / 1000.0
        rows.append(("%d x %d" % (n, r), kv["series"], "%.0f" % (int(kv["bytes"]) / 1e6),
                     "%.1f (CPU %.1f)" % (int(kv["fetch_parse_ms"]) / 1000.0, int(kv["fetch_parse_cpu_ms"]) / 1000.0),
                     "%.1f (CPU %.1f)" % (int(kv["compare_ms"]) / 1000.0, int(kv["compare_cpu_ms"]) / 1000.0),
                     "%.1f (CPU %.1f)" % (total, total_cpu), kv["drifted"], heap,
                     "%s -> %s" % (load_before, b.load().split(" ")[1])))
    return rows


SCAN_HEADER = ("fat jar", "tool", "in-process s", "process wall s", "process CPU s", "found", "runs",
               "load before -> after")
SCALE_HEADER = ("instances x routes", "route series", "answer MB", "fetch + parse s", "compare s", "total s",
                "instances with drift", "heap", "load before -> after")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="3 runs, one jar, scale 1000x500 only")
    ap.add_argument("--runs", type=int, help="process runs per tool and jar (default 5)")
    ap.add_argument("--jars", help="comma-separated fat jars")
    ap.add_argument("--scale", help="comma-separated INSTANCESxROUTES (default 1000x500,10000x500)")
    ap.add_argument("--skip", choices=("scan", "scale"))
    ap.add_argument("--java", default="java")
    args = ap.parse_args()
    runs = args.runs or (3 if args.quick else 5)
    jars = args.jars.split(",") if args.jars else (
        [b.BACKOFFICE] if args.quick else [b.BACKOFFICE, b.ADMIN, BOOT41])
    sizes = (args.scale or ("1000x500" if args.quick else "1000x500,10000x500")).split(",")
    if args.skip != "scan":
        b.table("Collector: route scan of a fat jar vs Jandex and ClassGraph", SCAN_HEADER, scan(runs, jars, args.java))
    if args.skip != "scale":
        b.table("Collector: fleet from a Prometheus API answer, compared", SCALE_HEADER, scale(sizes, args.java))


if __name__ == "__main__":
    main()
