#!/usr/bin/env python3
"""Request-path overhead: HTTP throughput with and without the Runtruth agent under wrk, interleaved, on loopback.

Usage: bench/throughput.py [--quick] [--rounds N] [--duration S] [--apps backoffice,hello] [--java java]
                           [--agent JAR]

Needs `wrk` (Debian: apt-get install wrk). Per app, starts two JVMs of the same app, one without and one with
`-javaagent:runtruth-agent.jar`, warms each up with wrk, then alternates wrk rounds between
them (A B, B A, A B, ...; only one JVM is under load at a time, the other idles); `--warmup` seconds of wrk per
JVM come first (default 40; 10 with --quick). Each round is
`wrk -t1 -c16 -d<S>s --latency http://127.0.0.1:<port><path>`; the figure is requests/s. Prints the median of each
arm, the ratio agent/baseline (target >= 0.99), the median of the per-round ratios and their spread.

With `--pin` (the default when `taskset` exists and the machine has 2 or more CPUs) both JVMs run on CPU 0 and wrk on
CPU 1, so the load generator and the server never fight for a core and the scheduler cannot move them around: on
2 cores this narrows the per-round spread severalfold. `--no-pin` turns it off.

Apps: `backoffice` (GET /api/v1/orders of the sample Spring Boot service: Tomcat, Spring MVC, Jackson) and `hello`
(the hello-world com.sun.net.httpserver main of bench/startup.py).
"""
import argparse, os, re, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as b

APPS = {"backoffice": ("sample service GET /api/v1/orders", "/api/v1/orders"),
        "hello": ("hello-world GET /", "/")}


def pinned(cpu, cmd, pin):
    return ["taskset", "-c", str(cpu)] + cmd if pin else cmd


def start(app, java, arm, pin):
    port, agent_port = b.free_port(), b.free_port()
    opts = ["-javaagent:%s=port=%d,host=127.0.0.1" % (b.AGENT, agent_port)] if arm == "runtruth" else []
    if app == "hello":
        # without TCP_NODELAY, com.sun.net.httpserver answers keep-alive requests after a 40 ms delayed-ACK stall
        cmd = [java, "-Dsun.net.httpserver.nodelay=true"] + opts + ["-cp", b.javac("hello", ["hello/Hello.java"]),
                                                                    "Hello", str(port)]
    else:
        cmd = [java] + opts + ["-jar", b.BACKOFFICE, "--server.port=%d" % port]
    jvm = b.Jvm(pinned(0, cmd, pin), "throughput-%s-%s" % (app, arm))
    jvm.wait_200(port, APPS[app][1])
    if arm == "runtruth":
        b.await_port(agent_port)  # the endpoint opens once the app's class loading pauses
    if arm == "runtruth" and b.get(agent_port, "/metrics", timeout=60)[0] != 200:
        raise SystemExit("the agent's /metrics did not answer")
    return jvm, port


def wrk(port, path, seconds, pin):
    cmd = ["wrk", "-t1", "-c16", "-d%ds" % seconds, "--latency", "http://127.0.0.1:%d%s" % (port, path)]
    out = subprocess.run(pinned(1, cmd, pin), capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    if re.search(r"Non-2xx or 3xx responses", out):
        raise SystemExit("wrk saw error answers:\n" + out)
    return rps


def run(rounds, seconds, apps, java="java", pin=False, warmup=40):
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install wrk")
    b.require(b.AGENT, b.BACKOFFICE)
    rows = []
    for app in apps:
        load_before = b.load()
        jvms = {arm: start(app, java, arm, pin) for arm in ("baseline", "runtruth")}
        try:
            path = APPS[app][1]
            for arm in jvms:
                wrk(jvms[arm][1], path, warmup, pin)  # warm-up: JIT (C2 takes ~40 s on the Spring app) and pools
            res = {"baseline": [], "runtruth": []}
            for i in range(rounds):
                for arm in (("baseline", "runtruth") if i % 2 == 0 else ("runtruth", "baseline")):
                    res[arm].append(wrk(jvms[arm][1], path, seconds, pin))
                b.log("%-10s round %2d baseline %.0f req/s, runtruth %.0f req/s  (%s)"
                      % (app, i + 1, res["baseline"][-1], res["runtruth"][-1], b.load()))
        finally:
            for jvm, _ in jvms.values():
                jvm.stop()
        base, agent = b.median(res["baseline"]), b.median(res["runtruth"])
        per_round = [a / c for a, c in zip(res["runtruth"], res["baseline"])]
        rows.append((APPS[app][0], "%.0f" % base, "%.0f" % agent, "%.3f" % (agent / base),
                     "%.3f" % b.median(per_round), "%.3f..%.3f" % (min(per_round), max(per_round)),
                     "%d x %d s%s" % (rounds, seconds, ", pinned" if pin else ""),
                     "%s -> %s" % (load_before, b.load().split(" ")[1])))
    return rows


HEADER = ("app", "baseline req/s", "runtruth req/s", "ratio", "median per-round ratio", "per-round ratio min..max",
          "rounds",
          "load before -> after")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="3 rounds of 5 s")
    ap.add_argument("--rounds", type=int, help="rounds per arm (default 10)")
    ap.add_argument("--duration", type=int, help="seconds per wrk round (default 10)")
    ap.add_argument("--warmup", type=int, help="seconds of wrk per JVM before the rounds (default 40, 10 with "
                    "--quick: the sample service's throughput climbs for ~40 s of load while C2 compiles)")
    ap.add_argument("--apps", default="backoffice,hello")
    ap.add_argument("--java", default="java")
    ap.add_argument("--agent", default=b.AGENT, help="the Runtruth agent jar")
    ap.add_argument("--pin", action=argparse.BooleanOptionalAction,
                    default=bool(shutil.which("taskset")) and (os.cpu_count() or 1) >= 2,
                    help="JVMs on CPU 0, wrk on CPU 1 (default: on when taskset exists and there are 2+ CPUs)")
    args = ap.parse_args()
    b.use_agent(args.agent)
    rounds = args.rounds or (3 if args.quick else 10)
    seconds = args.duration or (5 if args.quick else 10)
    b.table("Request path: wrk throughput on loopback", HEADER, run(rounds, seconds, args.apps.split(","), args.java,
                                                                             args.pin, args.warmup or (10 if args.quick else 40)))


if __name__ == "__main__":
    main()
