"""Character documents and the per-character features the NER model embeds.

The model reads one token per non-space character. Besides the character itself (ORTH) and its
shape (SHAPE), each token carries features set here, in token attributes the hash embedding
reads (the pipeline has no tagger or parser, so the attributes are free):

- NORM: the bigram with the next character; LEMMA: the bigram with the previous character;
- LEMMA (jieba-word documents built with ``pos=True``): the word's part of speech in jieba's
  stock dictionary (nr, ns, nt, n, v, …), ``oov`` for a word the dictionary lacks (found by
  jieba's HMM: often a name), ``num`` / ``latin`` for digits and Latin letters; with
  ``surname=True`` (``jieba+pos+surname``) the value also says whether the word starts with a
  common surname (the pipeline's ``surnames`` table), so that a rare surname's words share one
  feature with the common ones (喻会 | 蛟 as much as 张 | 小娟);
- TAG: the annotation convention ("domain") the text is read under: ``cluener`` (fine CLUENER
  labels, what the recognizer uses) or ``msra`` (MSRA PER/ORG/LOC, which e.g. labels every 中国
  as a location where CLUENER does not). Training on both corpora with the flag lets MSRA's 45k
  sentences teach the shared layers without imposing its conventions on the CLUENER labels.

The same function builds documents at training and prediction time, so the two cannot drift.
"""

from __future__ import annotations

from functools import lru_cache, partial

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


@lru_cache(maxsize=1)
def dictionary_tags() -> dict[str, str]:
    """Every word of jieba's stock dictionary with its part-of-speech tag (349k words; one stdlib
    ``re`` scan of the file, ~0.3 s at first use)."""
    import re

    from pipeline.segment import jieba_dictionary_text

    canonical: dict[str, str] = {}  # one string object per tag, not one per word
    return {word: canonical.setdefault(tag, tag)
            for word, tag in re.findall(r"^(\S+) \d+ (\w+)$", jieba_dictionary_text(), flags=re.M)}


_POS_BASE = 1 << 55


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    """The pipeline's single-character and compound surnames (``data/entities.yaml``). A model
    trained with the surname feature reads this table at prediction time too: changing the table
    changes the feature, so retrain after large edits."""
    from pipeline.tables import load_table

    table = load_table("entities")
    return frozenset(table["surnames"]), tuple(table["compound_surnames"])


def _pos_id(word: str, tags: dict[str, str], surname: bool = False) -> int:
    tag = tags.get(word)
    if tag is None:
        tag = "num" if word.isdigit() else "latin" if word.isascii() and word.isalpha() else "oov"
    if surname:
        single, compound = surnames()
        if word[0] in single or word.startswith(compound):
            tag += "|surname"
    return _POS_BASE + hash_tag(tag)


@lru_cache(maxsize=256)
def hash_tag(tag: str) -> int:
    """A stable small id of a part-of-speech tag (Python's ``hash`` of str varies per process)."""
    import zlib

    return zlib.crc32(tag.encode("utf-8"))


def make_jieba_doc(vocab: Vocab, text: str, domain: str = "cluener", positions: list[int] | None = None,
                   pos: bool = False, surname: bool = False) -> Doc:
    """One token per jieba word (stock dictionary, HMM on) of the non-space characters; with
    ``pos``, each word's dictionary part of speech (and with ``surname``, a surname flag) in LEMMA."""
    if positions is None:
        positions = char_positions(text)
    stripped = "".join(text[i] for i in positions)
    words = [w for w in _jieba().lcut(stripped, HMM=True) if w]
    doc = Doc(vocab, words=words, spaces=[False] * len(words))
    if words:
        flags = numpy.full(len(words), _DOMAIN_IDS[domain], dtype="uint64")
        if pos:
            tags = dictionary_tags()
            ids = numpy.fromiter((_pos_id(w, tags, surname) for w in words), dtype="uint64", count=len(words))
            doc.from_array([TAG, LEMMA], numpy.stack([flags, ids], axis=1))
        else:
            doc.from_array([TAG], flags[:, None])
    return doc


TOKENS = ("char", "jieba", "jieba+pos", "jieba+pos+surname")


def doc_builder(tokens: str):
    """The document builder for a model's tokens (its meta's ``tokens``): ``char``, ``jieba``,
    ``jieba+pos`` (jieba words with the dictionary part-of-speech feature) or ``jieba+pos+surname``
    (that feature with the surname flag)."""
    if tokens.startswith("jieba+pos"):
        return partial(make_jieba_doc, pos=True, surname=tokens.endswith("+surname"))
    return make_jieba_doc if tokens == "jieba" else make_doc
