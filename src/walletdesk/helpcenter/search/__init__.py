"""Bilingual (zh-hans + en) text analysis and ranking, reusable by other apps (ticket search).

`analyze(text)` turns a document field into index tokens; `query_terms(text)` turns what a
customer typed into weighted terms (synonyms, typo and homophone neighbours added later by the
engine, which knows the index vocabulary).
"""

from walletdesk.helpcenter.search.analysis import analyze, detect_locale, normalize

__all__ = ["analyze", "detect_locale", "normalize"]
