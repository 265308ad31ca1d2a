"""Both model heads of the statistical NER as token spans: ``(start token, end token, label, score)``.

- ``ner`` head (spaCy's greedy transition-based ``ner``): spans are ``doc.ents``; the model gives
  no per-span probability, so the score is ``None`` (the recognizer uses the label's calibration).
- ``tagger`` head (a spaCy ``tagger`` whose labels are entity tags, one softmax per token): the tag
  distributions are decoded into spans here. Two tag schemes, told apart by the labels:

  - BIO: ``O``, ``B-x`` (first token), ``I-x`` (any later token);
  - BILUO: ``O``, ``B-x`` (first of several), ``I-x`` (inside), ``L-x`` (last), ``U-x`` (a
    one-token span). The model then predicts where a span *ends* as well as where it starts, the
    boundary information BIO leaves to the next token's ``O``.

  Decoding finds the best *valid* tag sequence (no ``I-x`` that does not continue ``x``; in BILUO
  also every ``B-x`` closed by an ``L-x``) by Viterbi over the log probabilities plus, optionally,
  first-order transition scores (``Transitions``: ``weight`` × log P(tag | previous tag) counted on
  the training data, the weight chosen on dev). Without transition scores, when the most probable
  tag of every token already forms a valid sequence, that sequence is the best one (the tokens'
  scores are independent) and Viterbi is skipped. Viterbi only runs on the stretches between tokens
  that are ``O`` with probability ≥ ``prune`` (0.99 by default; those are fixed to ``O``): news text
  is mostly such tokens, and the per-token Python loop is the decoder's cost. A span's score is the
  mean probability of its tokens' chosen tags (``min`` is available), a real per-span probability.

Training (``train.py``) and prediction (``recognizer.py``) share these functions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy

OUTSIDE = "O"
SCHEMES = {"bio": ("B", "I"), "biluo": ("B", "I", "L", "U")}
# Tag kinds; a span opens at B or U and closes after L or U (BILUO) / before a non-I (BIO).
_O, _B, _I, _L, _U = range(5)
_KIND = {"B": _B, "I": _I, "L": _L, "U": _U}
PRUNE = 0.99
TRANSITIONS_FILE = "transitions.json"


def entity_tags(labels, scheme: str = "bio") -> list[str]:
    """The tagger's label set for entity labels: ``O`` and each prefix of the scheme per label."""
    return [OUTSIDE] + [f"{prefix}-{label}" for label in labels for prefix in SCHEMES[scheme]]


def bio_tags(labels) -> list[str]:
    """The BIO label set (``entity_tags(labels, "bio")``)."""
    return entity_tags(labels, "bio")


def scheme_of(tag_names) -> str:
    """``"biluo"`` when the tag set has ``L-``/``U-`` tags, else ``"bio"``."""
    return "biluo" if any(t[:2] in ("L-", "U-") for t in tag_names) else "bio"


def head_of(nlp) -> str:
    """``"tagger"`` or ``"ner"``: which head a loaded NER pipeline has."""
    return "tagger" if "tagger" in nlp.pipe_names else "ner"


def doc_tags(doc, scheme: str = "bio") -> list[str]:
    """Tags of a reference document's entities in ``scheme`` (training targets of the tagger head)."""
    tags = [OUTSIDE] * len(doc)
    for ent in doc.ents:
        label = ent.label_
        if scheme == "biluo" and len(ent) == 1:
            tags[ent.start] = f"U-{label}"
            continue
        tags[ent.start] = f"B-{label}"
        for i in range(ent.start + 1, ent.end):
            tags[i] = f"I-{label}"
        if scheme == "biluo":
            tags[ent.end - 1] = f"L-{label}"
    return tags


def spans_to_tags(spans, length: int, scheme: str = "bio") -> list[str]:
    """Tags of ``length`` tokens holding the token ``spans`` ``(start, end, label)`` (non-overlapping)."""
    tags = [OUTSIDE] * length
    for start, end, label in spans:
        if scheme == "biluo" and end - start == 1:
            tags[start] = f"U-{label}"
            continue
        tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
        if scheme == "biluo":
            tags[end - 1] = f"L-{label}"
    return tags


@dataclass
class Transitions:
    """First-order transition scores: ``weight * log P(tag | previous tag)`` (add-½ smoothed counts
    over the training targets), added to the tokens' log probabilities when decoding."""

    tags: list[str]
    counts: numpy.ndarray  # (n + 1, n): row n counts the sequence starts
    weight: float = 0.0

    @classmethod
    def count(cls, tags: list[str], sequences) -> "Transitions":
        """Counts over tag sequences (lists of tag names)."""
        index = {t: i for i, t in enumerate(tags)}
        n = len(tags)
        counts = numpy.zeros((n + 1, n), dtype="float64")
        for sequence in sequences:
            ids = [index[t] for t in sequence]
            if not ids:
                continue
            counts[n, ids[0]] += 1
            numpy.add.at(counts, (ids[:-1], ids[1:]), 1)
        return cls(list(tags), counts)

    def log_scores(self) -> tuple[numpy.ndarray, numpy.ndarray]:
        """``(between (n, n), start (n,))`` weighted log conditional probabilities."""
        smoothed = self.counts + 0.5
        logp = numpy.log(smoothed / smoothed.sum(axis=1, keepdims=True))
        return self.weight * logp[:-1], self.weight * logp[-1]

    def to_disk(self, directory: Path) -> None:
        table = {"source": "tag bigram counts of the training targets (pipeline/ner/train.py); weight chosen on CLUENER dev",
                 "weight": self.weight, "tags": self.tags, "counts": self.counts.astype(int).tolist()}
        (Path(directory) / TRANSITIONS_FILE).write_text(json.dumps(table) + "\n", encoding="utf-8")

    @classmethod
    def from_disk(cls, directory: Path) -> "Transitions | None":
        path = Path(directory) / TRANSITIONS_FILE
        if not path.is_file():
            return None
        table = json.loads(path.read_text(encoding="utf-8"))
        return cls(table["tags"], numpy.array(table["counts"], dtype="float64"), float(table["weight"]))


class TagDecoder:
    """Spans from per-token tag probabilities, for one tagger's label order (BIO or BILUO)."""

    def __init__(self, tag_names, transitions: Transitions | None = None, prune: float | None = PRUNE):
        self.tags = list(tag_names)
        self.scheme = scheme_of(self.tags)
        self.prune = prune
        n = len(self.tags)
        self.kind = numpy.zeros(n, dtype="int8")
        self.label = [""] * n
        label_ids: dict[str, int] = {}
        self.label_id = numpy.full(n, -1, dtype="int32")
        for i, tag in enumerate(self.tags):
            if tag == OUTSIDE or "-" not in tag:
                continue
            prefix, label = tag.split("-", 1)
            self.kind[i] = _KIND[prefix]
            self.label[i] = label
            self.label_id[i] = label_ids.setdefault(label, len(label_ids))
        self.outside = self.tags.index(OUTSIDE) if OUTSIDE in self.tags else 0
        self.allowed, self.start_ok, self.end_ok = self._constraints()
        between = numpy.zeros((n, n))
        start = numpy.zeros(n)
        self.weighted = transitions is not None and transitions.weight != 0.0
        if self.weighted:
            order = [transitions.tags.index(t) for t in self.tags]
            between, start = transitions.log_scores()
            between, start = between[numpy.ix_(order, order)], start[order]
        with numpy.errstate(divide="ignore"):
            self.log_allowed = numpy.where(self.allowed, between, -numpy.inf)
            self.log_start = numpy.where(self.start_ok, start, -numpy.inf)
            self.log_end = numpy.where(self.end_ok, 0.0, -numpy.inf)

    def _constraints(self):
        """``allowed[i, j]`` (tag j may follow tag i), ``start_ok``, ``end_ok`` for the scheme."""
        kind, same = self.kind, self.label_id[:, None] == self.label_id[None, :]
        continues = (kind == _I) | (kind == _L)
        if self.scheme == "biluo":
            open_before = (kind == _B) | (kind == _I)  # a span is open: only I/L of its label may follow
            allowed = numpy.where(open_before[:, None], continues[None, :] & same, ~continues[None, :])
            return allowed, ~continues, ~open_before
        inside = kind == _I
        allowed = ~inside[None, :] | (same & (kind[:, None] > 0))
        return allowed, ~inside, numpy.ones(len(kind), dtype=bool)

    def best_path(self, probs) -> numpy.ndarray:
        """The best valid tag sequence (indices) for one document's ``(tokens, tags)`` probabilities."""
        if not self.weighted:
            best = probs.argmax(axis=1)
            if self._valid(best):
                return best
        logp = numpy.log(numpy.maximum(probs, 1e-12))
        length = len(probs)
        if self.prune is None:
            return self._viterbi(logp, self.log_start, self.log_end)
        path = numpy.full(length, self.outside, dtype="int64")
        free = probs[:, self.outside] < self.prune
        # stretches of free tokens, each decoded with O (or the sequence's start / end) around it
        edges = numpy.flatnonzero(numpy.diff(numpy.concatenate([[0], free.view("int8"), [0]])))
        for first, last in zip(edges[::2].tolist(), edges[1::2].tolist()):
            start = self.log_start if first == 0 else self.log_allowed[self.outside]
            end = self.log_end if last == length else self.log_allowed[:, self.outside]
            path[first:last] = self._viterbi(logp[first:last], start, end)
        return path

    def _valid(self, path) -> bool:
        if not (self.start_ok[path[0]] and self.end_ok[path[-1]]):
            return False
        return bool(self.allowed[path[:-1], path[1:]].all())

    def _viterbi(self, logp, log_start, log_end) -> numpy.ndarray:
        """Best path of ``logp`` (tokens × tags) with transition scores, start and end scores."""
        length, n = logp.shape
        score = logp[0] + log_start
        back = numpy.zeros((length, n), dtype="int32")
        columns = numpy.arange(n)
        for t in range(1, length):
            candidates = score[:, None] + self.log_allowed
            back[t] = candidates.argmax(axis=0)
            score = candidates[back[t], columns] + logp[t]
        path = numpy.zeros(length, dtype="int64")
        path[-1] = int((score + log_end).argmax())
        for t in range(length - 1, 0, -1):
            path[t - 1] = back[t, path[t]]
        return path

    def repair_path(self, probs) -> numpy.ndarray:
        """The simpler alternative (BIO): argmax tags, an ``I-x`` that continues nothing opens a span."""
        return probs.argmax(axis=1)

    def spans(self, probs, reduce: str = "mean", decode: str = "viterbi") -> list[tuple[int, int, str, float]]:
        """``(start, end, label, score)`` token spans of one document's ``(tokens, tags)`` probabilities."""
        probs = numpy.asarray(probs)
        length = probs.shape[0]
        if length == 0:
            return []
        path = self.best_path(probs) if decode == "viterbi" else self.repair_path(probs)
        chosen = probs[numpy.arange(length), path]
        kind = self.kind[path]
        label_id = self.label_id[path]
        # A span opens at B or U, or at an I/L not continuing its label (only with decode="repair").
        opens = kind > 0
        opens[1:] &= ~(((kind[1:] == _I) | (kind[1:] == _L)) & ((kind[:-1] == _B) | (kind[:-1] == _I))
                       & (label_id[1:] == label_id[:-1]))
        result = []
        for start in numpy.flatnonzero(opens).tolist():
            end = start + 1
            if kind[start] != _U:
                while (end < length and label_id[end] == label_id[start] and kind[end - 1] in (_B, _I)
                       and kind[end] in (_I, _L)):
                    end += 1
            piece = chosen[start:end]
            value = float(piece.min() if reduce == "min" else piece.mean())
            result.append((start, end, self.label[path[start]], value))
        return result


BioDecoder = TagDecoder  # the name before BILUO; decodes both schemes


def tag_probabilities(nlp, docs, batch_size: int = 256):
    """Per document, the tagger head's ``(tokens, tags)`` probabilities (empty for empty documents)."""
    tagger = nlp.get_pipe("tagger")
    # spacy.Tagger.v2 with normalize = false outputs logits at prediction time (softmax only in training)
    normalized = bool(nlp.config["components"]["tagger"]["model"].get("normalize", False))
    docs = list(docs)
    for i in range(0, len(docs), batch_size):
        batch = docs[i:i + batch_size]
        nonempty = [d for d in batch if len(d)]
        scores = iter(tagger.model.predict(nonempty) if nonempty else [])
        for doc in batch:
            if not len(doc):
                yield numpy.zeros((0, len(tagger.labels)), dtype="float32")
                continue
            values = tagger.model.ops.to_numpy(next(scores))
            yield values if normalized else softmax(values)


def predict_spans(nlp, docs, batch_size: int = 256, transitions: Transitions | None = None,
                  prune: float | None = PRUNE, **options):
    """``[(start, end, label, score)]`` per document, for either head (score None for ``ner``)."""
    if head_of(nlp) == "ner":
        for doc in nlp.get_pipe("ner").pipe(docs, batch_size=batch_size):
            yield [(e.start, e.end, e.label_, None) for e in doc.ents]
        return
    decoder = TagDecoder(nlp.get_pipe("tagger").labels, transitions, prune)
    for probs in tag_probabilities(nlp, docs, batch_size):
        yield decoder.spans(probs, **options)


def softmax(logits):
    shifted = numpy.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)
