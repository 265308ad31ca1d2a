"""Both model heads of the statistical NER as token spans: ``(start token, end token, label, score)``.

- ``ner`` head (spaCy's greedy transition-based ``ner``): spans are ``doc.ents``; the model gives
  no per-span probability, so the score is ``None`` (the recognizer uses the label's calibration).
- ``tagger`` head (a spaCy ``tagger`` whose labels are BIO tags ``B-name``, ``I-name``, …, ``O``,
  one softmax per token): the tag distributions are decoded into spans here. When the most probable
  tag of every token already forms a valid BIO sequence (no ``I-x`` that does not continue a
  ``B-x``/``I-x``), that sequence is the best valid one (the tokens' scores are independent);
  otherwise the best valid sequence is found by Viterbi over log probabilities with the invalid
  transitions forbidden. A span's score is the mean probability of its tokens' chosen tags
  (``min`` is available), a real per-span probability.

Training (``train.py``) and prediction (``recognizer.py``) share these functions.
"""

from __future__ import annotations

import numpy

OUTSIDE = "O"


def bio_tags(labels) -> list[str]:
    """The tagger's label set for entity labels: ``O`` and ``B-``/``I-`` of each."""
    return [OUTSIDE] + [f"{prefix}-{label}" for label in labels for prefix in ("B", "I")]


def head_of(nlp) -> str:
    """``"tagger"`` or ``"ner"``: which head a loaded NER pipeline has."""
    return "tagger" if "tagger" in nlp.pipe_names else "ner"


def doc_tags(doc) -> list[str]:
    """BIO tags of a reference document's entities (training targets of the tagger head)."""
    return [OUTSIDE if t.ent_iob_ in ("O", "") else f"{t.ent_iob_}-{t.ent_type_}" for t in doc]


class BioDecoder:
    """Spans from per-token tag probabilities, for one tagger's label order."""

    def __init__(self, tag_names):
        self.tags = list(tag_names)
        n = len(self.tags)
        self.kind = numpy.zeros(n, dtype="int8")  # 0 = O, 1 = B, 2 = I
        self.label = [""] * n
        label_ids: dict[str, int] = {}
        self.label_id = numpy.full(n, -1, dtype="int32")
        for i, tag in enumerate(self.tags):
            if tag == OUTSIDE or "-" not in tag:
                continue
            prefix, label = tag.split("-", 1)
            self.kind[i] = 1 if prefix == "B" else 2
            self.label[i] = label
            self.label_id[i] = label_ids.setdefault(label, len(label_ids))
        # allowed[i, j]: tag j may follow tag i; start[j]: tag j may open a sequence.
        is_inside = self.kind == 2
        same = self.label_id[:, None] == self.label_id[None, :]
        self.allowed = ~is_inside[None, :] | (same & (self.kind[:, None] > 0))
        self.start_ok = ~is_inside
        with numpy.errstate(divide="ignore"):
            self.log_allowed = numpy.where(self.allowed, 0.0, -numpy.inf)
            self.log_start = numpy.where(self.start_ok, 0.0, -numpy.inf)

    def best_path(self, probs) -> numpy.ndarray:
        best = probs.argmax(axis=1)
        if self._valid(best):
            return best
        return self._viterbi(probs)

    def _valid(self, path) -> bool:
        if not self.start_ok[path[0]]:
            return False
        return bool(self.allowed[path[:-1], path[1:]].all())

    def _viterbi(self, probs) -> numpy.ndarray:
        logp = numpy.log(numpy.maximum(probs, 1e-12))
        length, n = logp.shape
        score = logp[0] + self.log_start
        back = numpy.zeros((length, n), dtype="int32")
        for t in range(1, length):
            candidates = score[:, None] + self.log_allowed
            back[t] = candidates.argmax(axis=0)
            score = candidates[back[t], numpy.arange(n)] + logp[t]
        path = numpy.zeros(length, dtype="int64")
        path[-1] = int(score.argmax())
        for t in range(length - 1, 0, -1):
            path[t - 1] = back[t, path[t]]
        return path

    def repair_path(self, probs) -> numpy.ndarray:
        """The simpler alternative: argmax tags, an ``I-x`` that continues nothing opens a span."""
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
        # A span opens at a B, or at an I whose previous token is outside or of another label
        # (only possible with decode="repair").
        opens = kind > 0
        opens[1:] &= ~((kind[1:] == 2) & (kind[:-1] > 0) & (label_id[1:] == label_id[:-1]))
        result = []
        for start in numpy.flatnonzero(opens).tolist():
            end = start + 1
            while end < length and kind[end] == 2 and label_id[end] == label_id[start]:
                end += 1
            piece = chosen[start:end]
            value = float(piece.min() if reduce == "min" else piece.mean())
            result.append((start, end, self.label[path[start]], value))
        return result


def predict_spans(nlp, docs, batch_size: int = 256, **options):
    """``[(start, end, label, score)]`` per document, for either head (score None for ``ner``)."""
    if head_of(nlp) == "ner":
        for doc in nlp.get_pipe("ner").pipe(docs, batch_size=batch_size):
            yield [(e.start, e.end, e.label_, None) for e in doc.ents]
        return
    tagger = nlp.get_pipe("tagger")
    decoder = BioDecoder(tagger.labels)
    # spacy.Tagger.v2 with normalize = false outputs logits at prediction time (softmax only in training)
    normalized = bool(nlp.config["components"]["tagger"]["model"].get("normalize", False))
    docs = list(docs)
    for i in range(0, len(docs), batch_size):
        batch = docs[i:i + batch_size]
        nonempty = [d for d in batch if len(d)]
        scores = iter(tagger.model.predict(nonempty) if nonempty else [])
        for doc in batch:
            if not len(doc):
                yield []
                continue
            values = tagger.model.ops.to_numpy(next(scores))
            yield decoder.spans(values if normalized else softmax(values), **options)


def softmax(logits):
    shifted = numpy.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)
