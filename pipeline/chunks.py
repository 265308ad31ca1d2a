"""Long documents in paragraph chunks, and Traditional Chinese read through Simplified.

Both keep every offset pointing into the original ``document.text``:

- ``chunk_spans`` cuts a text into pieces of at most ``max_chars`` at paragraph breaks
  (then sentence ends, then anywhere), so a 10 MB page costs what its paragraphs cost:
  rule matching and entity resolution grow faster than linearly with one huge text.
  ``merge_chunks`` shifts each chunk's entities and claims back and joins entities that
  carry the same type and name across chunks.
- ``to_simplified`` converts Traditional characters one to one (OpenCC's character table),
  so the converted text has exactly the original's length and the rules, dictionaries and
  NER written for Simplified Chinese see the text they expect. ``reading_form`` does that and
  also reads characters used as punctuation as the punctuation they stand for.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import regex

from pipeline.claims import ClaimDraft
from pipeline.entities import ResolvedEntity
from pipeline.numbers import with_offset

# Chunks this size run at the pipeline's normal speed; news articles are nearly always
# one chunk, so chunking changes nothing for them.
CHUNK_CHARS = 20_000

_PARAGRAPH_BREAK = regex.compile(r"\n\s*")
_SENTENCE_END = regex.compile(r"[。！？!?；;]+[”’」』）)]*")


def chunk_spans(text: str, max_chars: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``[start, end)`` pieces covering ``text``, each at most ``max_chars`` long, cut at the
    last paragraph break before the limit, else the last sentence end, else at the limit."""
    if len(text) <= max_chars:
        return [(0, len(text))]
    spans = []
    start = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        cut = _last_boundary(_PARAGRAPH_BREAK, text, start + max_chars // 4, limit) \
            or _last_boundary(_SENTENCE_END, text, start + max_chars // 4, limit) \
            or limit
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def _last_boundary(pattern: regex.Pattern, text: str, low: int, high: int) -> int | None:
    """The end of the last ``pattern`` match inside ``text[low:high]``, if any."""
    best = None
    for match in pattern.finditer(text, low, high):
        best = match.end()
    return best


def merge_chunks(pieces: list[tuple[int, list[ResolvedEntity], list[ClaimDraft]]]
                 ) -> tuple[list[ResolvedEntity], list[ClaimDraft]]:
    """One document's entities and claims from per-chunk results ``(offset, entities, claims)``.

    Entities with the same type and name merge (mentions, aliases, roles and sources
    joined; the highest confidence kept); claim subject and source indexes are remapped.
    """
    if len(pieces) == 1 and pieces[0][0] == 0:
        return pieces[0][1], pieces[0][2]
    merged: list[ResolvedEntity] = []
    index_of: dict[tuple[str, str], int] = {}
    claims: list[ClaimDraft] = []
    for offset, entities, drafts in pieces:
        remap: dict[int, int] = {}
        for local, entity in enumerate(entities):
            key = (entity.type, entity.name)
            mentions = [(s + offset, e + offset) for s, e in entity.mentions]
            if key not in index_of:
                index_of[key] = len(merged)
                merged.append(replace(entity, mentions=mentions, aliases=list(entity.aliases),
                                      roles=list(entity.roles), sources=list(entity.sources),
                                      attributes=dict(entity.attributes)))
            else:
                _join(merged[index_of[key]], entity, mentions)
            remap[local] = index_of[key]
        for draft in drafts:
            claims.append(_shift_claim(draft, offset, remap))
    return merged, claims


def _join(into: ResolvedEntity, other: ResolvedEntity, mentions: list[tuple[int, int]]) -> None:
    into.mentions.extend(mentions)
    into.aliases.extend(a for a in other.aliases if a not in into.aliases)
    into.roles.extend(r for r in other.roles if r not in into.roles)
    into.sources.extend(s for s in other.sources if s not in into.sources)
    for key, value in other.attributes.items():
        into.attributes.setdefault(key, value)
    into.confidence = max(into.confidence, other.confidence)


def _shift_claim(draft: ClaimDraft, offset: int, remap: dict[int, int]) -> ClaimDraft:
    period = draft.period
    if period is not None:
        period = replace(period, start=period.start + offset, end=period.end + offset)
    return replace(
        draft,
        quantity=with_offset(draft.quantity, offset),
        subject=None if draft.subject is None else remap[draft.subject],
        source=None if draft.source is None else remap[draft.source],
        period=period,
        evidence=(draft.evidence[0] + offset, draft.evidence[1] + offset),
    )


# --------------------------------------------------------------------------- Traditional

@lru_cache(maxsize=1)
def _character_table() -> dict[int, str]:
    """Traditional → Simplified, one character to one, from OpenCC's TSCharacters table (the
    character half of its t2s conversion; the phrase half can change length)."""
    import opencc

    table = _single_characters(Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt")
    return {ord(k): v for k, v in table.items() if k != v}


def _single_characters(path: Path) -> dict[str, str]:
    """``source → first target`` for the one-character entries of an OpenCC dictionary,
    leaving out characters that are Simplified too (乾 → 干 乾: 乾隆, 基金通乾; 於 a surname),
    which Simplified text uses as they are."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source not in targets.split(" "):
            table[source] = target
    return table


def to_simplified(text: str) -> str:
    """``text`` with Traditional characters replaced by their Simplified forms, one for one
    (so every offset into the result is an offset into ``text``); unchanged text is
    returned as is."""
    table = _character_table()
    if not any(ord(ch) in table for ch in set(text)):
        return text
    return text.translate(table)


# News sites separate a dateline from the story with the radical 丨, a Han character to every
# rule (格隆汇8月2日丨名家汇公布): it is read as the bar it stands for, so no name runs into it.
_PUNCTUATION_LOOKALIKES = {ord("丨"): "｜"}


def reading_form(text: str) -> str:
    """The text the pipeline reads: ``to_simplified(text)`` with characters used as
    punctuation replaced by that punctuation, one for one, so offsets stay valid."""
    return to_simplified(text).translate(_PUNCTUATION_LOOKALIKES)
