#!/usr/bin/env python3
"""Stdio startup / memory / warm-latency benchmark: Rust zscaler-mcp vs the
Python reference (zscaler-mcp 0.15.4), measured in the same run.

This is a benchmark command, not a test: it prints figures and ratios and
whether each target is met, but the exit status only reflects whether every
server started and answered (0) or not (1).  The machine is noisy; only the
ratios from one run, with the servers' runs interleaved, are meaningful.

Per server and per cold run:
  spawn -> write `initialize` -> read its response -> write
  `notifications/initialized` + `tools/list` -> stop the clock when the
  tools/list response line has been read in full.  Right after that (stdin
  still open) /proc/<pid>/status VmHWM and VmRSS are read.
In the last cold run's process, after the first call, M further tools/list
requests are timed one at a time (write request -> full response line read).

Stdlib only.  Usage (normally through scripts/bench-startup.sh):
  bench_startup.py --python-bin VENV/bin/zscaler-mcp --rust-bin PATH [--runs 10]
                   [--warm 200] [--servers python,rust] [--json]
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

PROTOCOL_VERSION = "2025-11-25"

# Offline, dummy-credential configuration shared by both servers.  Any other
# ZSCALER_* variable inherited from the caller's environment is dropped so a
# developer's real settings (services, toolsets, transport, ...) cannot skew
# the comparison.
DUMMY_ENV = {
    "ZSCALER_CLIENT_ID": "dummy",
    "ZSCALER_CLIENT_SECRET": "dummy",
    "ZSCALER_VANITY_DOMAIN": "dummy",
    "ZSCALER_CUSTOMER_ID": "123",
    "ZSCALER_CLOUD": "production",
}
SERVER_ARGS = ["--no-entitlement-filter"]

TARGET_COLD_RATIO = 30.0  # python/rust cold start, median
TARGET_MEM_FRACTION = 0.2  # rust VmHWM <= 1/5 of python's

PIPE_SIZE = 1 << 20

CLK_TCK = os.sysconf("SC_CLK_TCK")


class ServerFailure(Exception):
    """A server did not start or did not answer as expected."""

    def __init__(self, msg: str, stderr_tail: str = ""):
        super().__init__(msg)
        self.stderr_tail = stderr_tail


# --------------------------------------------------------------------------
# stdio plumbing


class LineReader:
    """Reads newline-delimited messages from a pipe fd, with a deadline."""

    def __init__(self, fd: int):
        self.fd = fd
        self.buf = bytearray()
        self.eof = False
        os.set_blocking(fd, False)

    def readline(self, deadline_ns: int) -> bytes | None:
        """Next complete line (without the newline); None on EOF."""
        while True:
            nl = self.buf.find(b"\n")
            if nl >= 0:
                line = bytes(self.buf[:nl])
                del self.buf[: nl + 1]
                return line
            if self.eof:
                return None
            remaining = (deadline_ns - time.perf_counter_ns()) / 1e9
            if remaining <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if not ready:
                continue  # loop re-checks the deadline
            try:
                chunk = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                continue
            if not chunk:
                self.eof = True
            else:
                self.buf += chunk


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def msg(obj: dict) -> bytes:
    return (json.dumps(obj, separators=(",", ":")) + "\n").encode()


def initialize_request(req_id: int) -> bytes:
    return msg(
        {
            "jsonrpc": "2.0",
            "id": req_id,
            "method": "initialize",
            "params": {
                "protocolVersion": PROTOCOL_VERSION,
                "capabilities": {},
                "clientInfo": {"name": "zscaler-mcp-bench-startup", "version": "0.0.0"},
            },
        }
    )


INITIALIZED = msg({"jsonrpc": "2.0", "method": "notifications/initialized"})


def tools_list_request(req_id: int) -> bytes:
    return msg({"jsonrpc": "2.0", "id": req_id, "method": "tools/list"})


def read_proc_status(pid: int) -> dict[str, int]:
    """VmHWM / VmRSS in KiB, plus thread count."""
    out: dict[str, int] = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmHWM", "VmRSS", "Threads"):
                out[key] = int(rest.split()[0])
    return out


def read_proc_cpu_ms(pid: int) -> float:
    """utime+stime of the whole process (all threads, incl. exited ones), ms.
    Resolution is one clock tick (10 ms at CLK_TCK=100)."""
    with open(f"/proc/{pid}/stat") as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2 :].split()
    # fields[0] is field 3 (state); utime is field 14, stime field 15.
    return (int(fields[11]) + int(fields[12])) * 1000.0 / CLK_TCK


def child_pids(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                kids += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return kids


# --------------------------------------------------------------------------
# one server process


class Session:
    def __init__(self, name: str, argv: list[str], timeout_s: float, workdir: str):
        self.name = name
        self.argv = argv
        self.timeout_ns = int(timeout_s * 1e9)
        self.workdir = workdir
        self.next_id = 1
        env = {k: v for k, v in os.environ.items() if not k.startswith("ZSCALER_")}
        env.update(DUMMY_ENV)
        # The reference writes a PID file (to /var/run when writable, which
        # it is as root) and removes it at exit; keep it in our scratch dir.
        env["ZSCALER_MCP_PID_FILE"] = os.path.join(workdir, "server.pid")
        self.env = env
        self.stderr_path = os.path.join(workdir, "stderr.log")
        self.proc: subprocess.Popen | None = None
        self.reader: LineReader | None = None

    # -- lifecycle -------------------------------------------------------

    def start(self) -> int:
        """Spawn the process; returns the perf_counter_ns taken just before."""
        self.stderr_file = open(self.stderr_path, "wb")
        t0 = time.perf_counter_ns()
        try:
            self.proc = subprocess.Popen(
                self.argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self.stderr_file,
                cwd=self.workdir,
                env=self.env,
                bufsize=0,
            )
        except OSError as exc:
            raise ServerFailure(f"{self.name}: cannot execute {self.argv[0]}: {exc}")
        # Let a whole tools/list response (~260 KB for the reference) sit in
        # the pipe so neither side ping-pongs on 64 KiB chunks; applied to
        # both servers alike, best effort (capped by fs.pipe-max-size).
        try:
            fcntl.fcntl(self.proc.stdout.fileno(), fcntl.F_SETPIPE_SZ, PIPE_SIZE)
        except (OSError, AttributeError):
            pass
        self.reader = LineReader(self.proc.stdout.fileno())
        return t0

    def stderr_tail(self, lines: int = 40) -> str:
        # The child writes this file directly; we only ever read it back.
        try:
            with open(self.stderr_path, "rb") as f:
                data = f.read()
        except OSError:
            return ""
        text = data.decode("utf-8", "replace").splitlines()
        return "\n".join(line[:400] for line in text[-lines:])

    def fail(self, what: str, grace_s: float = 2.0) -> ServerFailure:
        """Build a ServerFailure; the process is reaped (or killed after a
        short grace period) so its real exit status can be reported."""
        status = "not started"
        if self.proc:
            try:
                self.proc.wait(timeout=grace_s)
                status = f"exit status {self.proc.returncode}"
            except subprocess.TimeoutExpired:
                self.kill()
                status = "still running, killed"
            self._cleanup()
        return ServerFailure(f"{self.name}: {what} ({status})", self.stderr_tail())

    def send(self, data: bytes) -> None:
        try:
            write_all(self.proc.stdin.fileno(), data)
        except BrokenPipeError:
            raise self.fail("stdin closed (server exited)")

    def await_response(self, req_id: int) -> tuple[int, bytes, dict]:
        """Read lines until the response carrying req_id.

        Returns (t_done, raw line, parsed message).  t_done is stamped as soon
        as the line is complete, before it is parsed, so JSON decoding in this
        harness is outside the timed interval.  Notifications (logging, etc.)
        in between are skipped."""
        deadline = time.perf_counter_ns() + self.timeout_ns
        while True:
            try:
                line = self.reader.readline(deadline)
            except TimeoutError:
                raise self.fail(f"no response to request id {req_id} within "
                                f"{self.timeout_ns / 1e9:.0f}s")
            t_done = time.perf_counter_ns()
            if line is None:
                raise self.fail(f"stdout closed before response to request id {req_id}")
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                raise self.fail(f"non-JSON line on stdout ({exc}): {line[:200]!r}")
            if not isinstance(obj, dict):
                raise self.fail(f"unexpected message on stdout: {line[:200]!r}")
            if obj.get("id") == req_id and ("result" in obj or "error" in obj):
                return t_done, line, obj
            if "method" in obj and "id" not in obj:
                continue  # notification
            raise self.fail(f"unexpected message while waiting for id {req_id}: {line[:200]!r}")

    def call(self, payload: bytes, req_id: int) -> tuple[int, int, bytes, dict]:
        """Write payload, wait for response req_id; (t_write, t_done, line, msg)."""
        t_write = time.perf_counter_ns()
        self.send(payload)
        t_done, line, obj = self.await_response(req_id)
        return t_write, t_done, line, obj

    def check_result(self, obj: dict, what: str) -> dict:
        if "error" in obj or not isinstance(obj.get("result"), dict):
            raise self.fail(f"{what}: error response {json.dumps(obj.get('error'))[:400]}")
        return obj["result"]

    def close(self, timeout_s: float = 15.0) -> tuple[int | None, float]:
        """Close stdin and wait; returns (exit status, ms from EOF to exit)."""
        t = time.perf_counter_ns()
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.kill()
            return None, (time.perf_counter_ns() - t) / 1e6
        ms = (time.perf_counter_ns() - t) / 1e6
        self._cleanup()
        return self.proc.returncode, ms

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        self._cleanup()

    def _cleanup(self) -> None:
        for f in (self.proc.stdin if self.proc else None, self.proc.stdout if self.proc else None):
            try:
                if f:
                    f.close()
            except OSError:
                pass
        try:
            self.stderr_file.close()
        except Exception:
            pass


def cold_run(name: str, argv: list[str], timeout_s: float, warm: int) -> dict:
    """One cold start; if warm > 0, also the warm tools/list loop."""
    workdir = tempfile.mkdtemp(prefix=f"zmcp-bench-{name}-")
    s = Session(name, argv, timeout_s, workdir)
    try:
        t0 = s.start()
        s.send(initialize_request(1))
        t_init, _, init_msg = s.await_response(1)
        s.send(INITIALIZED)
        _, t_list, list_line, list_msg = s.call(tools_list_request(2), 2)
        # Memory right after the first tools/list, stdin still open.
        try:
            status = read_proc_status(s.proc.pid)
            cpu_ms = read_proc_cpu_ms(s.proc.pid)
        except OSError:
            raise s.fail("process vanished right after answering tools/list")
        kids = child_pids(s.proc.pid)
        kid_rss = 0
        for k in kids:
            try:
                kid_rss += read_proc_status(k).get("VmRSS", 0)
            except OSError:
                pass

        init = s.check_result(init_msg, "initialize")
        result = s.check_result(list_msg, "tools/list")
        tools = result.get("tools")
        if not isinstance(tools, list):
            raise s.fail("tools/list: result has no tools array")

        run = {
            "cold_ms": (t_list - t0) / 1e6,
            "init_ms": (t_init - t0) / 1e6,
            "vmhwm_kib": status["VmHWM"],
            "vmrss_kib": status["VmRSS"],
            "threads": status.get("Threads"),
            "cpu_ms": cpu_ms,
            "children": len(kids),
            "children_rss_kib": kid_rss,
            "tool_count": len(tools),
            "tools_list_bytes": len(list_line),
            "next_cursor": "nextCursor" in result,
            "server_protocol": init.get("protocolVersion"),
            "server_info": {k: init.get("serverInfo", {}).get(k) for k in ("name", "version")},
        }

        if warm > 0:
            lat_ns = []
            sizes = set()
            req = 3
            for _ in range(warm):
                tw, td, line, m = s.call(tools_list_request(req), req)
                lat_ns.append(td - tw)
                sizes.add(len(line))
                req += 1
                if len(s.check_result(m, "tools/list (warm)").get("tools") or []) != len(tools):
                    raise s.fail("warm tools/list returned a different tool count")
            after = read_proc_status(s.proc.pid)
            run["warm_us"] = [x / 1e3 for x in lat_ns]
            run["warm_sizes"] = sorted(sizes)
            run["vmhwm_after_warm_kib"] = after["VmHWM"]
            run["vmrss_after_warm_kib"] = after["VmRSS"]

        rc, exit_ms = s.close()
        run["exit_status"] = rc
        run["exit_ms"] = exit_ms
        if rc != 0:
            run["stderr_tail"] = s.stderr_tail(10)
        return run
    except BaseException:
        if s.proc is not None:
            s.kill()
        raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# --------------------------------------------------------------------------
# statistics and report


def pct(values: list[float], p: float) -> float:
    """Percentile with linear interpolation between closest ranks."""
    xs = sorted(values)
    if len(xs) == 1:
        return xs[0]
    k = (len(xs) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summarize(values: list[float]) -> dict:
    return {
        "median": statistics.median(values),
        "p90": pct(values, 90),
        "min": min(values),
        "max": max(values),
        "n": len(values),
    }


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return a / b


def fmt_ratio(r: float | None) -> str:
    return "n/a" if r is None else f"{r:.1f}x"


def build_results(args, servers: dict[str, list[str]], runs: dict[str, list[dict]]) -> dict:
    out: dict = {
        "config": {
            "runs": args.runs,
            "warmup": args.warmup,
            "warm_requests": args.warm,
            "protocol_version": PROTOCOL_VERSION,
            "commands": {n: servers[n] + [] for n in servers},
            "env": DUMMY_ENV,
            "cpus": os.cpu_count(),
            "loadavg_start": args._load_start,
            "loadavg_end": os.getloadavg(),
        },
        "servers": {},
    }
    for name, rs in runs.items():
        last = rs[-1]
        srv = {
            "cold_ms": summarize([r["cold_ms"] for r in rs]),
            "init_ms": summarize([r["init_ms"] for r in rs]),
            "vmhwm_mib": summarize([r["vmhwm_kib"] / 1024 for r in rs]),
            "vmrss_mib": summarize([r["vmrss_kib"] / 1024 for r in rs]),
            "cpu_ms": summarize([r["cpu_ms"] for r in rs]),
            "exit_ms": summarize([r["exit_ms"] for r in rs]),
            "tool_count": last["tool_count"],
            "tools_list_bytes": last["tools_list_bytes"],
            "next_cursor": last["next_cursor"],
            "threads": last["threads"],
            "children": max(r["children"] for r in rs),
            "server_info": last["server_info"],
            "server_protocol": last["server_protocol"],
            "exit_statuses": sorted({str(r["exit_status"]) for r in rs}),
            "runs": rs,
        }
        if "warm_us" in last:
            srv["warm_us"] = summarize(last["warm_us"])
            srv["vmhwm_after_warm_mib"] = last["vmhwm_after_warm_kib"] / 1024
        out["servers"][name] = srv

    py, rs_ = out["servers"].get("python"), out["servers"].get("rust")
    if py and rs_:
        cold_med = ratio(py["cold_ms"]["median"], rs_["cold_ms"]["median"])
        cold_p90 = ratio(py["cold_ms"]["p90"], rs_["cold_ms"]["p90"])
        mem_frac = ratio(rs_["vmhwm_mib"]["median"], py["vmhwm_mib"]["median"])
        rss_frac = ratio(rs_["vmrss_mib"]["median"], py["vmrss_mib"]["median"])
        warm_med = warm_p90 = None
        if "warm_us" in py and "warm_us" in rs_:
            warm_med = ratio(py["warm_us"]["median"], rs_["warm_us"]["median"])
            warm_p90 = ratio(py["warm_us"]["p90"], rs_["warm_us"]["p90"])
        out["ratios"] = {
            "cold_python_over_rust_median": cold_med,
            "cold_python_over_rust_p90": cold_p90,
            "vmhwm_rust_over_python": mem_frac,
            "vmhwm_python_over_rust": ratio(1.0, mem_frac) if mem_frac else None,
            "vmrss_rust_over_python": rss_frac,
            "warm_python_over_rust_median": warm_med,
            "warm_python_over_rust_p90": warm_p90,
        }
        out["targets"] = {
            "cold_start_ge_30x": {
                "target": TARGET_COLD_RATIO,
                "value": cold_med,
                "met": cold_med is not None and cold_med >= TARGET_COLD_RATIO,
            },
            "peak_rss_le_one_fifth": {
                "target": TARGET_MEM_FRACTION,
                "value": mem_frac,
                "met": mem_frac is not None and mem_frac <= TARGET_MEM_FRACTION,
            },
        }
    return out


def print_table(res: dict, out=sys.stdout) -> None:
    servers = res["servers"]
    names = list(servers)
    cfg = res["config"]
    w = 16

    def row(label: str, cells: list[str]) -> None:
        print(f"  {label:<40}" + "".join(f"{c:>{w}}" for c in cells), file=out)

    print(file=out)
    print(f"zscaler-mcp stdio startup benchmark  (runs={cfg['runs']}, warmup={cfg['warmup']}, "
          f"warm tools/list={cfg['warm_requests']}, cpus={cfg['cpus']}, "
          f"loadavg {cfg['loadavg_start'][0]:.2f} -> {cfg['loadavg_end'][0]:.2f})", file=out)
    for n in names:
        si = servers[n]["server_info"]
        print(f"  {n:<7} {' '.join(cfg['commands'][n])}   [{si.get('name')} {si.get('version')}, "
              f"protocol {servers[n]['server_protocol']}]", file=out)
    load = cfg["loadavg_start"][0]
    if load > 0.5 * (cfg["cpus"] or 1):
        print(f"  note: load average {load:.2f} at start on {cfg['cpus']} CPUs: something else is "
              "busy; absolute figures are noisy, compare the ratios", file=out)
    print(file=out)
    row("", names)
    row("", ["-" * (w - 2)] * len(names))

    print("  cold start -> first tools/list response (ms)", file=out)
    row("median", [f"{servers[n]['cold_ms']['median']:.1f}" for n in names])
    row("p90", [f"{servers[n]['cold_ms']['p90']:.1f}" for n in names])
    row("min / max", [f"{servers[n]['cold_ms']['min']:.0f} / {servers[n]['cold_ms']['max']:.0f}"
                      for n in names])
    row("  of which: initialize answered (med)", [f"{servers[n]['init_ms']['median']:.1f}" for n in names])
    row("  CPU user+sys to that point (med)", [f"{servers[n]['cpu_ms']['median']:.0f}" for n in names])
    print("  memory right after first tools/list (MiB)", file=out)
    row("VmHWM (peak) median", [f"{servers[n]['vmhwm_mib']['median']:.1f}" for n in names])
    row("VmHWM (peak) p90", [f"{servers[n]['vmhwm_mib']['p90']:.1f}" for n in names])
    row("VmRSS median", [f"{servers[n]['vmrss_mib']['median']:.1f}" for n in names])
    if any("warm_us" in servers[n] for n in names):
        print("  warm tools/list, same process, sequential (us)", file=out)
        for stat in ("median", "p90"):
            row(stat, [f"{servers[n]['warm_us'][stat]:.0f}" if "warm_us" in servers[n] else "-"
                       for n in names])
        row("VmHWM after warm loop (MiB)",
            [f"{servers[n]['vmhwm_after_warm_mib']:.1f}" if "warm_us" in servers[n] else "-"
             for n in names])
    print("  tools/list response", file=out)
    row("tools listed", [str(servers[n]["tool_count"]) for n in names])
    row("bytes (one line, no newline)", [f"{servers[n]['tools_list_bytes']:,}" for n in names])
    row("bytes per tool", [f"{servers[n]['tools_list_bytes'] / max(1, servers[n]['tool_count']):.0f}"
                           for n in names])
    row("nextCursor present", [str(servers[n]["next_cursor"]) for n in names])
    print("  process", file=out)
    row("threads after tools/list", [str(servers[n]["threads"]) for n in names])
    row("child processes", [str(servers[n]["children"]) for n in names])
    row("EOF -> exit (ms, median)", [f"{servers[n]['exit_ms']['median']:.0f}" for n in names])
    row("exit status", [",".join(servers[n]["exit_statuses"]) for n in names])

    if "ratios" in res:
        r = res["ratios"]
        t = res["targets"]
        print(file=out)
        print("  ratios (same run)", file=out)
        print(f"    cold start python/rust   median {fmt_ratio(r['cold_python_over_rust_median'])}"
              f"   p90 {fmt_ratio(r['cold_python_over_rust_p90'])}"
              f"   target >= {TARGET_COLD_RATIO:.0f}x: "
              f"{'MET' if t['cold_start_ge_30x']['met'] else 'NOT MET'}", file=out)
        mf = r["vmhwm_rust_over_python"]
        print(f"    peak RSS rust/python     {mf:.3f} (python/rust {fmt_ratio(r['vmhwm_python_over_rust'])})"
              f"   target <= {TARGET_MEM_FRACTION:.2f}: "
              f"{'MET' if t['peak_rss_le_one_fifth']['met'] else 'NOT MET'}", file=out)
        print(f"    warm tools/list python/rust  median {fmt_ratio(r['warm_python_over_rust_median'])}"
              f"   p90 {fmt_ratio(r['warm_python_over_rust_p90'])}"
              f"   (different tool counts: "
              + ", ".join(f"{n} {servers[n]['tool_count']}" for n in names) + ")", file=out)
    print(file=out)
    for n in names:
        for rr in servers[n]["runs"]:
            if rr.get("exit_status") != 0:
                print(f"  note: {n} exited with status {rr.get('exit_status')} after EOF; "
                      f"stderr tail:\n{rr.get('stderr_tail', '')}", file=out)
                break


# --------------------------------------------------------------------------


def default_rust_bin() -> str:
    cache = os.environ.get("ZSCALER_MCP_CACHE") or os.path.join(
        os.path.expanduser("~"), ".cache", "zscaler-mcp")
    return os.environ.get("ZSCALER_MCP_BIN") or os.path.join(
        cache, "target", "release", "zscaler-mcp")


def default_python_bin() -> str:
    cache = os.environ.get("ZSCALER_MCP_CACHE") or os.path.join(
        os.path.expanduser("~"), ".cache", "zscaler-mcp")
    return os.path.join(cache, "bench-venv-ref", "bin", "zscaler-mcp")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Cold-start, peak-RSS and warm tools/list benchmark over stdio: "
                    "Rust zscaler-mcp vs the Python reference, ratios from one run.")
    ap.add_argument("--runs", type=int, default=10, help="cold starts per server (default 10)")
    ap.add_argument("--warm", type=int, default=200,
                    help="sequential warm tools/list requests in one process (default 200; 0 = skip)")
    ap.add_argument("--warmup", type=int, default=1,
                    help="discarded cold starts per server before measuring, to warm the page "
                         "cache (default 1)")
    ap.add_argument("--servers", default="python,rust",
                    help="comma-separated subset of python,rust (default both)")
    ap.add_argument("--python-bin", default=default_python_bin(),
                    help="reference console script (default $ZSCALER_MCP_CACHE/bench-venv-ref/bin/zscaler-mcp)")
    ap.add_argument("--rust-bin", default=default_rust_bin(),
                    help="Rust binary (default $ZSCALER_MCP_BIN or "
                         "$ZSCALER_MCP_CACHE/target/release/zscaler-mcp)")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds to wait for any single response (default 120)")
    ap.add_argument("--json", action="store_true",
                    help="print machine-readable JSON on stdout instead of the table")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be >= 1")
    if args.warm < 0 or args.warmup < 0:
        ap.error("--warm and --warmup must be >= 0")

    wanted = [s.strip() for s in args.servers.split(",") if s.strip()]
    bins = {"python": args.python_bin, "rust": args.rust_bin}
    for w in wanted:
        if w not in bins:
            ap.error(f"unknown server {w!r} (python, rust)")
    servers: dict[str, list[str]] = {}
    for name in ("python", "rust"):
        if name in wanted:
            # Absolute: each run executes from its own empty temporary cwd.
            servers[name] = [os.path.abspath(os.path.expanduser(bins[name]))] + SERVER_ARGS

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    for name, cmd in servers.items():
        if not os.access(cmd[0], os.X_OK):
            log(f"error: {name} server not found or not executable: {cmd[0]}")
            if name == "rust":
                log("  build it (release) or point ZSCALER_MCP_BIN / --rust-bin at it; "
                    "--servers python measures the reference alone")
            else:
                log("  run scripts/bench-startup.sh to create the reference venv")
            return 1

    args._load_start = os.getloadavg()
    runs: dict[str, list[dict]] = {n: [] for n in servers}
    total = args.warmup + args.runs
    try:
        # Interleave the servers run by run so drifting machine load hits both.
        for i in range(total):
            measuring = i >= args.warmup
            for name, cmd in servers.items():
                last = i == total - 1
                r = cold_run(name, cmd, args.timeout, args.warm if last else 0)
                label = f"run {i - args.warmup + 1}/{args.runs}" if measuring else "warmup"
                extra = ""
                if "warm_us" in r:
                    extra = f"  warm median {statistics.median(r['warm_us']):.0f}us"
                log(f"  {name:<6} {label:<10} cold {r['cold_ms']:9.1f} ms  "
                    f"(init {r['init_ms']:8.1f})  VmHWM {r['vmhwm_kib'] / 1024:7.1f} MiB  "
                    f"tools {r['tool_count']}{extra}")
                if measuring:
                    runs[name].append(r)
    except ServerFailure as exc:
        log(f"error: {exc}")
        if exc.stderr_tail:
            log("---- stderr tail ----")
            log(exc.stderr_tail)
            log("---------------------")
        else:
            log("(server wrote nothing to stderr)")
        return 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130

    res = build_results(args, servers, runs)
    if args.json:
        json.dump(res, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
