"""Reading the public corpora in ``../shared/data`` (never copied into the repo).

Dev gold records do not store article text: their ``document.source`` is a reference
``<corpus-file>#<item>`` resolved here, and ``document.sha256`` pins the exact text. The
references understood:

- ``thucnews_cnews_sample/cnews.val.txt#L<n>``: line n (1-based); the text after the label.
- ``bbt_cfleb_fin_news/finqa/eval_list.json#<i>``: item i (0-based); the news after the
  question prefix (everything after the first "？").
- ``bbt_cfleb_fin_news/finna/eval_list.json#<i>``: item i; the news text (second field).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_root() -> Path:
    """``$ZHEXTRACT_DATA`` or ``../shared/data`` beside the repo."""
    return Path(os.environ.get("ZHEXTRACT_DATA", REPO_ROOT.parent / "shared" / "data"))


def data_available() -> bool:
    return data_root().is_dir()


class CorpusMissing(FileNotFoundError):
    """The shared data folder (or one corpus in it) is not on this machine."""


def _path(relative: str) -> Path:
    path = data_root() / relative
    if not path.is_file():
        raise CorpusMissing(f"{path} not found; corpora are read from ../shared/data (or $ZHEXTRACT_DATA)")
    return path


@lru_cache(maxsize=8)
def _lines(relative: str) -> tuple[str, ...]:
    return tuple(_path(relative).read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=8)
def _json(relative: str) -> list:
    return json.loads(_path(relative).read_text(encoding="utf-8"))


def resolve_reference(reference: str) -> str:
    """The article text a ``<file>#<item>`` reference names."""
    relative, _, item = reference.partition("#")
    if relative.endswith("cnews.val.txt") and item.startswith("L"):
        line = _lines(relative)[int(item[1:]) - 1]
        return line.split("\t", 1)[1]
    if relative.endswith("finqa/eval_list.json"):
        question_and_news = _json(relative)[int(item)][0]
        return question_and_news.split("？", 1)[1] if "？" in question_and_news else question_and_news
    if relative.endswith("finna/eval_list.json"):
        return _json(relative)[int(item)][1]
    raise ValueError(f"unknown corpus reference {reference!r}")


def news_texts(limit_chars: int | None = None) -> Iterator[tuple[str, str]]:
    """``(reference, text)`` of the real news texts (THUCNews, then finqa), deduplicated."""
    seen: set[str] = set()
    total = 0
    references = [f"thucnews_cnews_sample/cnews.val.txt#L{n}" for n in range(1, len(_lines("thucnews_cnews_sample/cnews.val.txt")) + 1)]
    references += [f"bbt_cfleb_fin_news/finqa/eval_list.json#{i}" for i in range(len(_json("bbt_cfleb_fin_news/finqa/eval_list.json")))]
    for reference in references:
        text = resolve_reference(reference)
        if text in seen:
            continue
        seen.add(text)
        yield reference, text
        total += len(text)
        if limit_chars is not None and total >= limit_chars:
            return
