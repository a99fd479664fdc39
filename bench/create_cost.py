"""Cost of one ticket creation inside a server process, measured in CPU time or in instructions.

Run:  .venv/bin/python bench/create_cost.py --db postgres --workdir /tmp/wd-bench [--size 100000]
          [--pg-db wd_bench_100k] [--redis-url redis://127.0.0.1:6379/12] [-n 300] [--src OTHER/src]
          [--callgrind]

On a database bench/tickets.py generated (--prepare-only is enough): the process imports
walletdesk.wsgi as a gunicorn worker does (warm-up, gc freeze), with the scale layout's environment
(PostgreSQL + Redis: the cache, the queue and the live events' publisher thread), then POSTs the body
bench/wrk/create_ticket.lua sends to /api/v1/customer/tickets through the WSGI application, the
8 customers' tokens in turn, and reports CPU per request (process_time: every thread, so the event
publisher's work is in it).

--callgrind runs the same under valgrind and counts instructions per request instead: the
instrumentation is switched on after the warm-up and the process leaves without finalising, so
only the timed requests are counted (the profile is left in the temporary directory). Instructions do not move with the load of a shared box (CPU
time per ticket there varied ±20% between identical runs); they leave out the kernel's work
(system calls, thread switches). --src runs another checkout's code (its src/ directory first on
sys.path) against the same database: an A/B of two commits by instructions, e.g.
`git worktree add /tmp/wt-old <commit>` then `--src /tmp/wt-old/src`.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tickets import PG_BASE_DEFAULT, REDIS_DEFAULT, Target, run_worker, wrk_ticket_body  # noqa: E402

WARM_REQUESTS = 30


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", choices=("sqlite", "postgres"), default="postgres")
    p.add_argument("--workdir", required=True, help="bench/tickets.py's --workdir of the database")
    p.add_argument("--size", type=int, default=100000, help="tickets in the generated database")
    p.add_argument("--pg-url", default=PG_BASE_DEFAULT)
    p.add_argument("--pg-db", default=None, help="PostgreSQL database (default wd_bench_<size>)")
    p.add_argument("--redis-url", default=REDIS_DEFAULT, help="Redis db for cache, queue and events")
    p.add_argument(
        "-n", type=int, default=300, help="timed requests (default 300; 50 is plenty with --callgrind)"
    )
    p.add_argument("--src", help="another checkout's src directory, run instead of this one")
    p.add_argument("--callgrind", action="store_true", help="count instructions under valgrind")
    p.add_argument("--tokens", help=argparse.SUPPRESS)  # set when re-run under valgrind
    args = p.parse_args(argv)
    if args.n < 1:
        p.error("-n must be at least 1")
    if not Path(args.workdir).is_dir():
        p.error(f"--workdir {args.workdir} does not exist: generate it with bench/tickets.py --prepare-only")
    return args


def target_of(args: argparse.Namespace) -> Target:
    return Target(args.db, args.size, Path(args.workdir), args.pg_url, args.redis_url, args.pg_db)


def environment(args: argparse.Namespace) -> dict[str, str]:
    env = target_of(args).env("scale")
    if args.src:
        env["PYTHONPATH"] = str(Path(args.src).resolve())
    return env


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.tokens is None:  # the driver: tokens from the database, then the measuring process
        auth = run_worker(target_of(args), "auth", {"n_tokens": 8})
        cmd = [sys.executable, __file__, *(argv if argv is not None else sys.argv[1:])]
        cmd += ["--tokens", ",".join(auth["customer_jwts"])]
        if args.callgrind:
            out = Path(tempfile.gettempdir()) / f"create_cost-{args.db}-{os.getpid()}.callgrind"
            cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}", *cmd]
        proc = subprocess.run(cmd, env=environment(args), capture_output=True, text=True)
        line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("{")), None)
        if proc.returncode != 0 or line is None:
            print(proc.stdout[-2000:] + proc.stderr[-3000:], file=sys.stderr)
            return 1
        result = json.loads(line)
        if args.callgrind:
            result["instructions_per_request"] = round(_callgrind_total(proc.stderr) / args.n)
            result["callgrind_file"] = str(out)  # for callgrind_annotate
        print(json.dumps(result))
        return 0
    measure(args)
    return 0  # not reached: measure() leaves without finalising


def _callgrind_total(stderr: str) -> int:
    for line in stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1].strip().replace(",", ""))
    raise SystemExit("valgrind printed no instruction count:\n" + stderr[-2000:])


def measure(args: argparse.Namespace) -> None:
    from walletdesk.wsgi import application  # the warm-up and gc freeze a gunicorn worker gets

    tokens = args.tokens.split(",")

    def create(i: int) -> None:
        body = json.dumps(wrk_ticket_body(i), ensure_ascii=False).encode()
        environ = {
            "REQUEST_METHOD": "POST", "PATH_INFO": "/api/v1/customer/tickets", "QUERY_STRING": "",
            "SCRIPT_NAME": "", "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "HTTP_HOST": "127.0.0.1",
            "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body)),
            "HTTP_AUTHORIZATION": f"Bearer {tokens[i % len(tokens)]}",
            "wsgi.input": io.BytesIO(body), "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr,
        }  # fmt: skip
        status: list[str] = []
        response: Any = application(environ, lambda s, headers, *exc: status.append(s))
        b"".join(response)
        response.close()  # request_finished, as gunicorn calls it after sending
        if not status[0].startswith("201"):
            raise SystemExit(f"POST answered {status[0]}")

    for i in range(WARM_REQUESTS):
        create(i)
    if args.callgrind:
        subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=True, capture_output=True)
    cpu, wall = time.process_time(), time.perf_counter()
    for i in range(WARM_REQUESTS, WARM_REQUESTS + args.n):
        create(i)
    from walletdesk.core.events import publisher_flush

    publisher_flush()  # the publisher thread's work for these requests is counted too
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    result = {
        "db": args.db,
        "src": args.src or "this checkout",
        "requests": args.n,
        "cpu_ms_per_request": round(cpu * 1000 / args.n, 3),
        "wall_ms_per_request": round(wall * 1000 / args.n, 3),
    }
    print(json.dumps(result), flush=True)
    os._exit(0)  # no interpreter finalisation (callgrind would count it: ~190M instructions)


if __name__ == "__main__":
    sys.exit(main())
