"""`walletdesk kb import / export`: good and bad folders, translations, re-import in place."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.helpcenter.factories import markdown_file
from walletdesk.helpcenter.importer import kb_import_dir
from walletdesk.helpcenter.models import Article

pytestmark = pytest.mark.django_db


def run(*args, stdin=None):
    out, err = StringIO(), StringIO()
    if stdin is not None:
        import sys

        old, sys.stdin = sys.stdin, StringIO(stdin)
    try:
        call_command("kb", *args, stdout=out, stderr=err)
    finally:
        if stdin is not None:
            sys.stdin = old
    return out.getvalue(), err.getvalue()


def test_import_pairs_translations_by_suffix_and_translation_of(tmp_path):
    markdown_file(
        tmp_path, "a.md", "slug: frozen-zh\ntitle: 账户冻结\nlocale: zh-hans\ncategory: account\ntags: [冻结]"
    )
    markdown_file(
        tmp_path,
        "b.md",
        "slug: frozen-en\ntitle: Account frozen\nlocale: en\ncategory: account\ntags: frozen, unfreeze",
    )
    markdown_file(tmp_path, "c.md", "slug: kyc-guide\ntitle: KYC guide\nlocale: en\ncategory: verification")
    markdown_file(
        tmp_path,
        "d.md",
        "slug: shiming\ntitle: 实名认证\nlocale: zh\ncategory: verification\ntranslation_of: kyc-guide",
    )
    report = kb_import_dir(path=tmp_path)
    assert report.errors == []
    assert len(report.created) == 4
    groups = dict(Article.objects.values_list("slug", "group"))
    assert groups["frozen-zh"] == groups["frozen-en"]
    assert groups["shiming"] == groups["kyc-guide"]
    assert groups["frozen-en"] != groups["kyc-guide"]
    assert Article.objects.get(slug="frozen-en").tags == ["frozen", "unfreeze"]
    assert Article.objects.get(slug="shiming").locale == "zh-hans"


def test_reimport_updates_in_place_and_keeps_history(tmp_path):
    path = markdown_file(
        tmp_path, "a.md", "slug: fees-en\ntitle: Fees\nlocale: en\ncategory: fees", "Old text."
    )
    kb_import_dir(path=tmp_path)
    report = kb_import_dir(path=tmp_path)
    assert report.unchanged == ["fees-en"]
    path.write_text("---\nslug: fees-en\ntitle: Fees\nlocale: en\ncategory: fees\n---\nNew text about gas.\n")
    report = kb_import_dir(path=tmp_path)
    assert report.updated == ["fees-en"]
    article = Article.objects.get(slug="fees-en")
    assert Article.objects.count() == 1
    assert article.revisions.count() == 2
    from walletdesk.helpcenter.selectors import article_search

    assert article_search(query="gas")[0].slug == "fees-en"  # the index follows the import at once


def test_bad_files_are_reported_with_name_and_line_and_the_rest_imports(tmp_path):
    markdown_file(tmp_path, "good.md", "slug: ok-en\ntitle: Fine\nlocale: en\ncategory: x")
    (tmp_path / "no_front.md").write_text("# Just a heading\n\ntext\n")
    markdown_file(tmp_path, "bad_yaml.md", "slug: broken\ntitle: [unclosed\nlocale: en")
    markdown_file(tmp_path, "bad_locale.md", "slug: fr-article\ntitle: Bonjour\ncategory: x\nlocale: fr")
    markdown_file(tmp_path, "zz_dup.md", "slug: ok-en\ntitle: Same slug\nlocale: en")
    report = kb_import_dir(path=tmp_path)
    assert report.created == ["ok-en"]
    errors = {name: (line, msg) for name, line, msg in report.errors}
    assert set(errors) == {"no_front.md", "bad_yaml.md", "bad_locale.md", "zz_dup.md"}
    assert errors["bad_locale.md"][0] == 5 and "fr" in errors["bad_locale.md"][1]
    assert errors["bad_yaml.md"][0] >= 2
    assert errors["no_front.md"][0] == 1


def test_import_command_exits_nonzero_with_file_and_line(tmp_path):
    markdown_file(tmp_path, "good.md", "slug: ok-en\ntitle: Fine\nlocale: en")
    markdown_file(tmp_path, "bad.md", "slug: bad\ntitle: Bad\nlocale: klingon")
    with pytest.raises(CommandError, match="1 file"):
        run("import", str(tmp_path))
    assert Article.objects.filter(slug="ok-en").exists()
    with pytest.raises(CommandError, match="not a folder"):
        run("import", str(tmp_path / "missing"))


def test_export_then_import_round_trips(tmp_path):
    src, dst = tmp_path / "src", tmp_path / "dst"
    src.mkdir()
    markdown_file(
        src, "a.md", "slug: guide\ntitle: Guide\nlocale: en\ncategory: c\ntags: [a, b]", "Body **bold**."
    )
    markdown_file(
        src, "b.md", "slug: zhinan\ntitle: 指南\nlocale: zh-hans\ncategory: c\ntranslation_of: guide", "正文"
    )
    markdown_file(src, "c.md", "slug: draft-en\ntitle: Draft\nlocale: en\nstatus: draft", "Not yet.")
    kb_import_dir(path=src)
    out, _ = run("export", str(dst))
    assert "3 articles" in out
    before = {a.slug: (a.title, a.body, a.tags, a.status, a.group) for a in Article.objects.all()}
    Article.objects.all().delete()
    assert kb_import_dir(path=dst).errors == []
    after = {a.slug: (a.title, a.body, a.tags, a.status, a.group) for a in Article.objects.all()}
    assert after == before


def test_search_command_prints_json_and_jsonl(help_center):
    out, _ = run("search", "提不出来", "--json", "--limit", "2")
    hits = json.loads(out)
    assert len(hits) == 2 and hits[0]["slug"] == "withdraw-failed-zh"
    assert set(hits[0]) >= {"slug", "title", "score"} and isinstance(hits[0]["score"], float)
    lines = '{"id": "q1", "q": "币没到"}\n{"id": "q2", "q": "account frozen"}\n'
    out, _ = run("search", "--jsonl", "--limit", "3", stdin=lines)
    rows = [json.loads(line) for line in out.strip().splitlines()]
    assert [r["id"] for r in rows] == ["q1", "q2"]
    assert rows[0]["results"][0]["slug"] == "deposit-missing-zh"
    assert rows[1]["results"][0]["slug"] == "account-frozen-en"


def test_search_command_rejects_bad_input(help_center):
    with pytest.raises(CommandError, match="Give a query"):
        run("search", "--json")
    with pytest.raises(CommandError, match="limit"):
        run("search", "x", "--limit", "0")
    with pytest.raises(CommandError, match="1 input line"):
        out, err = run("search", "--jsonl", stdin='{"id": "a", "q": "frozen"}\nnot json\n')


def test_demo_help_center_loads_and_answers():
    from walletdesk.helpcenter.selectors import article_search
    from walletdesk.helpcenter.services import kb_demo_load

    assert kb_demo_load() >= 40
    groups = set(Article.objects.values_list("group", flat=True))
    assert len(groups) >= 20
    assert all(Article.objects.filter(group=g).count() == 2 for g in groups)
    assert article_search(query="充错链了")[0].slug == "wrong-network-zh"
    assert article_search(query="forgot memo on xrp deposit")[0].slug == "missing-memo-en"
    assert kb_demo_load() == Article.objects.count()  # idempotent


def test_export_to_a_file_in_the_folders_place_is_a_sentence_not_a_traceback(tmp_path):
    taken = tmp_path / "articles"
    taken.write_text("not a folder")
    with pytest.raises(CommandError, match="Cannot write the articles to .*Give a folder"):
        run("export", str(taken))
