"""BM25F ranking over an in-process snapshot of the index, independent of Django.

The snapshot holds each published article's field term counts plus the collection statistics
(document frequencies, average field lengths) that BM25 needs and that neither FTS5's rank nor
PostgreSQL's ts_rank expose in a comparable way; the database narrows the candidates first.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from walletdesk.helpcenter.search.analysis import (
    analyze,
    cjk_bigrams,
    cjk_words,
    jieba_add_words,
    latin_token,
    normalize,
    runs,
)
from walletdesk.helpcenter.search.fuzzy import HomophoneIndex, TypoIndex

# Field boosts: a word in the title or the tags says more about the topic than one in the body.
FIELD_BOOST = {"title": 3.0, "tags": 2.0, "body": 1.0}
FIELD_B = {"title": 0.3, "tags": 0.3, "body": 0.75}
K1 = 1.2

W_WORD = 1.0  # what the customer typed
W_BIGRAM = 0.5  # overlapping character pairs: recall where segmentation differs
W_SYNONYM = 0.7  # editors' synonyms and slang
W_TYPO = 0.7  # edit distance 1 (halved again for distance 2)
W_HOMOPHONE = 0.6  # same pinyin, different characters
# The other language's version of a topic may answer, but the customer's own language wins ties.
OTHER_LANGUAGE_FACTOR = 0.9


@dataclass
class Doc:
    id: int
    slug: str
    locale: str
    group: str
    title: str
    fields: dict[str, Counter]
    lengths: dict[str, int]


@dataclass
class SynonymRule:
    term: str
    expansions: list[str]
    pattern: re.Pattern | None = None  # latin terms match on word boundaries only


@dataclass
class Snapshot:
    docs: dict[int, Doc] = field(default_factory=dict)
    df: Counter = field(default_factory=Counter)
    avg_len: dict[str, float] = field(default_factory=dict)
    groups: dict[str, dict[str, Doc]] = field(default_factory=dict)
    rules: list[SynonymRule] = field(default_factory=list)
    typo: TypoIndex | None = None
    homophones: HomophoneIndex | None = None

    @property
    def n(self) -> int:
        return len(self.docs)


def snapshot_build(rows: list[dict], synonyms: list[tuple[str, list[str]]]) -> Snapshot:
    """rows: id, slug, locale, group, title, title_tokens, tag_tokens, body_tokens."""
    snap = Snapshot()
    totals = Counter()
    for row in rows:
        fields = {
            "title": Counter(row["title_tokens"].split()),
            "tags": Counter(row["tag_tokens"].split()),
            "body": Counter(row["body_tokens"].split()),
        }
        lengths = {name: sum(c.values()) for name, c in fields.items()}
        totals.update(lengths)
        doc = Doc(row["id"], row["slug"], row["locale"], row["group"], row["title"], fields, lengths)
        snap.docs[doc.id] = doc
        snap.groups.setdefault(doc.group, {})[doc.locale] = doc
        snap.df.update(set(fields["title"]) | set(fields["tags"]) | set(fields["body"]))
    n = max(len(snap.docs), 1)
    snap.avg_len = {name: max(totals[name] / n, 1.0) for name in FIELD_BOOST}
    jieba_add_words([term for term, _ in synonyms] + [e for _, exps in synonyms for e in exps])
    for term, expansions in synonyms:
        norm = normalize(term).strip()
        if not norm:
            continue
        pattern = None
        if norm.isascii():
            pattern = re.compile(rf"(?<![a-z0-9]){re.escape(norm)}(?![a-z0-9])")
        snap.rules.append(SynonymRule(norm, expansions, pattern))
    snap.typo = TypoIndex(snap.df.keys())
    snap.homophones = HomophoneIndex(snap.df.keys())
    return snap


def _add(terms: dict[str, float], token: str, weight: float) -> None:
    if weight > terms.get(token, 0.0):
        terms[token] = weight


def query_terms(snap: Snapshot, query: str) -> dict[str, float]:
    """Weighted terms for a customer's query: own words, bigrams, synonyms, typo and homophone fixes."""
    terms: dict[str, float] = {}
    norm = normalize(query)
    for kind, run in runs(query):
        if kind == "zh":
            words = cjk_words(run)
            for word in words:
                _add(terms, word, W_WORD)
            for pair in cjk_bigrams(run):
                _add(terms, pair, W_BIGRAM)
        else:
            tok = latin_token(run)
            if tok:
                _add(terms, tok, W_WORD)
    for rule in snap.rules:
        hit = rule.pattern.search(norm) if rule.pattern else rule.term in norm
        if hit:
            for expansion in rule.expansions:
                for tok in analyze(expansion):
                    _add(terms, tok, W_SYNONYM if len(tok) > 1 or tok.isascii() else W_SYNONYM * 0.5)
    for tok, weight in list(terms.items()):
        if snap.df.get(tok):
            continue
        if tok.isascii() and snap.typo:
            for cand, dist in snap.typo.neighbours(tok)[:3]:
                _add(terms, cand, weight * W_TYPO / dist)
        elif snap.homophones:
            for cand in snap.homophones.neighbours(tok)[:3]:
                _add(terms, cand, weight * W_HOMOPHONE)
    return terms


def idf(snap: Snapshot, term: str) -> float:
    df = snap.df.get(term, 0)
    return math.log(1.0 + (snap.n - df + 0.5) / (df + 0.5))


def doc_score(snap: Snapshot, doc: Doc, terms: dict[str, float], idfs: dict[str, float]) -> float:
    score = 0.0
    for term, weight in terms.items():
        tf = 0.0
        for name, boost in FIELD_BOOST.items():
            count = doc.fields[name].get(term)
            if count:
                norm = 1.0 - FIELD_B[name] + FIELD_B[name] * doc.lengths[name] / snap.avg_len[name]
                tf += boost * count / norm
        if tf:
            score += weight * idfs[term] * tf / (K1 + tf)
    return score


def rank(
    snap: Snapshot,
    terms: dict[str, float],
    candidates: list[int] | None,
    prefer_locale: str,
    limit: int,
) -> list[tuple[Doc, float]]:
    """One hit per topic (translation group), in the preferred language when that version exists."""
    idfs = {t: idf(snap, t) for t in terms if snap.df.get(t)}
    terms = {t: w for t, w in terms.items() if t in idfs}
    if not terms:
        return []
    pool = snap.docs.values() if candidates is None else (snap.docs[i] for i in candidates if i in snap.docs)
    best: dict[str, tuple[float, Doc | None]] = {}
    for doc in pool:
        score = doc_score(snap, doc, terms, idfs)
        if score <= 0:
            continue
        if doc.locale != prefer_locale:
            score *= OTHER_LANGUAGE_FACTOR
        if score > best.get(doc.group, (0.0, None))[0]:
            best[doc.group] = (score, doc)
    ordered = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return [(snap.groups[group].get(prefer_locale) or doc, score) for group, (score, doc) in ordered]
