"""Character documents and the per-character features the NER model embeds.

The model reads one token per non-space character. Besides the character itself (ORTH) and its
shape (SHAPE), each token carries features set here, in token attributes the hash embedding
reads (the pipeline has no tagger or parser, so the attributes are free):

- NORM: the bigram with the next character; LEMMA: the bigram with the previous character;
- TAG: the annotation convention ("domain") the text is read under: ``cluener`` (fine CLUENER
  labels, what the recognizer uses) or ``msra`` (MSRA PER/ORG/LOC, which e.g. labels every 中国
  as a location where CLUENER does not). Training on both corpora with the flag lets MSRA's 45k
  sentences teach the shared layers without imposing its conventions on the CLUENER labels.

The same function builds documents at training and prediction time, so the two cannot drift.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, NORM, TAG
from spacy.tokens import Doc
from spacy.vocab import Vocab

DOMAINS = ("cluener", "msra")
# Distinct from any string hash spaCy would use for real text; the hash embedding rehashes anyway.
_DOMAIN_IDS = {name: (1 << 60) + i for i, name in enumerate(DOMAINS)}
_BIGRAM_BASE = 1 << 50
_FEATURE_ATTRS = [NORM, LEMMA, TAG]


def char_positions(text: str) -> list[int]:
    """Offsets of the characters that become tokens (every non-space character)."""
    return [i for i, ch in enumerate(text) if not ch.isspace()]


def make_doc(vocab: Vocab, text: str, domain: str = "cluener", positions: list[int] | None = None) -> Doc:
    """A document of one token per non-space character of ``text``, with features set."""
    if positions is None:
        positions = char_positions(text)
    words = [text[i] for i in positions]
    doc = Doc(vocab, words=words, spaces=[False] * len(words))
    if words:
        codes = numpy.fromiter((ord(w) for w in words), dtype="uint64", count=len(words))
        padded = numpy.concatenate([numpy.zeros(1, "uint64"), codes, numpy.zeros(1, "uint64")])
        following = _BIGRAM_BASE + (padded[1:-1] << numpy.uint64(21)) + padded[2:]
        preceding = _BIGRAM_BASE + (padded[:-2] << numpy.uint64(21)) + padded[1:-1] + numpy.uint64(1 << 43)
        flags = numpy.full(len(words), _DOMAIN_IDS[domain], dtype="uint64")
        doc.from_array(_FEATURE_ATTRS, numpy.stack([following, preceding, flags], axis=1))
    return doc


def _jieba():
    """The pipeline's own jieba tokenizer (stock dictionary plus the domain words it keeps whole,
    ``pipeline.segment.domain_words``). A private stock tokenizer used to be loaded here: a
    second copy of the dictionary cost ~0.9 s at the first document and 62 MB, and the NER
    scores the same on CLUENER dev with either (micro F1 0.669 both, model trained on the
    stock segmentation)."""
    from pipeline.segment import get_segmenter

    return get_segmenter("jieba").tokenizer


def make_jieba_doc(vocab: Vocab, text: str, domain: str = "cluener", positions: list[int] | None = None) -> Doc:
    """One token per jieba word (stock dictionary, HMM on) of the non-space characters."""
    if positions is None:
        positions = char_positions(text)
    stripped = "".join(text[i] for i in positions)
    words = [w for w in _jieba().lcut(stripped, HMM=True) if w]
    doc = Doc(vocab, words=words, spaces=[False] * len(words))
    if words:
        doc.from_array([TAG], numpy.full((len(words), 1), _DOMAIN_IDS[domain], dtype="uint64"))
    return doc


def doc_builder(tokens: str):
    """The document builder for a model's tokenisation (``char`` or ``jieba``)."""
    return make_jieba_doc if tokens == "jieba" else make_doc
