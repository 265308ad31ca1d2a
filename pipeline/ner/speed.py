"""NER stage speed on one core: ``StatisticalNER.predict_many`` (chunking, jieba, documents, model,
decoding) over ~300k chars of real news (THUCNews + finqa from ``../shared/data``), after loading.

    .venv/bin/python -m pipeline.ner.speed [MODEL_DIR ...] [--chars 300000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main(argv=None) -> int:
    from evaluation.corpora import news_texts
    from pipeline.ner.recognizer import DEFAULT_MODEL_DIR, StatisticalNER

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("models", nargs="*", default=[str(DEFAULT_MODEL_DIR)])
    parser.add_argument("--chars", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per model; the best is reported")
    args = parser.parse_args(argv)
    texts = [text for _, text in news_texts(args.chars)]
    chars = sum(map(len, texts))
    for model in args.models:
        ner = StatisticalNER.load(model)
        ner.predict("阿里巴巴集团董事局主席马云昨日在杭州表示。")  # warm up (jieba's dictionary)
        times, spans = [], 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            spans = sum(len(s) for s in ner.predict_many(texts))
            times.append(time.perf_counter() - t0)
        print(json.dumps({"model": model, "head": ner.head, "documents": len(texts), "chars": chars, "spans": spans,
                          "seconds": [round(t, 2) for t in times],
                          "chars_per_s": round(chars / min(times))}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
