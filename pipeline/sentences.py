"""Sentence boundaries in Chinese news text, as half-open character ranges.

A sentence ends after 。！？；!? (and any closing quotes or brackets right after them) or at
a line break; line breaks separate paragraphs after ingest. Evidence for a claim is the
sentence holding it, so these ranges are also what the evaluation calls "the same sentence".
"""

from __future__ import annotations

import regex

_SENTENCE_END = regex.compile(r"[。！？；!?]+[”’」』）)\"']*|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Non-empty sentence ranges ``[start, end)`` covering ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        _append_trimmed(text, start, match.end(), spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
