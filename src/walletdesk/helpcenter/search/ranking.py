"""BM25F ranking with concept-level synonym matching, independent of Django.

A query becomes a list of *concepts*. Each concept is a set of alternative phrases with weights:
the customer's own word (1.0), its typo or homophone neighbours, and the synonyms editors listed.
A document scores the best alternative of each concept (never the sum), so a word with ten
synonyms does not drown the rest of the question; concept scores add up as in BM25.

The snapshot holds only collection statistics (document frequencies, field lengths) and per-article
metadata; the term counts of the candidates the database returns are loaded per query and kept in
a bounded cache, so memory stays small at thousands of articles.
"""

from __future__ import annotations

import math
import re
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from walletdesk.helpcenter.search.analysis import (
    TRUNCATE_AT,
    cjk_bigrams,
    cjk_words,
    jieba_add_words,
    latin_token,
    normalize,
    runs,
)
from walletdesk.helpcenter.search.fuzzy import HomophoneIndex, TypoIndex

FIELDS = ("title", "tags", "body")
# Field boosts: a word in the title or the tags says more about the topic than one in the body.
FIELD_BOOST = {"title": 3.0, "tags": 2.0, "body": 1.0}
FIELD_B = {"title": 0.3, "tags": 0.3, "body": 0.75}
K1 = 1.2

W_WORD = 1.0  # what the customer typed
W_BIGRAM = 0.4  # overlapping character pairs: recall where segmentation differs
W_SYNONYM = 0.8  # editors' synonyms and slang
W_TYPO = 0.8  # edit distance 1 (halved for distance 2)
W_HOMOPHONE = 0.7  # same pinyin, different characters
W_TRUNCATED = 0.75  # the five-letter cut of an English stem
W_EQUIVALENT = 0.8  # a word of a synonym phrase matched through its own synonyms
# The other language's version of a topic may answer, but the customer's own language wins ties.
OTHER_LANGUAGE_FACTOR = 0.9
VECTOR_CACHE_SIZE = 4000

Vector = tuple[dict[str, Counter], dict[str, int]]  # field → term counts, field → length


@dataclass
class DocMeta:
    id: int
    slug: str
    locale: str
    group: str
    title: str


@dataclass
class SynonymRule:
    term: str
    phrases: list[tuple[str, ...]]
    pattern: re.Pattern | None = None  # latin terms match on word boundaries only


@dataclass
class Concept:
    phrases: dict[tuple[str, ...], float] = field(default_factory=dict)

    def add(self, phrase: tuple[str, ...], weight: float) -> None:
        if phrase and weight > self.phrases.get(phrase, 0.0):
            self.phrases[phrase] = weight

    def tokens(self) -> set[str]:
        return {t for p in self.phrases for t in p}


@dataclass
class Snapshot:
    docs: dict[int, DocMeta] = field(default_factory=dict)
    df: Counter = field(default_factory=Counter)
    avg_len: dict[str, float] = field(default_factory=dict)
    groups: dict[str, dict[str, DocMeta]] = field(default_factory=dict)
    rules: list[SynonymRule] = field(default_factory=list)
    # one-word synonyms of one-word terms: lets a slang rule's phrase match an article's wording
    equivalents: dict[str, dict[str, float]] = field(default_factory=dict)
    typo: TypoIndex | None = None
    homophones: HomophoneIndex | None = None
    vectors: OrderedDict = field(default_factory=OrderedDict)

    @property
    def n(self) -> int:
        return len(self.docs)

    def remember(self, doc_id: int, vector: Vector) -> None:
        self.vectors[doc_id] = vector
        if len(self.vectors) > VECTOR_CACHE_SIZE:
            self.vectors.popitem(last=False)


def vector_from_tokens(title: str, tags: str, body: str) -> Vector:
    fields = {"title": Counter(title.split()), "tags": Counter(tags.split()), "body": Counter(body.split())}
    return fields, {name: sum(c.values()) for name, c in fields.items()}


def snapshot_build(rows: Iterable[dict], synonyms: list[tuple[str, list[str]]]) -> Snapshot:
    """rows: id, slug, locale, group, title, title_tokens, tag_tokens, body_tokens."""
    snap = Snapshot()
    totals: Counter = Counter()
    for row in rows:
        doc = DocMeta(row["id"], row["slug"], row["locale"], row["group"], row["title"])
        vector = vector_from_tokens(row["title_tokens"], row["tag_tokens"], row["body_tokens"])
        totals.update(vector[1])
        snap.docs[doc.id] = doc
        snap.groups.setdefault(doc.group, {})[doc.locale] = doc
        snap.df.update(set().union(*(c.keys() for c in vector[0].values())))
        snap.remember(doc.id, vector)
    n = max(len(snap.docs), 1)
    snap.avg_len = {name: max(totals[name] / n, 1.0) for name in FIELDS}
    jieba_add_words([term for term, _ in synonyms] + [e for _, exps in synonyms for e in exps])
    for term, expansions in synonyms:
        norm = normalize(term).strip()
        phrases = [p for p in (_phrase(e) for e in expansions) if p]
        if not norm or not phrases:
            continue
        pattern = re.compile(rf"(?<![a-z0-9]){re.escape(norm)}(?![a-z0-9])") if norm.isascii() else None
        snap.rules.append(SynonymRule(norm, phrases, pattern))
        term_phrase = _phrase(term)
        if len(term_phrase) == 1:
            alts = snap.equivalents.setdefault(term_phrase[0], {})
            for phrase in phrases:
                if len(phrase) == 1 and phrase[0] != term_phrase[0]:
                    alts[phrase[0]] = W_EQUIVALENT
    snap.typo = TypoIndex(snap.df.keys())
    snap.homophones = HomophoneIndex(snap.df.keys())
    return snap


def _phrase(text: str) -> tuple[str, ...]:
    """Words of a synonym phrase (no bigrams: the phrase is an editor's deliberate wording)."""
    out: list[str] = []
    for kind, run in runs(text):
        if kind == "zh":
            words = cjk_words(run)
            # Search mode also yields the parts of a long word; keep the longest cover only.
            longest = [w for w in words if not any(w != o and w in o for o in words)]
            out.extend(longest or [run])
        else:
            tok = latin_token(run)
            if tok:
                out.append(tok)
    return tuple(dict.fromkeys(out))


def query_concepts(snap: Snapshot, query: str) -> list[Concept]:
    """The concepts of a customer's query: own words, bigrams, synonyms, typo and homophone fixes."""
    by_token: dict[str, Concept] = {}
    concepts: list[Concept] = []

    def own(token: str, weight: float) -> None:
        if token not in by_token:
            by_token[token] = Concept()
            concepts.append(by_token[token])
        by_token[token].add((token,), weight)

    norm = normalize(query)
    for kind, run in runs(query):
        if kind == "zh":
            words = cjk_words(run)
            for word in words:
                own(word, W_WORD)
            for pair in cjk_bigrams(run):
                if pair not in by_token:
                    own(pair, W_BIGRAM)
        else:
            tok = latin_token(run)
            if tok:
                own(tok, W_WORD)
                if len(tok) > TRUNCATE_AT and tok.isalpha():
                    by_token[tok].add((tok[:TRUNCATE_AT],), W_TRUNCATED)
    for token, concept in list(by_token.items()):
        if snap.df.get(token):
            continue
        weight = concept.phrases[(token,)]
        if token.isascii() and snap.typo:
            for cand, dist in snap.typo.neighbours(token)[:3]:
                concept.add((cand,), weight * W_TYPO / dist)
        elif snap.homophones:
            for cand in snap.homophones.neighbours(token)[:3]:
                concept.add((cand,), weight * W_HOMOPHONE)
    for rule in snap.rules:
        if not (rule.pattern.search(norm) if rule.pattern else rule.term in norm):
            continue
        term_phrase = _phrase(rule.term)
        target = by_token.get(term_phrase[0]) if len(term_phrase) == 1 else None
        if target is None:
            target = Concept()
            concepts.append(target)
        for phrase in rule.phrases:
            target.add(phrase, W_SYNONYM)
    return concepts


def idf(snap: Snapshot, term: str) -> float:
    df = snap.df.get(term, 0)
    return math.log(1.0 + (snap.n - df + 0.5) / (df + 0.5))


def _term_part(snap: Snapshot, vector: Vector, term: str, idfs: dict[str, float]) -> float:
    fields, lengths = vector
    tf = 0.0
    for name in FIELDS:
        count = fields[name].get(term)
        if count:
            b = FIELD_B[name]
            tf += FIELD_BOOST[name] * count / (1.0 - b + b * lengths[name] / snap.avg_len[name])
    return idfs.get(term, 0.0) * tf / (K1 + tf) if tf else 0.0


def _slot_part(snap: Snapshot, vector: Vector, term: str, idfs: dict[str, float]) -> float:
    best = _term_part(snap, vector, term, idfs)
    for alt, weight in snap.equivalents.get(term, {}).items():
        if alt in idfs:
            best = max(best, weight * _term_part(snap, vector, alt, idfs))
    return best


def doc_score(snap: Snapshot, vector: Vector, concepts: list[Concept], idfs: dict[str, float]) -> float:
    score = 0.0
    for concept in concepts:
        best = 0.0
        for phrase, weight in concept.phrases.items():
            if len(phrase) == 1 and weight >= W_WORD:
                value = weight * _term_part(snap, vector, phrase[0], idfs)
            else:
                value = weight * sum(_slot_part(snap, vector, t, idfs) for t in phrase) / math.sqrt(len(phrase))
            if value > best:
                best = value
        score += best
    return score


def rank(
    snap: Snapshot,
    concepts: list[Concept],
    candidates: list[int] | None,
    load_vectors: Callable[[list[int]], dict[int, Vector]],
    prefer_locale: str,
    limit: int,
) -> list[tuple[DocMeta, float]]:
    """One hit per topic (translation group), in the preferred language when that version exists."""
    tokens = set().union(*(c.tokens() for c in concepts)) if concepts else set()
    tokens |= {alt for t in list(tokens) for alt in snap.equivalents.get(t, {})}
    idfs = {t: idf(snap, t) for t in tokens if snap.df.get(t)}
    if not idfs:
        return []
    ids = list(snap.docs) if candidates is None else [i for i in candidates if i in snap.docs]
    missing = [i for i in ids if i not in snap.vectors]
    if missing:
        for doc_id, vector in load_vectors(missing).items():
            snap.remember(doc_id, vector)
    best: dict[str, tuple[float, DocMeta]] = {}
    for doc_id in ids:
        vector = snap.vectors.get(doc_id)
        if vector is None:
            continue
        score = doc_score(snap, vector, concepts, idfs)
        if score <= 0:
            continue
        doc = snap.docs[doc_id]
        if doc.locale != prefer_locale:
            score *= OTHER_LANGUAGE_FACTOR
        if doc.group not in best or score > best[doc.group][0]:
            best[doc.group] = (score, doc)
    ordered = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return [(snap.groups[group].get(prefer_locale) or doc, score) for group, (score, doc) in ordered]
