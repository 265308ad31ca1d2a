"""Assembling the ``KnowledgeRecord`` from the entity and claim stages' results."""

from __future__ import annotations

from models import Claim, Document, Entity, Evidence, KnowledgeRecord, Mention, Meta, Period, Role
from pipeline.claims import ClaimDraft
from pipeline.entities import ResolvedEntity


def build_record(document: Document, resolved: list[ResolvedEntity], drafts: list[ClaimDraft],
                 meta: Meta) -> KnowledgeRecord:
    """The record for ``document``; every ``text`` field is sliced from ``document.text``,
    so records of Traditional input quote the original characters."""
    text = document.text
    ids = [f"e{i}" for i in range(1, len(resolved) + 1)]
    by_name: dict[str, str] = {}
    for entity_id, entity in zip(ids, resolved):
        for surface in (entity.name, *entity.aliases):
            by_name.setdefault(surface, entity_id)
    entities = [
        Entity(
            id=entity_id,
            type=entity.type,
            name=entity.name,
            aliases=entity.aliases,
            mentions=[Mention(start=s, end=e, text=text[s:e]) for s, e in entity.mentions],
            roles=[Role(title=title, org=by_name.get(org) if org else None) for title, org in entity.roles]
            if entity.type == "PERSON" else [],
            confidence=entity.confidence,
            sources=entity.sources,
            attributes=entity.attributes,
        )
        for entity_id, entity in zip(ids, resolved)
    ]
    claims = [_claim(f"c{i}", draft, text, ids) for i, draft in enumerate(drafts, start=1)]
    return KnowledgeRecord(document=document, entities=entities, claims=claims, meta=meta)


def _claim(claim_id: str, draft: ClaimDraft, text: str, entity_ids: list[str]) -> Claim:
    q = draft.quantity
    period = None
    if draft.period is not None:
        start_date, end_date = draft.period.start_date, draft.period.end_date
        if start_date and end_date and start_date > end_date:
            start_date = end_date = None  # dates resolved inconsistently: keep what the text says, not the error
        period = Period(label=draft.period.label, start=start_date, end=end_date)
    start, end = draft.evidence
    # a rank's text keeps its 第 (位列第二 → 第二), as the contract's examples write it
    ordinal = text.rfind("第", max(0, q.start - 2), q.start)
    claim_start = ordinal if draft.kind == "rank" and ordinal >= 0 and not text[ordinal + 1:q.start].strip() else q.start
    return Claim(
        id=claim_id,
        text=text[claim_start:q.end],
        start=claim_start,
        end=q.end,
        value=q.value,
        value_max=q.value_max,
        unit=q.unit,
        qualifier=q.qualifier,
        direction=draft.direction,
        kind=draft.kind,
        basis=draft.basis,
        metric=draft.metric,
        subject=entity_ids[draft.subject] if draft.subject is not None else None,
        subject_text=draft.subject_text,
        period=period,
        modality=draft.modality,
        source=entity_ids[draft.source] if draft.source is not None else None,
        evidence=Evidence(start=start, end=end, text=text[start:end]),
        confidence=draft.confidence,
        explanation=draft.explanation,
    )
