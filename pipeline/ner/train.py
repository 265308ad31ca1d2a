"""Train the statistical NER (spaCy ``ner`` over jieba words or characters) on the public corpora' train splits.

    .venv/bin/python -m pipeline.ner.train                       # the shipped model
    .venv/bin/python -m pipeline.ner.train --tokens jieba --corpora cluener --minutes 10 --out /tmp/x
    .venv/bin/python -m pipeline.ner.train --tokens jieba --head tagger --minutes 22 --out /tmp/t
    .venv/bin/python -m pipeline.ner.train --tokens jieba+pos --head tagger --scheme biluo --out /tmp/b

``--head ner`` (default): spaCy's greedy transition-based ``ner``. ``--head tagger``: a spaCy
``tagger`` over the same tok2vec and documents, one softmax per token over BIO tags (``O``,
``B-name``, ``I-name``, …) or BILUO tags (``--scheme biluo``: also ``L-name``, ``U-name``), decoded
into spans by ``pipeline/ner/tagging.py``; the tag bigram counts of the training targets are saved
(``transitions.json``) and their weight in decoding is chosen on dev after training.

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
from pipeline.ner.features import TOKENS, char_positions, doc_builder  # noqa: E402
from pipeline.ner.tagging import (  # noqa: E402
    TagDecoder, Transitions, doc_tags, entity_tags, head_of, predict_spans, tag_probabilities,
)

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "config.cfg"
CONFIGS = {"ner": CONFIG, "tagger": HERE / "config_tagger.cfg"}
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


def to_example(vocab, text, spans, domain, tokens, head: str = "ner", scheme: str = "bio") -> Example:
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
    if head == "tagger":  # the reference's TAG holds the tag targets (the predicted doc's TAG keeps the domain flag)
        for token, tag in zip(reference, doc_tags(reference, scheme)):
            token.tag_ = tag
    return Example(doc, reference)


def predicted_spans(doc: Doc, positions: list[int], token_spans) -> set[tuple[int, int, str]]:
    result = set()
    for start, end, label, _ in token_spans:
        span = doc[start:end]
        result.add((positions[span.start_char], positions[span.end_char - 1] + 1, label))
    return result


# --------------------------------------------------------------------------- scoring

def score(gold: list[set], pred: list[set]) -> dict:
    """Strict span P/R/F1 per label present and micro (the benchmark's scorer)."""
    from evaluation.bench_ner import span_prf

    labels = tuple(sorted({s[2] for spans in [*gold, *pred] for s in spans}))
    return span_prf(gold, pred, labels)


def evaluate(nlp, data, domain: str, tokens: str, map_label=None, **decode) -> dict:
    built = [build_doc(nlp.vocab, text, domain, tokens) for text, _ in data]
    docs = [d for d, _ in built]
    pred = []
    for doc, (_, positions), token_spans in zip(docs, built, predict_spans(nlp, docs, **decode)):
        spans = predicted_spans(doc, positions, token_spans)
        if map_label:
            spans = {(s, e, map_label(l)) for s, e, l in spans}
            spans = {x for x in spans if x[2]}
        pred.append(spans)
    gold = [set(spans) for _, spans in data]
    return score(gold, pred)


# --------------------------------------------------------------------------- training

def load_nlp(args):
    c = f"components.{args.head}.model"
    overrides = {
        f"{c}.tok2vec.embed.width": args.width,
        f"{c}.tok2vec.encode.width": args.width,
        f"{c}.tok2vec.encode.depth": args.depth,
        f"{c}.tok2vec.encode.maxout_pieces": args.maxout,
    }
    if args.head == "ner":
        overrides[f"{c}.hidden_width"] = args.hidden
    if args.tokens.startswith("jieba"):
        overrides[f"{c}.tok2vec.embed.attrs"] = ["ORTH", "NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG"]
        overrides[f"{c}.tok2vec.embed.rows"] = [args.rows, args.rows, 5000, 5000, 200, 10]
    if args.tokens.startswith("jieba+pos"):  # LEMMA holds the dictionary part of speech (features.py)
        overrides[f"{c}.tok2vec.embed.attrs"] += ["LEMMA"]
        overrides[f"{c}.tok2vec.embed.rows"] += [200]
    config = util.load_config(CONFIGS[args.head], overrides=overrides)
    return util.load_model_from_config(config, auto_fill=True, validate=True), config


PROBABILITY_BINS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)


def probability_bins(nlp, data, tokens: str, transitions: Transitions | None = None) -> list[list[float]]:
    """Tagger head: CLUENER dev precision of predicted spans per bin of span probability (upper
    bounds ``PROBABILITY_BINS``), made non-decreasing (a bin never scores above a higher one)."""
    counts = [[0, 0] for _ in PROBABILITY_BINS]  # [correct, predicted]
    built = [build_doc(nlp.vocab, text, "cluener", tokens) for text, _ in data]
    docs = [d for d, _ in built]
    for (text, gold), doc, (_, positions), spans in zip(data, docs, built,
                                                        predict_spans(nlp, docs, transitions=transitions)):
        gold = set(gold)
        for start, end, label, probability in spans:
            span = doc[start:end]
            key = (positions[span.start_char], positions[span.end_char - 1] + 1, label)
            k = next(i for i, upper in enumerate(PROBABILITY_BINS) if probability <= upper or upper == 1.0)
            counts[k][0] += key in gold
            counts[k][1] += 1
    bins, pooled_correct, pooled_total = [], 0, 0
    for upper, (correct, total) in zip(PROBABILITY_BINS, counts):  # pool bins with < 30 spans into the next
        pooled_correct += correct
        pooled_total += total
        if pooled_total >= 30 or upper == 1.0:
            bins.append([upper, pooled_correct / max(1, pooled_total), pooled_total])
            pooled_correct = pooled_total = 0
    for i in range(len(bins) - 2, -1, -1):  # non-decreasing from the top down
        bins[i][1] = min(bins[i][1], bins[i + 1][1])
    return [[upper, round(max(0.05, min(0.99, precision)), 3), total] for upper, precision, total in bins]


TRANSITION_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0)


def tune_transitions(nlp, data, tokens: str, transitions: Transitions) -> tuple[Transitions, list]:
    """The transition weight (``TRANSITION_WEIGHTS``) with the best CLUENER dev micro F1; the
    tagger runs once, only decoding is repeated."""
    built = [build_doc(nlp.vocab, text, "cluener", tokens) for text, _ in data]
    docs = [d for d, _ in built]
    probs = list(tag_probabilities(nlp, docs))
    gold = [set(spans) for _, spans in data]
    table = []
    for weight in TRANSITION_WEIGHTS:
        candidate = Transitions(transitions.tags, transitions.counts, weight)
        decoder = TagDecoder(nlp.get_pipe("tagger").labels, candidate)
        pred = [predicted_spans(doc, positions, decoder.spans(p)) for doc, (_, positions), p in zip(docs, built, probs)]
        scores = score(gold, pred)
        table.append({"weight": weight, "dev_micro_f": scores["micro"]["f1"], "dev_name_f": scores.get("name", {}).get("f1")})
        print(json.dumps(table[-1]), flush=True)
    best = max(table, key=lambda row: row["dev_micro_f"])
    return Transitions(transitions.tags, transitions.counts, best["weight"]), table


def write_calibration(nlp, out: Path, dev_scores: dict, bins: list | None = None) -> None:
    """Per-label precision on CLUENER dev: the recognizer's constant span score per label (ner
    head); for the tagger head also the dev precision per span-probability bin."""
    precision = {label: round(max(0.05, min(0.99, v["p"])), 3) for label, v in dev_scores.items()
                 if label != "micro" and v["support"] > 0}
    table = {"source": "CLUENER dev precision of each fine label (pipeline/ner/train.py --calibrate)",
             "label_precision": precision}
    if bins:
        table["probability_bins_source"] = ("tagger head: CLUENER dev precision of the spans whose mean tag "
                                            "probability is at most the bound (bound, precision, spans)")
        table["probability_bins"] = [[upper, p] for upper, p, _ in bins]
        table["probability_bins_support"] = [n for _, _, n in bins]
    (out / "calibration.json").write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--tokens", choices=TOKENS, default="char",
                        help="jieba+pos: jieba words with their dictionary part of speech as a feature; "
                             "jieba+pos+surname: that feature with a surname flag (features.py)")
    parser.add_argument("--head", choices=("ner", "tagger"), default="ner",
                        help="ner: greedy transition-based spaCy ner; tagger: BIO token classification (tagging.py)")
    parser.add_argument("--scheme", choices=("bio", "biluo"), default="bio", help="tag scheme of the tagger head")
    parser.add_argument("--rows", type=int, default=20000, help="hash embedding rows of ORTH and NORM (jieba tokens)")
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
    parser.add_argument("--calibrate", action="store_true",
                        help="only (re)write --out/calibration.json (tagger: after re-choosing the transition weight)")
    args = parser.parse_args(argv)
    if args.calibrate:
        nlp = spacy.load(args.out)
        tokens = nlp.meta.get("zhextract", {}).get("tokens", "char")
        dev = read_corpus("cluener", "dev")
        transitions = Transitions.from_disk(args.out)
        if transitions is not None:
            transitions, _ = tune_transitions(nlp, dev, tokens, transitions)
            transitions.to_disk(args.out)
        scores = evaluate(nlp, dev, "cluener", tokens, transitions=transitions)
        write_calibration(nlp, args.out, scores,
                          probability_bins(nlp, dev, tokens, transitions) if head_of(nlp) == "tagger" else None)
        print(json.dumps(scores))
        return 0

    random.seed(args.seed)
    numpy.random.seed(args.seed)
    util.fix_random_seed(args.seed)
    spacy.require_cpu()
    nlp, config = load_nlp(args)
    ner = nlp.get_pipe(args.head)

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
        examples = [to_example(nlp.vocab, text, spans, domain, args.tokens, args.head, args.scheme) for text, spans in data]
        train += examples * (args.cluener_repeat if corpus == "cluener" else 1)
    dev = read_corpus("cluener", "dev")
    print(f"examples: {counts}; {len(train)} per epoch; built in {time.time() - started:.0f}s", flush=True)

    labels = CLUENER_LABELS + (MSRA_LABELS if "msra" in corpora and args.msra_labels == "separate" else ())
    tag_names = entity_tags(labels, args.scheme)
    # first-order tag statistics of the training targets (each sentence once), for decoding
    transitions = None
    if args.head == "tagger":
        unique = {id(ex): ex for ex in train}.values()
        transitions = Transitions.count(tag_names, ([t.tag_ for t in ex.reference] for ex in unique))
    for label in (tag_names if args.head == "tagger" else labels):
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
                         "loss": round(float(losses.get(args.head, 0.0)), 1), "dev_micro_f": f,
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
    tuning = None
    if transitions is not None:
        transitions, tuning = tune_transitions(nlp, dev, args.tokens, transitions)
    scores = evaluate(nlp, dev, "cluener", args.tokens, transitions=transitions)

    # speed on the dev texts (ner only, after document building)
    texts = [t for t, _ in dev]
    chars = sum(len(t) for t in texts)
    t0 = time.perf_counter()
    built = [build_doc(nlp.vocab, t, "cluener", args.tokens)[0] for t in texts]
    list(predict_spans(nlp, built, transitions=transitions))
    chars_per_second = chars / (time.perf_counter() - t0)

    args.out.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "zhextract_ner"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = f"zhextract statistical NER: spaCy {args.head} over {args.tokens} tokens (see pipeline/ner/README.md)"
    nlp.meta["zhextract"] = {
        "tokens": args.tokens, "head": args.head, "corpora": corpora, "train_sentences": counts, "args": {k: str(v) for k, v in vars(args).items()},
        "training_minutes": round(training_minutes, 1), "updates": step, "best_checkpoint": best[2],
        "cluener_dev": scores, "chars_per_second_dev": round(chars_per_second), "log": log,
        "domains": ["cluener", "msra"] if "msra" in corpora else ["cluener"],
        "scheme": args.scheme if args.head == "tagger" else None, "transition_weights": tuning,
    }
    nlp.to_disk(args.out)
    if transitions is not None:
        transitions.to_disk(args.out)
    write_calibration(nlp, args.out, scores,
                      probability_bins(nlp, dev, args.tokens, transitions) if args.head == "tagger" else None)
    print(json.dumps({"cluener_dev_micro": scores["micro"], "name": scores.get("name"),
                      "chars_per_second": round(chars_per_second), "minutes": round(training_minutes, 1)}), flush=True)
    print(json.dumps(scores), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
