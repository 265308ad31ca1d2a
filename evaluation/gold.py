"""Loading hand-labelled gold records (``evaluation/gold/*.json`` and ``gold/dev/*.json``).

Seed gold files are complete ``KnowledgeRecord`` JSON. Dev gold files label articles from
``../shared/data`` without copying them: ``document.text`` is ``""``, ``document.source``
is a corpus reference (see ``evaluation.corpora``), ``document.sha256`` pins the text, and
evidence ``text`` fields may be ``""``. The loader fills the text from the corpus, checks
the hash, fills the evidence slices and validates the result against the models, so every
gold record obeys the same offset invariants as the pipeline's output.
"""

from __future__ import annotations

import json
from pathlib import Path

from evaluation.corpora import CorpusMissing, resolve_reference
from models import KnowledgeRecord, text_sha256

GOLD_DIR = Path(__file__).resolve().parent / "gold"


class GoldError(ValueError):
    """A gold file that cannot be used; the message names the file and the cause."""


def load_gold(path: Path) -> KnowledgeRecord:
    """One gold record; raises ``CorpusMissing`` when its text lives in absent shared data."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise GoldError(f"{path}: {error}") from error
    document = raw.get("document", {})
    if not document.get("text"):
        reference = document.get("source") or ""
        text = resolve_reference(reference)
        if text_sha256(text) != document.get("sha256"):
            raise GoldError(f"{path}: the text at {reference} no longer matches the stored sha256")
        document["text"] = text
        for claim in raw.get("claims", []):
            evidence = claim.get("evidence", {})
            if not evidence.get("text"):
                evidence["text"] = text[evidence["start"]:evidence["end"]]
        for relation in raw.get("relations", []):
            evidence = relation.get("evidence", {})
            if not evidence.get("text"):
                evidence["text"] = text[evidence["start"]:evidence["end"]]
    try:
        return KnowledgeRecord.model_validate(raw)
    except ValueError as error:
        raise GoldError(f"{path}: {error}") from error


def gold_paths(root: Path) -> list[Path]:
    """Gold files under ``root`` (a file or a folder, searched recursively)."""
    return [root] if root.is_file() else sorted(root.rglob("*.json"))


def load_gold_set(root: Path, *, skip_missing_corpus: bool = True) -> tuple[list[KnowledgeRecord], list[str]]:
    """All gold records under ``root`` and the notes on those skipped (absent corpus)."""
    records, skipped = [], []
    for path in gold_paths(root):
        try:
            records.append(load_gold(path))
        except CorpusMissing as error:
            if not skip_missing_corpus:
                raise
            skipped.append(f"{path.name}: {error}")
    return records, skipped
