"""The zhextract stages as registered spaCy components.

``spacy.blank("zh").add_pipe("zh_entities")`` works once zhextract is installed (the
factories are exposed through the ``spacy_factories`` entry point). Each component is a
``Doc -> Doc`` callable split into a pure ``match(doc)`` and a ``set_annotations(doc, ...)``
that writes ``doc._.zh_*`` (and ``doc.spans["zh_entities"]`` for spaCy users).

Set ``doc._.zh_published`` (a ``datetime.date``) before the claim stage runs to resolve
relative periods (今年, 去年); ``pipeline.Extractor`` does this from the document.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.claims import ClaimDraft, match_claims
from pipeline.entities import Candidate, ResolvedEntity, match_entities, resolve_entities
from pipeline.segment import TEXT_KEY
from pipeline.sentences import sentence_spans

for _name in ("zh_sentences", "zh_entities", "zh_claims", "zh_published", "zh_ner_spans"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once: spaCy rebuilds it from every token on each access, and each
    stage needs it. Our tokenizer leaves the text it cut in ``doc.user_data`` (the words join
    to exactly it); a Doc made elsewhere falls back to ``doc.text``."""
    text = doc.user_data.get(TEXT_KEY)
    end = doc[-1].idx + len(doc[-1]) if len(doc) else 0
    if text is None or len(text) != end:  # a Doc made (or retokenised) elsewhere
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


class SentenceSplitter:
    """Sentence boundaries for Chinese news (see ``pipeline.sentences``)."""

    def __call__(self, doc: Doc) -> Doc:
        spans = sentence_spans(doc_text(doc))
        doc._.zh_sentences = spans
        if len(doc):
            # One array write: setting token.is_sent_start token by token rescans the Doc each time.
            offsets = doc.to_array([IDX]).astype("int64")
            flags = numpy.where(numpy.isin(offsets, [start for start, _ in spans]), 1, -1).astype("int64")
            flags[0] = 1
            doc.from_array([SENT_START], flags.view("uint64").reshape(-1, 1))
        return doc


@Language.factory("zh_sentences", assigns=["token.is_sent_start", "doc._.zh_sentences"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()


@lru_cache(maxsize=1)
def _statistical_ner():
    """The trained NER, loaded once per process; None when no model ships with the code."""
    from pipeline.ner.recognizer import StatisticalNER, model_available

    return StatisticalNER.load() if model_available() else None


def ner_available() -> bool:
    try:
        return _statistical_ner() is not None
    except ImportError:
        return False


class EntityRecognizer:
    """Rule-based entities, joined by the statistical NER's proposals when enabled."""

    def __init__(self, use_ner: bool = True):
        self.use_ner = use_ner

    def initialize(self, get_examples=None, *, nlp=None) -> None:
        if self.use_ner:
            ner_available()

    def match(self, doc: Doc) -> list[Candidate]:
        offsets = doc.to_array([IDX, LENGTH]).astype("int64").reshape(-1, 2)
        starts = set(offsets[:, 0].tolist())
        ends = set((offsets[:, 0] + offsets[:, 1]).tolist())
        ner_spans = None
        if self.use_ner and ner_available():
            ner_spans = _statistical_ner().predict(doc_text(doc))
            doc._.zh_ner_spans = ner_spans
        return match_entities(doc_text(doc), (starts, ends), ner_spans)

    def set_annotations(self, doc: Doc, candidates: list[Candidate]) -> None:
        entities = resolve_entities(doc_text(doc), candidates)
        doc._.zh_entities = entities
        spans = []
        for entity in entities:
            for start, end in entity.mentions:
                span = doc.char_span(start, end, label=entity.type, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["zh_entities"] = spans

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


@Language.factory("zh_entities", default_config={"use_ner": True},
                  assigns=["doc._.zh_entities", "doc.spans"])
def make_entities(nlp: Language, name: str, use_ner: bool) -> EntityRecognizer:
    return EntityRecognizer(use_ner=use_ner)


class ClaimRecognizer:
    """Numeric claims bound to metric, subject, period and modality (``pipeline.claims``)."""

    def match(self, doc: Doc) -> list[ClaimDraft]:
        sentences = doc._.zh_sentences or sentence_spans(doc_text(doc))
        entities: list[ResolvedEntity] = doc._.zh_entities or []
        return match_claims(doc_text(doc), sentences, entities, doc._.zh_published)

    def set_annotations(self, doc: Doc, claims: list[ClaimDraft]) -> None:
        doc._.zh_claims = claims

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


@Language.factory("zh_claims", assigns=["doc._.zh_claims"], requires=["doc._.zh_entities"])
def make_claims(nlp: Language, name: str) -> ClaimRecognizer:
    return ClaimRecognizer()
