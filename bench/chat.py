"""Live-chat load: idle widget connections + active conversations through a real uvicorn server.

Agent → customer delivery latency (agent's console socket sends a reply; it is stored through
tickets.outbox, published on the channel layer, and arrives on the customer's widget socket) and
server RSS, at several numbers of open connections:

  1. one uvicorn process, in-memory channel layer, SQLite (the embedded layout);
  2. several uvicorn processes on channels-redis + PostgreSQL (the scaled layout).

The load generator runs in its own processes (multiprocessing, `websockets` client), never in the
server's event loop. Every reply is a real stored message.

    .venv/bin/python bench/chat.py                       # full table (takes a few minutes)
    .venv/bin/python bench/chat.py --sizes 500 --skip-redis --duration 10
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
ORIGIN = "http://127.0.0.1:8000"
BENCH_RE = re.compile(r"bench (\d+) ([0-9.]+)")
DEFLATE = False  # as `walletdesk serve` runs (no per-message compression); --deflate turns it on


# --- server side ------------------------------------------------------------------------------
def server_env(var_dir: Path, database_url: str = "", redis_url: str = "") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        WALLETDESK_VAR_DIR=str(var_dir),
        WALLETDESK_REQUIRE_2FA="false",
        WALLETDESK_RATE_LIMIT_ENABLED="false",
        WALLETDESK_HUEY_IMMEDIATE="false",  # deliveries queue for the worker, as in production
        WALLETDESK_SITE_URL=ORIGIN,
        WALLETDESK_LOG_LEVEL="ERROR",
        PYTHONPATH=str(ROOT / "src"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


SETUP = """
import json, django
django.setup()
from importlib import import_module
from django.conf import settings
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
from walletdesk.accounts.services import agent_create, agent_presence_set
cookies = []
for i in range(%(agents)d):
    profile = agent_create(username=f"bench{i}", password="bench-password-1", capacity=1000)
    agent_presence_set(profile=profile, presence="online")
    s = SessionStore()
    s[SESSION_KEY] = str(profile.user.pk)
    s[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    s[HASH_SESSION_KEY] = profile.user.get_session_auth_hash()
    s.create()
    cookies.append(s.session_key)
print(json.dumps(cookies))
"""


def prepare_database(env: dict[str, str], agents: int) -> list[str]:
    subprocess.run([str(BIN / "walletdesk"), "migrate", "-v0", "--noinput"], env=env, check=True)
    env = {**env, "DJANGO_SETTINGS_MODULE": "walletdesk.settings"}
    out = subprocess.run(
        [str(BIN / "python"), "-c", SETUP % {"agents": agents}],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_servers(env: dict[str, str], count: int) -> list[tuple[subprocess.Popen, int]]:
    servers = []
    for _ in range(count):
        port = free_port()
        proc = subprocess.Popen(
            [
                str(BIN / "uvicorn"),
                "walletdesk.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
                "--no-access-log",
                "--ws",
                "websockets-sansio",
                "--backlog",
                "4096",
                "--ws-per-message-deflate",
                "true" if DEFLATE else "false",
                "--ws-ping-interval",
                "60",  # as `walletdesk serve`
            ],
            env=env,
        )
        servers.append((proc, port))
    for proc, port in servers:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/widget.js", timeout=2).read()
                break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise SystemExit(f"server on port {port} did not start") from None
                time.sleep(0.3)
    return servers


def cpu_seconds(pid: int) -> float:
    """User + system CPU of one process so far (from /proc, so it works for any child)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main_thread_cpu_seconds(pid: int) -> float:
    """CPU of a process's main thread only: in a uvicorn server, the event loop (sockets, consumers,
    the layer's subscriber); the rest is the ORM thread and the event publisher."""
    try:
        fields = Path(f"/proc/{pid}/task/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def store_processes(env: dict[str, str]) -> dict[str, list[int]]:
    """PostgreSQL backends connected to the bench's database, and the Redis server, by pid."""
    found: dict[str, list[int]] = {}
    if env.get("DATABASE_URL"):
        import psycopg

        url = env["DATABASE_URL"]
        with psycopg.connect(url, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [url.rsplit("/", 1)[1]],
            ).fetchall()
        found["postgres"] = [pid for (pid,) in rows]
    if env.get("REDIS_URL"):
        import redis

        found["redis"] = [int(redis.Redis.from_url(env["REDIS_URL"]).info("server")["process_id"])]
    return found


# --- load generator (child processes) ---------------------------------------------------------
def _ws_url(port: int, path: str) -> str:
    return f"ws://127.0.0.1:{port}{path}"


async def _connect(port: int, path: str, headers: dict | None = None):  # noqa: ANN202
    from websockets.asyncio.client import connect

    return await connect(
        _ws_url(port, path),
        origin=ORIGIN,
        additional_headers=headers or {},
        max_size=2**22,
        open_timeout=60,
        ping_interval=None,
    )


async def _hello(ws, visitor: str) -> dict:
    await ws.send(json.dumps({"type": "hello", "visitor": visitor, "locale": "en"}))
    while True:
        data = json.loads(await ws.recv())
        if data.get("type") == "welcome":
            return data


def idle_worker(ports: list[int], count: int, ready: mp.Queue, stop: mp.Event) -> None:
    async def run() -> None:
        sem = asyncio.Semaphore(40)
        sockets = []

        async def one(i: int) -> None:
            async with sem:
                ws = await _connect(ports[i % len(ports)], "/ws/chat/")
                await _hello(ws, secrets.token_urlsafe(32))
                sockets.append(ws)

        await asyncio.gather(*(one(i) for i in range(count)))
        ready.put(("idle", len(sockets)))
        while not stop.is_set():
            await asyncio.sleep(0.2)
        for ws in sockets:
            await ws.close()

    try:
        asyncio.run(run())
    except Exception as exc:  # tell the parent instead of leaving it waiting
        ready.put(("error", f"idle worker: {exc!r}"))


def customer_worker(
    ports: list[int], count: int, offset: int, ready: mp.Queue, results: mp.Queue, stop: mp.Event
) -> None:
    async def run() -> None:
        latencies: list[float] = []
        seen: set[int] = set()
        repeats = 0

        async def one(i: int) -> None:
            nonlocal repeats
            ws = await _connect(ports[i % len(ports)], "/ws/chat/")
            await _hello(ws, secrets.token_urlsafe(32))
            await ws.send(
                json.dumps({"type": "message", "client_id": f"bench-start-{offset + i}", "body": "hello"})
            )
            while True:
                data = json.loads(await ws.recv())
                if data.get("type") == "ack":
                    ready.put(("ticket", data["ticket_id"]))
                    break
            while not stop.is_set():
                try:
                    raw = await asyncio.wait_for(ws.recv(), timeout=0.5)
                except TimeoutError:
                    continue
                received = time.time()
                data = json.loads(raw)
                if data.get("type") == "message.added" and data["message"]["author_kind"] == "agent":
                    match = BENCH_RE.search(data["message"]["body_html"])
                    if match and data["message"]["id"] in seen:
                        repeats += 1  # the same stored reply delivered again
                    elif match:
                        seen.add(data["message"]["id"])
                        latencies.append(received - float(match.group(2)))
            await ws.close()

        await asyncio.gather(*(one(i) for i in range(count)))
        results.put((latencies, repeats))

    try:
        asyncio.run(run())
    except Exception as exc:  # tell the parent instead of leaving it waiting
        ready.put(("error", f"customer worker: {exc!r}"))


def agent_worker(
    port: int,
    cookie: str,
    tickets: list[int],
    rate: float,
    duration: float,
    start_at: float,
    results: mp.Queue,
) -> None:
    async def run() -> None:
        ws = await _connect(port, "/ws/console/", {"Cookie": f"sessionid={cookie}"})
        acked = 0
        sent = 0

        async def reader() -> None:
            nonlocal acked
            async for raw in ws:
                if '"type": "ack"' in raw:
                    acked += 1

        task = asyncio.create_task(reader())
        await asyncio.sleep(max(start_at - time.time(), 0))
        interval = 1.0 / rate
        began = time.time()
        while time.time() - began < duration:
            due = began + sent * interval
            await asyncio.sleep(max(due - time.time(), 0))
            ticket = tickets[sent % len(tickets)]
            # With a client id, as the console sends it: the server's dedupe is part of the cost.
            await ws.send(
                json.dumps(
                    {
                        "type": "reply",
                        "ticket_id": ticket,
                        "client_id": f"bench-{os.getpid()}-{sent}",
                        "body": f"bench {sent} {time.time():.6f}",
                    }
                )
            )
            sent += 1
        await asyncio.sleep(3)
        task.cancel()
        await ws.close()
        results.put((sent, acked, time.process_time()))

    asyncio.run(run())


# --- one measurement --------------------------------------------------------------------------
def measure(
    label: str,
    env: dict,
    cookies: list[str],
    procs: int,
    idle: int,
    active: int,
    rate: float,
    duration: float,
) -> dict:
    ctx = mp.get_context("spawn")
    servers = start_servers(env, procs)
    ports = [port for _, port in servers]
    ready, results, stop = ctx.Queue(), ctx.Queue(), ctx.Event()
    children = []
    try:
        idle_procs = max(1, idle // 500)
        for k in range(idle_procs):
            share = idle // idle_procs + (1 if k < idle % idle_procs else 0)
            children.append(ctx.Process(target=idle_worker, args=(ports, share, ready, stop)))
        customer_procs = 2
        for k in range(customer_procs):
            share = active // customer_procs + (1 if k < active % customer_procs else 0)
            children.append(
                ctx.Process(
                    target=customer_worker,
                    args=(
                        ports[k % len(ports) :] + ports[: k % len(ports)],
                        share,
                        k * 100000,
                        ready,
                        results,
                        stop,
                    ),
                )
            )
        t0 = time.time()
        for child in children:
            child.start()
        tickets, idle_ready = [], 0
        while len(tickets) < active or idle_ready < idle:
            kind, value = ready.get(timeout=600)
            if kind == "error":
                raise SystemExit(value)
            if kind == "idle":
                idle_ready += value
            else:
                tickets.append(value)
        ramp = time.time() - t0
        # The servers' CPU with every socket open and no replies (ping timers, layer upkeep): a
        # fixed cost per second that the per-reply figure would otherwise carry.
        time.sleep(1)
        idle_from, idle_cpu_from = time.time(), sum(cpu_seconds(s.pid) for s, _ in servers)
        time.sleep(3)
        idle_cpu_per_s = (sum(cpu_seconds(s.pid) for s, _ in servers) - idle_cpu_from) / (
            time.time() - idle_from
        )
        agents = max(1, min(len(cookies), int(rate // 50) + 1))
        start_at = time.time() + 2
        agent_procs = []
        for a in range(agents):
            mine = tickets[a::agents]
            agent_procs.append(
                ctx.Process(
                    target=agent_worker,
                    args=(
                        ports[a % len(ports)],
                        cookies[a],
                        mine,
                        rate / agents,
                        duration,
                        start_at,
                        results,
                    ),
                )
            )
        cpu_before = sum(cpu_seconds(s.pid) for s, _ in servers)
        loop_cpu_before = sum(main_thread_cpu_seconds(s.pid) for s, _ in servers)
        generator_cpu_from = sum(cpu_seconds(c.pid) for c in children)
        store_pids = store_processes(env)
        store_cpu_from = {name: sum(cpu_seconds(pid) for pid in pids) for name, pids in store_pids.items()}
        window_from = time.time()
        load_before = os.getloadavg()[0]
        for proc in agent_procs:
            proc.start()
        peak_rss = 0.0
        while any(p.is_alive() for p in agent_procs):
            peak_rss = max(peak_rss, sum(rss_mb(s.pid) for s, _ in servers))
            time.sleep(0.5)
        cpu_used = sum(cpu_seconds(s.pid) for s, _ in servers) - cpu_before
        loop_cpu_used = sum(main_thread_cpu_seconds(s.pid) for s, _ in servers) - loop_cpu_before
        store_cpu = {
            name: sum(cpu_seconds(pid) for pid in pids) - store_cpu_from[name]
            for name, pids in store_pids.items()
        }
        window = time.time() - window_from
        load_after = os.getloadavg()[0]
        sent = acked = 0
        generator_cpu = sum(cpu_seconds(c.pid) for c in children) - generator_cpu_from
        for _ in agent_procs:
            s, a, agent_cpu = results.get(timeout=60)
            sent, acked, generator_cpu = sent + s, acked + a, generator_cpu + agent_cpu
        stop.set()
        latencies: list[float] = []
        repeats = 0
        for _ in range(customer_procs):
            got, repeated = results.get(timeout=60)
            latencies.extend(got)
            repeats += repeated
        for child in children:
            child.join(timeout=30)
    finally:
        stop.set()
        for child in children:
            if child.is_alive():
                child.terminate()
        for proc, _ in servers:
            proc.terminate()
        for proc, _ in servers:
            proc.wait(timeout=30)
    latencies.sort()

    def pct(q: float) -> float:
        return (
            latencies[min(int(q * len(latencies)), len(latencies) - 1)] * 1000 if latencies else float("nan")
        )

    return {
        "label": label,
        "procs": procs,
        "conns": idle + active,
        "active": active,
        "rate": rate,
        "sent": sent,
        "acked": acked,
        "delivered": len(latencies),
        "repeats": repeats,
        "p50": pct(0.50),
        "p99": pct(0.99),
        "max": latencies[-1] * 1000 if latencies else float("nan"),
        "rss": peak_rss,
        "ramp": ramp,
        "throughput": len(latencies) / duration,
        # Server CPU over the reply window (its tail included) per stored reply: comparable across
        # runs on a shared machine where wall-clock latency is not.
        "cpu_ms": cpu_used * 1000 / sent if sent else float("nan"),
        # The same without the idle servers' share of the window: what one more reply costs.
        "cpu_net_ms": (cpu_used - idle_cpu_per_s * window) * 1000 / sent if sent else float("nan"),
        "idle_cpu_pct": idle_cpu_per_s * 100,
        "loop_ms": loop_cpu_used * 1000 / sent if sent else float("nan"),
        # The rest of the path, per reply sent: the PostgreSQL backends serving the servers, the
        # whole Redis server (shared with anything else using it), and the load generator.
        "pg_ms": store_cpu.get("postgres", float("nan")) * 1000 / sent if sent else float("nan"),
        "redis_ms": store_cpu.get("redis", float("nan")) * 1000 / sent if sent else float("nan"),
        "gen_ms": generator_cpu * 1000 / sent if sent else float("nan"),
        "load": (load_before + load_after) / 2,
    }


def print_row(r: dict) -> None:
    # "+N": N replies arrived a second time (at-least-once; each counted once in the latencies).
    delivered = f"{r['delivered']}+{r['repeats']}" if r["repeats"] else str(r["delivered"])
    print(
        f"{r['label']:<22} {r['procs']:>5} {r['conns']:>6} {r['active']:>6} {r['rate']:>6.0f} {r['throughput']:>8.0f} "
        f"{r['sent']:>6} {r['acked']:>6} {delivered:>9} {r['p50']:>8.1f} {r['p99']:>8.1f} {r['max']:>8.1f} {r['rss']:>8.0f} "
        f"{r['ramp']:>6.1f} {r['cpu_ms']:>7.2f} {r['cpu_net_ms']:>7.2f} {r['idle_cpu_pct']:>6.1f} {r['loop_ms']:>7.2f} "
        f"{r['pg_ms']:>6.2f} {r['redis_ms']:>6.2f} {r['gen_ms']:>6.2f} {r['load']:>5.1f}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="live chat load benchmark")
    parser.add_argument("--sizes", default="500,1000,2000", help="total open widget connections")
    parser.add_argument("--active", type=int, default=100, help="conversations receiving replies")
    parser.add_argument("--rate", type=float, default=100, help="agent replies per second (one process)")
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--redis-procs", type=int, default=4)
    parser.add_argument("--redis-rates", default="100,300,1000", help="replies/s on the multi-process run")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/walletdesk_bench")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-redis", action="store_true")
    parser.add_argument(
        "--deflate",
        action="store_true",
        help="servers with permessage-deflate (uvicorn's default; `walletdesk serve` turns it off)",
    )
    args = parser.parse_args()
    try:
        sizes = [int(s) for s in args.sizes.split(",")]
        redis_rates = [float(r) for r in args.redis_rates.split(",")]
    except ValueError:
        parser.error(
            f"--sizes and --redis-rates take comma-separated numbers (got {args.sizes!r} / {args.redis_rates!r})"
        )
    if min(sizes) < 1 or min(redis_rates) <= 0 or args.rate <= 0 or args.active < 1 or args.redis_procs < 1:
        parser.error("connections, rates, --active and --redis-procs must be positive")
    if min(sizes) < args.active:
        parser.error(
            f"every --sizes value must be at least --active ({args.active}): the active conversations are among them"
        )
    global DEFLATE
    DEFLATE = args.deflate
    tmp = Path(tempfile.mkdtemp(prefix="wd-bench-chat-"))
    print(
        f"machine: {os.cpu_count()} CPUs; duration {args.duration:.0f} s per row; the load generator shares the CPUs"
    )
    header = (
        f"{'layout':<22} {'procs':>5} {'conns':>6} {'active':>6} {'rate/s':>6} {'deliv/s':>8} {'sent':>6} {'acked':>6} "
        f"{'delivered':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'RSS MB':>8} {'ramp s':>6} {'cpu ms':>7} {'net ms':>7} {'idle %':>6} {'loop ms':>7} "
        f"{'pg ms':>6} {'rds ms':>6} {'gen ms':>6} {'load':>5}"
    )
    print(header)
    print("-" * len(header))
    try:
        if not args.skip_memory:
            template = tmp / "template"
            template.mkdir()
            cookies = prepare_database(server_env(template), agents=4)
            for size in sizes:
                run_dir = tmp / f"mem-{size}"
                shutil.copytree(template, run_dir)
                env = server_env(run_dir)
                print_row(
                    measure(
                        "in-memory, SQLite",
                        env,
                        cookies,
                        1,
                        size - args.active,
                        args.active,
                        args.rate,
                        args.duration,
                    )
                )
        if not args.skip_redis:
            import psycopg
            import redis

            redis.Redis.from_url(args.redis_url).flushdb()
            admin_url = args.pg_url.rsplit("/", 1)[0] + "/postgres"
            db_name = args.pg_url.rsplit("/", 1)[1]
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{db_name}"')
                conn.execute(f'CREATE DATABASE "{db_name}"')
            env = server_env(tmp / "redis", database_url=args.pg_url, redis_url=args.redis_url)
            (tmp / "redis").mkdir()
            cookies = prepare_database(env, agents=24)
            for rate in redis_rates:
                redis.Redis.from_url(args.redis_url).flushdb()
                print_row(
                    measure(
                        f"redis+PG x{args.redis_procs}",
                        env,
                        cookies,
                        args.redis_procs,
                        max(sizes) - args.active,
                        args.active,
                        rate,
                        args.duration,
                    )
                )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(
        "\nlatency = agent reply sent on the console socket → received on the customer's widget socket "
        "(stored, published, delivered); RSS = sum over server processes, peak during the run;\n"
        "cpu ms = server CPU (all processes, /proc) over the reply window and its 3 s tail per reply sent; "
        "net ms = the same less the idle servers' CPU (idle %, measured for 3 s before the replies);\n"
        "loop ms = the part of cpu ms spent on the servers' event-loop threads (sockets, consumers, layer);\n"
        "pg ms / rds ms / gen ms = the same window's CPU per reply sent of the PostgreSQL backends connected to "
        "the bench database, the whole Redis server, and the load generator's processes"
    )


if __name__ == "__main__":
    main()
