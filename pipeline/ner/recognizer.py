"""The statistical NER as the pipeline sees it: text in, typed character spans out.

The model (``pipeline/ner/model``, trained by ``pipeline/ner/train.py``) is a spaCy pipeline
holding one ``ner`` component over jieba words or single characters, as its ``meta.json``
says (the shipped model: jieba words); documents are built by ``pipeline.ner.features``
(``doc_builder``), not by a tokenizer, so the model needs nothing but spaCy to load. Its labels are CLUENER's fine types; ``label`` on each
span is our coarse type:

    name → PERSON; company, organization, government → ORG; address, scene → LOCATION;
    book, movie, game → WORK; position → TITLE (MSRA PER / ORG / LOC → PERSON / ORG / LOCATION)

Long texts are cut into sentences (at 。！？!? and newlines, pieces of at most 512 characters)
before the model runs; offsets are shifted back, so ``text[span.start:span.end] == span.text``.

Scores: the greedy transition-based NER gives no per-span probability, so a span's score is the
precision of its fine label on the CLUENER dev split (``model/calibration.json``, written by
``python -m pipeline.ner.train --calibrate``), a constant per label.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "model"
MAX_CHUNK = 512

COARSE = {
    "name": "PERSON", "PER": "PERSON",
    "company": "ORG", "organization": "ORG", "government": "ORG", "ORG": "ORG",
    "address": "LOCATION", "scene": "LOCATION", "LOC": "LOCATION",
    "book": "WORK", "movie": "WORK", "game": "WORK",
    "position": "TITLE",
}
LABELS = ("PERSON", "ORG", "LOCATION", "WORK", "TITLE")
DEFAULT_SCORE = 0.7

_SENTENCE_END = re.compile(r"[。！？!?\n]+[”’」』）)]*")
_SOFT_BREAK = re.compile(r"[，,；;：:、\s]")


def model_available(path: Path = DEFAULT_MODEL_DIR) -> bool:
    path = Path(path)
    return (path / "meta.json").is_file() and (path / "ner" / "model").is_file()


@dataclass(frozen=True)
class NerSpan:
    start: int
    end: int
    text: str
    label: str       # PERSON, ORG, LOCATION, WORK, TITLE
    fine_label: str  # the corpus label: name, company, organization, government, ...
    score: float     # 0..1, the fine label's precision on CLUENER dev


def chunks(text: str, limit: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of ``text``: sentences, none longer than ``limit``."""
    pieces = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append((start, match.end()))
        start = match.end()
    if start < len(text):
        pieces.append((start, len(text)))
    result = []
    for start, end in pieces:
        while end - start > limit:
            window = text[start:start + limit]
            cut = max((m.end() for m in _SOFT_BREAK.finditer(window, limit // 2)), default=limit)
            result.append((start, start + cut))
            start += cut
        if text[start:end].strip():
            result.append((start, end))
    return result


class StatisticalNER:
    def __init__(self, nlp, scores: dict[str, float] | None = None, domain: str = "cluener", tokens: str = "char"):
        from pipeline.ner.features import doc_builder

        self.nlp = nlp
        self.tokens = tokens
        self._make_doc = doc_builder(tokens)
        self.ner = nlp.get_pipe("ner")
        self.scores = scores or {}
        self.domain = domain

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL_DIR, domain: str = "cluener") -> "StatisticalNER":
        """Load the trained model; ``domain="msra"`` reads text under MSRA's conventions."""
        import spacy

        path = Path(path)
        if not model_available(path):
            raise FileNotFoundError(f"no NER model in {path}; train one with python -m pipeline.ner.train")
        nlp = spacy.load(path)
        calibration = path / "calibration.json"
        scores = json.loads(calibration.read_text(encoding="utf-8"))["label_precision"] if calibration.is_file() else {}
        tokens = nlp.meta.get("zhextract", {}).get("tokens", "char")
        return cls(nlp, scores, domain, tokens)

    def predict(self, text: str) -> list[NerSpan]:
        return next(self.predict_many([text]))

    def predict_many(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[NerSpan]]:
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from self._predict_batch(batch)
                batch = []
        if batch:
            yield from self._predict_batch(batch)

    def _predict_batch(self, texts: list[str]) -> list[list[NerSpan]]:
        from pipeline.ner.features import char_positions

        jobs = []  # (text index, chunk offset, positions)
        docs = []
        for index, text in enumerate(texts):
            for start, end in chunks(text):
                piece = text[start:end]
                positions = char_positions(piece)
                if not positions:
                    continue
                jobs.append((index, start, positions))
                docs.append(self._make_doc(self.nlp.vocab, piece, self.domain, positions))
        results: list[list[NerSpan]] = [[] for _ in texts]
        for (index, offset, positions), doc in zip(jobs, self.ner.pipe(docs, batch_size=256)):
            text = texts[index]
            for ent in doc.ents:
                fine = ent.label_
                label = COARSE.get(fine)
                if label is None:
                    continue
                start = offset + positions[ent.start_char]
                end = offset + positions[ent.end_char - 1] + 1
                results[index].append(NerSpan(start, end, text[start:end], label, fine,
                                              float(self.scores.get(fine, DEFAULT_SCORE))))
        return results
