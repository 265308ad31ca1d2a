"""Batch extraction: streaming, parallel, resumable, with every failure accounted for.

``run_batch`` reads documents lazily, extracts them in ``workers`` processes (each loads
the models once), and writes each record as soon as it is done, in input order unless
``ordered=False``. Output to a file goes to ``<out>.partial`` and is renamed into place
only when the run finishes, so an interrupted run never leaves an output that looks
complete; ``resume=True`` continues a ``.partial`` (or a finished output), skipping the
document ids already written and dropping a torn last line. A document that fails becomes
one line in the errors file (id, source, stage, message) and the run goes on.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from models import Document
from pipeline.ingest import Failure, iter_documents

# Each worker keeps its extractor here: built once per process by ``_init_worker``.
_worker_extractor = None
_worker_timeout: float | None = None


@dataclass
class BatchSummary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    characters: int = 0
    elapsed_s: float = 0.0
    errors: list[Failure] = field(default_factory=list)

    @property
    def chars_per_s(self) -> float:
        return self.characters / self.elapsed_s if self.elapsed_s else 0.0

    def line(self) -> str:
        return (f"documents ok {self.ok}, failed {self.failed}, skipped {self.skipped}; "
                f"{self.characters} chars in {self.elapsed_s:.1f} s ({self.chars_per_s:,.0f} chars/s, "
                f"{(self.ok + self.failed) / self.elapsed_s if self.elapsed_s else 0:.1f} docs/s)")


class DocumentTimeout(Exception):
    pass


def _on_alarm(signum, frame):  # pragma: no cover - exercised through run_batch
    raise DocumentTimeout()


def _init_worker(segmenter: str, use_ner: bool, doc_timeout: float | None) -> None:
    global _worker_extractor, _worker_timeout
    from pipeline import Extractor

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _worker_extractor = Extractor(segmenter=segmenter, use_ner=use_ner)
    _worker_timeout = doc_timeout


def _process(document: Document) -> tuple[str, str | None, Failure | None, int]:
    """``(doc id, record JSON, failure, characters)`` for one document, in a worker."""
    timer_set = False
    try:
        if _worker_timeout and hasattr(signal, "setitimer"):
            signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, _worker_timeout)
            timer_set = True
        record = _worker_extractor.extract_document(document)
        line = record.model_dump_json()
        return document.id, line, None, len(document.text)
    except DocumentTimeout:
        message = f"{document.source or document.id}: extraction took longer than {_worker_timeout:g} s (--doc-timeout)"
        return document.id, None, Failure(document.id, document.source or "", "timeout", message), len(document.text)
    except Exception as error:  # one bad document must not stop the run; the message says why
        message = f"{document.source or document.id}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        return document.id, None, Failure(document.id, document.source or "", "extract", message), len(document.text)
    finally:
        if timer_set:
            signal.setitimer(signal.ITIMER_REAL, 0)


def read_done_ids(path: Path) -> set[str]:
    """Document ids already in a JSONL output; a torn last line (killed mid-write) is cut off."""
    done: set[str] = set()
    if not path.exists():
        return done
    with path.open("rb+") as handle:
        data = handle.read()
        last_newline = data.rfind(b"\n")
        if last_newline != len(data) - 1:
            handle.truncate(last_newline + 1)
            data = data[:last_newline + 1]
    for line in data.splitlines():
        if line.strip():
            done.add(json.loads(line)["document"]["id"])
    return done


def _inputs(paths: Iterable[str | Path], done: set[str], summary: BatchSummary,
            on_failure: Callable[[Failure], None]) -> Iterator[Document]:
    seen: set[str] = set()
    for item in iter_documents(paths):
        if isinstance(item, Failure):
            on_failure(item)
            continue
        if item.id in done:
            summary.skipped += 1
            continue
        if item.id in seen:
            on_failure(Failure(item.id, item.source or "", "ingest",
                               f"{item.source}: duplicate document id {item.id!r}; ids must be unique in one run"))
            continue
        seen.add(item.id)
        yield item


def run_batch(
    inputs: Iterable[str | Path],
    output: Path | None,
    *,
    errors_path: Path | None = None,
    segmenter: str = "jieba",
    use_ner: bool = True,
    workers: int = 1,
    ordered: bool = True,
    resume: bool = False,
    doc_timeout: float | None = None,
    progress: bool = False,
    stdout: IO[str] | None = None,
) -> BatchSummary:
    """Extract every document under ``inputs`` into ``output`` (JSONL; stdout when None)."""
    summary = BatchSummary()
    started = time.perf_counter()
    partial = output.with_name(output.name + ".partial") if output else None
    done: set[str] = set()
    if output is not None:
        if resume:
            if not partial.exists() and output.exists():
                os.replace(output, partial)
            done = read_done_ids(partial)
        elif partial.exists():
            partial.unlink()
    sink = partial.open("a", encoding="utf-8") if partial else (stdout or sys.stdout)
    error_sink = errors_path.open("a" if resume else "w", encoding="utf-8") if errors_path else None

    def on_failure(failure: Failure) -> None:
        summary.failed += 1
        summary.errors.append(failure)
        if error_sink:
            error_sink.write(json.dumps(failure.__dict__, ensure_ascii=False) + "\n")
            error_sink.flush()

    documents = _inputs(inputs, done, summary, on_failure)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True)
    try:
        if workers <= 1:
            _init_worker(segmenter, use_ner, doc_timeout)
            results: Iterator = map(_process, documents)
            pool = None
        else:
            context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
            pool = context.Pool(workers, initializer=_init_worker, initargs=(segmenter, use_ner, doc_timeout))
            mapper = pool.imap if ordered else pool.imap_unordered
            results = mapper(_process, documents, chunksize=4)
        for _doc_id, line, failure, characters in results:
            summary.characters += characters
            if failure is not None:
                on_failure(failure)
            else:
                sink.write(line + "\n")
                sink.flush()
                summary.ok += 1
            if bar is not None:
                bar.update(1)
                bar.set_postfix(chars_s=f"{summary.characters / max(time.perf_counter() - started, 1e-9):,.0f}")
        if pool is not None:
            pool.close()
            pool.join()
    except BaseException:
        if workers > 1 and "pool" in locals() and pool is not None:
            pool.terminate()
        raise
    finally:
        if bar is not None:
            bar.close()
        if partial:
            sink.close()
        if error_sink:
            error_sink.close()
    if partial:
        os.replace(partial, output)
    summary.elapsed_s = time.perf_counter() - started
    return summary
