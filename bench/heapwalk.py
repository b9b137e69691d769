#!/usr/bin/env python3
"""The hook-free discovery walk: its CPU, wall time and effect on the application, on a JVM with a large heap of
application objects and on the largest test app.

Usage: bench/heapwalk.py [--app heap|admin] [--mode attach|start|both] [--gigabytes 2] [--lru appdata|static]
                         [--rounds 3] [--java /usr/lib/jvm/.../bin/java] [--agent JAR]
Smoke: bench/heapwalk.py --gigabytes 0.2 --rounds 1

Apps:
  heap   bench/java/heap/HeapApp.java, a Javalin 6 service (Javalin and Jetty from the shaded agent-tests/apps/javalin6
         jar, as bench/scrape.py) holding GIGABYTES of application objects in four shares: a static field of an
         application class, a map a thread's Runnable holds, a HashMap in a thread-local, an LRU cache (LinkedHashMap)
         in Javalin's app data (--lru static: in a static field instead). -Xmx is GIGABYTES + 2 GB. Truth:
         Javalin's own route listing (RouteOverviewPlugin).
  admin  agent-tests/apps/boot35-admin (Spring Boot 3.5 + Spring Boot Admin, Tomcat), the largest test app. Truth: the
         annotated handler methods and URL mappings of /actuator/mappings (functional endpoints are counted, not
         compared).

Modes:
  attach  start the app without Runtruth, wait for it to serve, then `runtruth attach PID` (the collector: Attach
          API; the agent walks once before its endpoint opens; the command's first read may walk again)
  start   start the app with -javaagent (the walk at the class-loading quiet point, and at the first scrape)

Every JVM also gets bench/java/stall/StallMeter.java as a second -javaagent (a thread sleeping 1 ms that records each
overrun, in 10 ms wall-clock slots, answering on its own socket) and -Xlog:gc,safepoint to a file. For each walk line
the agent prints (-Druntruth.debug=true: objects descended into per root kind, objects met, budget cut, wall and CPU
ms of the walking thread, objects found), the script notes when the line appeared, and reads the application's
longest stall and the JVM's safepoint and GC pauses within that walk's wall-clock window; then the same over an idle
window as long as the attach (or the longest walk) once everything is done. The round fails unless the agent's
runtruth_route_info lists every route of the truth and the framework reads `captured`.
"""
import argparse, json, os, re, socket, subprocess, sys, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as b

# AgentLog.debug of Discovery.walk: "discovery (REASON): walk (REASON) descended into N objects {anchors=.., ..}, met
# M, in W ms (C ms CPU)[, cut short by its budget][, without JDK internals]; found {type=n, ..}"
WALK = re.compile(r"walk \(([^)]*)\) descended into (\d+) objects (\{[^}]*\}), met (\d+), in (\d+) ms "
                  r"\((-?\d+) ms CPU\)([^;]*); found (\{[^}]*\})")
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')
XLOG_TIME = re.compile(r"^\[(\d+)ms\]")
SAFEPOINT_TOTAL = re.compile(r"Safepoint \"([^\"]+)\".*Reaching safepoint: (\d+) ns.*Total: (\d+) ns")
GC_PAUSE = re.compile(r"GC\(\d+\) (Pause .*?) (\d+\.\d+)ms$")
JAVALIN_FILTERS = {"BEFORE", "BEFORE_MATCHED", "AFTER", "AFTER_MATCHED"}


class LogWatch:
    """Tails a JVM's log file on a daemon thread (every 10 ms) and notes the wall-clock time each walk line appeared."""

    def __init__(self, path):
        self.path, self.walks, self.stopped = path, [], False
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        pos, rest = 0, ""
        while not self.stopped:
            try:
                with open(self.path, errors="replace") as f:
                    f.seek(pos)
                    chunk = f.read()
                    pos = f.tell()
            except OSError:
                chunk = ""
            seen = time.time()
            lines = (rest + chunk).split("\n")
            rest = lines.pop()
            for line in lines:
                m = WALK.search(line)
                if m:
                    self.walks.append((seen, m))
            time.sleep(0.01)

    def await_walks(self, n, timeout):
        """Waits until n walk lines appeared; returns the list (seen epoch seconds, match)."""
        deadline = time.time() + timeout
        while len(self.walks) < n and time.time() < deadline:
            time.sleep(0.02)
        return list(self.walks)


def stall_meter():
    return b.agent_jar("stall-meter", ["stall/StallMeter.java"], "StallMeter", release="17")


def ask(meter, path, timeout=120):
    """Sends `GET path` to the stall meter on the Unix domain socket `meter`; returns its answer, a number."""
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(timeout)
        s.connect(meter)
        s.sendall(("GET %s\n" % path).encode("ascii"))
        answer = b""
        while not answer.endswith(b"\n"):
            chunk = s.recv(64)
            if not chunk:
                break
            answer += chunk
    return int(answer)


def stall_ms(meter, start, end):
    """The application's longest stall (ms) that ended within [start, end] (epoch seconds), from the stall meter."""
    return ask(meter, "/window?from=%d&to=%d" % (start * 1000, end * 1000)) / 1000.0


def pauses(xlog, start, end):
    """(safepoints, their total ms, the longest ms, the longest time to reach one ms, their kinds, GC pauses as text)
    that ended within [start, end] epoch seconds."""
    count, total, longest, reach, kinds, gcs = 0, 0.0, 0.0, 0.0, {}, []
    with open(xlog, errors="replace") as f:
        for line in f:
            t = XLOG_TIME.match(line)
            if not t:
                continue
            at = int(t.group(1)) / 1000.0
            s = SAFEPOINT_TOTAL.search(line)
            if s and start <= at <= end + int(s.group(3)) / 1e9:
                ms = int(s.group(3)) / 1e6
                count, total, longest = count + 1, total + ms, max(longest, ms)
                reach = max(reach, int(s.group(2)) / 1e6)
                kinds[s.group(1)] = kinds.get(s.group(1), 0) + 1
            g = GC_PAUSE.search(line.rstrip())
            if g and start <= at <= end + float(g.group(2)) / 1000:
                gcs.append("%s %s ms" % (g.group(1).split(" (")[0], g.group(2)))
    return count, total, longest, reach, ", ".join("%s x%d" % kv for kv in sorted(kinds.items())), gcs


def gc_summary(xlog):
    """All GC pauses of the run: count and longest ms."""
    ms = []
    with open(xlog, errors="replace") as f:
        for line in f:
            g = GC_PAUSE.search(line.rstrip())
            if g:
                ms.append(float(g.group(2)))
    return len(ms), max(ms) if ms else 0.0


def agent_routes(agent_port, framework):
    """(routes {(method, route)} of `framework` in runtruth_route_info, its runtruth_framework_info state)."""
    status, body = b.get(agent_port, "/metrics", timeout=60, headers={"Accept": "text/plain; version=0.0.4"})
    if status != 200:
        raise SystemExit("the agent's /metrics answered HTTP %d" % status)
    routes, state = set(), None
    for line in body.decode("utf-8", "replace").splitlines():
        if line.startswith("runtruth_route_info{") or line.startswith("runtruth_framework_info{"):
            labels = dict(LABEL.findall(line))
            if labels.get("framework") != framework:
                continue
            if line.startswith("runtruth_route_info{"):
                routes.add((labels["method"], labels["route"]))
            else:
                state = labels.get("state")
    return routes, state


def javalin_truth(port):
    """{(method, path)} of Javalin's own listing (RouteOverviewPlugin JSON), filters left out."""
    overview = json.loads(b.get(port, "/routes", headers={"Accept": "application/json"})[1])
    return {(h["handlerType"], h["path"]) for h in overview["handlers"] if h["handlerType"] not in JAVALIN_FILTERS}, 0


def actuator_truth(port):
    """{(method, pattern)} of /actuator/mappings' dispatcher servlets: annotated handler methods (no method: `*`) and
    URL mappings (`*`); and how many functional endpoints were left out."""
    mappings = json.loads(b.get(port, "/actuator/mappings", timeout=30)[1])
    routes, functional = set(), 0
    for context in mappings["contexts"].values():
        for entries in context["mappings"].get("dispatcherServlets", {}).values():
            for e in entries:
                details = e.get("details")
                if details and details.get("requestMappingConditions"):
                    c = details["requestMappingConditions"]
                    for pattern in c["patterns"]:
                        for method in c["methods"] or ["*"]:
                            routes.add((method, pattern))
                elif details and details.get("handlerFunction"):
                    functional += 1
                elif not details:
                    routes.add(("*", e["predicate"]))
    return routes, functional


APPS = {
    # name: (title, framework label, readiness path, truth)
    "heap": ("Javalin 6 + %s GB of application objects", "javalin", "/ready", javalin_truth),
    "admin": ("Spring Boot Admin 3.5 (boot35-admin)", "spring-webmvc", "/late/registered/ready", actuator_truth),
}


def app_command(app, port, gigabytes, lru="appdata"):
    if app == "heap":
        b.require(b.JAVALIN)
        classes = b.javac("heap", ["heap/HeapApp.java"], classpath=[b.JAVALIN])
        return ["-Xmx%dm" % int((gigabytes + 2) * 1024), "-cp", os.pathsep.join([b.JAVALIN, classes]), "HeapApp",
                str(port), str(gigabytes), lru]
    b.require(b.ADMIN)
    return ["-jar", b.ADMIN, "--server.port=%d" % port]


def verify(app, port, agent_port):
    """Fails the run unless the agent lists every route of the app's own listing with its framework `captured`."""
    title, framework, _, truth_of = APPS[app]
    truth, functional = truth_of(port)
    observed, state = agent_routes(agent_port, framework)
    missing = truth - observed
    if not truth or missing or state != "captured":
        raise SystemExit("the agent did not serve the app's routes: framework %s state %s, %d of %d routes missing: %s"
                         % (framework, state, len(missing), len(truth), sorted(missing)[:20]))
    return "%d/%d%s" % (len(truth), len(observed), (" (+%d fn)" % functional) if functional else "")


def round_(app, mode, r, a):
    port, agent_port = b.free_port(), b.free_port()
    name = "heapwalk-%s-%s-%d" % (app, mode, r)
    meter = os.path.join(b.TARGET, "logs", name + ".sock")
    xlog = os.path.join(b.TARGET, "logs", name + "-gc.log")
    os.makedirs(os.path.dirname(xlog), exist_ok=True)
    cmd = [a.java, "-javaagent:%s=%s" % (stall_meter(), meter), "-Xlog:gc,safepoint:file=%s:tm" % xlog,
           "-Druntruth.debug=true"]
    if mode == "start":
        cmd.append("-javaagent:%s=port=%d,host=127.0.0.1" % (b.AGENT, agent_port))
    cmd += app_command(app, port, a.gigabytes, a.lru)
    jvm = b.Jvm(cmd, name)
    watch = LogWatch(jvm.log_path)
    try:
        jvm.wait_200(port, APPS[app][2], timeout=900)
        if mode == "attach":
            used = ask(meter, "/heap") / (1 << 30)  # its System.gc() before the attach, not during a walk
            time.sleep(1)  # past the System.gc() of /heap
            t0 = time.time()
            attach = subprocess.run([a.java, "-jar", b.COLLECTOR, "attach", str(jvm.proc.pid), "--agent-jar", b.AGENT,
                                     "--port", str(agent_port), "--timeout", "300"],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=400)
            t1 = time.time()
            if not watch.await_walks(1, 5):
                raise SystemExit("no walk line in %s; attach said:\n%s" % (jvm.log_path, attach.stdout))
            window, extra = t1 - t0, "attach %.1f s (exit %d), stall during it %.1f ms" % (
                t1 - t0, attach.returncode, stall_ms(meter, t0, t1))
        else:
            b.await_port(agent_port, timeout=120)
            s = time.time()
            b.get(agent_port, "/metrics", timeout=120, headers={"Accept": "text/plain; version=0.0.4"})
            extra = "first scrape %.0f ms" % ((time.time() - s) * 1000)
            time.sleep(0.5)
            window = max(1.0, max(int(m.group(5)) for _, m in watch.walks) / 1000.0) if watch.walks else 1.0
        time.sleep(1)
        i0 = time.time()
        time.sleep(window)  # idle: as long as the attach (or the longest walk); only the agent's 1 s growth poll runs
        i1 = time.time()
        idle_stall = stall_ms(meter, i0, i1)
        idle_sp = pauses(xlog, i0, i1)
        routes = verify(app, port, agent_port)  # after the idle window: its scrape may walk again
        if mode == "start":
            used = ask(meter, "/heap") / (1 << 30)  # its System.gc() after the walks of the start
        time.sleep(0.2)
        rows = []
        for seen, m in watch.walks:
            wall = int(m.group(5)) / 1000.0
            start, end = seen - wall - 0.01, seen
            sp = pauses(xlog, start, end)
            rows.append([r + 1, m.group(1).split(",")[0], "%.2f" % used, m.group(2), m.group(3), m.group(4),
                         "yes" if "cut" in m.group(7) else "no", m.group(8), m.group(5), m.group(6),
                         "%.1f" % stall_ms(meter, start, end), "%.1f" % idle_stall,
                         "%d / %.1f / %.1f / %.1f%s" % (sp[0], sp[1], sp[2], sp[3], " (%s)" % sp[4] if sp[4] else ""),
                         "; ".join(sp[5]) or "none", routes])
            b.log("round %d: %s" % (r + 1, m.group(0)))
        gcs = gc_summary(xlog)
        b.log("round %d: %s; idle window %.1f s: stall %.1f ms, safepoints %d / %.1f ms total / %.1f ms max / %.1f ms "
              "longest reach (%s); GC pauses in the whole run: %d, longest %.1f ms; routes %s"
              % (r + 1, extra, window, idle_stall, idle_sp[0], idle_sp[1], idle_sp[2], idle_sp[3], idle_sp[4], gcs[0],
                 gcs[1], routes))
        return rows
    finally:
        watch.stopped = True
        jvm.stop()


HEADER = ["round", "walk", "heap used GB", "descended", "per root kind", "met", "cut by budget", "found",
          "walk wall ms", "walk CPU ms", "max stall during walk ms", "max stall idle ms",
          "safepoints during walk: n / total ms / max ms / longest time to reach ms", "GC pauses during walk", "routes truth/agent"]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--app", choices=sorted(APPS), default="heap")
    p.add_argument("--mode", choices=["attach", "start", "both"])
    p.add_argument("--gigabytes", type=float, default=2.0, help="application objects of the heap app")
    p.add_argument("--lru", choices=["appdata", "static"], default="appdata",
                   help="where the heap app keeps its LRU share: Javalin's app data (the walk meets it) or a static field")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--java", default="java")
    p.add_argument("--agent", default=b.AGENT, help="the Runtruth agent jar (default: agent/target's)")
    a = p.parse_args()
    b.use_agent(a.agent)
    b.require(b.AGENT, b.COLLECTOR)
    modes = {"both": ["start", "attach"], None: ["attach"] if a.app == "heap" else ["start", "attach"]}.get(
        a.mode, [a.mode])
    version = subprocess.run([a.java, "-version"], stderr=subprocess.PIPE, text=True).stderr.splitlines()[0]
    for mode in modes:
        load_before = b.load()
        rows = []
        for r in range(a.rounds):
            rows += round_(a.app, mode, r, a)
        title = (APPS[a.app][0] % a.gigabytes + ", LRU share in " + a.lru) if a.app == "heap" else APPS[a.app][0]
        b.table("%s, %s: %s, %s -> %s" % (title, "late attach" if mode == "attach" else "-javaagent at start", version,
                                           load_before, b.load().split(" ")[1]), HEADER, rows)


if __name__ == "__main__":
    main()
