"""walletdesk kb import DIR | export DIR | search "QUERY" [--json] | search --jsonl | reindex | demo"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from walletdesk.helpcenter.models import Locale


class Command(BaseCommand):
    # Run once per file of JSON lines by scripts: Django's system checks would import the whole
    # URL configuration (every view and API module) first, for URLs this command never serves.
    requires_system_checks: list[str] = []
    help = "Help center: import/export Markdown articles, search, rebuild the index, load the demo."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
        p_import = sub.add_parser("import", help="Import a folder of Markdown files with YAML front matter.")
        p_import.add_argument("dir")
        p_export = sub.add_parser("export", help="Write every article to a folder in the import format.")
        p_export.add_argument("dir")
        p_search = sub.add_parser("search", help="Search published articles.")
        p_search.add_argument("query", nargs="?")
        p_search.add_argument("--json", action="store_true", help="print a JSON list")
        p_search.add_argument("--jsonl", action="store_true", help='read {"id","q"} lines from stdin')
        p_search.add_argument("--limit", type=int, default=10)
        p_search.add_argument("--locale", choices=[c.value for c in Locale])
        sub.add_parser("reindex", help="Re-segment every published article.")
        sub.add_parser("demo", help="Import the bundled demo help center.")

    def handle(self, *args: Any, **opts: Any) -> None:
        getattr(self, f"_{opts['action']}")(**opts)

    def _import(self, *, dir: str, **_: Any) -> None:
        from walletdesk.helpcenter.errors import ImportFolderMissing
        from walletdesk.helpcenter.importer import kb_import_dir
        from walletdesk.helpcenter.services import synonyms_seed_defaults

        synonyms_seed_defaults()
        try:
            report = kb_import_dir(path=Path(dir))
        except ImportFolderMissing as exc:
            raise CommandError(exc.message) from exc
        for name, line, message in report.errors:
            self.stderr.write(f"{name}:{line}: {message}")
        self.stdout.write(
            f"{report.imported} articles imported ({len(report.created)} new, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged), {len(report.errors)} files with errors."
        )
        if report.errors:
            raise CommandError(f"{len(report.errors)} file(s) could not be imported; see the lines above.")

    def _export(self, *, dir: str, **_: Any) -> None:
        from walletdesk.helpcenter.importer import kb_export_dir

        try:
            count = kb_export_dir(path=Path(dir))
        except OSError as exc:  # a file in the folder's place, no permission, a full disk
            raise CommandError(
                f"Cannot write the articles to {dir}: {exc.strerror or exc}. Give a folder."
            ) from exc
        self.stdout.write(f"{count} articles written to {dir}.")

    def _search(
        self, *, query: str | None, json: bool, jsonl: bool, limit: int, locale: str | None, **_: Any
    ) -> None:
        if limit < 1 or limit > 50:
            raise CommandError("--limit must be between 1 and 50.")
        if jsonl:
            self._search_jsonl(limit=limit, locale=locale)
            return
        if not query or not query.strip():
            raise CommandError('Give a query, e.g. walletdesk kb search "提币失败", or use --jsonl.')
        hits = self._hits(query, limit, locale)
        if json:
            self.stdout.write(_json_dumps(hits))
            return
        if not hits:
            self.stdout.write("No article matches.")
        for i, hit in enumerate(hits, 1):
            self.stdout.write(f"{i:>2}. {hit['score']:>8.3f}  {hit['slug']}  {hit['title']}")

    def _search_jsonl(self, *, limit: int, locale: str | None) -> None:
        bad = 0
        for number, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                item = _json_loads(line)
                if not isinstance(item, dict) or not isinstance(item.get("q"), str):
                    raise ValueError('each line must be an object with a string "q"')
            except ValueError as exc:
                bad += 1
                self.stderr.write(f"stdin line {number}: {exc}")
                continue
            results = self._hits(item["q"], limit, item.get("locale") or locale)
            self.stdout.write(_json_dumps({"id": str(item.get("id", number)), "results": results}))
            self.stdout.flush()
        if bad:
            raise CommandError(f"{bad} input line(s) could not be read.")

    def _hits(self, query: str, limit: int, locale: str | None) -> list[dict]:
        from walletdesk.helpcenter.selectors import article_search

        locale = locale if locale in Locale.values else None
        return [
            {"slug": h.slug, "title": h.title, "score": h.score}
            for h in article_search(query=query, locale=locale, limit=limit, snippets=False)
        ]

    def _reindex(self, **_: Any) -> None:
        from walletdesk.helpcenter.services import index_rebuild

        self.stdout.write(f"{index_rebuild()} articles indexed.")

    def _demo(self, **_: Any) -> None:
        from walletdesk.helpcenter.services import kb_demo_load

        self.stdout.write(f"{kb_demo_load()} demo articles loaded.")


def _json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _json_loads(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from exc
