#!/usr/bin/env python3
"""Runs every Runtruth benchmark and prints the tables for docs/performance.md.

Usage: bench/all.py [--quick] [--java java] [--agent JAR]

Builds what is missing (./mvnw), fetches the compared tools from Maven Central (OpenTelemetry Java agent, Jandex,
ClassGraph) into bench/target/lib, and runs, one after the other: startup.py, throughput.py (needs `wrk`), scrape.py,
memory.py, collector.py. The full run takes about an hour on 2 quiet cores; --quick about ten minutes (fewer runs,
so only a smoke test of the numbers). Progress goes to stderr, the Markdown tables to stdout:

    bench/all.py > bench/target/results.md
"""
import argparse, datetime, os, platform, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as b
import collector, memory, scrape, startup, throughput


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--java", default="java")
    ap.add_argument("--agent", default=b.AGENT, help="the Runtruth agent jar")
    args = ap.parse_args()
    b.use_agent(args.agent)
    q = args.quick
    java_version = subprocess.run([args.java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    commit = subprocess.run(["git", "-C", b.ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print("Run %s at commit %s%s; %s; %s, %d cores; %s"
          % (datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), commit, " (quick)" if q else "", java_version,
             platform.platform(), os.cpu_count(), b.load()))
    b.table("Startup: JVM start to first HTTP 200", startup.HEADER,
            startup.run(3 if q else 20, ["backoffice", "admin", "hello"], startup.ARMS, args.java, 12.0))
    b.table("Request path: wrk throughput on loopback", throughput.HEADER,
            throughput.run(3 if q else 10, 5 if q else 10, ["backoffice", "hello"], args.java,
                           bool(shutil.which("taskset")) and (os.cpu_count() or 1) >= 2, 10 if q else 40))
    b.table("Scrape: GET /metrics latency", scrape.HEADER, scrape.run(2000, 300, 10 if q else 70, args.java))
    b.table("Memory: live heap after startup and one scrape", memory.HEADER,
            memory.run(1 if q else 3, ["backoffice", "scrape"], args.java))
    jars = [b.BACKOFFICE] if q else [b.BACKOFFICE, b.ADMIN, collector.BOOT41]
    b.table("Collector: route scan of a fat jar vs Jandex and ClassGraph", collector.SCAN_HEADER,
            collector.scan(3 if q else 5, jars, args.java))
    b.table("Collector: fleet from a Prometheus API answer, compared", collector.SCALE_HEADER,
            collector.scale(["1000x500"] if q else ["1000x500", "10000x500"], args.java))


if __name__ == "__main__":
    main()
