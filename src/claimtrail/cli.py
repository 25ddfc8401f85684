"""The ``claimtrail`` command line: ``extract``, ``reuse`` and ``provenance``.

Run ``claimtrail COMMAND --help`` for each command's options. Outputs go to standard
output, or to a file given with ``-o`` that is written atomically.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import pandas as pd

from claimtrail.extraction.extract import OUTPUT_COLUMNS
from claimtrail.io.documents import MAX_CHARS, Document, InputProblem, iter_documents
from claimtrail.io.errors import DataError
from claimtrail.io.outputs import check_output, csv_cell, output_stream
from claimtrail.text.furniture import body_spans

REUSE_COLUMNS = (
    "article_a",
    "article_b",
    "start_a",
    "end_a",
    "start_b",
    "end_b",
    "score",
    "text_a",
)


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """Standard output, or the file given (written atomically; a device or pipe as a
    stream). The path was checked by :func:`claimtrail.io.outputs.check_output` before."""
    if path is None:
        yield sys.stdout
    else:
        with output_stream(path) as stream:
            yield stream


def _check_output(path: str | None, inputs: Sequence[str]) -> None:
    """Refuse, before any work, an output that would destroy something."""
    if path is not None:
        check_output(path, inputs)


def _cores() -> int:
    """Processors this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def _workers(args: argparse.Namespace) -> int:
    """--workers, capped at the number of cores unless --oversubscribe (said on stderr)."""
    cores = _cores() or 1
    if args.workers > cores and not args.oversubscribe:
        print(
            f"claimtrail {args.command}: --workers {args.workers} capped at {cores}, the "
            "number of cores (--oversubscribe to start more)",
            file=sys.stderr,
        )
        return cores
    return args.workers


def _positive(value: str) -> int:
    """An argument that must be a whole number of at least 1."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _iso_date(value: str) -> str:
    """An argument that must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD."""
    from claimtrail.text.timeref import precision_of

    try:
        precision_of(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def _report(problems: Sequence[InputProblem]) -> None:
    """The summary of bad inputs on standard error."""
    if problems:
        print(f"{len(problems)} input(s) not analysed:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem.source}: {problem.problem}", file=sys.stderr)


def run_reuse(args: argparse.Namespace) -> int:
    """``claimtrail reuse``: copied passages between every pair of documents."""
    from claimtrail.analysis.reuse import find_copied_passages

    _check_output(args.output, args.paths)
    documents: dict[str, Document] = {}
    problems = []
    for item in iter_documents(args.paths):
        if isinstance(item, InputProblem):
            problems.append(item)
        elif item.id in documents:
            problems.append(
                InputProblem(item.source, f"id {item.id!r} also in {documents[item.id].source}")
            )
        else:
            documents[item.id] = item
    texts = {doc_id: doc.text for doc_id, doc in documents.items()}
    spans = None if args.include_furniture else {k: body_spans(v) for k, v in texts.items()}
    passages = find_copied_passages(texts, body_spans=spans, min_words=args.min_words)
    with _output(args.output) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(REUSE_COLUMNS)
        for p in passages:
            writer.writerow(
                csv_cell(value, raw=args.raw_csv)
                for value in (
                    p.doc_a,
                    p.doc_b,
                    p.start_a,
                    p.end_a,
                    p.start_b,
                    p.end_b,
                    f"{p.score:.3f}",
                    texts[p.doc_a][p.start_a : p.end_a],
                )
            )
    _report(problems)
    return 1 if problems else 0


def _corpus_metadata(paths: Sequence[str]) -> dict[Path, dict]:
    """Resolved path of each raw file listed in a corpus -> its published date, outlet and
    republished_from. The corpora are those of the repositories holding the inputs (and
    the working folder) whose data/raw holds an input or lies in an input folder: a file
    elsewhere with the same name gets nothing from them, and the listing of a corpus no
    input belongs to is not read (a broken one cannot stop an unrelated run)."""
    from claimtrail.io.corpus import find_root, raw_dir, read_articles
    from claimtrail.text.attribution import republished_source

    roots = set()
    for start in [*(Path(p) for p in paths), Path.cwd()]:
        try:
            roots.add(find_root(start if start.is_dir() else start.parent))
        except DataError:
            continue
    inputs = [Path(p).resolve() for p in paths]
    metadata = {}
    for root in sorted(roots):
        raw = raw_dir(root).resolve()
        if not any(p.is_relative_to(raw) or raw.is_relative_to(p) for p in inputs):
            continue  # no input is a corpus file of this root: its listing is not read
        for row in read_articles(root).to_dict("records"):
            metadata[(raw_dir(root) / row["file"]).resolve()] = {
                "published": None if pd.isna(row["published"]) else row["published"],
                "outlet": None if pd.isna(row["outlet"]) else row["outlet"],
                "republished_from": republished_source(row["republished_from"]),
            }
    return metadata


def run_extract(args: argparse.Namespace) -> int:
    """``claimtrail extract``: every estimate claim in the inputs, one row each."""
    from tqdm import tqdm

    from claimtrail.extraction.extract import Article, run_dask, run_local

    _check_output(args.output, args.inputs)
    workers = _workers(args)
    metadata = _corpus_metadata(args.inputs)
    problems: list[InputProblem] = []
    undated = [0, 0]  # documents without a publication date, documents read
    # Where each document in flight came from, to name it if its extraction fails. Results
    # come back in input order, so this holds only the documents not yet written.
    pending: deque[str] = deque()

    def articles() -> Iterator[Article]:
        for item in iter_documents(args.inputs, max_chars=args.max_chars):
            if isinstance(item, InputProblem):
                problems.append(item)
                continue
            is_file = item.source.lower().endswith(".txt")  # not "file, row N" of a table
            known = metadata.get(Path(item.source).resolve(), {}) if is_file else {}
            pending.append(item.source)
            published = item.published or known.get("published") or args.published
            undated[0] += published is None
            undated[1] += 1
            yield Article(
                item.id,
                item.text,
                published,
                known.get("outlet"),
                known.get("republished_from"),
                item.title,
            )

    quiet = args.quiet or not sys.stderr.isatty()
    if args.engine == "dask":
        results = run_dask(
            articles(), scheduler=args.scheduler, workers=workers, timeout=args.timeout
        )
    else:
        results = run_local(articles(), workers=workers)
    with _output(args.output) as stream:
        writer = None
        if args.format == "csv":
            writer = csv.DictWriter(stream, fieldnames=OUTPUT_COLUMNS, lineterminator="\n")
            writer.writeheader()
        for _, rows, error in tqdm(
            results, desc="articles", unit="doc", disable=quiet, file=sys.stderr
        ):
            source = pending.popleft()
            if error:
                problems.append(InputProblem(source, f"extraction failed: {error}"))
            for row in rows:
                if writer:
                    writer.writerow({k: csv_cell(row[k], args.raw_csv) for k in OUTPUT_COLUMNS})
                else:
                    record = {k: row[k] for k in OUTPUT_COLUMNS}
                    stream.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
    if undated[0]:
        print(
            f"{undated[0]} of {undated[1]} document(s) had no publication date (give "
            "--published, a 'published' column or field, or a NAME.json sidecar): their "
            "as-of dates are read against the date the text prints, if any, else left empty",
            file=sys.stderr,
        )
    _report(problems)
    return 1 if problems else 0


def run_provenance(args: argparse.Namespace) -> int:
    """``claimtrail provenance``: the corpus's provenance graph as W3C PROV."""
    from claimtrail.analysis.provenance import build_graph, to_prov
    from claimtrail.analysis.reuse import article_passages
    from claimtrail.io.claims import load_claims
    from claimtrail.io.corpus import find_root, load_corpus

    root = Path(args.root) if args.root else find_root()
    _check_output(args.output, [])
    corpus = load_corpus(root)
    claims = load_claims(root, corpus)
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    passages = article_passages(texts)
    document = to_prov(build_graph(corpus, claims, passages))
    text = (
        document.serialize(format="json", indent=2)
        if args.format == "json"
        else document.get_provn()
    )
    with _output(args.output) as stream:
        stream.write(text + "\n")
    return 0


RAW_CSV_HELP = (
    "write CSV cells verbatim; by default a cell starting with =, +, -, @, a tab or a carriage "
    "return (a formula to a spreadsheet) is written with an apostrophe before it"
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(
        prog="claimtrail",
        description="Estimates of fighters and casualties in news text, and where they came from.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="extract estimate claims (fighters, killed, injured, ...) from news text",
        description="Extract every estimate claim from the inputs, following the codebook. "
        "Writes one row per claim: " + ", ".join(OUTPUT_COLUMNS) + ". Offsets index the raw "
        "text. Relative dates are resolved against the date a text prints for itself (its "
        "dateline), else its publication date: the 'published' field of CSV/JSONL input, a "
        "sidecar NAME.json beside a .txt file, data/articles.csv for corpus files, else "
        "--published; how many documents had none is said once on standard error. A "
        "'title' field or sidecar key names the headline, so that a headline repeated in "
        "the text gives one row. Ids "
        "are written as given (a stream is not checked for repeated ids), except that in "
        "CSV a cell a spreadsheet would run as a formula gets a leading apostrophe (see "
        "--raw-csv). Bad "
        "inputs are listed on standard error at the end, the other documents' results are "
        "still written, and the exit status is 1; a corpus listing (data/articles.csv) that "
        "cannot be read stops the command with exit status 2.",
    )
    extract.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=".txt files (each with an optional sidecar NAME.json holding published and "
        "title), folders of them (searched recursively), or .csv/.jsonl files with columns "
        "id, text and optional published (ISO date) and title",
    )
    extract.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write here (default: stdout); a regular file is replaced atomically (a link is "
        "followed), a device or a pipe written as a stream; a folder, an input, a block "
        "device or a socket is refused before any work",
    )
    extract.add_argument("--raw-csv", action="store_true", help=RAW_CSV_HELP)
    extract.add_argument(
        "--published",
        type=_iso_date,
        metavar="DATE",
        help="publication date (YYYY, YYYY-MM or YYYY-MM-DD) of the documents that have "
        "none of their own",
    )
    extract.add_argument(
        "--format", choices=("csv", "jsonl"), default="csv", help="output format (default csv)"
    )
    extract.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="parallel worker processes (default 1)",
    )
    extract.add_argument(
        "--oversubscribe",
        action="store_true",
        help="start as many workers as --workers says even beyond the number of cores "
        "(by default --workers is capped at it)",
    )
    extract.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes (default) or Dask (dask.bag over partitions)",
    )
    extract.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: a running Dask scheduler, e.g. "
        "tcp://10.0.0.5:8786; without it a local cluster of --workers processes",
    )
    extract.add_argument(
        "--timeout",
        type=_positive,
        default=600,
        metavar="SECONDS",
        help="with --engine dask: how long to wait for the results of one batch of "
        "documents; a batch not done by then (a worker lost, a cluster gone) is reported "
        "as failed, document by document, and the run goes on (default 600)",
    )
    extract.add_argument(
        "--max-chars",
        type=_positive,
        default=MAX_CHARS,
        metavar="N",
        help=f"refuse a single document longer than N characters (default {MAX_CHARS:,})",
    )
    extract.add_argument(
        "--quiet",
        action="store_true",
        help="no progress bar (it is also off when standard error is not a terminal)",
    )
    extract.set_defaults(run=run_extract)

    reuse = commands.add_parser(
        "reuse",
        help="find passages copied between documents",
        description="Find passages copied (verbatim or lightly edited) between every pair of "
        "documents. Writes CSV, one row per aligned passage: " + ", ".join(REUSE_COLUMNS) + ". "
        "Offsets index each document's raw text; score is the similarity of the two passages "
        "(0-1). Exit status 1 if any input could not be read (listed on standard error).",
    )
    reuse.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".txt files, folders of them (searched recursively), .csv or .jsonl "
        "files with id and text",
    )
    reuse.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write here (default: stdout); a regular file is replaced atomically (a link is "
        "followed), a device or a pipe written as a stream; a folder, an input, a block "
        "device or a socket is refused before any work",
    )
    reuse.add_argument("--raw-csv", action="store_true", help=RAW_CSV_HELP)
    reuse.add_argument(
        "--min-words",
        type=_positive,
        default=8,
        help="shortest passage reported, in words (default 8)",
    )
    reuse.add_argument(
        "--include-furniture",
        action="store_true",
        help="also compare page furniture (ads, share widgets), not only the body",
    )
    reuse.set_defaults(run=run_reuse)

    provenance = commands.add_parser(
        "provenance",
        help="write the corpus's provenance graph as W3C PROV",
        description="Build the provenance graph of the corpus (speakers, relays, outlets, "
        "statements, claims, articles, copied text) and write it as PROV-JSON or PROV-N.",
    )
    provenance.add_argument(
        "--root", help="repository root (default: found from the working folder)"
    )
    provenance.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write here (default: stdout); a regular file is replaced atomically (a link is "
        "followed), a device or a pipe written as a stream; a folder, an input, a block "
        "device or a socket is refused before any work",
    )
    provenance.add_argument(
        "--format", choices=("json", "provn"), default="json", help="PROV-JSON (default) or PROV-N"
    )
    provenance.set_defaults(run=run_provenance)
    return parser


def _stop(signum: int, _frame: object) -> None:
    """On SIGTERM, unwind as on Ctrl-C: temporary files are removed, workers stopped."""
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``claimtrail`` command."""
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _stop) if main_thread else None
    try:
        return run(args)
    except DataError as exc:
        print(f"claimtrail {args.command}: {exc}", file=sys.stderr)
        return 2
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
