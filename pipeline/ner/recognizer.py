"""The statistical NER as the pipeline sees it: text in, typed character spans out.

The model (``pipeline/ner/model``, trained by ``pipeline/ner/train.py``) is a spaCy pipeline
holding one component over jieba words or single characters, as its ``meta.json`` says: a
transition-based ``ner`` or a BIO ``tagger`` (token classification, decoded into spans by
``pipeline.ner.tagging``); the recognizer uses whichever head the model has; documents are built by ``pipeline.ner.features``
(``doc_builder``), not by a tokenizer, so the model needs nothing but spaCy to load. Its labels are CLUENER's fine types; ``label`` on each
span is our coarse type:

    name → PERSON; company, organization, government → ORG; address, scene → LOCATION;
    book, movie, game → WORK; position → TITLE (MSRA PER / ORG / LOC → PERSON / ORG / LOCATION)

Long texts are cut into sentences (at 。！？!? and newlines, pieces of at most 512 characters)
before the model runs; offsets are shifted back, so ``text[span.start:span.end] == span.text``.

Scores: the greedy transition-based ``ner`` gives no per-span probability, so a span's score is
the precision of its fine label on the CLUENER dev split (``model/calibration.json``, written by
``python -m pipeline.ner.train --calibrate``), a constant per label. The ``tagger`` head gives
each span a probability (the mean probability of its tokens' tags); ``calibration.json`` then
maps it (``probability_bins``: CLUENER dev precision of spans per probability bin) when present.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# ZHEXTRACT_NER_MODEL points the pipeline (and the benchmarks' default) at another trained model
# directory, to measure a candidate in the whole pipeline without copying it over the shipped one.
DEFAULT_MODEL_DIR = Path(os.environ.get("ZHEXTRACT_NER_MODEL") or Path(__file__).resolve().parent / "model")
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
    return (path / "meta.json").is_file() and any((path / head / "model").is_file() for head in ("ner", "tagger"))


@dataclass(frozen=True)
class NerSpan:
    start: int
    end: int
    text: str
    label: str       # PERSON, ORG, LOCATION, WORK, TITLE
    fine_label: str  # the corpus label: name, company, organization, government, ...
    score: float     # 0..1: ner head, the fine label's precision on CLUENER dev; tagger head, the span's (calibrated) probability


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
    def __init__(self, nlp, scores: dict[str, float] | None = None, domain: str = "cluener", tokens: str = "char",
                 probability_bins: list | None = None, transitions=None):
        from pipeline.ner.features import doc_builder
        from pipeline.ner.tagging import head_of
        from pipeline.vocabulary import VocabularyRecycler

        self.nlp = nlp
        self._vocabulary = VocabularyRecycler(nlp)
        self.tokens = tokens
        self._make_doc = doc_builder(tokens)
        self.head = head_of(nlp)
        self.ner = nlp.get_pipe(self.head)
        self.scores = scores or {}
        self.probability_bins = probability_bins or []  # [[upper bound of probability, precision], ...]
        self.domain = domain
        self.transitions = transitions  # tagger head: tagging.Transitions, or None

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL_DIR, domain: str = "cluener") -> "StatisticalNER":
        """Load the trained model; ``domain="msra"`` reads text under MSRA's conventions."""
        import spacy

        from pipeline.ner.tagging import Transitions

        path = Path(path)
        if not model_available(path):
            raise FileNotFoundError(f"no NER model in {path}; train one with python -m pipeline.ner.train")
        nlp = spacy.load(path)
        calibration = path / "calibration.json"
        table = json.loads(calibration.read_text(encoding="utf-8")) if calibration.is_file() else {}
        tokens = nlp.meta.get("zhextract", {}).get("tokens", "char")
        return cls(nlp, table.get("label_precision", {}), domain, tokens, table.get("probability_bins"),
                   Transitions.from_disk(path))

    def _score(self, fine: str, probability: float | None) -> float:
        if probability is None:
            return float(self.scores.get(fine, DEFAULT_SCORE))
        for upper, precision in self.probability_bins:
            if probability <= upper:
                return float(precision)
        return float(min(1.0, max(0.0, probability)))

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
        # the words of every few hundred batches leave the vocabulary: a long run stays flat
        with self._vocabulary:
            return self._spans_of(texts)

    def _spans_of(self, texts: list[str]) -> list[list[NerSpan]]:
        from pipeline.ner.features import char_positions
        from pipeline.ner.tagging import predict_spans

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
        for (index, offset, positions), doc, spans in zip(jobs, docs, predict_spans(self.nlp, docs, batch_size=256,
                                                                                 transitions=self.transitions)):
            text = texts[index]
            for first, last, fine, probability in spans:
                label = COARSE.get(fine)
                if label is None:
                    continue
                ent = doc[first:last]
                start = offset + positions[ent.start_char]
                end = offset + positions[ent.end_char - 1] + 1
                results[index].append(NerSpan(start, end, text[start:end], label, fine, self._score(fine, probability)))
        return results
