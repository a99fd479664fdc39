"""`kb import` / `kb export`: a folder of Markdown files with YAML front matter.

Front matter: slug, title, locale (zh-hans | en), category, tags, optional translation_of and
status (draft | published, default published). Translations pair by the slug stem (-zh / -en)
or by translation_of. One bad file is reported with its name and line; the rest still import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction

from walletdesk.helpcenter.errors import ArticleInvalid, ImportFileInvalid, ImportFolderMissing
from walletdesk.helpcenter.models import Article, ArticleStatus
from walletdesk.helpcenter.search.engine import index_changed
from walletdesk.helpcenter.services import article_save, locale_parse, slug_stem


@dataclass
class ParsedFile:
    path: Path
    meta: dict
    body: str
    meta_lines: dict[str, int]


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[tuple[str, int, str]] = field(default_factory=list)  # (file name, line, message)
    links: list[tuple[str, str]] = field(default_factory=list)  # (slug, translation_of)

    @property
    def imported(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged)


def markdown_file_parse(path: Path) -> ParsedFile:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileInvalid(f"not UTF-8 text ({exc.reason})", line=1) from exc
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ImportFileInvalid("no YAML front matter: the file must start with a '---' line", line=1)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise ImportFileInvalid("the front matter is not closed by a '---' line", line=1)
    raw_meta = "\n".join(lines[1:end])
    try:
        meta = yaml.safe_load(raw_meta) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ImportFileInvalid(f"front matter is not valid YAML: {problem}", line=line) from exc
    if not isinstance(meta, dict):
        raise ImportFileInvalid("front matter must be a mapping of 'key: value' lines", line=2)
    meta_lines: dict[str, int] = {}
    for i, line in enumerate(lines[1:end], start=2):
        key = line.split(":", 1)[0].strip()
        if key and not line.startswith((" ", "\t", "-")) and key not in meta_lines:
            meta_lines[key] = i
    body = "\n".join(lines[end + 1 :]).strip()
    return ParsedFile(path, {str(k).strip().lower(): v for k, v in meta.items()}, body, meta_lines)


def _title_from_body(body: str) -> tuple[str, str]:
    """Files without a title field may start with a '# Heading': that is the title."""
    first, _, rest = body.partition("\n")
    if first.startswith("# "):
        return first[2:].strip(), rest.strip()
    return "", body


def _save_parsed(parsed: ParsedFile, report: ImportReport) -> None:
    meta = parsed.meta
    line_of = parsed.meta_lines.get
    slug = str(meta.get("slug") or parsed.path.stem).strip()
    locale = locale_parse(meta.get("locale") or meta.get("lang") or meta.get("language"))
    if not locale:
        raise ImportFileInvalid(
            f"locale must be zh-hans or en, not {meta.get('locale')!r}", line=line_of("locale", 1)
        )
    title = str(meta.get("title") or "").strip()
    body = parsed.body
    if not title:
        title, body = _title_from_body(body)
    if not title:
        raise ImportFileInvalid("no title: add 'title:' to the front matter", line=1)
    if not body:
        raise ImportFileInvalid(
            "the article has no text after the front matter", line=len(parsed.meta_lines) + 2
        )
    status = str(meta.get("status") or "").strip().lower() or (
        ArticleStatus.DRAFT if meta.get("draft") is True else ArticleStatus.PUBLISHED
    )
    if status not in ArticleStatus.values:
        raise ImportFileInvalid(
            f"status must be draft or published, not {status!r}", line=line_of("status", 1)
        )
    group = None
    translation_of = str(meta.get("translation_of") or "").strip()
    if translation_of:
        other = Article.objects.filter(slug=translation_of).values_list("group", flat=True).first()
        group = other or slug_stem(translation_of)
    category = meta.get("category") or meta.get("section")
    try:
        existed = Article.objects.filter(slug=slug).exists()
        article, changed = article_save(
            slug=slug,
            locale=locale,
            title=title,
            body=body,
            category=str(category) if category else None,
            tags=meta.get("tags"),
            status=status,
            group=group,
            source="import",
        )
    except ArticleInvalid as exc:
        field_name = next(iter(exc.fields), "")
        raise ImportFileInvalid(exc.message, line=line_of(field_name, 1)) from exc
    if translation_of:
        report.links.append((article.slug, translation_of))
    bucket = report.created if not existed else (report.updated if changed else report.unchanged)
    bucket.append(article.slug)


def kb_import_dir(*, path: Path) -> ImportReport:
    """Import every *.md under `path` (sorted, recursive). Each file is its own transaction."""
    if not path.is_dir():
        raise ImportFolderMissing(f"{path} is not a folder.")
    report = ImportReport()
    seen: dict[str, str] = {}
    for file in sorted(path.rglob("*.md")):
        name = str(file.relative_to(path))
        if file.name.lower() == "readme.md" and not file.read_text(
            encoding="utf-8", errors="replace"
        ).startswith("---"):
            continue  # a folder's own README is not an article
        try:
            parsed = markdown_file_parse(file)
            slug = str(parsed.meta.get("slug") or file.stem).strip()
            if slug in seen:
                raise ImportFileInvalid(
                    f"slug {slug!r} is already used by {seen[slug]}", line=parsed.meta_lines.get("slug", 1)
                )
            with transaction.atomic():
                _save_parsed(parsed, report)
            seen[slug] = name
        except ImportFileInvalid as exc:
            report.errors.append((name, exc.line, exc.message))
    _pair_late_translations(report.links)
    return report


def _pair_late_translations(links: list[tuple[str, str]]) -> None:
    """translation_of may name a file that sorts later and itself points elsewhere: settle groups."""
    for slug, target in links:
        group = Article.objects.filter(slug=target).values_list("group", flat=True).first()
        if group and Article.objects.filter(slug=slug).exclude(group=group).update(group=group):
            # Every process's search snapshot must reload the new pairing.
            index_changed()


def kb_export_dir(*, path: Path) -> int:
    """Write every article (drafts included) in the import format; returns the number of files."""
    import yaml as _yaml

    path.mkdir(parents=True, exist_ok=True)
    count = 0
    for article in Article.objects.select_related("category").order_by("slug"):
        meta: dict = {
            "slug": article.slug,
            "title": article.title,
            "locale": article.locale,
            "category": article.category.slug if article.category else "",
            "tags": list(article.tags),
            "status": article.status,
        }
        if slug_stem(article.slug) != article.group:
            other = (
                Article.objects.filter(group=article.group)
                .exclude(pk=article.pk)
                .values_list("slug", flat=True)
                .first()
            )
            if other:
                meta["translation_of"] = other
        front = _yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).strip()
        (path / f"{article.slug}.md").write_text(
            f"---\n{front}\n---\n\n{article.body.strip()}\n", encoding="utf-8"
        )
        count += 1
    return count
