"""Tokens for the database's own full-text index: jieba words for Chinese, lowercased words otherwise.

Both the query and the document go through the same function, so whatever jieba does to a word it
does on both sides. Traditional characters are folded to Simplified first.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

_WORD = re.compile(r"[0-9a-z]+|[\u3400-\u9fff]+", re.IGNORECASE)
_lock = threading.Lock()
_jieba = None


def _get_jieba():  # type: ignore[no-untyped-def]
    global _jieba
    if _jieba is None:
        with _lock:
            if _jieba is None:
                import logging

                import jieba

                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                _jieba = jieba
    return _jieba


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _t2s_triggers() -> frozenset[str] | None:
    """Characters without which t2s cannot change a text: one character of every dictionary entry
    that converts to something else (a traditional character it holds, else its first). Most
    simplified Chinese and all ASCII text has none, and the pure-Python conversion is the costliest
    step of indexing a ticket. None when the dictionaries are not laid out as expected."""
    try:
        groups = _t2s()._dict_chain_data
        mappings = [entry[2] for group in groups for entry in group]
    except (AttributeError, IndexError, TypeError):
        return None
    if not all(isinstance(mapping, dict) for mapping in mappings):
        return None
    changing = [key for mapping in mappings for key, value in mapping.items() if key != value]
    single = {key for key in changing if len(key) == 1}
    triggers = set(single)
    for key in changing:
        if len(key) > 1 and not single.intersection(key):
            triggers.add(key[0])
    return frozenset(triggers)


def fold(text: str) -> str:
    triggers = _t2s_triggers()
    if triggers is not None and triggers.isdisjoint(text):
        return text.lower()  # t2s would return it unchanged
    return _t2s().convert(text).lower()


def tokens(text: str) -> list[str]:
    out: list[str] = []
    for match in _WORD.finditer(fold(text)):
        chunk = match.group(0)
        if chunk[0] < "\u3400":
            out.append(chunk)
        else:
            out.extend(word for word in _get_jieba().cut_for_search(chunk) if word.strip())
    return out


def index_text(text: str) -> str:
    return " ".join(tokens(text))
