"""Secret shield service (placeholder until the detector lands: returns text unchanged)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Redaction:
    text: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.findings)


def text_redact(*, text: str, locale: str | None = None) -> Redaction:
    return Redaction(text=text, findings=[])
