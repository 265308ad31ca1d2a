"""The knowledge record: one per input document, schema_version "1".

The shape is fixed by ``record-contract.md``; field names are read by tools and by the
evaluation, so none may be renamed or removed without bumping ``SCHEMA_VERSION``. Fields
may be added. Every model forbids unknown keys, and ``KnowledgeRecord`` checks the
invariants a consumer relies on: every offset is a valid half-open ``[start, end)``
range into ``document.text`` whose slice equals the stored text, ids are unique, and
every entity reference points at an entity of the record.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "1"

EntityType = Literal["PERSON", "ORG", "PROGRAMME", "EVENT", "PRODUCT", "WORK", "LOCATION"]
Qualifier = Literal["exact", "approx", "more_than", "at_least", "less_than", "at_most"]
Direction = Literal["up", "down"]
ClaimKind = Literal["level", "change", "share", "rank"]
Basis = Literal["yoy", "qoq"]
Modality = Literal["reported", "forecast", "target", "commitment", "denied", "hypothetical"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Document(_Strict):
    """The cleaned input document. All offsets in a record index into ``text``."""

    id: str = Field(min_length=1)
    title: str | None = None
    author: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 date or datetime")
    categories: list[str] = Field(default_factory=list)
    source: str | None = None
    text: str
    sha256: str = ""
    metadata: dict[str, Any] = Field(
        default_factory=dict,
        description="Input fields outside the contract (JSONL extras, decoding used, warnings).",
    )

    @field_validator("published")
    @classmethod
    def _iso_8601(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as error:
            raise ValueError(f"published must be ISO 8601, got {value!r}") from error
        return value

    @model_validator(mode="after")
    def _hash_matches_text(self) -> Document:
        expected = text_sha256(self.text)
        if not self.sha256:
            self.sha256 = expected
        elif self.sha256 != expected:
            raise ValueError("document.sha256 does not match document.text")
        return self

    def published_date(self) -> date | None:
        """The publication day, used to resolve relative periods (今年, 去年, 上半年)."""
        if self.published is None:
            return None
        return datetime.fromisoformat(self.published.replace("Z", "+00:00")).date()


class Mention(_Strict):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(min_length=1)


class Evidence(_Strict):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Role(_Strict):
    title: str = Field(min_length=1)
    org: str | None = Field(default=None, description="entity id of the organisation, or null")


class Entity(_Strict):
    id: str
    type: EntityType
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    sources: list[str] = Field(default_factory=list)
    attributes: dict[str, str] = Field(
        default_factory=dict, description="Extra typed facts, e.g. org_kind: company | government."
    )

    @model_validator(mode="after")
    def _roles_only_for_people(self) -> Entity:
        if self.roles and self.type != "PERSON":
            raise ValueError(f"entity {self.id}: only PERSON entities carry roles")
        return self


class Period(_Strict):
    label: str
    start: date | None = None
    end: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"period {self.label!r} starts after it ends")
        return self


class Claim(_Strict):
    id: str
    text: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: int | float | None = Field(
        description="Normalised number; null only for vague amounts (几十, 数千) with no value in the text"
    )
    value_max: int | float | None = None
    unit: str | None = None
    qualifier: Qualifier = "exact"
    direction: Direction | None = None
    kind: ClaimKind = "level"
    basis: Basis | None = None
    metric: str | None = None
    subject: str | None = None
    subject_text: str | None = None
    period: Period | None = None
    modality: Modality = "reported"
    source: str | None = None
    evidence: Evidence
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    explanation: list[str] = Field(
        default_factory=list, description="Which patterns and context words produced each field."
    )


class Relation(_Strict):
    type: str
    head: str
    tail: str
    evidence: Evidence


class Meta(_Strict):
    pipeline_version: str = ""
    segmenter: str | None = None
    elapsed_ms: float | None = None
    warnings: list[str] = Field(default_factory=list)


class KnowledgeRecord(_Strict):
    """One document's entities, claims and relations, all anchored in ``document.text``."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    document: Document
    entities: list[Entity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    meta: Meta = Field(default_factory=Meta)

    @model_validator(mode="after")
    def _invariants(self) -> KnowledgeRecord:
        problems = record_problems(self)
        if problems:
            raise ValueError("; ".join(problems[:10]))
        return self


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _span_problem(text: str, where: str, start: int, end: int, expected: str) -> str | None:
    if not 0 <= start <= end <= len(text):
        return f"{where}: [{start}, {end}) is outside the text (length {len(text)})"
    if text[start:end] != expected:
        return f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {expected!r}"
    return None


def record_problems(record: KnowledgeRecord) -> list[str]:
    """Every broken invariant of ``record``, as readable sentences (empty when sound)."""
    text = record.document.text
    problems: list[str] = []

    def check(where: str, start: int, end: int, expected: str) -> None:
        problem = _span_problem(text, where, start, end, expected)
        if problem:
            problems.append(problem)

    entity_ids = [entity.id for entity in record.entities]
    claim_ids = [claim.id for claim in record.claims]
    for label, ids in (("entity", entity_ids), ("claim", claim_ids)):
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            problems.append(f"duplicate {label} ids: {duplicates}")
    known = set(entity_ids)

    for entity in record.entities:
        for index, mention in enumerate(entity.mentions):
            check(f"entity {entity.id} mention {index}", mention.start, mention.end, mention.text)
        for role in entity.roles:
            if role.org is not None and role.org not in known:
                problems.append(f"entity {entity.id}: role org {role.org!r} is not an entity")
    for claim in record.claims:
        check(f"claim {claim.id}", claim.start, claim.end, claim.text)
        check(f"claim {claim.id} evidence", claim.evidence.start, claim.evidence.end, claim.evidence.text)
        if not (claim.evidence.start <= claim.start and claim.end <= claim.evidence.end):
            problems.append(f"claim {claim.id}: evidence does not contain the quantity")
        for field in ("subject", "source"):
            ref = getattr(claim, field)
            if ref is not None and ref not in known:
                problems.append(f"claim {claim.id}: {field} {ref!r} is not an entity")
    for index, relation in enumerate(record.relations):
        check(f"relation {index} evidence", relation.evidence.start, relation.evidence.end, relation.evidence.text)
        for ref in (relation.head, relation.tail):
            if ref not in known:
                problems.append(f"relation {index}: {ref!r} is not an entity")
    return problems
