"""Readers for the public NER corpora in ``../shared/data`` (read in place, never copied).

Each reader yields ``(text, [(start, end, label), ...])`` with end offsets exclusive and the
corpus's own labels. CLUENER's end offsets are inclusive in the file and are converted here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

Example = tuple[str, list[tuple[int, int, str]]]

CORPUS_FILES = {
    ("cluener", "train"): "cluener2020/train.json",
    ("cluener", "dev"): "cluener2020/dev.json",
    ("msra", "train"): "msra_ner/msra_train_bio",
    ("msra", "test"): "msra_ner/msra_test_bio",
    ("weibo", "train"): "weibo_ner/weiboNER_2nd_conll.train",
    ("weibo", "dev"): "weibo_ner/weiboNER_2nd_conll.dev",
    ("weibo", "test"): "weibo_ner/weiboNER_2nd_conll.test",
    ("resume", "train"): "resume_ner/train.char.bmes",
    ("resume", "dev"): "resume_ner/dev.char.bmes",
    ("resume", "test"): "resume_ner/test.char.bmes",
}


def corpus_path(corpus: str, split: str) -> Path:
    from evaluation.corpora import CorpusMissing, data_root

    try:
        relative = CORPUS_FILES[(corpus, split)]
    except KeyError:
        raise ValueError(f"no {split} split for corpus {corpus!r}; known: {sorted(CORPUS_FILES)}") from None
    path = data_root() / relative
    if not path.is_file():
        raise CorpusMissing(f"{path} not found; corpora are read from ../shared/data (or $ZHEXTRACT_DATA)")
    return path


def read_cluener(path: Path) -> Iterator[Example]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        spans = []
        for label, surfaces in (row.get("label") or {}).items():
            for surface, offsets in surfaces.items():
                for start, end_inclusive in offsets:
                    assert text[start:end_inclusive + 1] == surface, (text, surface, start)
                    spans.append((start, end_inclusive + 1, label))
        yield text, sorted(spans)


def _read_tagged(path: Path, separator: str | None, strip_segpos: bool = False) -> Iterator[Example]:
    """Column files, one character and a BIO/BMES tag a line, blank lines between sentences."""
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> Example | None:
        if not chars:
            return None
        text = "".join(chars)
        spans = []
        start, label = None, None
        for i, tag in enumerate(tags + ["O"]):
            prefix, _, kind = tag.partition("-")
            if start is not None and (prefix in ("O", "B", "S") or kind != label):
                spans.append((start, i, label))
                start, label = None, None
            if prefix in ("B", "S") or (prefix in ("I", "M", "E") and start is None):
                start, label = i, kind
            if prefix in ("E", "S") and start is not None:
                spans.append((start, i + 1, label))
                start, label = None, None
        return text, spans

    for line in path.read_text(encoding="utf-8", errors="surrogateescape").splitlines():
        if not line.strip():
            example = flush()
            if example:
                yield example
            chars, tags = [], []
            continue
        fields = line.split(separator) if separator else line.split()
        token, tag = fields[0], fields[-1]
        if strip_segpos and len(token) > 1 and token[-1].isdigit():
            token = token[:-1]
        chars.append(token[:1] if token else "_")
        tags.append(tag)
    example = flush()
    if example:
        yield example


def read_corpus(corpus: str, split: str) -> list[Example]:
    path = corpus_path(corpus, split)
    if corpus == "cluener":
        return list(read_cluener(path))
    if corpus == "msra":
        return list(_read_tagged(path, "\t"))
    if corpus == "weibo":
        return list(_read_tagged(path, "\t", strip_segpos=True))
    if corpus == "resume":
        return list(_read_tagged(path, None))
    raise ValueError(corpus)
