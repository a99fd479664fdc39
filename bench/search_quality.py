"""Help-center search quality: recall@3 and MRR@10, overall and per query language.

    .venv/bin/python bench/search_quality.py                  # demo articles + bench/data/helpcenter_eval.tsv
    .venv/bin/python bench/search_quality.py --articles DIR --queries FILE.tsv
    .venv/bin/python bench/search_quality.py --misses        # also list the queries that miss the top 3
    .venv/bin/python bench/search_quality.py --cli --articles bench/data/search_fresh/articles \
        --queries bench/data/search_fresh/queries.tsv        # through `walletdesk kb import` / `kb search --jsonl`

The eval file has one "expected-slug<TAB>query" per line. A hit counts when the expected slug, or
another language version of the same topic, is returned (the table also shows the exact-slug
figure). Runs on a throw-away SQLite database unless DATABASE_URL is set. The baseline is a plain
BM25 over character bigrams of title + tags + body, the floor named in issue 5.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def _setup_django() -> None:
    if not os.environ.get("DATABASE_URL"):
        os.environ["WALLETDESK_SQLITE_PATH"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _load_eval(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            slug, query = line.split("\t", 1)
            rows.append((slug.strip(), query.strip()))
    return rows


class BigramBM25:
    """The baseline: BM25 (k1=1.2, b=0.75) over lower-cased character bigrams, no language knowledge."""

    def __init__(self, docs: dict[str, str]) -> None:
        self.docs = {slug: Counter(self._grams(text)) for slug, text in docs.items()}
        self.len = {slug: sum(c.values()) for slug, c in self.docs.items()}
        self.avg = sum(self.len.values()) / max(len(self.len), 1)
        self.df = Counter(g for c in self.docs.values() for g in c)

    @staticmethod
    def _grams(text: str) -> list[str]:
        text = re.sub(r"\s+", " ", text.lower())
        return [text[i : i + 2] for i in range(len(text) - 1) if text[i : i + 2].strip()]

    def search(self, query: str, limit: int = 10) -> list[str]:
        n = len(self.docs)
        scores: dict[str, float] = {}
        for g in set(self._grams(query)):
            if not self.df.get(g):
                continue
            idf = math.log(1 + (n - self.df[g] + 0.5) / (self.df[g] + 0.5))
            for slug, c in self.docs.items():
                tf = c.get(g)
                if tf:
                    norm = tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * self.len[slug] / self.avg))
                    scores[slug] = scores.get(slug, 0.0) + idf * norm
        return [s for s, _ in sorted(scores.items(), key=lambda kv: -kv[1])[:limit]]


def _metrics(results: list[tuple[str, str, list[str]]], same_topic) -> dict[str, tuple[float, float, int]]:
    buckets: dict[str, list[tuple[float, float]]] = {"all": [], "zh-hans": [], "en": []}
    for expected, lang, ranked in results:
        rank = next((i for i, slug in enumerate(ranked[:10], 1) if same_topic(slug, expected)), None)
        r3 = 1.0 if rank and rank <= 3 else 0.0
        rr = 1.0 / rank if rank else 0.0
        buckets["all"].append((r3, rr))
        buckets[lang].append((r3, rr))
    return {
        k: (sum(a for a, _ in v) / max(len(v), 1), sum(b for _, b in v) / max(len(v), 1), len(v))
        for k, v in buckets.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, help="folder in the kb import format (default: the demo)")
    parser.add_argument("--queries", type=Path, default=ROOT / "bench" / "data" / "helpcenter_eval.tsv")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument(
        "--cli",
        action="store_true",
        help="import and search through the walletdesk command (kb import, kb search --jsonl) like an outside evaluation",
    )
    args = parser.parse_args()
    _setup_django()
    if args.cli:
        _cli_run(args)
        return

    from walletdesk.helpcenter.importer import kb_import_dir
    from walletdesk.helpcenter.models import Article
    from walletdesk.helpcenter.search import detect_locale
    from walletdesk.helpcenter.selectors import article_search
    from walletdesk.helpcenter.services import categories_seed_defaults, synonyms_seed_defaults

    synonyms_seed_defaults()
    categories_seed_defaults()
    folder = args.articles or ROOT / "src" / "walletdesk" / "helpcenter" / "data" / "articles"
    report = kb_import_dir(path=folder)
    if report.errors:
        print(f"warning: {len(report.errors)} files not imported: {report.errors[:3]}", file=sys.stderr)
    groups = dict(Article.objects.values_list("slug", "group"))
    queries = _load_eval(args.queries)
    texts = {a.slug: f"{a.title} {' '.join(a.tags)} {a.body}" for a in Article.objects.all()}
    baseline = BigramBM25(texts)

    def exact(slug: str, expected: str) -> bool:
        return slug == expected

    def topic(slug: str, expected: str) -> bool:
        return slug == expected or (groups.get(slug) is not None and groups.get(slug) == groups.get(expected))

    ours, base, misses = [], [], []
    for expected, query in queries:
        lang = detect_locale(query)
        ranked = [h.slug for h in article_search(query=query, limit=10)]
        ours.append((expected, lang, ranked))
        base.append((expected, lang, baseline.search(query)))
        if not any(topic(s, expected) for s in ranked[:3]):
            misses.append((expected, query, ranked[:3]))

    print(f"{len(texts)} articles, {len(queries)} queries ({folder.name} / {args.queries.name})")
    print(f"{'system':<28}{'lang':<9}{'n':>5}{'recall@3':>10}{'MRR@10':>9}")
    for name, rows, match in (
        ("walletdesk (topic)", ours, topic),
        ("walletdesk (exact slug)", ours, exact),
        ("baseline bigram BM25", base, topic),
    ):
        for lang, (r3, mrr, n) in _metrics(rows, match).items():
            print(f"{name:<28}{lang:<9}{n:>5}{r3:>10.3f}{mrr:>9.3f}")
    if args.misses:
        for expected, query, top in misses:
            print(f"MISS {query!r}: expected {expected}, got {top}")


def _cli(*argv: str, stdin: str | None = None) -> str:
    exe = Path(sys.executable).with_name("walletdesk")
    proc = subprocess.run([str(exe), *argv], input=stdin, capture_output=True, text=True, env=os.environ)
    if proc.returncode != 0:
        sys.exit(f"walletdesk {' '.join(argv)} failed:\n{proc.stderr[-2000:]}")
    return proc.stdout


def _cli_run(args: argparse.Namespace) -> None:
    """Only the article set given is imported (no demo categories): what a separate evaluation sees."""
    from walletdesk.helpcenter.models import Article
    from walletdesk.helpcenter.search import detect_locale

    folder = args.articles or ROOT / "src" / "walletdesk" / "helpcenter" / "data" / "articles"
    print(_cli("kb", "import", str(folder)).strip())
    queries = _load_eval(args.queries)
    lines = "".join(
        json.dumps({"id": str(i), "q": q}, ensure_ascii=False) + "\n" for i, (_, q) in enumerate(queries)
    )
    out = {}
    for line in _cli("kb", "search", "--jsonl", "--limit", "10", stdin=lines).splitlines():
        row = json.loads(line)
        out[row["id"]] = [r["slug"] for r in row["results"]]
    groups = dict(Article.objects.values_list("slug", "group"))

    def topic(slug: str, expected: str) -> bool:
        return slug == expected or (groups.get(slug) is not None and groups.get(slug) == groups.get(expected))

    rows = [(exp, detect_locale(q), out.get(str(i), [])) for i, (exp, q) in enumerate(queries)]
    texts = {a.slug: f"{a.title} {' '.join(a.tags)} {a.body}" for a in Article.objects.all()}
    baseline = BigramBM25(texts)
    base = [(exp, detect_locale(q), baseline.search(q)) for exp, q in queries]
    print(f"{len(texts)} articles, {len(queries)} queries via walletdesk kb search --jsonl")
    print(f"{'system':<28}{'lang':<9}{'n':>5}{'recall@3':>10}{'MRR@10':>9}")

    def exact(slug: str, expected: str) -> bool:
        return slug == expected

    for name, data, match in (
        ("walletdesk CLI (topic)", rows, topic),
        ("walletdesk CLI (exact slug)", rows, exact),
        ("baseline bigram BM25", base, topic),
    ):
        for lang, (r3, mrr, n) in _metrics(data, match).items():
            print(f"{name:<28}{lang:<9}{n:>5}{r3:>10.3f}{mrr:>9.3f}")
    if args.misses:
        for (exp, q), (_, _, ranked) in zip(queries, rows, strict=True):
            rank = next((i for i, s in enumerate(ranked, 1) if topic(s, exp)), None)
            if rank != 1:
                label = f"RANK{rank}" if rank and rank <= 3 else "MISS"
                print(f"{label} {q!r}: expected {exp}, got {ranked[:3]}")


if __name__ == "__main__":
    main()
