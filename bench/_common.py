"""Helpers shared by the benchmarks in bench/: ports, servers, HTTP timing, percentiles, tables.

Import it from a benchmark next to it (`sys.path.insert(0, str(Path(__file__).parent))`). Nothing
here imports Django: a benchmark drives servers in other processes, each with its own environment
(database, layout), so the driver itself must not be bound to one settings module.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
RESULTS_DIR = ROOT / "bench" / "results"


# --- ports and servers -------------------------------------------------------------------------
def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it; tiny race until the server binds)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_http(
    port: int, path: str = "/", timeout_s: float = 300.0, proc: subprocess.Popen | None = None
) -> None:
    """Block until the server on `port` answers `path` with any HTTP status; raise if it never does.

    The default is generous: on a shared 2-core box a Django process with heavy imports (web3,
    scikit-learn) can take a minute to boot while other jobs run.
    """
    deadline = time.monotonic() + timeout_s
    last_error = ""
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server exited with code {proc.returncode} before answering on :{port}")
        try:
            http_request(port, "GET", path, timeout=60)
            return
        except OSError as exc:
            last_error = str(exc)
            time.sleep(0.2)
    raise RuntimeError(f"no HTTP answer on 127.0.0.1:{port}{path} within {timeout_s:.0f} s ({last_error})")


@dataclass
class Server:
    """A process group we started (server and its workers); stopped by its own pid only."""

    name: str
    proc: subprocess.Popen
    port: int
    log_path: Path

    def pids(self) -> list[int]:
        """The server's own pid followed by its descendants (gunicorn workers, reloaders)."""
        return [self.proc.pid, *descendants(self.proc.pid)]

    def rss_mib(self) -> dict[int, float | None]:
        return {pid: rss_mib(pid) for pid in self.pids()}

    def stop(self, timeout_s: float = 15.0) -> None:
        if self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)


def server_start(
    *, name: str, cmd: Sequence[str], env: dict[str, str], port: int, log_path: Path, ready_path: str = "/"
) -> Server:
    """Start `cmd` in its own process group (so stop() ends exactly what we started) and wait for HTTP."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = open(log_path, "ab")  # noqa: SIM115 - the child owns the descriptor for its lifetime
    proc = subprocess.Popen(
        list(cmd), env=env, stdout=log, stderr=subprocess.STDOUT, cwd=str(ROOT), start_new_session=True
    )
    log.close()
    server = Server(name=name, proc=proc, port=port, log_path=log_path)
    try:
        wait_http(port, ready_path, proc=proc)
    except Exception:
        server.stop()
        raise
    return server


def descendants(pid: int) -> list[int]:
    out: list[int] = []
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return out
    for child in children:
        out.append(int(child))
        out.extend(descendants(int(child)))
    return out


def rss_mib(pid: int) -> float | None:
    """VmRSS of one process in MiB (the same reading as the peer harness), None if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# --- HTTP --------------------------------------------------------------------------------------
@dataclass
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def cookies(self) -> dict[str, str]:
        jar: dict[str, str] = {}
        for key, value in self.headers:
            if key.lower() == "set-cookie":
                name, _, rest = value.split(";", 1)[0].partition("=")
                jar[name.strip()] = rest
        return jar

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    def json(self) -> Any:
        return json.loads(self.body)


def http_request(
    port: int,
    method: str,
    path: str,
    body: bytes | str | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 300,
) -> Response:
    """One request on a fresh TCP connection (the peer's method: no keep-alive between requests)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        data = resp.read()
        return Response(status=resp.status, headers=resp.getheaders(), body=data)
    finally:
        conn.close()


def cookie_header(jar: dict[str, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in jar.items())


# --- timing and statistics -----------------------------------------------------------------------
def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile, the same formula as the peer's bench_pages.py, so p95s compare."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(pct / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


@dataclass
class Timing:
    name: str
    latencies_ms: list[float] = field(default_factory=list)
    statuses: set[int] = field(default_factory=set)
    bytes: int = 0

    def row(self) -> dict[str, Any]:
        lat = self.latencies_ms
        return {
            "page": self.name,
            "n": len(lat),
            "p50_ms": percentile(lat, 50),
            "p95_ms": percentile(lat, 95),
            "mean_ms": sum(lat) / len(lat) if lat else float("nan"),
            "max_ms": max(lat) if lat else float("nan"),
            "status": sorted(self.statuses),
            "bytes": self.bytes,
        }


def measure_sequential(
    name: str,
    send: Callable[[int], Response],
    *,
    max_n: int = 100,
    max_s: float = 15.0,
    warmups: int = 3,
) -> Timing:
    """The peer's W2 loop: `warmups` untimed requests, then up to max_n timed ones or max_s seconds."""
    for i in range(warmups):
        send(1000 + i)
    timing = Timing(name=name)
    deadline = time.time() + max_s
    i = 0
    while i < max_n and time.time() < deadline:
        start = time.perf_counter()
        resp = send(i)
        timing.latencies_ms.append((time.perf_counter() - start) * 1000)
        timing.statuses.add(resp.status)
        timing.bytes = len(resp.body)
        i += 1
    return timing


# --- output --------------------------------------------------------------------------------------
def fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        if value != value:  # NaN
            return "—"
        return f"{value:.{digits}f}"
    if isinstance(value, list | tuple | set):
        return ",".join(str(v) for v in value)
    return str(value)


def table_print(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Print (and return) a markdown table: readable in a terminal, pasteable into docs."""
    lines = [f"\n### {title}\n", "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(fmt(v) for v in row) + " |" for row in rows]
    text = "\n".join(lines)
    print(text, flush=True)
    return text


def machine_facts() -> dict[str, Any]:
    facts: dict[str, Any] = {"nproc": os.cpu_count(), "loadavg": os.getloadavg()}
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        facts["cpu"] = cpu
    except (OSError, StopIteration):
        pass
    try:
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
        facts["mem_gib"] = round(mem_kb / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return facts


if __name__ == "__main__":  # `make bench` runs every bench/*.py; this one is a library
    print("bench/_common.py holds helpers for the benchmarks; nothing to measure on its own.")
