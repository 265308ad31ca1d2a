"""Scoring predicted records against gold records.

Strategies, each counting true positives, misses and spurious items, with P/R/F1 computed
in one place (``Counts``) and the lists of what went wrong kept for the report:

- ``entity_name``: per type, a gold entity is found when a predicted entity of the same type
  shares a surface form (name or alias), compared after NFKC with spaces and quotes removed.
- ``mention_strict`` / ``mention_partial``: per type, over the gold mentions' character
  spans, half-open: strict needs the exact span, partial any overlap (nervaluate's schemes).
- ``claims``: a gold claim is found when a predicted claim in the same sentence has the
  same value (relative tolerance 1e-6; both null for vague amounts) and the same unit.
  Over matched pairs, each field is scored for accuracy: metric (equal, or one contains the
  other: "月 GMV" ~ "GMV"), subject (the entities share a surface form, or the subject texts
  do), period (same start and end dates), qualifier, modality, kind, direction, basis.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from models import Claim, Entity, KnowledgeRecord

CLAIM_FIELDS = ("metric", "subject", "period", "qualifier", "modality", "kind", "direction", "basis")
_IGNORED = regex.compile(r"[\s\"'“”‘’「」『』《》]")


def normalise(name: str | None) -> str:
    return _IGNORED.sub("", unicodedata.normalize("NFKC", name or ""))


@dataclass
class Counts:
    tp: int = 0
    fn: int = 0
    fp: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0 if not self.fn else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fn": self.fn, "fp": self.fp, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass
class Report:
    documents: int = 0
    entity: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    mention_strict: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    mention_partial: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    claims: Counts = field(default_factory=Counts)
    claim_fields: dict[str, Accuracy] = field(default_factory=lambda: {f: Accuracy() for f in CLAIM_FIELDS})
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    field_errors: list[dict] = field(default_factory=list)
    unpredicted: list[str] = field(default_factory=list)

    def entity_micro(self, types: Iterable[str] | None = None) -> Counts:
        total = Counts()
        for entity_type, counts in self.entity.items():
            if types is None or entity_type in types:
                total.add(counts)
        return total

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "entities": {t: c.as_dict() for t, c in sorted(self.entity.items())},
            "entities_micro": self.entity_micro().as_dict(),
            "mentions_strict": {t: c.as_dict() for t, c in sorted(self.mention_strict.items())},
            "mentions_partial": {t: c.as_dict() for t, c in sorted(self.mention_partial.items())},
            "claims": self.claims.as_dict(),
            "claim_fields": {f: {"correct": a.correct, "total": a.total, "accuracy": round(a.value, 4)}
                             for f, a in self.claim_fields.items()},
            "missed": self.missed,
            "spurious": self.spurious,
            "field_errors": self.field_errors,
            "unpredicted_documents": self.unpredicted,
        }


def _forms(entity: Entity) -> set[str]:
    return {normalise(s) for s in (entity.name, *entity.aliases)} - {""}


def score_entities(gold: KnowledgeRecord, pred: KnowledgeRecord, report: Report) -> None:
    doc_id = gold.document.id
    by_type: dict[str, list[Entity]] = defaultdict(list)
    for entity in pred.entities:
        by_type[entity.type].append(entity)
    used: set[str] = set()
    for entity in gold.entities:
        counts = report.entity[entity.type]
        match = next((p for p in by_type[entity.type] if p.id not in used and _forms(p) & _forms(entity)), None)
        if match is None:
            counts.fn += 1
            report.missed.append({"doc": doc_id, "what": "entity", "type": entity.type, "name": entity.name})
        else:
            counts.tp += 1
            used.add(match.id)
    for entity in pred.entities:
        if entity.id not in used:
            report.entity[entity.type].fp += 1
            report.spurious.append({"doc": doc_id, "what": "entity", "type": entity.type, "name": entity.name})

    gold_spans = {(m.start, m.end, e.type) for e in gold.entities for m in e.mentions}
    if not gold_spans:
        return
    pred_spans = {(m.start, m.end, e.type) for e in pred.entities for m in e.mentions}
    for strategy, exact in ((report.mention_strict, True), (report.mention_partial, False)):
        matched_pred: set[tuple[int, int, str]] = set()
        for start, end, entity_type in gold_spans:
            hit = next((p for p in pred_spans if p[2] == entity_type and p not in matched_pred and
                        ((p[0], p[1]) == (start, end) if exact else p[0] < end and start < p[1])), None)
            if hit is None:
                strategy[entity_type].fn += 1
            else:
                strategy[entity_type].tp += 1
                matched_pred.add(hit)
        for span in pred_spans - matched_pred:
            strategy[span[2]].fp += 1


def _same_value(a: int | float | None, b: int | float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _same_sentence(gold: Claim, pred: Claim) -> bool:
    return gold.evidence.start <= pred.start < gold.evidence.end or pred.evidence.start <= gold.start < pred.evidence.end


def _metric_ok(gold: str | None, pred: str | None) -> bool:
    g, p = normalise(gold), normalise(pred)
    if not g or not p:
        return g == p
    return g == p or g in p or p in g


def _subject_forms(claim: Claim, record: KnowledgeRecord) -> set[str]:
    forms = {normalise(claim.subject_text)} if claim.subject_text else set()
    entity = next((e for e in record.entities if e.id == claim.subject), None)
    if entity is not None:
        forms |= _forms(entity)
    return forms - {""}


def _field_ok(name: str, gold: Claim, pred: Claim, gold_record: KnowledgeRecord, pred_record: KnowledgeRecord) -> bool:
    if name == "metric":
        return _metric_ok(gold.metric, pred.metric)
    if name == "subject":
        g, p = _subject_forms(gold, gold_record), _subject_forms(pred, pred_record)
        return (not g and not p) or bool(g & p)
    if name == "period":
        if gold.period is None or pred.period is None:
            return gold.period is None and pred.period is None
        return (gold.period.start, gold.period.end) == (pred.period.start, pred.period.end)
    return getattr(gold, name) == getattr(pred, name)


def _field_value(name: str, claim: Claim):
    if name == "period":
        return None if claim.period is None else f"{claim.period.label} [{claim.period.start}, {claim.period.end}]"
    if name == "subject":
        return claim.subject_text
    return getattr(claim, name)


def score_claims(gold: KnowledgeRecord, pred: KnowledgeRecord, report: Report) -> None:
    doc_id = gold.document.id
    unmatched = list(pred.claims)
    for claim in gold.claims:
        candidates = [p for p in unmatched if _same_value(p.value, claim.value) and p.unit == claim.unit
                      and _same_sentence(claim, p)]
        if not candidates:
            report.claims.fn += 1
            report.missed.append({"doc": doc_id, "what": "claim", "text": claim.text, "value": claim.value,
                                  "unit": claim.unit, "evidence": claim.evidence.text[:80]})
            continue
        match = min(candidates, key=lambda p: abs(p.start - claim.start))
        unmatched.remove(match)
        report.claims.tp += 1
        for name in CLAIM_FIELDS:
            accuracy = report.claim_fields[name]
            accuracy.total += 1
            if _field_ok(name, claim, match, gold, pred):
                accuracy.correct += 1
            else:
                report.field_errors.append({"doc": doc_id, "claim": claim.text, "field": name,
                                            "gold": _field_value(name, claim), "pred": _field_value(name, match)})
    for claim in unmatched:
        report.claims.fp += 1
        report.spurious.append({"doc": doc_id, "what": "claim", "text": claim.text, "value": claim.value,
                                "unit": claim.unit})


def evaluate(gold_records: Iterable[KnowledgeRecord], predictions: dict[str, KnowledgeRecord]) -> Report:
    """Score every gold record against the prediction with the same document id (or, failing
    that, the same text hash); a gold record with no prediction counts as all missed."""
    by_hash = {record.document.sha256: record for record in predictions.values()}
    report = Report()
    for gold in gold_records:
        pred = predictions.get(gold.document.id) or by_hash.get(gold.document.sha256)
        report.documents += 1
        if pred is None:
            report.unpredicted.append(gold.document.id)
            pred = KnowledgeRecord(document=gold.document)
        score_entities(gold, pred, report)
        score_claims(gold, pred, report)
    return report


def format_report(report: Report, *, show_errors: int = 20) -> str:
    """A readable table of the report (Markdown), with the first errors of each list."""
    lines = [f"documents: {report.documents}", "", "| entities | P | R | F1 | tp | fn | fp |", "|---|---|---|---|---|---|---|"]
    for entity_type, counts in sorted(report.entity.items()):
        lines.append(f"| {entity_type} | {counts.precision:.3f} | {counts.recall:.3f} | {counts.f1:.3f} | "
                     f"{counts.tp} | {counts.fn} | {counts.fp} |")
    micro = report.entity_micro()
    lines.append(f"| **micro** | {micro.precision:.3f} | {micro.recall:.3f} | {micro.f1:.3f} | {micro.tp} | {micro.fn} | {micro.fp} |")
    if report.mention_strict:
        strict, partial = Counts(), Counts()
        for counts in report.mention_strict.values():
            strict.add(counts)
        for counts in report.mention_partial.values():
            partial.add(counts)
        lines += ["", "| mentions | P | R | F1 |", "|---|---|---|---|",
                  f"| strict span | {strict.precision:.3f} | {strict.recall:.3f} | {strict.f1:.3f} |",
                  f"| partial span | {partial.precision:.3f} | {partial.recall:.3f} | {partial.f1:.3f} |"]
    c = report.claims
    lines += ["", "| claims | P | R | F1 | tp | fn | fp |", "|---|---|---|---|---|---|---|",
              f"| value + unit | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | {c.tp} | {c.fn} | {c.fp} |",
              "", "| claim field | accuracy | correct / matched |", "|---|---|---|"]
    for name, accuracy in report.claim_fields.items():
        lines.append(f"| {name} | {accuracy.value:.3f} | {accuracy.correct} / {accuracy.total} |")
    for title, items in (("missed", report.missed), ("spurious", report.spurious), ("field errors", report.field_errors)):
        if items and show_errors:
            lines += ["", f"{title} ({len(items)}):"]
            lines += [f"  {item}" for item in items[:show_errors]]
            if len(items) > show_errors:
                lines.append(f"  … {len(items) - show_errors} more (see --json)")
    if report.unpredicted:
        lines += ["", f"no prediction for: {', '.join(report.unpredicted)}"]
    return "\n".join(lines)
