"""Word segmentation behind one interface, hosted as a spaCy tokenizer.

``jieba`` (fast, the default) and ``pkuseg`` (slower, more accurate on news) both get a
domain dictionary: the vocabulary in ``data/domain_words.txt`` plus the company names and
title words of ``data/entities.yaml``, so that 快手电商 stays 快手 / 电商 rather than
快 / 手电 / 商. Each segmenter is built once per process; a spaCy ``Doc`` made by
``ZhTokenizer`` has exactly the input text, so token offsets are character offsets into it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from pipeline.tables import load_table, load_word_list

SEGMENTERS = ("jieba", "pkuseg")


def domain_words() -> list[str]:
    """Words every segmenter must keep whole."""
    entities = load_table("entities")
    words = list(load_word_list("domain_words"))
    # Two-character names stay out: forcing 美的 would cut 完美的 into 完 / 美的, and the
    # default dictionaries already hold the common ones (腾讯, 快手, 杭州).
    for table in ("known_orgs", "title_words", "locations"):
        words += [str(w) for w in entities[table] if len(str(w)) >= 3]
    return sorted(set(words))


class _JiebaCut:
    def __init__(self) -> None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        words = domain_words()
        cache = _prefix_cache_path(jieba.__version__, words)
        loaded = _load_prefix_cache(cache)
        if loaded is not None:
            self._tokenizer.FREQ, self._tokenizer.total = loaded
            self._tokenizer.initialized = True
            return
        self._tokenizer.initialize()
        for word in words:
            self._tokenizer.add_word(word, freq=50000)
        _store_prefix_cache(cache, (self._tokenizer.FREQ, self._tokenizer.total))

    @property
    def tokenizer(self):
        """The ``jieba.Tokenizer`` itself (shared with the NER's document builder)."""
        return self._tokenizer

    def __call__(self, text: str) -> list[str]:
        return list(self._tokenizer.cut(text, HMM=True))


@lru_cache(maxsize=2)
def common_word_tags(proper_name_tags: frozenset[str]) -> dict[str, str]:
    """Words of two characters or more that jieba's stock dictionary tags with anything but
    one of ``proper_name_tags``, with their tags: 随着 p, 进行 v, 职务 n. Read straight from
    the dictionary file with one stdlib ``re`` scan (0.25 s at first use; ``regex`` is three
    times slower on it, jieba.posseg's full table twice), since nearly every document needs
    it and load time counts."""
    import re

    proper = "|".join(sorted(proper_name_tags, key=len, reverse=True))
    return dict(re.findall(rf"^(\S{{2,}}) \d+ (?!(?:{proper})$)(\w+)$", jieba_dictionary_text(), flags=re.M))


def jieba_dictionary_text() -> str:
    """The text of jieba's stock dictionary file (``word freq tag`` per line), the one source
    of the tag tables read from it (here, and the NER's part-of-speech feature)."""
    import jieba

    with jieba.Tokenizer().get_dict_file() as handle:
        return handle.read().decode("utf-8")


def word_boundaries(text: str, start: int = 0, end: int | None = None) -> set[int]:
    """Where jieba starts a word in ``text[start:end]``, and where the last one ends
    (offsets into ``text``): the rules' check that a cut falls between words."""
    end = len(text) if end is None else end
    position = start = max(0, start)
    bounds = {end}
    for word in get_segmenter("jieba")(text[start:end]):
        bounds.add(position)
        position += len(word)
    return bounds


def is_dictionary_word(word: str) -> bool:
    """Whether ``word`` is a word of the pipeline's jieba dictionary, proper names included
    (its prefix table also holds every word's prefixes, with frequency 0: those are not)."""
    return get_segmenter("jieba").tokenizer.FREQ.get(word, 0) > 0


# jieba's own cache (a marshal file in the temp folder) takes 0.6 s to load and holds the
# dictionary without our domain words; the same prefix dictionary with them, pickled in a
# private per-user folder, loads in 0.15 s. ZHEXTRACT_CACHE_DIR moves it ("off" disables it).
def _prefix_cache_path(jieba_version: str, words: list[str]) -> Path | None:
    setting = os.environ.get("ZHEXTRACT_CACHE_DIR")
    if setting == "off":
        return None
    folder = Path(setting) if setting else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "zhextract"
    key = hashlib.sha256("\n".join([jieba_version, *words]).encode()).hexdigest()[:16]
    return folder / f"jieba-prefix-{key}.pickle"


def _load_prefix_cache(path: Path | None):
    """The cached ``(FREQ, total)``, or None; only a file this user owns and no one else can
    write is unpickled (a pickle is code)."""
    try:
        if path is None or not path.is_file():
            return None
        status = path.stat()
        if status.st_uid != os.getuid() or status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return None
        with path.open("rb") as handle:
            freq, total = pickle.load(handle)
        return (freq, total) if isinstance(freq, dict) and isinstance(total, int) else None
    except Exception:  # a damaged cache is rebuilt, never fatal
        return None


def _store_prefix_cache(path: Path | None, state) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".partial")
        with handle:
            pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(handle.name, 0o600)
        os.replace(handle.name, path)
    except OSError:  # a read-only home: run without the cache
        return


class _PkusegCut:
    def __init__(self) -> None:
        try:
            import pkuseg
        except ImportError as error:  # pragma: no cover - the Makefile installs it
            raise ImportError(
                "pkuseg is not installed; run `make install` (it builds pkuseg with "
                "`pip install --no-build-isolation pkuseg==0.0.25` after numpy and cython)"
            ) from error
        self._segmenter = pkuseg.pkuseg(model_name="default", user_dict=domain_words())

    def __call__(self, text: str) -> list[str]:
        words: list[str] = []
        for line in text.split("\n"):
            if words:
                words.append("\n")
            words.extend(self._segmenter.cut(line) if line.strip() else ([line] if line else []))
        return words


@lru_cache(maxsize=None)
def get_segmenter(name: str) -> Callable[[str], list[str]]:
    """The process-wide segmenter called ``name`` (jieba or pkuseg), built on first use."""
    if name == "jieba":
        return _JiebaCut()
    if name == "pkuseg":
        return _PkusegCut()
    raise ValueError(f"unknown segmenter {name!r}; choose one of {', '.join(SEGMENTERS)}")


def align_words(text: str, words: list[str]) -> list[str]:
    """Words that concatenate to exactly ``text``: segmenters drop or fold whitespace, so
    words are located in ``text`` in order and the gaps become tokens of their own."""
    aligned: list[str] = []
    position = 0
    for word in words:
        if not word:
            continue
        found = text.find(word, position)
        if found == -1:
            continue  # a segmenter's normalised form; its characters come back in the gap
        if found > position:
            aligned.append(text[position:found])
        aligned.append(word)
        position = found + len(word)
    if position < len(text):
        aligned.append(text[position:])
    return aligned


# Where the tokenizer leaves the text it cut, so that stages need not rebuild ``doc.text``.
TEXT_KEY = ("zhextract", "text")


class ZhTokenizer:
    """A spaCy tokenizer that segments with jieba or pkuseg and keeps every character."""

    def __init__(self, vocab: Vocab, segmenter: str = "jieba"):
        if segmenter not in SEGMENTERS:
            raise ValueError(f"unknown segmenter {segmenter!r}; choose one of {', '.join(SEGMENTERS)}")
        self.vocab = vocab
        self.segmenter = segmenter

    def __call__(self, text: str) -> Doc:
        words = align_words(text, get_segmenter(self.segmenter)(text))
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        doc.user_data[TEXT_KEY] = text  # the words join to exactly this (components.doc_text)
        return doc

    # spaCy serialises tokenizers with the pipeline; there is no state beyond the name.
    def to_bytes(self, **_kwargs) -> bytes:
        return self.segmenter.encode()

    def from_bytes(self, data: bytes, **_kwargs) -> ZhTokenizer:
        self.segmenter = data.decode()
        return self

    def to_disk(self, path, **_kwargs) -> None:
        from pathlib import Path

        Path(path).write_text(self.segmenter, encoding="utf-8")

    def from_disk(self, path, **_kwargs) -> ZhTokenizer:
        from pathlib import Path

        self.segmenter = Path(path).read_text(encoding="utf-8").strip()
        return self


@registry.tokenizers("zhextract.segmenter.v1")
def create_segmenter(segmenter: str = "jieba") -> Callable[[Language], ZhTokenizer]:
    """spaCy config hook: ``[nlp.tokenizer] @tokenizers = "zhextract.segmenter.v1"``."""

    def make(nlp: Language) -> ZhTokenizer:
        return ZhTokenizer(nlp.vocab, segmenter)

    return make
