"""Keeping a spaCy vocabulary from growing over a long run.

Every new word a document brings adds a string and a lexeme to the vocabulary, and spaCy
never forgets them: over a corpus of millions of documents memory would grow without end.
spaCy 3.8's ``Language.memory_zone`` frees what was added inside it, but building a lexeme
costs more than looking one up, so a zone per document made the rules-only pipeline about a
fifth slower (the common words of every document were built again). A zone held over a few
hundred documents keeps the common words cached and the memory bounded.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from spacy.language import Language

# Documents (or NER batches) per zone: enough that common words are built once per zone,
# few enough that the vocabulary never holds more than a few hundred documents' words.
DOCUMENTS_PER_ZONE = 256


class VocabularyRecycler:
    """A context entered once per document: the words of every ``every`` documents are freed
    together. Results taken out of the documents must be plain Python objects."""

    def __init__(self, nlp: Language, every: int = DOCUMENTS_PER_ZONE):
        self.nlp = nlp
        self.every = every
        self._zone: AbstractContextManager | None = None
        self._documents = 0

    def __enter__(self) -> VocabularyRecycler:
        if self._zone is None or self._documents >= self.every:
            self.close()
            self._zone = self.nlp.memory_zone()
            self._zone.__enter__()
        return self

    def __exit__(self, *exc_info) -> None:
        self._documents += 1
        if exc_info[0] is not None:
            self.close()  # a failed document may have left references behind: start afresh

    def close(self) -> None:
        """Free the words added since the zone opened."""
        if self._zone is not None:
            zone, self._zone = self._zone, None
            zone.__exit__(None, None, None)
        self._documents = 0
