"""Rival subjects of a question: deposit, withdrawal, a transfer to another user of the platform.

A slang rule guesses the subject of a phrase that does not name one: 没到账 (not arrived) =>
充值未到账 (deposit not credited), because most customers who only write "not arrived" mean a
deposit. When the customer names a rival subject themselves (提现 … 没到账), that guess is wrong
and pulls the deposit article above the withdrawal one. The query then keeps what the guess says
apart from its subject (未到账, "not credited") and drops the subject word.

Which subjects are rivals is declared in data/topics.txt, each by one term of its two-way
synonym group; the group's other terms (editors may add some) name the same subject.
Independent of Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from walletdesk.helpcenter.search.analysis import latin_token, normalize

_WORD_RE = re.compile(r"[a-z0-9]+")
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def rivals_load(path: Path) -> list[list[str]]:
    """Sets of rival subjects: one line each, subjects separated by "/", "#" starts a comment."""
    sets = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        subjects = [s.strip() for s in line.split("/") if s.strip()]
        if len(subjects) < 2:
            raise ValueError(f"{path}:{number}: rival subjects come two or more to a line, separated by '/'")
        sets.append(subjects)
    return sets


def _latin_keys(text: str) -> list[tuple[str, int, int]]:
    """(key, start, end) per Latin word: its stem, so withdrawals names what withdrawal names; a
    stop word keeps its spelling, so "top up" stays two words."""
    return [(latin_token(m.group()) or m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


@dataclass
class TopicIndex:
    zh: dict[str, int] = field(default_factory=dict)  # Chinese term → subject, found by substring
    latin: dict[tuple[str, ...], int] = field(default_factory=dict)  # Latin word keys → subject
    # The index token of a one-word term → subject: a typo or homophone of it names it too.
    tokens: dict[str, int] = field(default_factory=dict)
    rival_set: list[int] = field(default_factory=list)  # subject → the set of rivals it is in
    zh_max: int = 0
    latin_max: int = 0
    zh_first: frozenset[str] = frozenset()  # first characters of the Chinese terms

    def __bool__(self) -> bool:
        return bool(self.rival_set)

    def _latin_spans(self, text: str) -> list[tuple[int, int, int]]:
        keys = _latin_keys(text)
        found = []
        i = 0
        while i < len(keys):
            for j in range(min(len(keys), i + self.latin_max), i, -1):
                subject = self.latin.get(tuple(k for k, _, _ in keys[i:j]))
                if subject is not None:
                    found.append((subject, keys[i][1], keys[j - 1][2]))
                    i = j - 1
                    break
            i += 1
        return found

    def named(self, norm: str) -> set[int]:
        """Subjects a normalised text names."""
        if not self:
            return set()
        found = set()
        if self.latin and _WORD_RE.search(norm):
            found.update(subject for subject, _, _ in self._latin_spans(norm))
        if self.zh:
            for i, char in enumerate(norm):
                if char not in self.zh_first:
                    continue
                for j in range(i + 2, min(len(norm), i + self.zh_max) + 1):
                    subject = self.zh.get(norm[i:j])
                    if subject is not None:
                        found.add(subject)
        return found

    def without_subject(self, norm: str) -> str:
        """The text with the terms that name a subject taken out (充值未到账 → 未到账)."""
        for term in sorted((t for t in self.zh if t in norm), key=len, reverse=True):
            norm = norm.replace(term, " ")
        for _, start, end in reversed(self._latin_spans(norm)):
            norm = f"{norm[:start]} {norm[end:]}"
        return " ".join(norm.split())

    def rivals_of(self, named: set[int] | frozenset[int]) -> set[int]:
        sets = {self.rival_set[s] for s in named}
        return {s for s, set_no in enumerate(self.rival_set) if set_no in sets and s not in named}

    def rival(self, subjects: set[int] | frozenset[int], named: set[int]) -> bool:
        """True when `subjects` (what a synonym says) are all rivals of a subject the customer named."""
        if not subjects or not named or subjects & named:
            return False
        sets = {self.rival_set[s] for s in named}
        return all(self.rival_set[s] in sets for s in subjects)


def topics_build(
    rival_sets: Iterable[list[str]], synonyms: list[tuple[str, list[str]]], phrase_of
) -> TopicIndex:
    """`synonyms` as in the Synonym table: (term, expansions); a subject is its named term and
    every term that maps both ways with it. `phrase_of(text)` gives a term's index tokens."""
    table: dict[str, set[str]] = {}
    for term, expansions in synonyms:
        table.setdefault(normalize(term).strip(), set()).update(normalize(e).strip() for e in expansions)
    index = TopicIndex()
    owner: dict[str, int | None] = {}
    for set_no, subjects in enumerate(rival_sets):
        for head in subjects:
            subject = len(index.rival_set)
            index.rival_set.append(set_no)
            head = normalize(head).strip()
            members = {head} | {e for e in table.get(head, ()) if head in table.get(e, ())}
            for member in members:
                # A term two subjects claim names neither.
                owner[member] = subject if owner.get(member, subject) == subject else None
    for member, subject in owner.items():
        if subject is None or not member:
            continue
        if _CJK_RE.search(member):
            index.zh[member] = subject
            index.zh_max = max(index.zh_max, len(member))
        else:
            key = tuple(k for k, _, _ in _latin_keys(member))
            if key:
                index.latin[key] = subject
                index.latin_max = max(index.latin_max, len(key))
        tokens = phrase_of(member)
        if len(tokens) == 1:
            index.tokens[tokens[0]] = subject
    index.zh_first = frozenset(term[0] for term in index.zh)
    return index
