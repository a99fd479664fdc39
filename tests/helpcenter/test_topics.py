"""The subject a customer names (withdrawal, deposit, transfer to another user) steers synonyms and
ranking: 没到账 / "not arrived" guess a deposit only when no subject is named."""

import pytest

from tests.helpcenter.factories import TOPICS, help_center_create
from walletdesk.helpcenter.search import ranking
from walletdesk.helpcenter.search.analysis import normalize
from walletdesk.helpcenter.search.topics import rivals_load, topics_build
from walletdesk.helpcenter.selectors import article_search

pytestmark = pytest.mark.django_db

MONEY_TOPICS = {
    "deposit-missing": TOPICS["deposit-missing"],
    "withdraw-failed": TOPICS["withdraw-failed"],
    "withdraw-pending": (
        (
            "提现一直处理中",
            "提现在审核中或处理中时请耐心等待；显示已完成但对方没收到，请用交易哈希在区块链浏览器查询。",
            ["提现处理中", "提现审核"],
        ),
        (
            "My withdrawal is pending",
            "A withdrawal under review or processing needs a little patience. Completed but the recipient "
            "has nothing? Look the transaction hash up in a block explorer.",
            ["pending withdrawal"],
        ),
    ),
    "internal-transfer": (
        ("站内转账给朋友", "站内转账实时完成，不上链。对方说没收到，请核对对方的用户名。", ["站内转账"]),
        (
            "Sending to another user",
            "Internal transfers complete at once and never touch the chain. Check the username.",
            ["internal transfer"],
        ),
    ),
}


@pytest.fixture
def money_help_center(synonyms):
    help_center_create(MONEY_TOPICS)


def top(query, **kw):
    return [h.slug for h in article_search(query=query, snippets=False, **kw)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("提现 USDT 三小时 没到账", "withdraw-pending-zh"),
        ("我TRC20提现500 USDT三个小时了还没到账", "withdraw-pending-zh"),
        ("提幣兩天了還沒到帳", "withdraw-pending-zh"),  # Traditional
        ("昨天提的币还没到账", "withdraw-pending-zh"),  # 提的币 is 提币
        ("withdrew usdt 3 hours ago not arrived", "withdraw-pending-en"),  # withdrew: a typo's neighbour
        ("币没到账", "deposit-missing-zh"),  # no subject named: the rule's guess stands
        ("充值三小时没到账", "deposit-missing-zh"),
        ("从币安提币过来一直没到账", "deposit-missing-zh"),  # withdrawn elsewhere, to here
        ("deposit not arrived after 3 hours", "deposit-missing-en"),
        ("站内转账对方没到账", "internal-transfer-zh"),
    ],
)
def test_the_named_subject_decides_what_not_arrived_means(money_help_center, query, expected):
    assert top(query)[0] == expected


def _scores(query):
    return {h.slug: h.score for h in article_search(query=query, snippets=False)}


def _rivals_undeclared(tmp_path, monkeypatch):
    from walletdesk.helpcenter.search import engine

    empty = tmp_path / "topics.txt"
    empty.write_text("# none\n", encoding="utf-8")
    monkeypatch.setattr(engine, "RIVALS_FILE", empty)
    engine.snapshot_forget()


def test_without_a_rivals_declaration_the_deposit_guess_stands(money_help_center, tmp_path, monkeypatch):
    _rivals_undeclared(tmp_path, monkeypatch)
    assert top("提现 USDT 三小时 没到账")[0] == "deposit-missing-zh"


def test_an_article_titled_for_a_rival_subject_is_marked_down(money_help_center, tmp_path, monkeypatch):
    query = "提现 USDT 三小时 没到账"
    steered = _scores(query)
    _rivals_undeclared(tmp_path, monkeypatch)
    plain = _scores(query)
    assert steered["deposit-missing-zh"] <= ranking.RIVAL_SUBJECT_FACTOR * plain["deposit-missing-zh"]
    # Titled for the subject named: not marked down (its score only loses the guessed phrases).
    assert steered["withdraw-failed-zh"] > ranking.RIVAL_SUBJECT_FACTOR * plain["withdraw-failed-zh"]


def test_widget_suggestions_use_the_same_steering(money_help_center, client):
    response = client.get(
        "/api/v1/chat/suggest", {"q": "我TRC20提现500 USDT三个小时了还没到账", "locale": "zh-hans"}
    )
    assert response.status_code == 200
    assert [hit["slug"] for hit in response.json()][0] == "withdraw-pending-zh"


SYNONYMS = [
    ("充值", ["充币", "转入", "deposit", "top up"]),
    ("充币", ["充值", "转入", "deposit", "top up"]),
    ("转入", ["充值", "充币", "deposit", "top up"]),
    ("deposit", ["充值", "充币", "转入", "top up"]),
    ("top up", ["充值", "充币", "转入", "deposit"]),
    ("提现", ["提币", "转出", "withdrawal", "send"]),
    ("提币", ["提现", "转出", "withdrawal", "send"]),
    ("转出", ["提现", "提币", "withdrawal", "send"]),
    ("withdrawal", ["提现", "提币", "转出", "send"]),
    ("send", ["提现", "提币", "转出", "withdrawal", "充值"]),
    ("充值", ["send"]),  # an editor's slip: send in both groups
    ("没到账", ["充值未到账", "到账"]),  # one way: a guess, not a name of the subject
]


def _index():
    return topics_build([["充值", "提现"]], SYNONYMS, ranking._phrase)


def test_a_subject_is_its_term_and_the_terms_that_map_both_ways_with_it():
    index = _index()
    deposit, withdrawal = 0, 1
    assert index.named(normalize("充幣三小時")) == {deposit}  # Traditional folds first
    assert index.named(normalize("my withdrawals")) == {withdrawal}  # stems
    assert index.named(normalize("Topped up twice")) == {deposit}  # two words, stemmed
    assert index.named(normalize("没到账")) == set()  # a one-way rule does not make a name
    assert index.named(normalize("send it")) == set()  # claimed by both subjects: names neither


def test_a_phrase_without_its_subject_keeps_the_rest():
    index = _index()
    assert index.without_subject(normalize("充值未到账")) == "未到账"
    assert index.without_subject(normalize("deposit not credited")) == "not credited"
    assert index.rival(frozenset({0}), {1})
    assert not index.rival(frozenset({0}), {0, 1})
    assert not index.rival(frozenset({0}), set())


def test_a_rivals_line_with_one_subject_is_refused_with_its_line_number(tmp_path):
    path = tmp_path / "topics.txt"
    path.write_text("# rivals\n充值 / 提现\n站内转账\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"topics.txt:3: rival subjects come two or more"):
        rivals_load(path)


def test_the_bundled_rivals_file_loads():
    from walletdesk.helpcenter.search.engine import RIVALS_FILE

    assert ["充值", "提现", "站内转账"] in rivals_load(RIVALS_FILE)


def test_the_database_candidate_path_steers_the_same(money_help_center, monkeypatch):
    """Past IN_MEMORY_MAX_DOCS articles are scored one by one (ranking.rank), not in numpy."""
    from walletdesk.helpcenter.search import engine

    queries = ["提现 USDT 三小时 没到账", "从币安提币过来一直没到账", "withdrew usdt 3 hours ago not arrived"]
    in_memory = [[(h.slug, h.score) for h in article_search(query=q, snippets=False)] for q in queries]
    monkeypatch.setattr(ranking, "IN_MEMORY_MAX_DOCS", 0)
    engine.snapshot_forget()
    assert not engine.snapshot_get().in_memory
    one_by_one = [[(h.slug, h.score) for h in article_search(query=q, snippets=False)] for q in queries]
    engine.snapshot_forget()
    assert [[s for s, _ in r] for r in one_by_one] == [[s for s, _ in r] for r in in_memory]
    for a, b in zip(one_by_one, in_memory, strict=True):
        assert [x for _, x in a] == pytest.approx([x for _, x in b], rel=1e-3)
