"""Ingest: files, folders and JSONL corpora in, ``models.Document`` out.

Supported inputs
- ``.txt`` / ``.md``: optional YAML front matter (title, author, date, categories) and a
  body that is plain text or HTML (the seed articles are YAML + HTML).
- ``.html`` / ``.htm``: the body text, ``<title>`` as the title.
- ``.jsonl``: one document a line with ``text`` (required), ``id``, ``title``,
  ``published`` (or ``date``), ``author``, ``categories``, ``source``; any other field is
  kept in ``document.metadata``.

HTML becomes clean text with one paragraph a line. Scripts, styles and image attributes
are dropped (news pages repeat the headline in every ``<img title>``; the visible caption
paragraph is kept once). Front matter is parsed with ``yaml.safe_load`` only; a broken
header is kept as body text with a warning rather than dropped.

Bytes are decoded strictly: UTF-8 (with or without BOM), UTF-16 with BOM, then the
encoding charset-normalizer detects (GB18030, Big5, ...). The decoding used is recorded in
``document.metadata["encoding"]``. Nothing is decoded with replacement characters.
"""

from __future__ import annotations

import codecs
import email.utils
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from models import Document, text_sha256

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
CORPUS_SUFFIXES = (".jsonl",)
INPUT_SUFFIXES = TEXT_SUFFIXES + CORPUS_SUFFIXES

# Blank lines may precede the opening fence (the seed articles start with one).
_FRONT_MATTER = re.compile(r"\A\ufeff?\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_LOOKS_LIKE_HTML = re.compile(r"<(?:p|div|br|span|html|body|h[1-6]|li|table|article|section|img|strong)\b", re.I)
# Zero-width characters, soft hyphens and C0/C1 control characters (tab and line breaks
# aside) carry no text and would sit inside names and numbers.
_INVISIBLE = dict.fromkeys(
    [*map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"),
     *(c for c in range(0x20) if chr(c) not in "\t\n\r"), 0x7f, *range(0x80, 0xa0)],
    None,
)
_HORIZONTAL_SPACE = re.compile(r"[ \t\f\v\u00a0\u3000\u2002-\u200a\u202f\u205f]+")


class IngestError(Exception):
    """An input that cannot become a document; ``str()`` names the source and the cause."""

    def __init__(self, source: str, message: str, stage: str = "ingest"):
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message
        self.stage = stage


@dataclass(frozen=True)
class Failure:
    """One input that failed, in the shape the batch runner writes to ``--errors``."""

    id: str
    source: str
    stage: str
    message: str


# --------------------------------------------------------------------------- decoding

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Decode ``data`` strictly, returning ``(text, encoding)``.

    Raises ``IngestError`` naming the byte offset when no encoding decodes it cleanly.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict_decode(data, encoding, source), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        first_error = utf8_error
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 input pays for it

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "cp1252"]).best()
    if best is not None and best.encoding not in ("ascii", "utf_8"):
        encoding = "gb18030" if best.encoding in ("gbk", "gb2312") else best.encoding
        return _strict_decode(data, encoding, source), encoding
    raise IngestError(
        source,
        f"not valid UTF-8 at byte {first_error.start} and no other encoding fits; "
        "convert the file to UTF-8 or GB18030",
        stage="decode",
    )


def _strict_decode(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise IngestError(source, f"undecodable as {encoding} at byte {error.start}", stage="decode") from error


# --------------------------------------------------------------------------- HTML

_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer blockquote "
    "figure figcaption pre dd dt dl hr".split()
)
_SKIPPED_TAGS = frozenset("script style noscript template head svg iframe".split())


class _TextExtractor(HTMLParser):
    """Collects visible text, breaking lines at block elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Visible text of ``markup`` (one paragraph a line) and its ``<title>``, if any."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    title = clean_text("".join(parser.title_parts)) or None
    return clean_text("".join(parser.parts)), title


def clean_text(text: str) -> str:
    """Normalise whitespace: one paragraph a line, single spaces, no invisible characters."""
    text = text.translate(_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
    lines = (_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- metadata

def normalise_published(value: Any) -> str | None:
    """ISO 8601 from the date forms news front matter uses (RFC 2822, ISO, YAML dates)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    raw = str(value).strip()
    try:
        return normalise_published(email.utils.parsedate_to_datetime(raw))
    except (TypeError, ValueError, IndexError):
        pass
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        match = re.fullmatch(r"(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?", raw)
        if not match:
            return None
        return date(*map(int, match.groups())).isoformat()
    return normalise_published(parsed if ("T" in raw or " " in raw) else parsed.date())


def _categories(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    return [str(item).strip() for item in value if str(item).strip()]


def _optional_str(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def split_front_matter(raw: str) -> tuple[dict[str, Any], str, list[str]]:
    """``(header, body, warnings)``; a header that is not a YAML mapping stays in the body."""
    match = _FRONT_MATTER.match(raw)
    if not match:
        return {}, raw, []
    try:
        header = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        return {}, raw, [f"front matter is not valid YAML{where}; kept as body text"]
    if not isinstance(header, dict):
        return {}, raw, ["front matter is not a YAML mapping; kept as body text"]
    return header, raw[match.end():], []


# --------------------------------------------------------------------------- documents

def document_from_text(
    raw: str,
    *,
    doc_id: str | None = None,
    source: str | None = None,
    markup: str = "auto",
    metadata: dict[str, Any] | None = None,
) -> Document:
    """Build a document from the raw content of a text, Markdown or HTML file.

    ``markup`` is ``"auto"`` (HTML when the body has block tags), ``"html"`` or ``"text"``.
    """
    header, body, warnings = split_front_matter(raw)
    title = _optional_str(header.get("title"))
    is_html = markup == "html" or (markup == "auto" and _LOOKS_LIKE_HTML.search(body) is not None)
    if is_html:
        text, html_title = html_to_text(body)
        title = title or html_title
    else:
        text = clean_text(body)
    if not text.strip():
        # Kept as a record (the corpus stays accounted for), flagged so users can find it.
        warnings.append("the document has no body text")
    meta = dict(metadata or {})
    if warnings:
        meta["warnings"] = warnings
    extra = {k: v for k, v in header.items() if k not in ("title", "author", "date", "published", "categories")}
    if extra:
        meta["front_matter"] = json.loads(json.dumps(extra, ensure_ascii=False, default=str))
    return Document(
        id=doc_id or text_sha256(text)[:16],
        title=title,
        author=_optional_str(header.get("author")),
        published=normalise_published(header.get("published", header.get("date"))),
        categories=_categories(header.get("categories")),
        source=source,
        text=text,
        metadata=meta,
    )


def read_file(path: Path) -> Document:
    """Read one ``.txt``/``.md``/``.html`` file into a document (id: the file stem)."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(source, f"cannot read: {error.strerror or error}") from error
    text, encoding = decode_bytes(data, source)
    markup = "html" if path.suffix.lower() in (".html", ".htm") else "auto"
    return document_from_text(text, doc_id=path.stem, source=source, markup=markup, metadata={"encoding": encoding})


_JSONL_FIELDS = ("id", "title", "text", "content", "published", "date", "author", "categories", "source")


def document_from_json(obj: Any, source: str) -> Document:
    """Build a document from one JSONL object; unknown fields go to ``metadata``."""
    if not isinstance(obj, dict):
        raise IngestError(source, f"expected a JSON object, got {type(obj).__name__}", stage="parse")
    body = obj.get("text", obj.get("content"))
    if not isinstance(body, str):
        raise IngestError(source, 'no "text" string field', stage="parse")
    metadata = {k: v for k, v in obj.items() if k not in _JSONL_FIELDS}
    document = document_from_text(
        body, doc_id=_optional_str(obj.get("id")), source=_optional_str(obj.get("source")) or source, metadata=metadata
    )
    updates: dict[str, Any] = {}
    if obj.get("title") is not None:
        updates["title"] = _optional_str(obj["title"])
    if obj.get("author") is not None:
        updates["author"] = _optional_str(obj["author"])
    published = obj.get("published", obj.get("date"))
    if published is not None:
        updates["published"] = normalise_published(published)
    if obj.get("categories") is not None:
        updates["categories"] = _categories(obj["categories"])
    return document.model_copy(update=updates) if updates else document


def iter_jsonl(path: Path) -> Iterator[Document | Failure]:
    """Documents of a JSONL corpus, lazily; a bad line is a ``Failure`` naming its line."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield Failure(id=path.stem, source=str(path), stage="read", message=f"cannot read: {error.strerror}")
        return
    with handle:
        for number, raw_line in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw_line.strip():
                continue
            try:
                line, _ = decode_bytes(raw_line, where)
                document = document_from_json(json.loads(line), where)
                if document.source == where:
                    document = document.model_copy(update={"source": where})
                yield document
            except json.JSONDecodeError as error:
                yield Failure(id=f"{path.stem}:{number}", source=where, stage="parse",
                              message=f"{where}: invalid JSON at column {error.colno}: {error.msg}")
            except IngestError as error:
                yield Failure(id=f"{path.stem}:{number}", source=where, stage=error.stage, message=str(error))
            except ValueError as error:  # pydantic validation of the fields
                yield Failure(id=f"{path.stem}:{number}", source=where, stage="parse",
                              message=f"{where}: {error.__class__.__name__}: {str(error).splitlines()[0]}")


def expand_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the input files inside folders named (recursively, sorted).

    Raises ``IngestError`` for a path that does not exist or a file of an unknown kind,
    before any work starts.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
        elif path.is_file():
            if path.suffix.lower() not in INPUT_SUFFIXES:
                raise IngestError(str(path), f"unsupported file type {path.suffix or '(none)'}; "
                                             f"expected one of {', '.join(INPUT_SUFFIXES)}")
            yield path
        else:
            raise IngestError(str(path), "no such file or folder")


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Document | Failure]:
    """Every document under ``paths``, read lazily; unreadable inputs come out as ``Failure``."""
    for path in expand_inputs(paths):
        if path.suffix.lower() in CORPUS_SUFFIXES:
            yield from iter_jsonl(path)
            continue
        try:
            yield read_file(path)
        except IngestError as error:
            yield Failure(id=path.stem, source=str(path), stage=error.stage, message=str(error))
        except ValueError as error:
            yield Failure(id=path.stem, source=str(path), stage="parse",
                          message=f"{path}: {str(error).splitlines()[0]}")
