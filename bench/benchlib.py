"""Helpers shared by the benchmark scripts in bench/: build prerequisites, fetch tools from Maven Central, compile the
small Java drivers under bench/java, start JVMs, wait for HTTP 200, and print results as Markdown.

Everything a script needs is produced here on first use (under bench/target/), so the scripts run on a fresh clone
with only a JDK 17+, Python 3 and network access to Maven Central (and `wrk` for bench/throughput.py).
"""
import glob, http.client, os, re, socket, statistics, subprocess, sys, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
TARGET = os.path.join(BENCH, "target")
LIB = os.path.join(TARGET, "lib")

AGENT = os.path.join(ROOT, "agent/target/runtruth-agent.jar")
COLLECTOR = os.path.join(ROOT, "collector/target/runtruth-collector.jar")
BACKOFFICE = os.path.join(ROOT, "samples/backoffice/target/backoffice.jar")
ADMIN = os.path.join(ROOT, "agent-tests/apps/boot35-admin/target/boot35-admin.jar")
JAVALIN = os.path.join(ROOT, "agent-tests/apps/javalin6/target/javalin6.jar")

# Maven module that builds each jar above (built with ./mvnw when the jar is missing).
MODULES = {AGENT: "agent", COLLECTOR: "collector", BACKOFFICE: "samples/backoffice",
           ADMIN: "agent-tests/apps/boot35-admin", JAVALIN: "agent-tests/apps/javalin6"}

# Third-party tools compared against, pinned to versions seen to resolve from Maven Central.
OTEL_AGENT = "io.opentelemetry.javaagent:opentelemetry-javaagent:2.21.0"
# jmx_exporter's agent: exposition only, no class transformer (the reference issue 12 names); 1.0.1 is the newest
# version that resolves here (1.3.0-1.5.0 refused on 2026-12-02)
JMX_AGENT = "io.prometheus.jmx:jmx_prometheus_javaagent:1.0.1"
JANDEX = "io.smallrye:jandex:3.5.0"
CLASSGRAPH = "io.github.classgraph:classgraph:4.8.181"
OTEL_OFF = ["-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"]


def use_agent(path):
    """Benchmarks the given Runtruth agent jar instead of agent/target/runtruth-agent.jar."""
    global AGENT
    AGENT = os.path.abspath(path)
    MODULES[AGENT] = "agent"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def load():
    """The 1-minute load average and the core count, as printed beside every figure: `load 3.1/2 cores`."""
    return "load %.1f/%d cores" % (os.getloadavg()[0], os.cpu_count())


def require(*jars):
    """Builds the Maven modules of the given jars when a jar is missing (./mvnw -q package -DskipTests -pl <module> -am)."""
    missing = [MODULES[j] for j in jars if not os.path.isfile(j)]
    if missing:
        log("building " + ", ".join(missing))
        subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "package", "-DskipTests", "-pl", ",".join(missing), "-am"],
                       cwd=ROOT, check=True)


def artifact(coords):
    """Path of a jar from Maven Central (`group:artifact:version`), copied into bench/target/lib on first use."""
    g, a, v = coords.split(":")
    path = os.path.join(LIB, "%s-%s.jar" % (a, v))
    if not os.path.isfile(path):
        log("fetching " + coords)
        os.makedirs(LIB, exist_ok=True)
        subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy",
                        "-Dartifact=" + coords, "-DoutputDirectory=" + LIB], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    return path


def javac(name, sources, classpath=(), release="17"):
    """Compiles bench/java sources into bench/target/<name> unless up to date; returns that directory."""
    out = os.path.join(TARGET, name)
    srcs = [os.path.join(BENCH, "java", s) for s in sources]
    stamp = os.path.join(out, ".stamp")
    newest = max(os.path.getmtime(p) for p in srcs + list(classpath))
    if not os.path.isfile(stamp) or os.path.getmtime(stamp) < newest:
        os.makedirs(out, exist_ok=True)
        cmd = ["javac", "-nowarn", "-d", out, "--release", release]
        if classpath:
            cmd += ["-cp", os.pathsep.join(classpath)]
        subprocess.run(cmd + srcs, check=True)
        open(stamp, "w").close()
    return out


def agent_jar(name, sources, premain_class, release="8"):
    """A -javaagent jar bench/target/<name>.jar (manifest Premain-Class) of the given bench/java sources, rebuilt when
    they changed; returns its path."""
    import zipfile
    classes = javac(name, sources, release=release)
    jar = os.path.join(TARGET, name + ".jar")
    if not os.path.isfile(jar) or os.path.getmtime(jar) < os.path.getmtime(os.path.join(classes, ".stamp")):
        with zipfile.ZipFile(jar, "w") as z:
            z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nPremain-Class: %s\r\n\r\n" % premain_class)
            for name_ in sorted(os.listdir(classes)):
                if name_.endswith(".class"):
                    z.write(os.path.join(classes, name_), name_)
    return jar


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def await_port(port, timeout=30):
    """Waits until something accepts TCP connections on 127.0.0.1:port (the agent's endpoint opens once the
    application's class loading pauses, at most 10 s after premain); raises SystemExit after `timeout` seconds."""
    deadline = time.time() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.time() > deadline:
                raise SystemExit("nothing listens on 127.0.0.1:%d after %d s" % (port, timeout))
            time.sleep(0.05)


def get(port, path, timeout=5, headers=None):
    """GET http://127.0.0.1:port/path; returns (status, body bytes)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


class Jvm:
    """A JVM started with `cmd`, its output in a temporary log; `wait_200` polls a path every 5 ms."""

    def __init__(self, cmd, name="jvm"):
        self.cmd = cmd
        os.makedirs(os.path.join(TARGET, "logs"), exist_ok=True)
        self.log_path = os.path.join(TARGET, "logs", re.sub(r"[^A-Za-z0-9._-]", "_", name) + ".log")
        self.log_file = open(self.log_path, "wb")
        children_cpu_seconds()  # the baseline for wait_exit's CPU figure: children that ended before this one
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(cmd, stdout=self.log_file, stderr=subprocess.STDOUT)

    def wait_200(self, port, path, timeout=180):
        """Seconds from spawn to the first HTTP 200 on port/path; raises SystemExit if the JVM dies or times out."""
        while time.perf_counter() - self.started < timeout:
            if self.proc.poll() is not None:
                tail = self.tail()
                self.stop()
                raise SystemExit("JVM exited early (%s): %s\n%s" % (self.proc.returncode, " ".join(self.cmd), tail))
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", path)
                if conn.getresponse().status == 200:
                    elapsed = time.perf_counter() - self.started
                    self.cpu = cpu_seconds(self.proc.pid)
                    return elapsed
            except OSError:
                pass
            time.sleep(0.005)
        self.stop()
        raise SystemExit("no HTTP 200 on :%d%s within %d s: %s\n%s" % (port, path, timeout, " ".join(self.cmd),
                                                                       self.tail()))

    def wait_exit(self, timeout=180):
        """Seconds from spawn to the process's exit (status 0); raises SystemExit on another status or a timeout."""
        # Popen.wait(timeout) polls with sleeps of up to 50 ms, which would quantise the figure; a blocking waitpid
        # does not, and a watchdog kills a JVM that does not end
        watchdog = threading.Timer(timeout, self.proc.kill)
        watchdog.start()
        try:
            self.proc.wait()
        finally:
            watchdog.cancel()
        if self.proc.returncode == -9:
            raise SystemExit("no exit within %d s: %s\n%s" % (timeout, " ".join(self.cmd), self.tail()))
        elapsed = time.perf_counter() - self.started
        if self.proc.returncode != 0:
            raise SystemExit("exit %d: %s\n%s" % (self.proc.returncode, " ".join(self.cmd), self.tail()))
        self.cpu = children_cpu_seconds()
        return elapsed

    def tail(self):
        self.log_file.flush()
        with open(self.log_path, "rb") as f:
            return f.read()[-3000:].decode("utf-8", "replace")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log_file.close()


def _stat_cpu_seconds(stat_path):
    """User + system CPU seconds in a Linux /proc stat file (a process's or a thread's); raises OSError when it is
    gone, ValueError or IndexError when it cannot be read."""
    with open(stat_path) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system CPU seconds the process has used so far (Linux /proc/PID/stat), or None elsewhere."""
    try:
        return _stat_cpu_seconds("/proc/%d/stat" % pid)
    except (OSError, ValueError, IndexError):
        return None


def thread_cpu_seconds(pid, prefix):
    """User + system CPU seconds of the process's live threads whose name starts with `prefix` (Linux
    /proc/PID/task/TID/comm, names cut at 15 characters), or None elsewhere. A thread that has ended is not counted."""
    total = 0.0
    try:
        tids = os.listdir("/proc/%d/task" % pid)
    except OSError:
        return None
    for tid in tids:
        try:
            with open("/proc/%d/task/%s/comm" % (pid, tid)) as f:
                if not f.read().startswith(prefix):
                    continue
            total += _stat_cpu_seconds("/proc/%d/task/%s/stat" % (pid, tid))
        except (OSError, ValueError, IndexError):
            continue  # the thread ended meanwhile
    return total


_children_cpu = [0.0]


def children_cpu_seconds():
    """User + system CPU seconds of the last child that exited (from the growth of RUSAGE_CHILDREN)."""
    import resource
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = usage.ru_utime + usage.ru_stime
    last, _children_cpu[0] = total - _children_cpu[0], total
    return last


def median(xs):
    return statistics.median(xs)


def spread(xs):
    """`min..max` of the samples, for the table."""
    return "%s..%s" % (fmt(min(xs)), fmt(max(xs)))


def fmt(x):
    return ("%.3f" % x) if abs(x) < 10 else ("%.1f" % x) if abs(x) < 1000 else ("%.0f" % x)


def table(title, header, rows):
    """Prints a Markdown table to stdout, ready to paste into docs/performance.md."""
    print("\n#### " + title)
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join(str(c) for c in r) + " |")
    sys.stdout.flush()
