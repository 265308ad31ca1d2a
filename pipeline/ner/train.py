"""Train the statistical NER (spaCy ``ner`` over jieba words or characters) on the public corpora' train splits.

    .venv/bin/python -m pipeline.ner.train                       # the shipped model
    .venv/bin/python -m pipeline.ner.train --tokens jieba --corpora cluener --minutes 10 --out /tmp/x

Reads ``cluener2020/train.json`` and ``msra_ner/msra_train_bio`` from ``../shared/data`` (via
``evaluation.corpora.data_root()``), never dev or test for training. The CLUENER dev split is only
used to pick the best checkpoint (as ``spacy train`` does) and is reported. CPU only, fixed seeds;
training stops after ``--minutes`` (wall clock) or ``--epochs``, whichever comes first, so the
result depends on machine speed only through the number of updates made.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy  # noqa: E402
import spacy  # noqa: E402
from spacy import util  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402
from spacy.training import Example  # noqa: E402

from pipeline.ner.data import read_corpus  # noqa: E402
from pipeline.ner.features import char_positions, doc_builder  # noqa: E402

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "config.cfg"
DEFAULT_OUT = HERE / "model"
CLUENER_LABELS = ("name", "company", "organization", "government", "position",
                  "address", "scene", "book", "movie", "game")
MSRA_LABELS = ("PER", "ORG", "LOC")
# MSRA read under the "msra" domain flag with its labels mapped onto CLUENER's (--msra-labels shared,
# the default: 10 labels, and spaCy's greedy NER gets slower with every label) or kept apart.
MSRA_TO_CLUENER = {"PER": "name", "ORG": "organization", "LOC": "address"}


# --------------------------------------------------------------------------- documents

def build_doc(vocab, text: str, domain: str, tokens: str) -> tuple[Doc, list[int]]:
    positions = char_positions(text)
    return doc_builder(tokens)(vocab, text, domain, positions), positions


def to_example(vocab, text, spans, domain, tokens) -> Example:
    doc, positions = build_doc(vocab, text, domain, tokens)
    index = {p: k for k, p in enumerate(positions)}  # original offset -> stripped offset
    reference = doc.copy()
    ents = []
    for start, end, label in spans:
        inner = [index[i] for i in range(start, end) if i in index]
        if not inner:
            continue
        span = reference.char_span(inner[0], inner[-1] + 1, label=label, alignment_mode="expand")
        if span is not None:
            ents.append(span)
    ents = util.filter_spans(ents)
    reference.set_ents(ents, default="outside")
    return Example(doc, reference)


def predicted_spans(doc: Doc, positions: list[int]) -> set[tuple[int, int, str]]:
    return {(positions[e.start_char], positions[e.end_char - 1] + 1, e.label_) for e in doc.ents}


# --------------------------------------------------------------------------- scoring

def score(gold: list[set], pred: list[set]) -> dict:
    """Strict span P/R/F1 per label present and micro (the benchmark's scorer)."""
    from evaluation.bench_ner import span_prf

    labels = tuple(sorted({s[2] for spans in [*gold, *pred] for s in spans}))
    return span_prf(gold, pred, labels)


def evaluate(nlp, data, domain: str, tokens: str, map_label=None) -> dict:
    ner = nlp.get_pipe("ner")
    built = [build_doc(nlp.vocab, text, domain, tokens) for text, _ in data]
    docs = list(ner.pipe((d for d, _ in built), batch_size=256))
    pred = []
    for doc, (_, positions) in zip(docs, built):
        spans = predicted_spans(doc, positions)
        if map_label:
            spans = {(s, e, map_label(l)) for s, e, l in spans}
            spans = {x for x in spans if x[2]}
        pred.append(spans)
    gold = [set(spans) for _, spans in data]
    return score(gold, pred)


# --------------------------------------------------------------------------- training

def load_nlp(args):
    overrides = {
        "components.ner.model.tok2vec.embed.width": args.width,
        "components.ner.model.tok2vec.encode.width": args.width,
        "components.ner.model.tok2vec.encode.depth": args.depth,
        "components.ner.model.tok2vec.encode.maxout_pieces": args.maxout,
        "components.ner.model.hidden_width": args.hidden,
    }
    if args.tokens == "jieba":
        overrides["components.ner.model.tok2vec.embed.attrs"] = ["ORTH", "NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG"]
        overrides["components.ner.model.tok2vec.embed.rows"] = [20000, 20000, 5000, 5000, 200, 10]
    config = util.load_config(CONFIG, overrides=overrides)
    return util.load_model_from_config(config, auto_fill=True, validate=True), config


def write_calibration(nlp, out: Path, dev_scores: dict) -> None:
    """Per-label precision on CLUENER dev: the recognizer's constant span score per label."""
    precision = {label: round(max(0.05, min(0.99, v["p"])), 3) for label, v in dev_scores.items()
                 if label != "micro" and v["support"] > 0}
    (out / "calibration.json").write_text(json.dumps({
        "source": "CLUENER dev precision of each fine label (pipeline/ner/train.py --calibrate)",
        "label_precision": precision}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--tokens", choices=("char", "jieba"), default="char")
    parser.add_argument("--corpora", default="cluener,msra", help="train splits to use: cluener,msra")
    parser.add_argument("--msra-labels", choices=("shared", "separate"), default="shared")
    parser.add_argument("--cluener-repeat", type=int, default=2, help="CLUENER copies per epoch (it is 5x smaller)")
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--width", type=int, default=96)
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--maxout", type=int, default=3)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--dropout", type=float, default=0.15)
    parser.add_argument("--lr", type=float, default=0.002)
    parser.add_argument("--batch-chars", type=int, default=2000)
    parser.add_argument("--eval-every", type=int, default=400, help="updates between dev evaluations")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--calibrate", action="store_true", help="only (re)write --out/calibration.json")
    args = parser.parse_args(argv)
    if args.calibrate:
        nlp = spacy.load(args.out)
        scores = evaluate(nlp, read_corpus("cluener", "dev"), "cluener", nlp.meta.get("zhextract", {}).get("tokens", "char"))
        write_calibration(nlp, args.out, scores)
        print(json.dumps(scores))
        return 0

    random.seed(args.seed)
    numpy.random.seed(args.seed)
    util.fix_random_seed(args.seed)
    spacy.require_cpu()
    nlp, config = load_nlp(args)
    ner = nlp.get_pipe("ner")

    corpora = [c.strip() for c in args.corpora.split(",") if c.strip()]
    started = time.time()
    train: list[Example] = []
    counts = {}
    for corpus in corpora:
        data = read_corpus(corpus, "train")
        counts[corpus] = len(data)
        domain = "cluener" if corpus == "cluener" else "msra"
        if corpus == "msra" and args.msra_labels == "shared":
            data = [(text, [(s, e, MSRA_TO_CLUENER[label]) for s, e, label in spans]) for text, spans in data]
        examples = [to_example(nlp.vocab, text, spans, domain, args.tokens) for text, spans in data]
        train += examples * (args.cluener_repeat if corpus == "cluener" else 1)
    dev = read_corpus("cluener", "dev")
    print(f"examples: {counts}; {len(train)} per epoch; built in {time.time() - started:.0f}s", flush=True)

    for label in CLUENER_LABELS + (MSRA_LABELS if "msra" in corpora and args.msra_labels == "separate" else ()):
        ner.add_label(label)
    rng = random.Random(args.seed)
    sample = rng.sample(train, min(2000, len(train)))
    optimizer = nlp.initialize(lambda: sample)
    optimizer.learn_rate = args.lr

    log = []
    best = (-1.0, None, None)
    step = 0
    deadline = time.time() + args.minutes * 60
    train_started = time.time()
    done = False
    for epoch in range(args.epochs):
        rng.shuffle(train)
        losses: dict = {}
        batch: list[Example] = []
        size = 0
        for example in train:
            batch.append(example)
            size += len(example.predicted)
            if size < args.batch_chars:
                continue
            nlp.update(batch, sgd=optimizer, drop=args.dropout, losses=losses)
            batch, size = [], 0
            step += 1
            if step % args.eval_every == 0:
                scores = evaluate(nlp, dev, "cluener", args.tokens)
                f = scores["micro"]["f1"]
                entry = {"step": step, "epoch": epoch, "minutes": round((time.time() - train_started) / 60, 2),
                         "loss": round(float(losses.get("ner", 0.0)), 1), "dev_micro_f": f,
                         "dev_name_f": scores.get("name", {}).get("f1")}
                log.append(entry)
                print(json.dumps(entry), flush=True)
                if f > best[0]:
                    best = (f, ner.to_bytes(), entry)
            if time.time() > deadline:
                done = True
                break
        if done:
            break
    training_minutes = (time.time() - train_started) / 60
    if best[1] is not None:
        ner.from_bytes(best[1])
    scores = evaluate(nlp, dev, "cluener", args.tokens)

    # speed on the dev texts (ner only, after document building)
    texts = [t for t, _ in dev]
    chars = sum(len(t) for t in texts)
    t0 = time.perf_counter()
    built = [build_doc(nlp.vocab, t, "cluener", args.tokens)[0] for t in texts]
    list(ner.pipe(built, batch_size=256))
    chars_per_second = chars / (time.perf_counter() - t0)

    args.out.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "zhextract_ner"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = f"zhextract statistical NER: spaCy ner over {args.tokens} tokens (see pipeline/ner/README.md)"
    nlp.meta["zhextract"] = {
        "tokens": args.tokens, "corpora": corpora, "train_sentences": counts, "args": {k: str(v) for k, v in vars(args).items()},
        "training_minutes": round(training_minutes, 1), "updates": step, "best_checkpoint": best[2],
        "cluener_dev": scores, "chars_per_second_dev": round(chars_per_second), "log": log,
        "domains": ["cluener", "msra"] if "msra" in corpora else ["cluener"],
    }
    nlp.to_disk(args.out)
    write_calibration(nlp, args.out, scores)
    print(json.dumps({"cluener_dev_micro": scores["micro"], "name": scores.get("name"),
                      "chars_per_second": round(chars_per_second), "minutes": round(training_minutes, 1)}), flush=True)
    print(json.dumps(scores), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
