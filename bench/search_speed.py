"""Help-center search latency at 5,000 articles on SQLite and PostgreSQL (target p95 < 10 ms).

    .venv/bin/python bench/search_speed.py [--articles 5000] [--backends sqlite,postgres]

Each backend runs in its own process on a throw-away database (a temp SQLite file; a scratch
PostgreSQL database created next to BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres,
and dropped afterwards). Articles are the demo articles' paragraphs recombined with unique slugs,
titles and tags; queries are the evaluation set's. Latency is `article_search` end to end
(version check, analysis, BM25F ranking, snippets from the database), after one warm-up pass.
Wall-clock latency depends on what else the machine runs, so the table also shows the CPU time
per query (process time), the load average during the run and the SQL statements per search.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
PG_ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
PG_DB = "walletdesk_bench_search"


def _corpus(n: int) -> list[dict]:
    import yaml

    sources = []
    for path in sorted((ROOT / "src/walletdesk/helpcenter/data/articles").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---", 2)
        meta = yaml.safe_load(front)
        paragraphs = [p for p in body.strip().split("\n\n") if p.strip()]
        sources.append((meta, paragraphs))
    rng = random.Random(5)
    out = []
    for i in range(n):
        meta, paragraphs = sources[i % len(sources)]
        other = sources[rng.randrange(len(sources))]
        pick = [p for p in paragraphs if rng.random() < 0.7] + rng.sample(other[1], min(2, len(other[1])))
        topic = i // len(sources)
        out.append(
            {
                "slug": f"{meta['slug']}-v{topic}",
                "locale": meta["locale"],
                "title": f"{meta['title']} ({topic})",
                "body": "\n\n".join(pick),
                "tags": list(meta.get("tags") or [])[: rng.randint(1, 4)],
                "category": meta["category"],
            }
        )
    return out


def _child(backend: str, n: int) -> None:
    if backend == "sqlite":
        os.environ.pop("DATABASE_URL", None)
        os.environ["WALLETDESK_SQLITE_PATH"] = str(Path(tempfile.mkdtemp()) / "speed.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0, interactive=False)
    from walletdesk.helpcenter.models import Article, ArticleStatus
    from walletdesk.helpcenter.selectors import article_search
    from walletdesk.helpcenter.services import (
        category_get_or_create,
        index_rebuild,
        slug_stem,
        synonyms_seed_defaults,
    )

    synonyms_seed_defaults()
    started = time.perf_counter()
    # Rows in bulk, then the same segmentation and FTS writes as `walletdesk kb reindex`.
    with transaction.atomic():
        cats = {}
        articles = []
        for a in _corpus(n):
            cat = cats.get(a["category"]) or cats.setdefault(
                a["category"], category_get_or_create(name=a["category"])
            )
            articles.append(
                Article(
                    slug=a["slug"],
                    locale=a["locale"],
                    group=slug_stem(a["slug"]),
                    title=a["title"],
                    body=a["body"],
                    tags=a["tags"],
                    category=cat,
                    status=ArticleStatus.PUBLISHED,
                )
            )
        Article.objects.bulk_create(articles, batch_size=500)
    index_rebuild()
    load_s = time.perf_counter() - started
    queries = [
        line.split("\t", 1)[1]
        for line in (ROOT / "bench/data/helpcenter_eval.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    started = time.perf_counter()
    article_search(query="warm up", limit=10)  # builds the per-process snapshot
    snapshot_s = time.perf_counter() - started
    for q in queries:
        article_search(query=q, limit=10)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, cpu = [], []
    with CaptureQueriesContext(connection) as sql:
        for q in queries * 2:
            t0, c0 = time.perf_counter(), time.process_time()
            article_search(query=q, limit=10)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    times.sort()
    cpu.sort()
    print(
        json.dumps(
            {
                "backend": backend,
                "articles": n,
                "queries": len(times),
                "p50": statistics.median(times),
                "p95": times[int(len(times) * 0.95) - 1],
                "max": times[-1],
                "cpu_p50": statistics.median(cpu),
                "cpu_p95": cpu[int(len(cpu) * 0.95) - 1],
                "load": os.getloadavg()[0],
                "sql_per_search": len(sql.captured_queries) / len(times),
                "load_s": load_s,
                "snapshot_s": snapshot_s,
            }
        )
    )


def _pg_url(db: str) -> str:
    base, _, _ = PG_ADMIN_URL.rpartition("/")
    return f"{base}/{db}"


def _pg_admin(sql: str) -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
            conn.execute(sql)
        return True
    except Exception as exc:  # the bench reports an unreachable server instead of failing
        print(f"postgres unavailable: {exc}", file=sys.stderr)
        return False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.articles)
        return
    rows = []
    for backend in args.backends.split(","):
        env = dict(os.environ)
        if backend == "postgres":
            if not _pg_admin(f"DROP DATABASE IF EXISTS {PG_DB}") or not _pg_admin(f"CREATE DATABASE {PG_DB}"):
                continue
            env["DATABASE_URL"] = _pg_url(PG_DB)
        cmd = [sys.executable, __file__, "--child", backend, "--articles", str(args.articles)]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr[-2000:], file=sys.stderr)
            sys.exit(1)
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        if backend == "postgres":
            _pg_admin(f"DROP DATABASE IF EXISTS {PG_DB}")
    print(
        f"{'backend':<10}{'articles':>9}{'queries':>8}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}"
        f"{'cpu p50':>8}{'cpu p95':>8}{'loadavg':>8}{'SQL/q':>7}{'import s':>9}{'snapshot s':>11}"
    )
    for r in rows:
        print(
            f"{r['backend']:<10}{r['articles']:>9}{r['queries']:>8}{r['p50']:>8.2f}{r['p95']:>8.2f}"
            f"{r['max']:>8.1f}{r['cpu_p50']:>8.2f}{r['cpu_p95']:>8.2f}{r['load']:>8.1f}{r['sql_per_search']:>7.2f}"
            f"{r['load_s']:>9.1f}"
            f"{r['snapshot_s']:>11.2f}"
        )


if __name__ == "__main__":
    main()
