"""Ticket benchmark: walletdesk against the django-helpdesk peer, same workloads, same machine.

Run:  .venv/bin/python bench/tickets.py [--tickets 100000] [--messages-per-ticket 10]
          [--dbs sqlite,postgres] [--layouts single,scale] [--peer] [--reuse]

Per database: a fresh database, `walletdesk migrate`, the demo core (categories, agents with TOTP),
then N tickets × M messages bulk-inserted (tokens for the search index computed once per text
template), the customers, timeline events and the search index. Then, per serving layout:

  W2  agent pages, one sequential client, a fresh TCP connection per request, 3 warm-ups, then
      ≤100 requests or ≤15 s per page (the peer's bench_pages.py loop): inbox (console HTML, 50 rows;
      JSON API, 25 rows), ticket page (console HTML; JSON API) for ids spread over the table.
  W3  search, same loop: 退款 and invoice over all tickets, console HTML and JSON API.
  W4  RSS of every server process after W2/W3.
  W1  ticket creation through POST /api/v1/customer/tickets (customer JWT) with wrk -t1 -c1 and
      -t2 -c8 for 15 s each; tickets/s = rows added to tickets_ticket / wrk duration (as the peer).
Queries per request are counted in-process (django.test.Client + CaptureQueriesContext).

Layouts: single = `walletdesk serve` (one uvicorn process, embedded Huey threads: `make run`);
scale = gunicorn walletdesk.wsgi -w 2 -k gthread --threads 4 (see --scale-workers/--scale-threads) plus one
`walletdesk run_huey` consumer, with Redis for cache/queue/channel layer on PostgreSQL (SQLite scale:
same processes, the SQLite file, SqliteHuey).
Load runs set WALLETDESK_RATE_LIMIT_ENABLED=false. Agents sign in through the real console login
(password, then the TOTP code computed from the device key); 2FA stays on.

--peer then runs the peer's own harness (bash ../shared/peers/django-helpdesk/run.sh) at the same size
and prints the ratios. Raw JSON goes to bench/results/ (gitignored); databases live under --workdir.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402 - the helpers sit next to this file
    RESULTS_DIR,
    ROOT,
    VENV_BIN,
    Response,
    Server,
    cookie_header,
    free_port,
    http_request,
    machine_facts,
    measure_sequential,
    server_start,
    table_print,
)

PEER_RUN = ROOT.parent / "shared" / "peers" / "django-helpdesk" / "run.sh"
WRK_SCRIPT = ROOT / "bench" / "wrk" / "create_ticket.lua"
PG_BASE_DEFAULT = "postgres://postgres@127.0.0.1:5432"
REDIS_DEFAULT = "redis://127.0.0.1:6379/12"
SEARCH_TERMS = {"zh": "退款", "en": "invoice"}
READY_PATH = "/console/login/"  # a small page that touches every middleware: the server is up
BENCH_AGENT = ("agent", "agent-demo-pass")  # the demo agent (demo.services.DEMO_AGENT), TOTP key known
EXTRA_AGENTS = 4  # 5 agents in all, like the peer

# ---------------------------------------------------------------------------------------------
# Synthetic text: the peer's gen_data.py pools (so 退款 / invoice occur at comparable rates), with
# "TX{o}" written "TX-{o}" so a number never touches a letter: then the tokens of a text are the
# tokens of its template pieces plus the numbers, and jieba runs once per template, not per ticket.
EN_SUBJ = [
    "Refund request for order {o}", "Cannot log in to my wallet", "Invoice {o} shows wrong amount",
    "Card payment declined", "Withdrawal pending for 3 days", "How do I change my phone number?",
    "Double charge on my account", "Transfer to bank account failed", "Need a copy of my invoice",
    "App crashes when opening transactions", "KYC verification stuck", "Exchange rate question",
    "Account locked after password reset", "Top-up not credited", "Subscription cancelled but still billed",
]  # fmt: skip
ZH_SUBJ = [
    "订单 {o} 申请退款", "无法登录钱包", "发票 {o} 金额错误", "银行卡支付被拒绝", "提现三天仍未到账",
    "如何更换绑定手机号？", "账户被重复扣款", "转账到银行卡失败", "需要开具发票", "打开交易记录时应用闪退",
    "实名认证一直在审核中", "汇率问题咨询", "重置密码后账户被锁定", "充值未到账", "已取消订阅但仍被扣费",
]  # fmt: skip
EN_SENT = [
    "I was charged twice for the same purchase yesterday.", "Please help me get a refund as soon as possible.",
    "The invoice I received does not match the amount on my statement.", "My card keeps getting declined at checkout.",
    "I have already tried reinstalling the app and clearing the cache.", "The transaction ID is TX-{o}.",
    "It has been three business days and the money has not arrived.", "I can no longer receive the SMS verification code.",
    "Could you please send me an updated invoice with my company name?", "This is urgent because I need to pay rent tomorrow.",
    "I uploaded my passport photo but the status has not changed.", "The exchange rate applied looks higher than advertised.",
    "Thanks for the quick response, the issue is resolved now.", "I attached a screenshot of the error message.",
]  # fmt: skip
ZH_SENT = [
    "昨天同一笔消费被扣了两次款。", "请尽快帮我处理退款，谢谢。", "收到的发票金额和账单上的不一致。", "结账时我的银行卡一直被拒绝。",
    "我已经重新安装了应用并清除了缓存。", "交易编号是 TX-{o}。", "已经过了三个工作日，钱还没有到账。", "我收不到短信验证码了。",
    "能否重新开一张抬头为公司名称的发票？", "这件事很急，我明天要交房租。", "护照照片已经上传，但状态一直没有更新。",
    "实际使用的汇率比宣传的要高。", "感谢快速回复，问题已经解决了。", "附件是错误提示的截图。",
]  # fmt: skip
AGENT_REPLY = [
    "Hello, thanks for reaching out. I have escalated this to our payments team.",
    "您好，感谢您的耐心等待，我们已将您的问题转交支付团队处理。",
    "We have issued the refund; it should appear within 5-7 business days. 退款将在5-7个工作日内到账。",
    "Could you please confirm the last four digits of the card? 请提供银行卡后四位以便核实。",
    "I have regenerated the invoice and sent it to your registered email.",
    "您的账户已解锁，请使用新密码重新登录。",
]
NOTES = [
    "Internal: checked ledger, duplicate capture confirmed.",
    "内部备注：已核对流水，确认重复扣款。",
    "Internal: waiting for bank reconciliation file.",
    "内部备注：等待银行对账文件。",
]
# The peer's 40% open / 5% reopened / 25% resolved / 30% closed, in walletdesk's statuses.
STATUS_WEIGHTS = {"new": 10, "open": 25, "waiting": 7, "on_hold": 3, "solved": 25, "closed": 30}
CHANNEL_WEIGHTS = {"web": 40, "widget": 25, "email": 20, "api": 10, "telegram": 5}
PRIORITY_WEIGHTS = {"low": 15, "normal": 60, "high": 20, "urgent": 5}

Piece = tuple[str, int | None]  # (template, number for "{o}" or None)


# =============================================================================================
# Worker side: runs inside Django (a subprocess whose environment selects the database)
# =============================================================================================
def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")
    import django

    django.setup()


@cache
def _template_tokens(template: str) -> tuple[tuple[str, ...], ...]:
    """Tokens of each part of a template split at "{o}" (jieba once per template)."""
    from walletdesk.core.textsearch import tokens

    return tuple(tuple(tokens(part)) for part in template.split("{o}"))


@cache
def _template_html(template: str) -> tuple[str, ...]:
    """markdown_render of each part (without the <p> wrapper), split at "{o}"."""
    from walletdesk.core.markdown import markdown_render

    marker = "9876543210"
    html = markdown_render(template.replace("{o}", marker))
    if not (html.startswith("<p>") and html.endswith("</p>\n")):
        raise RuntimeError(f"template {template!r} does not render as one paragraph: {html!r}")
    return tuple(html[3:-5].split(marker))


def _pieces_text(pieces: list[Piece]) -> str:
    return " ".join(t.replace("{o}", str(o)) if o is not None else t for t, o in pieces)


def _pieces_tokens(pieces: list[Piece]) -> list[str]:
    out: list[str] = []
    for template, number in pieces:
        parts = _template_tokens(template)
        for i, part in enumerate(parts):
            if i:
                out.append(str(number))
            out.extend(part)
    return out


def _pieces_html(pieces: list[Piece]) -> str:
    inner = []
    for template, number in pieces:
        inner.append(
            str(number).join(_template_html(template)) if number is not None else _template_html(template)[0]
        )
    return "<p>" + " ".join(inner) + "</p>\n"


class TextGen:
    """The peer's text generator, producing pieces instead of strings."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def piece(self, pool: list[str]) -> Piece:
        template = self.rng.choice(pool)
        return template, (self.rng.randint(100000, 999999) if "{o}" in template else None)

    def sentences(self, pool_a: list[str], pool_b: list[str], k: int) -> list[Piece]:
        return [self.piece(pool_a if self.rng.random() < 0.5 else pool_b) for _ in range(k)]


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def worker_generate(n: int, mpt: int, seed: int) -> dict[str, Any]:
    """Demo core + agents + customers + N tickets × mpt messages + events + search index."""
    _django_setup()
    from django.db import connection, transaction

    from walletdesk.accounts.models import Customer
    from walletdesk.demo.services import demo_core_load
    from walletdesk.tickets.models import Category, Ticket

    t0 = time.time()
    demo_core_load()
    agents = _bench_agents()
    categories = list(Category.objects.select_related("default_team"))
    rng = random.Random(seed)
    n_customers = max(50, n // 5)
    with transaction.atomic():
        first_customer = (Customer.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        Customer.objects.bulk_create(
            [
                Customer(
                    wallet_uid=f"bench-{first_customer + i}",
                    name=f"Bench customer {i}",
                    email=f"customer{i}@example.com",
                    locale="zh-hans" if i % 2 == 0 else "en",
                )
                for i in range(n_customers)
            ],
            batch_size=2000,
        )
    customer_ids = list(Customer.objects.filter(wallet_uid__startswith="bench-").values_list("id", flat=True))
    first_ticket = (Ticket.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    stats = {"tickets": 0, "messages": 0, "events": 0, "docs": 0, "zh_hits": 0, "en_hits": 0}
    batch = 2000
    now = datetime.now(UTC)
    for start in range(0, n, batch):
        rows = _ticket_batch(
            rng=rng,
            first_id=first_ticket + start,
            count=min(batch, n - start),
            mpt=mpt,
            now=now,
            agents=agents,
            categories=categories,
            customer_ids=customer_ids,
        )
        with transaction.atomic():
            _rows_insert("tickets_ticket", rows["ticket_cols"], rows["tickets"])
            _rows_insert("tickets_message", rows["message_cols"], rows["messages"])
            _rows_insert("tickets_ticketevent", rows["event_cols"], rows["events"])
            _search_insert(rows["docs"])
        for key in ("tickets", "messages", "events", "docs"):
            stats[key] += len(rows[key])
        stats["zh_hits"] += rows["zh_hits"]
        stats["en_hits"] += rows["en_hits"]
    _sequences_reset()
    _analyze()
    stats.update(
        seconds=round(time.time() - t0, 1),
        vendor=connection.vendor,
        first_ticket_id=first_ticket,
        last_ticket_id=first_ticket + n - 1,
        customers=n_customers,
        open_tickets=Ticket.objects.filter(status__in=["new", "open", "waiting", "on_hold"]).count(),
        self_check=_self_check(seed),
    )
    return stats


def _bench_agents() -> list[int]:
    from django.contrib.auth import get_user_model

    from walletdesk.accounts import services as accounts
    from walletdesk.accounts.models import Team

    support = Team.objects.get(slug="support")
    users = get_user_model().objects
    ids = [users.get(username=BENCH_AGENT[0]).pk]
    for i in range(1, EXTRA_AGENTS + 1):
        user = users.filter(username=f"bench-agent{i}").first()
        if user is None:
            user = accounts.agent_create(
                username=f"bench-agent{i}",
                password="bench-agent-pass",
                display_name=f"Agent{i} 客服{i}",
                teams=[support],
            ).user
        ids.append(user.pk)
    return ids


TICKET_COLS = (
    "id customer_id channel category_id category_source status priority team_id assignee_id subject locale "
    "intake complaint secret_leaks created_at updated_at last_message_at first_response_due_at "
    "first_response_at solved_at closed_at csat_rating csat_comment"
).split()
MESSAGE_COLS = (
    "ticket_id author_kind author_user_id body body_html channel external_id is_internal delivery_status "
    "delivery_attempts delivery_error delivered_at next_attempt_at read_at entities shield_findings created_at "
    "customer_id"
).split()
EVENT_COLS = "ticket_id kind actor_id data created_at".split()


def _ticket_batch(
    *,
    rng: random.Random,
    first_id: int,
    count: int,
    mpt: int,
    now: datetime,
    agents: list[int],
    categories: list[Any],
    customer_ids: list[int],
) -> dict[str, Any]:
    from django.db import connection

    from walletdesk.tickets.models import TICKET_NUMBER_OFFSET

    dt = connection.ops.adapt_datetimefield_value
    gen = TextGen(rng)
    tickets, messages, events, docs = [], [], [], []
    zh_hits = en_hits = 0
    for tid in range(first_id, first_id + count):
        created = now - timedelta(seconds=rng.randint(3600 * mpt, 365 * 86400))
        zh = rng.random() < 0.5
        subject = [gen.piece(ZH_SUBJ if zh else EN_SUBJ)]
        mixed = rng.random() < 0.3
        pool = ZH_SENT if zh else EN_SENT
        opening = (
            gen.sentences(ZH_SENT, EN_SENT, rng.randint(2, 5))
            if mixed
            else gen.sentences(pool, pool, rng.randint(2, 5))
        )
        status = _weighted(rng, STATUS_WEIGHTS)
        channel = _weighted(rng, CHANNEL_WEIGHTS)
        category = rng.choice(categories)
        assignee = rng.choice(agents) if rng.random() < 0.8 else None
        customer_id = rng.choice(customer_ids)
        doc_tokens = [
            "wd",
            str(TICKET_NUMBER_OFFSET + tid),
            *_pieces_tokens(subject),
            *_pieces_tokens(opening),
        ]
        at = created
        first_response_at = None
        for i in range(mpt):
            if i == 0:
                kind, pieces, author, internal = "customer", opening, None, False
            elif i % 2 == 1:
                internal = rng.random() < 0.15
                kind, author = "agent", assignee or rng.choice(agents)
                pieces = [gen.piece(NOTES if internal else AGENT_REPLY)]
                if not internal and first_response_at is None:
                    first_response_at = at
            else:
                kind, pieces, author, internal = "customer", gen.sentences(ZH_SENT, EN_SENT, 2), None, False
                doc_tokens.extend(_pieces_tokens(pieces))
            sent = kind == "agent" and not internal
            messages.append(
                (tid, kind, author, _pieces_text(pieces), _pieces_html(pieces), channel, None, internal,
                 "sent" if sent else "none", 1 if sent else 0, "", dt(at) if sent else None, None, None,
                 "{}", "[]", dt(at), customer_id if kind == "customer" else None)
            )  # fmt: skip
            if i < mpt - 1:
                at = at + timedelta(minutes=rng.randint(5, 55))
        last = at
        solved_at = last if status in ("solved", "closed") else None
        closed_at = last if status == "closed" else None
        tickets.append(
            (tid, customer_id, channel, category.pk, "customer", status, _weighted(rng, PRIORITY_WEIGHTS),
             category.default_team_id, assignee, _pieces_text(subject)[:300], "zh-hans" if zh else "en", "{}",
             category.is_complaint, 0, dt(created), dt(last), dt(last),
             dt(created + timedelta(minutes=category.first_response_minutes)),
             dt(first_response_at) if first_response_at else None, dt(solved_at) if solved_at else None,
             dt(closed_at) if closed_at else None, None, "")
        )  # fmt: skip
        events.append((tid, "created", None, json.dumps({"channel": channel}), dt(created)))
        if assignee:
            events.append((tid, "assigned", assignee, json.dumps({"assignee_id": assignee}), dt(created)))
        if status in ("solved", "closed"):
            events.append((tid, "status", assignee, json.dumps({"new": status}), dt(last)))
        doc = " ".join(doc_tokens)[:20000]
        docs.append((tid, doc))
        words = set(doc_tokens)
        zh_hits += "退款" in words
        en_hits += "invoice" in words
    return {
        "ticket_cols": TICKET_COLS, "tickets": tickets, "message_cols": MESSAGE_COLS, "messages": messages,
        "event_cols": EVENT_COLS, "events": events, "docs": docs, "zh_hits": zh_hits, "en_hits": en_hits,
    }  # fmt: skip


def _rows_insert(table: str, cols: list[str], rows: list[tuple]) -> None:
    """COPY on PostgreSQL, executemany on SQLite: the ORM's bulk_create is ~5× slower at 1M rows."""
    from django.db import connection

    if not rows:
        return
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            with cur.cursor.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(cols))
            cur.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows)


def _search_insert(docs: list[tuple[int, str]]) -> None:
    """The same documents tickets.search.ticket_index writes: pre-segmented tokens, one per ticket."""
    from django.db import connection

    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("CREATE TEMP TABLE IF NOT EXISTS bench_docs (ticket_id bigint, body text)")
            cur.execute("TRUNCATE bench_docs")
            with cur.cursor.copy("COPY bench_docs (ticket_id, body) FROM STDIN") as copy:
                for row in docs:
                    copy.write_row(row)
            cur.execute(
                "INSERT INTO tickets_search (ticket_id, document) "
                "SELECT ticket_id, to_tsvector('simple', body) FROM bench_docs"
            )
        else:
            cur.executemany("INSERT INTO tickets_search (rowid, body) VALUES (%s, %s)", docs)


def _sequences_reset() -> None:
    from django.core.management.color import no_style
    from django.db import connection

    from walletdesk.tickets.models import Message, Ticket, TicketEvent

    with connection.cursor() as cur:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Ticket, Message, TicketEvent]):
            cur.execute(sql)


def _analyze() -> None:
    """Planner statistics, as the peer's generator does. On PostgreSQL also VACUUM: after a bulk load
    autovacuum would otherwise start in the middle of a measurement and set the visibility map
    (index-only scans) at a random moment; a settled production table has it set."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def _self_check(seed: int) -> str:
    """The cached tokens and HTML must equal what the app computes for the same text."""
    from walletdesk.core.markdown import markdown_render
    from walletdesk.core.textsearch import index_text

    gen = TextGen(random.Random(seed + 1))
    pools = [EN_SUBJ, ZH_SUBJ, EN_SENT, ZH_SENT, AGENT_REPLY, NOTES]
    for i in range(300):
        pieces = gen.sentences(pools[i % 6], pools[(i + 3) % 6], 1 + i % 5)
        text = _pieces_text(pieces)
        if " ".join(_pieces_tokens(pieces)) != index_text(text):
            raise RuntimeError(f"cached tokens differ from index_text for {text!r}")
        if _pieces_html(pieces) != markdown_render(text):
            raise RuntimeError(f"cached HTML differs from markdown_render for {text!r}")
    return "300 texts: tokens == index_text, html == markdown_render"


def worker_trim(last_ticket_id: int) -> int:
    """Delete the tickets created after generation (and their search documents); returns how many."""
    _django_setup()
    from django.db import connection, transaction

    from walletdesk.tickets.models import Ticket

    with transaction.atomic():
        later = Ticket.objects.filter(id__gt=last_ticket_id)
        count = later.count()
        if count:
            key = "ticket_id" if connection.vendor == "postgresql" else "rowid"
            with connection.cursor() as cur:
                cur.execute(f"DELETE FROM tickets_search WHERE {key} > %s", [last_ticket_id])
            later.delete()
    return count


def worker_auth(n_tokens: int) -> dict[str, Any]:
    """An agent API token and customer JWTs (claims equal to the stored customers: no update per request)."""
    _django_setup()
    from django.contrib.auth import get_user_model

    from walletdesk.accounts.identity import identity_token_sign
    from walletdesk.accounts.models import Customer
    from walletdesk.accounts.services import api_token_create

    agent = get_user_model().objects.get(username=BENCH_AGENT[0])
    _, raw = api_token_create(user=agent, name="bench")
    customers = Customer.objects.filter(wallet_uid__startswith="bench-").order_by("id")[:n_tokens]
    jwts = [
        identity_token_sign(wallet_uid=c.wallet_uid, locale=c.locale, ttl_seconds=6 * 3600) for c in customers
    ]
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user=agent, confirmed=True)
    return {"agent_token": raw, "customer_jwts": jwts, "agent_totp_key": device.key}


def _totp_login_client(client: Any, username: str, password: str) -> None:
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    resp = client.post("/console/login/", {"username": username, "password": password})
    if resp.status_code != 302:
        raise RuntimeError(f"console login for {username} answered {resp.status_code}, not a redirect")
    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    for _ in range(3):  # a code already used in this 30 s step is refused (replay guard): wait a step
        code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
        if client.post("/console/login/otp/", {"token": code}).status_code == 302:
            return
        time.sleep(31 - time.time() % 30)
    raise RuntimeError(f"the TOTP step for {username} kept failing")


# Median of a few in-process runs; CPU time (process_time) is reported beside wall time because it
# barely moves when other jobs share the cores, so it shows what a page costs on an idle machine
# (for SQLite it includes the database's work; for PostgreSQL the server's part is in SQL ms).
QUERY_REPEATS = 3


def worker_queries(pages: dict[str, str], auth: dict[str, Any]) -> list[dict[str, Any]]:
    """Queries, SQL time, wall and CPU time per request, in-process, for every page the HTTP run measures."""
    _django_setup()
    from django.test import Client

    client = Client()
    _totp_login_client(client, *BENCH_AGENT)
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {auth['agent_token']}"}
    rows = []
    for name, url in pages.items():
        headers = bearer if url.startswith("/api/") else {}
        client.get(url, **headers)  # warm: template loading, jieba, first-request work
        rows.append(_query_measure(name, url, lambda url=url, headers=headers: client.get(url, **headers)))
    jwt = {"HTTP_AUTHORIZATION": f"Bearer {auth['customer_jwts'][0]}"}
    sent = itertools.count(1)

    def create() -> Any:
        body = wrk_ticket_body(next(sent))
        return client.post(
            "/api/v1/customer/tickets", json.dumps(body), content_type="application/json", **jwt
        )

    create()
    rows.append(_query_measure("create_api", "POST /api/v1/customer/tickets", create))
    return rows


def wrk_ticket_body(n: int) -> dict[str, str]:
    """The JSON body bench/wrk/create_ticket.lua sends as its request `n` (its titles and description,
    read from the script), so the in-process creation does the work of the HTTP runs. It used a
    short English body ("I was charged twice."), whose triage, shield, search tokens and Markdown
    cost ~20% less CPU than the script's mixed English and Chinese one: compared with the HTTP
    runs' CPU per ticket, that difference read as server overhead."""
    lua = WRK_SCRIPT.read_text(encoding="utf-8")
    titles = re.findall(r'"([^"]*)"', re.search(r"local titles = \{(.*?)\}", lua).group(1))
    desc = re.search(r'local desc = "([^"]*)"', lua).group(1)
    return {"category": "other", "subject": f"{titles[n % len(titles)]} #{n}", "body": desc}


def _query_measure(name: str, url: str, call: Any) -> dict[str, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    walls, cpus = [], []
    for _ in range(QUERY_REPEATS):
        with CaptureQueriesContext(connection) as ctx:
            start, cpu = time.perf_counter(), time.process_time()
            resp = call()
            walls.append((time.perf_counter() - start) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
    row = _query_row(name, url, resp.status_code, sorted(walls)[len(walls) // 2], ctx.captured_queries)
    row["cpu_ms"] = round(sorted(cpus)[len(cpus) // 2], 1)
    return row


def _query_row(name: str, url: str, status: int, wall_ms: float, queries: list[dict]) -> dict[str, Any]:
    times = [float(q["time"]) * 1000 for q in queries]
    slowest = max(range(len(queries)), key=lambda i: times[i]) if queries else None
    return {
        "page": name,
        "url": url,
        "status": status,
        "queries": len(queries),
        "sql_ms": round(sum(times), 1),
        "wall_ms": round(wall_ms, 1),
        "slowest_ms": round(times[slowest], 1) if slowest is not None else 0.0,
        "slowest_sql": queries[slowest]["sql"][:400] if slowest is not None else "",
        "all_sql": [(round(t, 1), q["sql"][:300]) for t, q in zip(times, queries, strict=True)],
    }


def worker_main(args: argparse.Namespace) -> int:
    payload = json.loads(args.worker_args or "{}")
    if args.worker == "generate":
        out = worker_generate(payload["n"], payload["mpt"], payload["seed"])
    elif args.worker == "auth":
        out = worker_auth(payload["n_tokens"])
    elif args.worker == "trim":
        out = worker_trim(payload["last_ticket_id"])
    elif args.worker == "queries":
        out = worker_queries(payload["pages"], payload["auth"])
    else:
        raise SystemExit(f"unknown worker {args.worker!r}")
    print("WORKER_RESULT " + json.dumps(out, default=str))
    return 0


# =============================================================================================
# Driver side: no Django here; every database/layout gets its own processes and environment
# =============================================================================================
class BenchError(Exception):
    """A step failed; the message says which and how to look."""


def size_label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


class Target:
    """One database under test: where it lives and the environment every process gets."""

    def __init__(
        self, db: str, n: int, workdir: Path, pg_base: str, redis_url: str, pg_name: str | None = None
    ) -> None:
        self.db = db
        self.n = n
        self.dir = workdir / f"{db}-{size_label(n)}"
        self.sqlite_path = self.dir / "walletdesk.sqlite3"
        self.pg_name = pg_name or f"wd_bench_{size_label(n)}"
        self.pg_base = pg_base.rstrip("/")
        self.redis_url = redis_url

    @property
    def database_url(self) -> str:
        return f"{self.pg_base}/{self.pg_name}"

    def env(self, layout: str | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "VIRTUAL_ENV")}
        env.update(
            DJANGO_SETTINGS_MODULE="walletdesk.settings",
            WALLETDESK_VAR_DIR=str(self.dir / "var"),
            WALLETDESK_SQLITE_PATH=str(self.sqlite_path),
            WALLETDESK_RATE_LIMIT_ENABLED="false",
            WALLETDESK_HUEY_IMMEDIATE="false",
            WALLETDESK_HUEY_NAME="wd-bench",
            WALLETDESK_LOG_LEVEL="WARNING",
            ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
            PYTHONUNBUFFERED="1",
        )
        if self.db == "postgres":
            env["DATABASE_URL"] = self.database_url
            if layout == "scale":
                env["REDIS_URL"] = self.redis_url
        return env

    def fresh(self) -> None:
        if self.dir.exists():
            shutil.rmtree(self.dir)
        (self.dir / "var").mkdir(parents=True)
        if self.db == "postgres":
            import psycopg

            with psycopg.connect(f"{self.pg_base}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')
                conn.execute(f"CREATE DATABASE \"{self.pg_name}\" ENCODING 'UTF8' TEMPLATE template0")

    def ticket_count(self) -> int:
        sql = "SELECT count(*) FROM tickets_ticket"
        if self.db == "postgres":
            import psycopg

            with psycopg.connect(self.database_url) as conn:
                return int(conn.execute(sql).fetchone()[0])
        with sqlite3.connect(self.sqlite_path, timeout=30) as conn:
            return int(conn.execute(sql).fetchone()[0])


def run_step(cmd: list[str], env: dict[str, str], what: str, timeout: float = 7200) -> str:
    proc = subprocess.run(cmd, env=env, cwd=str(ROOT), capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
        raise BenchError(f"{what} failed (exit {proc.returncode}): {' '.join(cmd)}\n{tail}")
    return proc.stdout


def run_worker(target: Target, name: str, payload: dict[str, Any], timeout: float = 7200) -> Any:
    cmd = [str(VENV_BIN / "python"), __file__, "--worker", name, "--worker-args", json.dumps(payload)]
    out = run_step(cmd, target.env(), f"worker {name} on {target.db}", timeout=timeout)
    line = next((ln for ln in out.splitlines() if ln.startswith("WORKER_RESULT ")), None)
    if line is None:
        raise BenchError(f"worker {name} printed no result:\n{out[-2000:]}")
    return json.loads(line.removeprefix("WORKER_RESULT "))


def prepare(target: Target, args: argparse.Namespace, log: Any) -> dict[str, Any]:
    marker = target.dir / "generated.json"
    want = {"n": args.tickets, "mpt": args.messages_per_ticket, "seed": args.seed, "db": target.db}
    if args.reuse and marker.exists():
        saved = json.loads(marker.read_text())
        if saved.get("want") == want:
            # Tickets earlier runs created (W1, the in-process create) sit on top of every inbox view
            # and every search: drop them so each run measures the same data.
            trimmed = run_worker(target, "trim", {"last_ticket_id": saved["stats"]["last_ticket_id"]})
            log(
                f"{target.db}: reusing the generated database in {target.dir} ({trimmed} later tickets removed)"
            )
            return saved["stats"]
    log(f"{target.db}: fresh database, migrate")
    target.fresh()
    run_step([str(VENV_BIN / "walletdesk"), "migrate", "--noinput", "-v0"], target.env(), "migrate")
    log(f"{target.db}: generating {args.tickets} tickets × {args.messages_per_ticket} messages")
    stats = run_worker(target, "generate", want)
    log(
        f"{target.db}: generated {stats['tickets']} tickets, {stats['messages']} messages, "
        f"{stats['events']} events in {stats['seconds']} s; 退款 in {stats['zh_hits']} docs, "
        f"invoice in {stats['en_hits']}; open {stats['open_tickets']}"
    )
    marker.write_text(json.dumps({"want": want, "stats": stats}))
    return stats


def page_urls(first_id: int, n: int) -> dict[str, str]:
    zh, en = quote(SEARCH_TERMS["zh"]), quote(SEARCH_TERMS["en"])
    mid = first_id + n // 2
    return {
        "inbox_html": "/console/?view=open",
        "inbox_api": "/api/v1/tickets?view=open&limit=25",
        "ticket_html": f"/console/tickets/{mid}/",
        "ticket_api": f"/api/v1/tickets/{mid}",
        "search_html_zh": f"/console/?view=all&q={zh}",
        "search_html_en": f"/console/?view=all&q={en}",
        "search_api_zh": f"/api/v1/tickets?view=all&text={zh}&limit=25",
        "search_api_en": f"/api/v1/tickets?view=all&text={en}&limit=25",
    }


def console_login(port: int, auth: dict[str, Any]) -> dict[str, str]:
    """The real sign-in over HTTP: password form, then the TOTP code from the demo device's key."""
    from django_otp.oath import totp  # pure function; needs no Django settings

    key = bytes.fromhex(auth["agent_totp_key"])
    jar = http_request(port, "GET", "/console/login/").cookies()
    form = f"username={BENCH_AGENT[0]}&password={BENCH_AGENT[1]}&csrfmiddlewaretoken={jar['csrftoken']}"
    form_headers = {"Content-Type": "application/x-www-form-urlencoded"}
    resp = http_request(port, "POST", "/console/login/", form, {**form_headers, "Cookie": cookie_header(jar)})
    if resp.status != 302:
        raise BenchError(f"console login answered {resp.status}; expected a redirect to the TOTP step")
    jar.update(resp.cookies())
    for _ in range(3):  # the replay guard refuses a code already used in this 30 s step
        code = f"{totp(key):06d}"
        body = f"token={code}&csrfmiddlewaretoken={jar['csrftoken']}"
        resp = http_request(
            port, "POST", "/console/login/otp/", body, {**form_headers, "Cookie": cookie_header(jar)}
        )
        if resp.status == 302:
            jar.update(resp.cookies())
            return jar
        time.sleep(31 - time.time() % 30)
    raise BenchError("the TOTP step of the console login kept failing")


def servers_start(target: Target, layout: str, args: argparse.Namespace) -> tuple[int, list[Server]]:
    port = free_port()
    env = target.env(layout)
    logs = RESULTS_DIR / "logs"
    tag = f"{target.db}-{size_label(target.n)}-{layout}"
    if layout == "single":
        cmd = [str(VENV_BIN / "walletdesk"), "serve", "--port", str(port)]
        return port, [
            server_start(
                name="serve", cmd=cmd, env=env, port=port, log_path=logs / f"{tag}.log", ready_path=READY_PATH
            )
        ]
    if target.db == "postgres":
        import redis

        redis.Redis.from_url(target.redis_url).flushdb()  # our own Redis db (--redis-url): a clean queue
    servers = []
    cmd = [str(VENV_BIN / "gunicorn"), "walletdesk.wsgi", *gunicorn_args(args), "-b", f"127.0.0.1:{port}"]
    servers.append(
        server_start(
            name="gunicorn", cmd=cmd, env=env, port=port, log_path=logs / f"{tag}.log", ready_path=READY_PATH
        )
    )
    if args.scale_worker:
        cmd = [str(VENV_BIN / "walletdesk"), "run_huey"]
        log_path = logs / f"{tag}-huey.log"
        with open(log_path, "ab") as log:
            proc = subprocess.Popen(
                cmd, env=env, cwd=str(ROOT), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        servers.append(Server(name="huey", proc=proc, port=0, log_path=log_path))
    return port, servers


def gunicorn_args(args: argparse.Namespace) -> list[str]:
    """The scale layout's gunicorn workers: sync processes, or gthread ones when --scale-threads > 1."""
    out = ["-w", str(args.scale_workers), "--timeout", "300"]
    if args.scale_threads > 1:
        out += ["-k", "gthread", "--threads", str(args.scale_threads)]
    return out


def measure_pages(port: int, pages: dict[str, str], jar: dict[str, str], auth: dict[str, Any],
                  first_id: int, n: int, args: argparse.Namespace) -> list[dict[str, Any]]:  # fmt: skip
    session = {"Cookie": cookie_header(jar)}
    bearer = {"Authorization": f"Bearer {auth['agent_token']}"}
    warm_up(
        port, [("GET", url, None, bearer if url.startswith("/api/") else session) for url in pages.values()]
    )
    rows = []
    for name, url in pages.items():
        headers = bearer if url.startswith("/api/") else session

        def send(i: int, url: str = url, headers: dict[str, str] = headers, name: str = name) -> Response:
            if name.startswith("ticket_"):  # the peer's spread over the table: id 1 + (i·7919) mod N
                url = re.sub(r"/(\d+)(/?)$", f"/{first_id + (i * 7919) % n}\\2", url)
            return http_request(port, "GET", url, headers=headers)

        timing = measure_sequential(name, send, max_n=args.page_n, max_s=args.page_max_s)
        rows.append(timing.row())
    return rows


def warm_up(port: int, requests: list[tuple[str, str, str | None, dict[str, str]]], rounds: int = 2) -> None:
    """Send each request from two threads at once, `rounds` times, waiting for the answers: two
    concurrent requests land on both gunicorn workers (a sync worker takes one at a time), so no
    process meets its first request of a kind inside a timed loop."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        for _ in range(rounds):
            for request in requests:
                list(pool.map(lambda req: http_request(port, *req), [request, request]))


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds of one process so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_snapshot(target: Target, servers: list[Server]) -> dict[str, float]:
    """CPU seconds so far of everything a creation costs: the web server (all workers), the Huey
    consumer, this database's PostgreSQL backends and the Redis server. Redis is shared with
    whatever else runs on the box; the PostgreSQL server's background writers are not counted."""
    out = {s.name: sum(process_cpu_s(pid) for pid in s.pids()) for s in servers}
    if target.db == "postgres":
        import psycopg

        with psycopg.connect(target.database_url, autocommit=True) as conn:
            pids = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
        out["postgres"] = sum(process_cpu_s(pid) for (pid,) in pids)
        redis_pids = subprocess.run(["pgrep", "-x", "redis-server"], capture_output=True, text=True).stdout
        out["redis"] = sum(process_cpu_s(int(pid)) for pid in redis_pids.split())
    return out


def cpu_per_ticket(before: dict[str, float], after: dict[str, float], wrk_s: float, created: int) -> dict:
    """CPU ms per created ticket by process kind, and their total."""
    spent = {name: after[name] - before.get(name, 0.0) for name in after}
    spent["wrk"] = wrk_s
    per = {name: round(seconds * 1000 / max(created, 1), 3) for name, seconds in spent.items()}
    per["total"] = round(sum(spent.values()) * 1000 / max(created, 1), 3)
    return per


def huey_idle_wait(servers: list[Server], timeout_s: float = 120.0) -> float | None:
    """Wait until the Huey consumer has worked off the automation queued by earlier creations
    (under 5% of a core for two half-second windows in a row); return the seconds waited.

    Without it a timed run shared the cores with the backlog of the run before it (the warm-up's
    for 1 client, the 1-client run's for 8): measured, up to 5.5 ms of consumer CPU per ticket
    in the 1-client run, and each figure depended on the order of the runs."""
    huey = next((s for s in servers if s.name == "huey"), None)
    if huey is None:
        return None
    start = time.monotonic()
    quiet = 0
    while quiet < 2 and time.monotonic() - start < timeout_s:
        before = sum(process_cpu_s(pid) for pid in huey.pids())
        time.sleep(0.5)
        quiet = quiet + 1 if sum(process_cpu_s(pid) for pid in huey.pids()) - before < 0.025 else 0
    return round(time.monotonic() - start, 1)


def measure_create(
    target: Target, port: int, auth: dict[str, Any], args: argparse.Namespace, servers: list[Server]
) -> list[dict]:
    env = dict(os.environ, WD_TOKENS=",".join(auth["customer_jwts"]))
    if args.w1_warmup:
        # Untimed: every server process loads the triage model and jieba on its first ticket (1-3 s
        # idle, 15 s on a loaded box); the peer has no such cost, so timing it would only measure
        # start-up. Blocking requests first (wrk abandons in-flight ones when its time is up).
        body = json.dumps({"category": "other", "subject": "warm-up", "body": "warm-up 预热"})
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {auth['customer_jwts'][0]}"}
        warm_up(port, [("POST", "/api/v1/customer/tickets", body, headers)])
        warm = ["wrk", "-t", "2", "-c", "4", "-d", f"{args.w1_warmup}s", "--timeout", "60s",
                "-s", str(WRK_SCRIPT), f"http://127.0.0.1:{port}"]  # fmt: skip
        subprocess.run(warm, env=env, capture_output=True, text=True, timeout=args.w1_warmup + 120)
    rows = []
    for conc in (1, 8):
        idle_wait = huey_idle_wait(servers)
        before = target.ticket_count()
        threads = "1" if conc == 1 else "2"
        cmd = ["wrk", "-t", threads, "-c", str(conc), "-d", f"{args.w1_seconds}s", "--timeout", "60s",
               "-s", str(WRK_SCRIPT), f"http://127.0.0.1:{port}"]  # fmt: skip
        cpu_before = cpu_snapshot(target, servers)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run(
            cmd, env=env, capture_output=True, text=True, timeout=args.w1_seconds + 120
        ).stdout
        children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_after = cpu_snapshot(target, servers)
        wrk_cpu_s = (children_after.ru_utime - children.ru_utime) + (
            children_after.ru_stime - children.ru_stime
        )
        if "WRK_RESULT" not in out:
            raise BenchError(f"wrk printed no result: {' '.join(cmd)}\n{out[-1500:]}")
        m = dict(re.findall(r"(\w+)=([\d.]+)", out.split("WRK_RESULT", 1)[1]))
        created = target.ticket_count() - before
        rows.append(
            {
                "conc": conc,
                "requests": int(m["requests"]),
                "created": created,
                "tps": created / float(m["duration_s"]),
                "p50_ms": float(m["p50_ms"]),
                "p95_ms": float(m["p95_ms"]),
                "p99_ms": float(m["p99_ms"]),
                "err_status": int(m["errors_status"]),
                "err_sock": int(m["errors_sock"]),
                "cpu_ms_per_ticket": cpu_per_ticket(cpu_before, cpu_after, wrk_cpu_s, created),
                "huey_idle_wait_s": idle_wait,
                "cmd": " ".join(cmd),
            }
        )
    return rows


def run_layout(
    target: Target, layout: str, stats: dict, auth: dict, args: argparse.Namespace, log: Any
) -> dict:
    first_id, n = stats["first_ticket_id"], stats["tickets"]
    log(f"{target.db}/{layout}: starting servers")
    port, servers = servers_start(target, layout, args)
    # The box is shared: the 1-minute load average at the start says how much else was running.
    result: dict[str, Any] = {"db": target.db, "layout": layout, "size": n, "loadavg": os.getloadavg()[0]}
    if layout == "scale":
        result["gunicorn"] = " ".join(gunicorn_args(args))
    try:
        result["rss_before"] = {s.name: s.rss_mib() for s in servers}
        result["pages"] = []
        if not args.skip_pages:
            jar = console_login(port, auth)
            all_pages = page_urls(first_id, n)
            log(f"{target.db}/{layout}: W2/W3 pages")
            result["pages"] = measure_pages(port, all_pages, jar, auth, first_id, n, args)
            result["rss_after_pages"] = {s.name: s.rss_mib() for s in servers}
        if not args.skip_w1:
            log(f"{target.db}/{layout}: W1 creation (wrk, {args.w1_seconds} s × 2)")
            result["create"] = measure_create(target, port, auth, args, servers)
            result["rss_after_create"] = {s.name: s.rss_mib() for s in servers}
    finally:
        for server in servers:
            server.stop()
    bad = [r["page"] for r in result["pages"] if r["status"] != [200]]
    if bad:
        log(f"WARNING {target.db}/{layout}: non-200 answers on {bad}; see {servers[0].log_path}")
    return result


def run_target(db: str, args: argparse.Namespace, log: Any, save: Any) -> dict[str, Any]:
    """Prepare one database and measure every layout on it; `save(out)` after each step keeps partial results."""
    target = Target(db, args.tickets, Path(args.workdir), args.pg_url, args.redis_url, args.pg_db)
    stats = prepare(target, args, log)
    if args.prepare_only:
        save({"db": db, "generate": stats, "queries": [], "layouts": []})
        return {}
    auth = run_worker(target, "auth", {"n_tokens": 8})
    pages = {} if args.skip_pages else page_urls(stats["first_ticket_id"], stats["tickets"])
    log(f"{db}: queries per request (in-process)")
    queries = run_worker(target, "queries", {"pages": pages, "auth": auth})
    out: dict[str, Any] = {"db": db, "generate": stats, "queries": queries, "layouts": []}
    save(out)
    for layout in args.layouts:
        try:
            out["layouts"].append(run_layout(target, layout, stats, auth, args, log))
        except Exception as exc:  # one broken layout must not lose the other measurements
            log(f"ERROR {db}/{layout}: {type(exc).__name__}: {exc}")
            out["layouts"].append(
                {"db": db, "layout": layout, "size": stats["tickets"], "pages": [], "error": str(exc)}
            )
        save(out)
    out["tickets_at_end"] = target.ticket_count()
    return out


# --- the peer ------------------------------------------------------------------------------------
def run_peer(args: argparse.Namespace, out_dir: Path, log: Any) -> Path:
    if args.tickets % 1000:
        raise BenchError("--peer needs --tickets to be a multiple of 1000 (the peer's sizes are '<n>k')")
    size = size_label(args.tickets)
    env = dict(os.environ, DBS=" ".join(args.dbs), SIZES=size, W1_SIZE=size, PEER_RESULTS=str(out_dir))
    for key in ("DATABASE_URL", "REDIS_URL", "VIRTUAL_ENV"):
        env.pop(key, None)
    log(f"peer: bash {PEER_RUN} (DBS='{env['DBS']}' SIZES={size} W1_SIZE={size} PEER_RESULTS={out_dir})")
    with open(out_dir.parent / f"{out_dir.name}.log", "w") as fh:
        proc = subprocess.run(
            ["bash", str(PEER_RUN)], env=env, cwd=str(ROOT), stdout=fh, stderr=subprocess.STDOUT
        )
    if proc.returncode != 0:
        raise BenchError(
            f"the peer harness failed (exit {proc.returncode}); see {out_dir.parent / (out_dir.name + '.log')}"
        )
    return out_dir


def peer_load(peer_dir: Path) -> dict[str, list[dict]]:
    def load(name: str) -> list[dict]:
        path = peer_dir / name
        return (
            [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
            if path.exists()
            else []
        )

    return {"pages": load("pages.jsonl"), "search": load("search.jsonl"), "create": load("create.jsonl")}


# --- reporting -----------------------------------------------------------------------------------
def _page(run: dict, layout: str, page: str) -> dict | None:
    lay = next((x for x in run["layouts"] if x["layout"] == layout), None)
    return next((p for p in lay["pages"] if p["page"] == page), None) if lay else None


def report(results: dict[str, Any]) -> str:
    md = []
    runs = results["runs"]
    md.append(
        table_print(
            "W1 ticket creation, POST /api/v1/customer/tickets (wrk, "
            f"{results['args']['w1_seconds']} s per run)",
            [
                "DB-size",
                "layout",
                "clients",
                "tickets/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "errors",
                "CPU ms/ticket",
            ],
            [
                (
                    f"{r['db']}-{size_label(lay['size'])}",
                    lay["layout"],
                    c["conc"],
                    c["tps"],
                    c["p50_ms"],
                    c["p95_ms"],
                    c["p99_ms"],
                    c["err_status"] + c["err_sock"],
                    _cpu_text(c.get("cpu_ms_per_ticket")),
                )
                for r in runs
                for lay in r["layouts"]
                for c in lay.get("create", [])
            ],  # fmt: skip
        )
    )
    md.append(
        table_print(
            "W2/W3 agent pages and search (1 sequential client, fresh connection per request)",
            ["DB-size", "layout", "page", "n", "p50 ms", "p95 ms", "mean ms", "status", "bytes"],
            [
                (
                    f"{r['db']}-{size_label(lay['size'])}",
                    lay["layout"],
                    p["page"],
                    p["n"],
                    p["p50_ms"],
                    p["p95_ms"],
                    p["mean_ms"],
                    p["status"],
                    p["bytes"],
                )
                for r in runs
                for lay in r["layouts"]
                for p in lay["pages"]
            ],  # fmt: skip
        )
    )
    md.append(
        table_print(
            "Queries per request (in-process test client)",
            [
                "DB-size",
                "page",
                "status",
                "queries",
                "SQL ms",
                "wall ms",
                "CPU ms",
                "slowest ms",
                "slowest SQL (start)",
            ],
            [
                (
                    f"{r['db']}-{size_label(r['generate']['tickets'])}",
                    q["page"],
                    q["status"],
                    q["queries"],
                    q["sql_ms"],
                    q["wall_ms"],
                    q.get("cpu_ms"),
                    q["slowest_ms"],
                    q["slowest_sql"][:90].replace("|", "¦"),
                )
                for r in runs
                for q in r["queries"]
            ],  # fmt: skip
        )
    )
    md.append(
        table_print(
            "W4 RSS (MiB) after W2/W3 and after W1 (load = 1-min load average when the layout started)",
            ["DB-size", "layout", "after pages", "after W1", "load", "error"],
            [
                (
                    f"{r['db']}-{size_label(lay['size'])}",
                    lay["layout"],
                    _rss_text(lay.get("rss_after_pages")),
                    _rss_text(lay.get("rss_after_create")),
                    lay.get("loadavg"),
                    (lay.get("error") or "")[:80],
                )
                for r in runs
                for lay in r["layouts"]
            ],  # fmt: skip
        )
    )
    if results.get("peer"):
        md.append(ratios(results))
        md.append(summary(results))
    return "\n".join(md)


def _cpu_text(cpu: dict | None) -> str:
    """'5.21 (gunicorn 3.90, huey 0.02, postgres 0.95, redis 0.10, wrk 0.24)'."""
    if not cpu:
        return "—"
    parts = ", ".join(f"{name} {ms:.2f}" for name, ms in cpu.items() if name != "total")
    return f"{cpu['total']:.2f} ({parts})"


def _rss_text(rss: dict | None) -> str:
    if not rss:
        return "—"
    parts = []
    for name, pids in rss.items():
        values = [v for v in pids.values() if v is not None]
        parts.append(f"{name} " + "/".join(f"{v:.0f}" for v in values))
    return "; ".join(parts)


def ratios(results: dict[str, Any]) -> str:
    """walletdesk vs peer: rate ratios (ours/theirs) and latency ratios (theirs/ours): >1 = we win."""
    peer = results["peer"]
    size = size_label(results["args"]["tickets"])
    rows = []
    for run in results["runs"]:
        db = run["db"]
        label = f"{db}-{size}"
        ppages = {p["page"]: p for p in peer["pages"] + peer["search"] if p.get("label") == label}
        for lay in run["layouts"]:
            layout = lay["layout"]
            for c in lay.get("create", []):
                # The target is against the peer's API; its anonymous form (no API layer) is shown too.
                for mode in ("api", "form"):
                    theirs = next((x for x in peer["create"] if x["label"] == label and x["mode"] == mode and x["conc"] == c["conc"]), None)  # fmt: skip
                    if theirs:
                        ratio = c["tps"] / theirs["tps"] if theirs["tps"] else float("inf")
                        target = 5.0 if layout == "scale" and mode == "api" else None
                        rows.append((label, layout, f"W1 create vs peer {mode}, {c['conc']} client(s), tickets/s", c["tps"], theirs["tps"], ratio, _verdict(ratio, target)))  # fmt: skip
            pairs = [
                ("inbox (list)", "inbox_html", ["list_shell", "list_data"]),
                ("ticket page", "ticket_html", ["detail"]),
                ("search 退款", "search_html_zh", ["search_data_zh"]),
                ("search invoice", "search_html_en", ["search_data_en"]),
                ("landing page: inbox vs dashboard", "inbox_html", ["dashboard"]),
            ]
            for what, ours_name, theirs_names in pairs:
                ours = _page(run, layout, ours_name)
                theirs_rows = [ppages.get(t) for t in theirs_names]
                if not ours or not all(theirs_rows):
                    continue
                for stat in ("p50_ms", "p95_ms"):
                    theirs_v = sum(t[stat] for t in theirs_rows)  # type: ignore[index]
                    ratio = theirs_v / ours[stat] if ours[stat] else float("inf")
                    verdict = _verdict(ratio, 20.0 if stat == "p95_ms" and "dashboard" not in what else None)
                    if stat == "p95_ms" and "dashboard" not in what:
                        verdict += " / " + ("p95<50ms ok" if ours[stat] < 50 else "p95≥50ms MISS")
                    rows.append(
                        (label, layout, f"{what} {stat[:3]} ms", ours[stat], theirs_v, ratio, verdict)
                    )
    return table_print(
        "walletdesk vs django-helpdesk (ratio > 1 = walletdesk better; peer list = list_shell + list_data)",
        ["DB-size", "walletdesk layout", "measure", "walletdesk", "peer", "ratio", "target"],
        rows,
    )


def summary(results: dict[str, Any], layout: str = "scale") -> str:
    """The README table: one layout, p95s and rates side by side with the peer, per database."""
    peer = results["peer"]
    size = size_label(results["args"]["tickets"])
    runs = {r["db"]: r for r in results["runs"]}
    dbs = [db for db in ("sqlite", "postgres") if db in runs]
    header = ["measure"] + [f"{db}: {col}" for db in dbs for col in ("walletdesk", "peer", "ratio")]
    rows: list[list[Any]] = []

    def add(measure: str, ours_of: Any, theirs_of: Any, higher_is_better: bool) -> None:
        row: list[Any] = [measure]
        for db in dbs:
            label = f"{db}-{size}"
            ours, theirs = ours_of(runs[db]), theirs_of(label)
            if ours is None or theirs is None or not ours or not theirs:
                row += [ours, theirs, None]
                continue
            row += [ours, theirs, f"{(ours / theirs if higher_is_better else theirs / ours):.1f}×"]
        rows.append(row)

    def lay(run: dict) -> dict:
        return next((x for x in run["layouts"] if x["layout"] == layout), {})

    def create(conc: int) -> tuple[Any, Any]:
        def ours(run: dict) -> Any:
            return next((c["tps"] for c in lay(run).get("create", []) if c["conc"] == conc), None)

        def theirs(label: str) -> Any:
            rows = [
                x for x in peer["create"] if x["label"] == label and x["mode"] == "api" and x["conc"] == conc
            ]
            return rows[0]["tps"] if rows else None

        return ours, theirs

    def page(ours_name: str, theirs_names: list[str]) -> tuple[Any, Any]:
        def ours(run: dict) -> Any:
            row = next((p for p in lay(run).get("pages", []) if p["page"] == ours_name), None)
            return row["p95_ms"] if row else None

        def theirs(label: str) -> Any:
            found = [next((p for p in peer["pages"] + peer["search"] if p.get("label") == label and p["page"] == n), None) for n in theirs_names]  # fmt: skip
            return sum(p["p95_ms"] for p in found) if all(found) else None

        return ours, theirs

    add("create, 1 client, tickets/s (peer: REST API)", *create(1), True)
    add("create, 8 clients, tickets/s", *create(8), True)
    add("agent list p95 ms (peer: shell + JSON)", *page("inbox_html", ["list_shell", "list_data"]), False)
    add("ticket page p95 ms", *page("ticket_html", ["detail"]), False)
    add("search 退款 p95 ms", *page("search_html_zh", ["search_data_zh"]), False)
    add("search invoice p95 ms", *page("search_html_en", ["search_data_en"]), False)
    add("landing page p95 ms (inbox vs dashboard)", *page("inbox_html", ["dashboard"]), False)
    return table_print(
        f"Summary at {size} tickets, walletdesk {layout} layout vs peer (gunicorn -w 2)", header, rows
    )


def _verdict(ratio: float, target: float | None) -> str:
    if target is None:
        return ""
    return f"≥{target:g}× {'ok' if ratio >= target else 'MISS'}"


# --- main ------------------------------------------------------------------------------------------
def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--tickets", type=int, default=100000, help="tickets to generate (default 100000)")
    p.add_argument("--messages-per-ticket", type=int, default=10, help="messages per ticket (default 10)")
    p.add_argument("--dbs", default="sqlite,postgres", help="comma-separated: sqlite, postgres")
    p.add_argument("--layouts", default="single,scale", help="comma-separated: single, scale")
    p.add_argument(
        "--peer", action="store_true", help="also run the peer's run.sh at the same size; print ratios"
    )
    p.add_argument("--peer-results", help="compare against this existing peer results directory instead")
    p.add_argument(
        "--prepare-only", action="store_true", help="only create and fill the databases, then stop"
    )
    p.add_argument(
        "--reuse", action="store_true", help="keep an already generated database of the same shape"
    )
    p.add_argument("--workdir", default="/tmp/wd-bench", help="where databases and var dirs live")
    p.add_argument("--pg-url", default=PG_BASE_DEFAULT, help="PostgreSQL server URL without database")
    p.add_argument(
        "--pg-db", help="PostgreSQL database to (re)create (default wd_bench_<size>; it is dropped)"
    )
    p.add_argument("--redis-url", default=REDIS_DEFAULT, help="Redis db for the scale layout (it is flushed)")
    p.add_argument("--page-n", type=int, default=100, help="max timed requests per page (default 100)")
    p.add_argument("--page-max-s", type=float, default=15, help="max seconds per page (default 15)")
    p.add_argument("--w1-seconds", type=int, default=15, help="wrk duration per creation run (default 15)")
    p.add_argument("--w1-warmup", type=int, default=3, help="untimed wrk seconds before W1 (default 3)")
    p.add_argument("--skip-w1", action="store_true", help="skip the creation runs")
    p.add_argument("--skip-pages", action="store_true",
                   help="skip W2/W3/W4 (and their in-process query counts): creation only")  # fmt: skip
    p.add_argument("--no-scale-worker", dest="scale_worker", action="store_false",
                   help="scale layout without the Huey consumer process")  # fmt: skip
    # Two gthread workers of four threads on two cores: connections stay open (wrk no longer
    # reconnects per request) and two processes do not race for each accept. Against -w 4 sync in
    # five paired W1 runs on a busy box (22:00 UTC, 10k tickets): gunicorn CPU per ticket lower or
    # equal in all ten, tickets/s higher in nine (8 clients: PostgreSQL 1.6-5.2x, SQLite 1.0-2.9x).
    p.add_argument(
        "--scale-workers", type=int, default=2, help="gunicorn workers in the scale layout (default 2)"
    )
    p.add_argument("--scale-threads", type=int, default=4,
                   help="threads per gunicorn worker; > 1 uses the gthread worker, 1 the sync one (default 4)")  # fmt: skip
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--worker-args", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        return args
    args.dbs = [d.strip() for d in args.dbs.split(",") if d.strip()]
    args.layouts = [x.strip() for x in args.layouts.split(",") if x.strip()]
    bad_db = [d for d in args.dbs if d not in ("sqlite", "postgres")]
    bad_layout = [x for x in args.layouts if x not in ("single", "scale")]
    if bad_db or bad_layout or not args.dbs or not args.layouts:
        p.error(f"--dbs takes sqlite,postgres and --layouts single,scale (got {args.dbs} / {args.layouts})")
    if args.tickets < 10 or args.messages_per_ticket < 1:
        p.error("--tickets must be at least 10 and --messages-per-ticket at least 1")
    if args.scale_workers < 1 or args.scale_threads < 1:
        p.error("--scale-workers and --scale-threads must be at least 1")
    if args.peer and args.tickets % 1000:
        p.error("--peer needs --tickets to be a multiple of 1000 (the peer's sizes are '<n>k')")
    return args


def preflight(args: argparse.Namespace) -> None:
    """Fail early, with the fix, when a tool or service is missing."""
    if not args.skip_w1 and shutil.which("wrk") is None:
        print("wrk is missing; installing it from Debian (apt-get install -y wrk)", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], capture_output=True)
        if shutil.which("wrk") is None:
            subprocess.run(["apt-get", "update", "-qq"], capture_output=True)
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], capture_output=True)
        if shutil.which("wrk") is None:
            raise BenchError("wrk is not installed and apt-get could not install it: run `apt-get install -y wrk` (or pass --skip-w1)")  # fmt: skip
    if "postgres" in args.dbs:
        try:
            import psycopg

            psycopg.connect(f"{args.pg_url.rstrip('/')}/postgres", connect_timeout=5).close()
        except Exception as exc:
            raise BenchError(f"PostgreSQL at {args.pg_url} is not reachable ({exc}); start it or use --dbs sqlite") from exc  # fmt: skip
        if "scale" in args.layouts:
            try:
                import redis

                redis.Redis.from_url(args.redis_url, socket_connect_timeout=5).ping()
            except Exception as exc:
                raise BenchError(f"Redis at {args.redis_url} is not reachable ({exc}); the PostgreSQL scale layout needs it") from exc  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker_main(args)
    t0 = time.time()

    def log(msg: str) -> None:
        print(f"[{time.time() - t0:6.0f}s] {msg}", flush=True)

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    results: dict[str, Any] = {
        "started": stamp,
        "machine": machine_facts(),
        "args": {k: v for k, v in vars(args).items() if not k.startswith("worker")},
        "runs": [],
    }
    out_path = RESULTS_DIR / f"tickets-{size_label(args.tickets)}-{stamp}.json"
    try:
        preflight(args)
        for db in args.dbs:

            def save(run: dict[str, Any]) -> None:
                results["runs"] = [r for r in results["runs"] if r["db"] != run["db"]] + [run]
                out_path.write_text(json.dumps(results, indent=1, default=str))

            run_target(db, args, log, save)
        if args.peer:
            results["peer_dir"] = str(
                run_peer(args, RESULTS_DIR / f"peer-{size_label(args.tickets)}-{stamp}", log)
            )
        elif args.peer_results:
            results["peer_dir"] = args.peer_results
        if results.get("peer_dir"):
            results["peer"] = peer_load(Path(results["peer_dir"]))
    except (BenchError, OSError, subprocess.SubprocessError) as exc:
        out_path.write_text(json.dumps(results, indent=1, default=str))
        print(f"\nbench/tickets.py: {exc}\n(partial results in {out_path})", file=sys.stderr)
        if results["runs"]:
            report(results)
        return 2
    results["seconds"] = round(time.time() - t0)
    results["loadavg_end"] = os.getloadavg()
    markdown = report(results)
    out_path.write_text(json.dumps(results, indent=1, default=str))
    out_path.with_suffix(".md").write_text(markdown + "\n")
    log(f"done in {results['seconds']} s; raw results {out_path} (tables: {out_path.with_suffix('.md')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
