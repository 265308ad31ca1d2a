"""The ``zhextract`` command line: a thin layer over the library.

    zhextract extract INPUT... [-o OUT.jsonl] [--segmenter jieba|pkuseg] [--workers N]
                     [--resume] [--errors ERRORS.jsonl] [--doc-timeout S] [--no-ner]
    zhextract evaluate --gold PATH [--pred OUT.jsonl] [--json REPORT.json]
    zhextract schema
    zhextract bench speed [--corpus PATH] | bench ner --corpus NAME --split dev|test

Progress and summaries go to stderr, records to stdout or ``-o``. Bad arguments and
unreadable inputs fail with one line naming the file and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED_DOCS, EXIT_USAGE = 0, 1, 2


def _fail(message: str) -> int:
    print(f"zhextract: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.batch import run_batch
    from pipeline.ingest import IngestError, expand_inputs

    try:
        for _ in expand_inputs(args.inputs):
            pass
    except IngestError as error:
        return _fail(str(error))
    if args.output is not None and args.output.parent and not args.output.parent.exists():
        return _fail(f"{args.output.parent}: output folder does not exist")
    if args.resume and args.output is None:
        return _fail("--resume needs -o OUT.jsonl (it continues that file)")
    progress = args.progress or (not args.quiet and sys.stderr.isatty())
    summary = run_batch(
        args.inputs,
        args.output,
        errors_path=args.errors,
        segmenter=args.segmenter,
        use_ner=not args.no_ner,
        workers=args.workers,
        ordered=not args.unordered,
        resume=args.resume,
        doc_timeout=args.doc_timeout,
        progress=progress,
    )
    if not args.quiet:
        for failure in summary.errors[:20]:
            print(f"zhextract: failed: {failure.message}", file=sys.stderr)
        if len(summary.errors) > 20:
            print(f"zhextract: … {len(summary.errors) - 20} more failures"
                  + (f" in {args.errors}" if args.errors else ""), file=sys.stderr)
        print(f"zhextract: {summary.line()}", file=sys.stderr)
    return EXIT_FAILED_DOCS if summary.failed else EXIT_OK


def _load_predictions(path: Path) -> dict:
    from models import KnowledgeRecord

    predictions = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = KnowledgeRecord.model_validate_json(line)
            except ValueError as error:
                raise ValueError(f"{path}:{number}: not a valid record: {str(error).splitlines()[0]}") from error
            predictions[record.document.id] = record
    return predictions


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from evaluation.gold import GoldError, load_gold_set
    from evaluation.scorer import evaluate, format_report

    if not args.gold.exists():
        return _fail(f"{args.gold}: no such gold file or folder")
    if args.pred is not None and not args.pred.is_file():
        return _fail(f"{args.pred}: no such predictions file")
    try:
        gold, skipped = load_gold_set(args.gold)
    except GoldError as error:
        return _fail(str(error))
    for note in skipped:
        print(f"zhextract: skipped gold {note}", file=sys.stderr)
    if not gold:
        return _fail(f"{args.gold}: no gold records found")
    if args.pred is not None:
        try:
            predictions = _load_predictions(args.pred)
        except (OSError, ValueError) as error:
            return _fail(str(error))
    else:
        from pipeline import Extractor

        extractor = Extractor(segmenter=args.segmenter, use_ner=not args.no_ner)
        predictions = {}
        for record in gold:
            document = record.document.model_copy(update={"metadata": {}})
            predictions[document.id] = extractor.extract_document(document)
    report = evaluate(gold, predictions)
    print(format_report(report, show_errors=args.show_errors))
    if args.json is not None:
        args.json.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from models import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _cmd_bench(args: argparse.Namespace) -> int:
    if args.what == "speed":
        from evaluation.bench_speed import format_speed_table, run_speed_benchmark, write_speed_benchmark

        result = run_speed_benchmark(corpus=args.corpus, workers=args.workers, limit_chars=args.limit_chars)
        write_speed_benchmark(result, args.out_dir)
        print(format_speed_table(result))
        return EXIT_OK
    try:
        from evaluation.bench_ner import format_ner_table, run_ner_benchmark, write_ner_benchmark
    except ImportError as error:
        return _fail(f"the NER benchmark is not available: {error}")
    result = run_ner_benchmark(args.corpus_name, args.split)
    write_ner_benchmark(result, args.out_dir)
    print(format_ner_table(result))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from pipeline.segment import SEGMENTERS

    parser = argparse.ArgumentParser(prog="zhextract", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="documents in, one JSON record per line out")
    extract.add_argument("inputs", nargs="+", help="files (.txt .md .html .jsonl) or folders, searched recursively")
    extract.add_argument("-o", "--output", type=Path, help="JSONL output (default: stdout)")
    extract.add_argument("--segmenter", choices=SEGMENTERS, default="jieba")
    extract.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: cores)")
    extract.add_argument("--unordered", action="store_true", help="write records as they finish")
    extract.add_argument("--resume", action="store_true", help="skip documents already in -o")
    extract.add_argument("--errors", type=Path, help="JSONL file for failed documents")
    extract.add_argument("--doc-timeout", type=float, default=60.0, help="seconds per document (0: none)")
    extract.add_argument("--no-ner", action="store_true", help="rules only, no statistical NER")
    extract.add_argument("--quiet", action="store_true", help="no progress, no summary")
    extract.add_argument("--progress", action="store_true", help="progress bar even when stderr is not a terminal")
    extract.set_defaults(handler=_cmd_extract)

    evaluate = commands.add_parser("evaluate", help="score records against hand-labelled gold")
    evaluate.add_argument("--gold", type=Path, required=True, help="gold file or folder (recursive)")
    evaluate.add_argument("--pred", type=Path, help="predicted JSONL; without it the gold documents are extracted now")
    evaluate.add_argument("--json", type=Path, help="write the full report as JSON")
    evaluate.add_argument("--segmenter", choices=SEGMENTERS, default="jieba")
    evaluate.add_argument("--no-ner", action="store_true")
    evaluate.add_argument("--show-errors", type=int, default=20, help="errors listed per kind (0: none)")
    evaluate.set_defaults(handler=_cmd_evaluate)

    schema = commands.add_parser("schema", help="print the record's JSON Schema")
    schema.set_defaults(handler=_cmd_schema)

    bench = commands.add_parser("bench", help="benchmarks: speed, ner")
    bench.add_argument("what", choices=("speed", "ner"))
    bench.add_argument("--corpus", dest="corpus", default=None,
                       help="speed: a file or folder of documents; ner: cluener|msra|weibo|resume")
    bench.add_argument("--split", default="dev", choices=("dev", "test"))
    bench.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    bench.add_argument("--limit-chars", type=int, default=1_000_000)
    bench.add_argument("--out-dir", type=Path, default=Path("evaluation/benchmarks"))
    bench.set_defaults(handler=_cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "bench":
        args.corpus_name = args.corpus or "cluener"
    if args.command == "extract":
        if args.workers < 1:
            return _fail("--workers must be at least 1")
        args.doc_timeout = args.doc_timeout or None
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("zhextract: interrupted; rerun with --resume to continue", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
