"""Loading the data tables in ``pipeline/data`` (units, titles, metric words, periods...).

Tables are YAML files with a header comment saying where their entries come from. Code
reads them; it does not branch on literals that belong in a table.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from collections.abc import Iterable
from typing import Any

import regex
import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def load_table(name: str) -> Any:
    """The parsed ``data/<name>.yaml``; raises ``FileNotFoundError`` naming the path."""
    path = DATA_DIR / f"{name}.yaml"
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_SAFE_LOADER)


# libyaml's safe loader when PyYAML was built with it (the wheels are): the pure-Python one
# took a third of a second of the first document for our four tables.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load_word_list(name: str) -> tuple[str, ...]:
    """Lines of ``data/<name>.txt`` without comments and blanks (first column only)."""
    words = []
    for line in (DATA_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line.split()[0])
    return tuple(words)


def alternation(words: Iterable[Any]) -> str:
    """A regex alternation of table ``words``, longest first (so that 个百分点 beats 个),
    each escaped; YAML numbers in a word list are read as their text."""
    return "|".join(regex.escape(w) for w in sorted(set(map(str, words)), key=len, reverse=True))
