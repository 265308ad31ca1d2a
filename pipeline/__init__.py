"""zhextract: Chinese business news to evidence-linked knowledge records.

    >>> from pipeline import extract
    >>> record = extract("快手电商 GMV 同比增长 47.7% 达 1751 亿元。", published="2022-08-04")
    >>> [(c.value, c.unit, c.metric) for c in record.claims]
    [(47.7, '%', 'GMV'), (175100000000, 'CNY', 'GMV')]

``extract`` takes text (``str``), a file (``pathlib.Path``) or a ``models.Document``.
``Extractor`` loads the models once and serves many documents.
"""

from __future__ import annotations

import time
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from models import Document, KnowledgeRecord, Meta
from pipeline import components as _components  # noqa: F401  (registers the factories)
from pipeline import segment as _segment  # noqa: F401  (registers the tokenizer)
from pipeline.chunks import CHUNK_CHARS, chunk_spans, merge_chunks, reading_form
from pipeline.ingest import document_from_text, normalise_published, read_file
from pipeline.record import build_record
from pipeline.segment import SEGMENTERS
from pipeline.vocabulary import VocabularyRecycler

try:
    __version__ = version("zhextract")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0+source"

__all__ = ["Extractor", "build_nlp", "extract", "SEGMENTERS", "__version__"]


def build_nlp(segmenter: str = "jieba", use_ner: bool = True) -> Language:
    """A spaCy ``zh`` pipeline with our segmenter and the zhextract components."""
    if segmenter not in SEGMENTERS:
        raise ValueError(f"unknown segmenter {segmenter!r}; choose one of {', '.join(SEGMENTERS)}")
    nlp = spacy.blank(
        "zh", config={"nlp": {"tokenizer": {"@tokenizers": "zhextract.segmenter.v1", "segmenter": segmenter}}}
    )
    nlp.add_pipe("zh_sentences")
    nlp.add_pipe("zh_entities", config={"use_ner": use_ner})
    nlp.add_pipe("zh_claims")
    return nlp


class Extractor:
    """Loads the segmenter (and the NER, when enabled) once; turns documents into records."""

    def __init__(self, segmenter: str = "jieba", use_ner: bool = True):
        self.segmenter = segmenter
        self.use_ner = use_ner
        self.nlp = build_nlp(segmenter, use_ner)
        self._vocabulary = VocabularyRecycler(self.nlp)
        self.nlp.tokenizer("预热")  # load the segmenter's dictionary now, not on the first document
        self.nlp.get_pipe("zh_entities").initialize()

    def extract_document(self, document: Document) -> KnowledgeRecord:
        """The record of one ingested document.

        Traditional Chinese is read through its one-to-one Simplified conversion and long
        texts in paragraph chunks (``pipeline.chunks``); offsets always index
        ``document.text`` as given.
        """
        started = time.perf_counter()
        working_text = reading_form(document.text)
        published = document.published_date()
        pieces = []
        # The strings and lexemes documents add to the vocabulary are freed every few hundred
        # documents, so a long batch runs in flat memory (the pieces kept are plain Python).
        with self._vocabulary:
            for start, end in chunk_spans(working_text):
                doc = self._annotate(working_text[start:end], published)
                pieces.append((start, doc._.zh_entities or [], doc._.zh_claims or []))
        entities, claims = merge_chunks(pieces)
        warnings = list(document.metadata.get("warnings", []))
        if len(pieces) > 1:
            warnings.append(f"long document read in {len(pieces)} chunks of at most {CHUNK_CHARS} characters")
        meta = Meta(
            pipeline_version=__version__,
            segmenter=self.segmenter,
            elapsed_ms=round((time.perf_counter() - started) * 1000, 2),
            warnings=warnings,
        )
        return build_record(document, entities, claims, meta)

    def annotate(self, text: str, published: date | None = None) -> Doc:
        """The spaCy ``Doc`` of ``text`` with every zhextract component applied. The Doc stays
        valid for as long as it is kept: it is made outside the zone in which the words of
        ``extract`` calls are freed every few hundred documents."""
        self._vocabulary.close()
        return self._annotate(text, published)

    def _annotate(self, text: str, published: date | None = None) -> Doc:
        doc = self.nlp.make_doc(text)
        doc._.zh_published = published
        for _name, component in self.nlp.pipeline:
            doc = component(doc)
        return doc

    def extract(self, source: str | Path | Document, *, published: str | None = None,
                doc_id: str | None = None, title: str | None = None) -> KnowledgeRecord:
        """The record of text, a file or a document; ``published`` resolves 今年 / 去年."""
        if isinstance(source, Document):
            document = source
        elif isinstance(source, Path):
            document = read_file(source)
        else:
            document = document_from_text(source, doc_id=doc_id, markup="auto")
        updates = {}
        if published is not None:
            updates["published"] = normalise_published(published)
        if title is not None:
            updates["title"] = title
        if doc_id is not None:
            updates["id"] = doc_id
        if updates:
            document = document.model_copy(update=updates)
        return self.extract_document(document)


_default_extractors: dict[tuple[str, bool], Extractor] = {}


def extract(source: str | Path | Document, *, published: str | None = None, segmenter: str = "jieba",
            use_ner: bool = True, doc_id: str | None = None, title: str | None = None) -> KnowledgeRecord:
    """One record from text (``str``), a file (``Path``) or a ``Document``.

    The ``Extractor`` behind it is built on the first call and reused afterwards.
    """
    key = (segmenter, use_ner)
    if key not in _default_extractors:
        _default_extractors[key] = Extractor(segmenter=segmenter, use_ner=use_ner)
    return _default_extractors[key].extract(source, published=published, doc_id=doc_id, title=title)
