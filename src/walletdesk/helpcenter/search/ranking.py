"""BM25F ranking with concept-level synonym matching, independent of Django.

A query becomes a list of *concepts*. Each concept is a set of alternative phrases with weights:
the customer's own word (1.0), its typo or homophone neighbours, and the synonyms editors listed.
A document scores the best alternative of each concept (never the sum), so a word with ten
synonyms does not drown the rest of the question; concept scores add up as in BM25.

Up to IN_MEMORY_MAX_DOCS published articles, the per-process snapshot keeps compact postings
(numpy arrays of positions and BM25F saturations) and scores every article exactly in about a
millisecond at 5,000 articles. Past that, the database's own full-text index (FTS5 / tsvector+GIN)
returns candidates and only their term vectors are loaded, into a bounded cache.
"""

from __future__ import annotations

import math
import re
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from walletdesk.helpcenter.search.analysis import (
    TRUNCATE_AT,
    cjk_bigrams,
    cjk_words,
    latin_token,
    normalize,
    runs,
)
from walletdesk.helpcenter.search.fuzzy import HomophoneIndex, TypoIndex
from walletdesk.helpcenter.search.topics import TopicIndex, topics_build

FIELDS = ("title", "tags", "body")
# Field boosts: a word in the title or the tags says more about the topic than one in the body.
FIELD_BOOST = {"title": 3.0, "tags": 2.5, "body": 1.0}
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
# An article whose title names only a rival of the subject the customer named (a deposit article
# for a withdrawal question; topics.py): its wording may fit the question, its answer does not.
RIVAL_SUBJECT_FACTOR = 0.5
VECTOR_CACHE_SIZE = 4000
# Up to this many published articles the snapshot keeps compact postings (numpy arrays, about
# 12 bytes per term occurrence) and scores every article exactly; past it, the database's FTS
# index picks candidates and only their term vectors are loaded.
IN_MEMORY_MAX_DOCS = 50_000

# term → BM25F saturation tf~/(k1+tf~) of one article; idf is applied per query.
Vector = dict[str, float]
RawVector = tuple[dict[str, Counter], dict[str, int]]  # field → term counts, field → length


@dataclass
class DocMeta:
    id: int
    slug: str
    locale: str
    group: str
    title: str
    excerpt: str = ""  # the start of the plain text, for snippets without another query


@dataclass
class SynonymRule:
    term: str
    phrases: list[tuple[str, ...]]
    # Per phrase: the rival subjects it names (topics.py), and the phrase without them.
    subjects: list[frozenset[int]] = field(default_factory=list)
    unsubjected: list[tuple[str, ...]] = field(default_factory=list)
    term_subjects: frozenset[int] = frozenset()
    # The subject of the first phrase that names one: the editor's guess when the customer names
    # none. Phrases naming other subjects apply only when the customer names theirs.
    default_subjects: frozenset[int] = frozenset()
    said_subjects: frozenset[int] = frozenset()  # every subject its phrases name
    # Every phrase is a subject's name and nothing else (转进来 => 充值, 转入, deposit): the rule
    # reads what the customer wrote as that subject, it does not guess one for a problem.
    names_subject: bool = False


@dataclass
class Concept:
    phrases: dict[tuple[str, ...], float] = field(default_factory=dict)
    own: str | None = None  # the query's own token this concept stands for, if any

    def add(self, phrase: tuple[str, ...], weight: float) -> None:
        if phrase and weight > self.phrases.get(phrase, 0.0):
            self.phrases[phrase] = weight

    def tokens(self) -> set[str]:
        return {t for p in self.phrases for t in p}


@dataclass
class RuleIndex:
    """Synonym rules by term: Chinese terms found by substring, Latin terms by word n-grams."""

    zh: dict[str, list[SynonymRule]] = field(default_factory=dict)
    latin: dict[str, list[SynonymRule]] = field(default_factory=dict)
    zh_max: int = 1
    latin_max: int = 1

    def add(self, rule: SynonymRule) -> None:
        if rule.term.isascii():
            key = " ".join(_WORD_RE.findall(rule.term))
            if key:
                self.latin.setdefault(key, []).append(rule)
                self.latin_max = max(self.latin_max, key.count(" ") + 1)
        else:
            self.zh.setdefault(rule.term, []).append(rule)
            self.zh_max = max(self.zh_max, len(rule.term))

    def zh_rules(self) -> list[str]:
        return list(self.zh)

    def matching(self, norm: str) -> list[SynonymRule]:
        found: list[SynonymRule] = []
        if self.zh:
            for i in range(len(norm)):
                for j in range(i + 1, min(len(norm), i + self.zh_max) + 1):
                    found.extend(self.zh.get(norm[i:j], ()))
        words = _WORD_RE.findall(norm)
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + self.latin_max) + 1):
                found.extend(self.latin.get(" ".join(words[i:j]), ()))
        return list({id(r): r for r in found}.values())


_WORD_RE = re.compile(r"[a-z0-9]+")
_SPLIT_WORD_RE = re.compile(r"(?<=[提充转登])[个了过下的](?=[币值账录])")


@dataclass
class Snapshot:
    docs: dict[int, DocMeta] = field(default_factory=dict)
    df: Counter = field(default_factory=Counter)
    avg_len: dict[str, float] = field(default_factory=dict)
    groups: dict[str, dict[str, DocMeta]] = field(default_factory=dict)
    rules: RuleIndex = field(default_factory=RuleIndex)
    # one-word synonyms of one-word terms: lets a slang rule's phrase match an article's wording
    equivalents: dict[str, dict[str, float]] = field(default_factory=dict)
    typo: TypoIndex | None = None
    homophones: HomophoneIndex | None = None
    topics: TopicIndex = field(default_factory=TopicIndex)
    title_subjects: dict[int, frozenset[int]] = field(default_factory=dict)  # article id → subjects
    subject_titles: dict[int, np.ndarray] = field(default_factory=dict)  # subject → names it, by position
    vectors: OrderedDict = field(default_factory=OrderedDict)
    # In-memory mode: article position → metadata, and term → (positions, saturations).
    order: list[DocMeta] = field(default_factory=list)
    postings: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    other_locale: dict[str, np.ndarray] = field(default_factory=dict)  # locale → mask of the others

    @property
    def n(self) -> int:
        return len(self.docs)

    @property
    def in_memory(self) -> bool:
        return bool(self.postings) or (self.n == 0)

    def remember(self, doc_id: int, vector: Vector) -> None:
        self.vectors[doc_id] = vector
        if len(self.vectors) > VECTOR_CACHE_SIZE:
            self.vectors.popitem(last=False)


def raw_vector(title: str, tags: str, body: str) -> RawVector:
    fields = {"title": Counter(title.split()), "tags": Counter(tags.split()), "body": Counter(body.split())}
    return fields, {name: sum(c.values()) for name, c in fields.items()}


def saturate(snap: Snapshot, raw: RawVector) -> Vector:
    fields, lengths = raw
    pseudo: dict[str, float] = {}
    for name in FIELDS:
        b = FIELD_B[name]
        scale = FIELD_BOOST[name] / (1.0 - b + b * lengths[name] / snap.avg_len[name])
        for term, count in fields[name].items():
            pseudo[term] = pseudo.get(term, 0.0) + count * scale
    return {term: tf / (K1 + tf) for term, tf in pseudo.items()}


def snapshot_build(
    rows: Iterable[dict], synonyms: list[tuple[str, list[str]]], rivals: list[list[str]] | None = None
) -> Snapshot:
    """rows: id, slug, locale, group, title, title_tokens, tag_tokens, body_tokens; `rivals`: sets
    of rival subjects (topics.rivals_load)."""
    snap = Snapshot()
    totals: Counter = Counter()
    raws: list[tuple[int, RawVector]] = []
    for row in rows:
        doc = DocMeta(
            row["id"], row["slug"], row["locale"], row["group"], row["title"], row.get("excerpt", "")
        )
        raw = raw_vector(row["title_tokens"], row["tag_tokens"], row["body_tokens"])
        totals.update(raw[1])
        snap.docs[doc.id] = doc
        snap.groups.setdefault(doc.group, {})[doc.locale] = doc
        snap.df.update(set().union(*(c.keys() for c in raw[0].values())))
        raws.append((doc.id, raw))
    n = max(len(snap.docs), 1)
    snap.avg_len = {name: max(totals[name] / n, 1.0) for name in FIELDS}
    if len(raws) <= IN_MEMORY_MAX_DOCS:
        _postings_build(snap, raws)
    else:
        for doc_id, raw in raws[:VECTOR_CACHE_SIZE]:
            snap.remember(doc_id, saturate(snap, raw))
    snap.topics = topics_build(rivals or [], synonyms, _phrase)
    _title_subjects_build(snap)
    seen: dict[str, _Expansion] = {}
    for term, expansions in synonyms:
        norm = normalize(term).strip()
        rule = _rule_build(snap.topics, norm, expansions, seen)
        if not norm or not rule.phrases:
            continue
        snap.rules.add(rule)
        term_phrase = _phrase(term)
        if len(term_phrase) == 1:
            alts = snap.equivalents.setdefault(term_phrase[0], {})
            for phrase in rule.phrases:
                if len(phrase) == 1 and phrase[0] != term_phrase[0]:
                    alts[phrase[0]] = W_EQUIVALENT
    # Only two-way synonyms (a group like 提现 | 提币 | withdraw) are equivalents: a one-way slang
    # rule (verify => 官方渠道, scam) says what a phrase is about, not that its words are the same.
    snap.equivalents = {
        term: {alt: w for alt, w in alts.items() if term in snap.equivalents.get(alt, {})}
        for term, alts in snap.equivalents.items()
    }
    snap.typo = TypoIndex(snap.df.keys())
    snap.homophones = HomophoneIndex(snap.df.keys())
    for rule in snap.rules.zh_rules():
        # Slang an editor listed (没到账) can be typed in pinyin too, and then means what it says.
        snap.homophones.add(rule, spelling_only=True)
    return snap


def _title_subjects_build(snap: Snapshot) -> None:
    for doc in snap.docs.values():
        subjects = snap.topics.named(normalize(doc.title))
        if subjects:
            snap.title_subjects[doc.id] = frozenset(subjects)
    if snap.order:
        for subject in range(len(snap.topics.rival_set)):
            snap.subject_titles[subject] = np.asarray(
                [subject in snap.title_subjects.get(doc.id, ()) for doc in snap.order], dtype=bool
            )


def _rival_titled(snap: Snapshot, subjects: frozenset[int], steer: frozenset[int]) -> bool:
    return bool(subjects & snap.topics.rivals_of(steer)) and not subjects & steer


_Expansion = tuple[tuple[str, ...], frozenset[int], tuple[str, ...]]


def _rule_build(
    topics: TopicIndex, norm: str, expansions: list[str], seen: dict[str, _Expansion]
) -> SynonymRule:
    """`seen` keeps each expansion's analysis: a group of n terms lists each term n - 1 times."""
    rule = SynonymRule(norm, [], term_subjects=frozenset(topics.named(norm)))
    for expansion in expansions:
        analysed = seen.get(expansion)
        if analysed is None:
            phrase = _phrase(expansion)
            text = normalize(expansion)
            subjects = frozenset(topics.named(text)) if phrase else frozenset()
            unsubjected = _phrase(topics.without_subject(text)) if subjects else phrase
            analysed = seen[expansion] = (phrase, subjects, unsubjected)
        phrase, subjects, unsubjected = analysed
        if not phrase:
            continue
        rule.phrases.append(phrase)
        rule.subjects.append(subjects)
        rule.unsubjected.append(unsubjected)
    rule.default_subjects = next((s for s in rule.subjects if s), frozenset())
    rule.said_subjects = frozenset().union(*rule.subjects)
    rule.names_subject = bool(rule.phrases) and all(rule.subjects) and not any(rule.unsubjected)
    return rule


def _postings_build(snap: Snapshot, raws: list[tuple[int, RawVector]]) -> None:
    lists: dict[str, tuple[list[int], list[float]]] = {}
    for position, (doc_id, raw) in enumerate(raws):
        snap.order.append(snap.docs[doc_id])
        for term, sat in saturate(snap, raw).items():
            entry = lists.get(term)
            if entry is None:
                entry = lists[term] = ([], [])
            entry[0].append(position)
            entry[1].append(sat)
    snap.postings = {
        term: (np.asarray(pos, dtype=np.int32), np.asarray(sats, dtype=np.float32))
        for term, (pos, sats) in lists.items()
    }
    locales = np.asarray([d.locale for d in snap.order])
    snap.other_locale = {loc: locales != loc for loc in ("zh-hans", "en")}


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


def pinyin_rewrite(snap: Snapshot, query: str) -> str:
    """The query with pinyin typed in Latin letters (tibi shibai, wangjimima) followed by the Chinese
    words it spells. Only words the index does not know in English are read as pinyin, and only when
    a run of them spells known Chinese words entirely, so English questions pass unchanged."""
    if snap.homophones is None:
        return query
    words = _WORD_RE.findall(normalize(query))
    unknown = [w.isalpha() and not snap.df.get(latin_token(w) or w) for w in words]
    added: list[str] = []
    i = 0
    while i < len(words):
        found = None
        if unknown[i]:
            j = i
            while j < len(words) and unknown[j]:
                j += 1
            for end in range(j, i, -1):
                spelled = snap.homophones.spelled("".join(words[i:end]))
                if spelled:
                    found = (end, spelled)
                    break
        if found:
            i, spelled = found
            added.append("".join(spelled))
        else:
            i += 1
    return f"{query} {' '.join(added)}" if added else query


@dataclass
class ParsedQuery:
    concepts: list[Concept]
    # Rival subjects (topics.py) the customer named, when a rule's guess of a rival one was set
    # aside: the query's wording still fits the rival's article best, the ranking steers from it.
    steer: frozenset[int] = frozenset()


def query_concepts(snap: Snapshot, query: str) -> list[Concept]:
    """The concepts of a customer's query: own words, bigrams, synonyms, typo and homophone fixes."""
    return query_parse(snap, query).concepts


def query_parse(snap: Snapshot, query: str) -> ParsedQuery:
    """The query's concepts, and the subject that steers its ranking."""
    by_token: dict[str, Concept] = {}
    concepts: list[Concept] = []

    def own(token: str, weight: float) -> None:
        if token not in by_token:
            by_token[token] = Concept(own=token)
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
            # Split verb-object words: 提个币, 充了值, 转的账 are 提币, 充值, 转账 to the index.
            joined = _SPLIT_WORD_RE.sub("", run)
            if joined != run:
                for word in cjk_words(joined):
                    if word not in by_token and snap.df.get(word):
                        own(word, W_WORD)
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
    rules = sorted(snap.rules.matching(norm), key=lambda r: -len(r.term))
    named = _subjects_named(snap, norm, concepts, rules)
    applied: list[tuple[str, list[tuple[str, ...]]]] = []
    steered = False
    for rule in rules:
        # Search-mode segmentation yields 要多久 and its part 多久: one phrase of the customer's,
        # so the same expansions apply once.
        if any(rule.term in term and rule.phrases == phrases for term, phrases in applied):
            continue
        applied.append((rule.term, rule.phrases))
        term_phrase = _phrase(rule.term)
        target = by_token.get(term_phrase[0]) if len(term_phrase) == 1 else None
        if target is None:
            target = Concept()
            concepts.append(target)
        for phrase, subjects, unsubjected in zip(rule.phrases, rule.subjects, rule.unsubjected, strict=True):
            if subjects and not subjects & named and not subjects & rule.default_subjects:
                continue  # another subject's wording (提现 处理中), for customers who name it
            # 没到账 => 充值未到账 guesses a deposit; a customer who wrote 提现 said otherwise.
            if snap.topics.rival(subjects, named):
                steered = True
                phrase = unsubjected
            target.add(phrase, W_SYNONYM)
    return ParsedQuery(concepts, frozenset(named) if steered else frozenset())


# A spelling alternative this close (a one-letter typo, a homophone) names what the word names;
# character bigrams (0.4) and two-letter typos do not.
SUBJECT_MIN_WEIGHT = 0.5


def _subjects_named(snap: Snapshot, norm: str, concepts: list[Concept], rules: list[SynonymRule]) -> set[int]:
    """The rival subjects (topics.py) the customer named: a term of a subject's synonym group, or a
    typo or homophone of one. Call before the rules add their phrases to `concepts`."""
    if not snap.topics:
        return set()
    named = snap.topics.named(norm)
    for concept in concepts:
        for phrase, weight in concept.phrases.items():
            if len(phrase) == 1 and weight >= SUBJECT_MIN_WEIGHT and phrase[0] in snap.topics.tokens:
                named.add(snap.topics.tokens[phrase[0]])
    for rule in rules:
        said = rule.said_subjects
        if not said:
            continue
        if rule.term_subjects and not said & rule.term_subjects:
            # A longer phrase the customer typed, given another subject by an editor, overrides
            # the words inside it: 提币过来 (withdrawn elsewhere, to here) is a deposit.
            named = (named - rule.term_subjects) | said
        elif rule.names_subject:
            named |= said
    return named


def idf(snap: Snapshot, term: str) -> float:
    df = snap.df.get(term, 0)
    return math.log(1.0 + (snap.n - df + 0.5) / (df + 0.5))


@dataclass
class _Plan:
    """A query compiled for scoring: per concept, (weight, slots) where a slot is [(term, weight)]."""

    idfs: dict[str, float]
    concepts: list[list[tuple[float, list[list[tuple[str, float]]]]]]
    concept_terms: list[frozenset[str]]
    steer: frozenset[int] = frozenset()  # ParsedQuery.steer


def plan_build(snap: Snapshot, concepts: list[Concept], steer: frozenset[int] = frozenset()) -> _Plan:
    tokens = set().union(*(c.tokens() for c in concepts)) if concepts else set()
    tokens |= {alt for t in list(tokens) for alt in snap.equivalents.get(t, {})}
    idfs = {t: idf(snap, t) for t in tokens if snap.df.get(t)}
    compiled = []
    terms = []
    owned = {c.own for c in concepts if c.own}
    for concept in concepts:
        phrases = []
        for phrase, weight in concept.phrases.items():
            if len(phrase) > 1:
                # A synonym phrase's word that the customer also typed, or a subject's name the
                # customer typed another of (提现 beside 提币), is scored by its own concept
                # already ("not showing" => "deposit not credited" next to "deposit").
                phrase = tuple(t for t in phrase if t == concept.own or not _typed(snap, t, owned)) or phrase
            slots = []
            for term in phrase:
                slot = [(term, 1.0)] if term in idfs else []
                if len(phrase) > 1:  # a slang rule's phrase: let each word match through its synonyms
                    slot += [(alt, w) for alt, w in snap.equivalents.get(term, {}).items() if alt in idfs]
                slots.append(slot)
            if any(slots):
                phrases.append((weight / math.sqrt(len(phrase)), slots))
        if phrases:
            compiled.append(phrases)
            terms.append(frozenset(t for _, slots in phrases for slot in slots for t, _ in slot))
    return _Plan(idfs, compiled, terms, steer)


def _typed(snap: Snapshot, term: str, owned: set[str | None]) -> bool:
    if term in owned:
        return True
    return term in snap.topics.tokens and any(alt in owned for alt in snap.equivalents.get(term, ()))


def plan_ceiling(plan: _Plan) -> float:
    """The most any article could score for this query: every concept's best phrase matched with
    full saturation. Scores divided by it are comparable across queries (0 … 1)."""
    total = 0.0
    for phrases in plan.concepts:
        total += max(
            weight * sum(max((w * plan.idfs[t] for t, w in slot), default=0.0) for slot in slots)
            for weight, slots in phrases
        )
    return total


def doc_score(plan: _Plan, vector: Vector) -> float:
    parts = {t: i * vector[t] for t, i in plan.idfs.items() if t in vector}
    if not parts:
        return 0.0
    score = 0.0
    for phrases, terms in zip(plan.concepts, plan.concept_terms, strict=True):
        if terms.isdisjoint(parts):
            continue
        best = 0.0
        for weight, slots in phrases:
            value = 0.0
            for slot in slots:
                slot_best = 0.0
                for t, w in slot:
                    p = parts.get(t)
                    if p is not None and p * w > slot_best:
                        slot_best = p * w
                value += slot_best
            if value * weight > best:
                best = value * weight
        score += best
    return score


def _dense_scores(snap: Snapshot, plan: _Plan) -> np.ndarray:
    """Every article's score at once: per concept the best phrase, phrases as sums of slots."""
    n = len(snap.order)
    total = np.zeros(n, dtype=np.float32)
    for phrases in plan.concepts:
        concept = np.zeros(n, dtype=np.float32)
        for weight, slots in phrases:
            if len(slots) == 1 and len(slots[0]) == 1:
                term, w = slots[0][0]
                idx, sat = snap.postings[term]
                # Positions within one posting list are distinct: an unbuffered max in one call.
                np.maximum.at(concept, idx, sat * np.float32(weight * w * plan.idfs[term]))
                continue
            phrase = np.zeros(n, dtype=np.float32)
            for slot in slots:
                best = np.zeros(n, dtype=np.float32)
                for term, w in slot:
                    idx, sat = snap.postings[term]
                    np.maximum.at(best, idx, sat * np.float32(w * plan.idfs[term]))
                phrase += best
            np.maximum(concept, phrase * weight, out=concept)
        total += concept
    return total


def rank_dense(snap: Snapshot, plan: _Plan, prefer_locale: str, limit: int) -> list[tuple[DocMeta, float]]:
    """The in-memory ranking: exact over every published article."""
    if not plan.concepts or not snap.order:
        return []
    scores = _dense_scores(snap, plan)
    mask = snap.other_locale.get(prefer_locale)
    if mask is not None:
        scores[mask] *= OTHER_LANGUAGE_FACTOR
    if plan.steer and snap.subject_titles:
        rival = np.zeros(len(scores), dtype=bool)
        for subject in snap.topics.rivals_of(plan.steer):
            rival |= snap.subject_titles[subject]
        for subject in plan.steer:
            rival &= ~snap.subject_titles[subject]
        scores[rival] *= RIVAL_SUBJECT_FACTOR
    hits = np.flatnonzero(scores > 0)
    # Two language versions per topic at most: 2 × limit articles always cover `limit` topics.
    keep = 2 * limit + 2
    if len(hits) > keep:
        hits = hits[np.argpartition(-scores[hits], keep)[:keep]]
    best: dict[str, tuple[float, DocMeta]] = {}
    for position in hits:
        doc, score = snap.order[position], float(scores[position])
        if doc.group not in best or score > best[doc.group][0]:
            best[doc.group] = (score, doc)
    ordered = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return [(snap.groups[group].get(prefer_locale) or doc, score) for group, (score, doc) in ordered]


def rank(
    snap: Snapshot,
    plan: _Plan,
    candidates: list[int] | None,
    load_vectors: Callable[[list[int]], dict[int, RawVector]],
    prefer_locale: str,
    limit: int,
) -> list[tuple[DocMeta, float]]:
    """One hit per topic (translation group), in the preferred language when that version exists."""
    if not plan.concepts:
        return []
    ids = list(snap.docs) if candidates is None else [i for i in candidates if i in snap.docs]
    missing = [i for i in ids if i not in snap.vectors]
    if missing:
        for doc_id, raw in load_vectors(missing).items():
            snap.remember(doc_id, saturate(snap, raw))
    best: dict[str, tuple[float, DocMeta]] = {}
    for doc_id in ids:
        vector = snap.vectors.get(doc_id)
        if vector is None:
            continue
        score = doc_score(plan, vector)
        if score <= 0:
            continue
        doc = snap.docs[doc_id]
        if doc.locale != prefer_locale:
            score *= OTHER_LANGUAGE_FACTOR
        if plan.steer and _rival_titled(snap, snap.title_subjects.get(doc_id, frozenset()), plan.steer):
            score *= RIVAL_SUBJECT_FACTOR
        if doc.group not in best or score > best[doc.group][0]:
            best[doc.group] = (score, doc)
    ordered = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return [(snap.groups[group].get(prefer_locale) or doc, score) for group, (score, doc) in ordered]
