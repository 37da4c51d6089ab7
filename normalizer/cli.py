"""Command-line shell: parses arguments, calls the service or the gazetteer tools, prints."""

from __future__ import annotations

import argparse
import io
import json
import os
import secrets
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from normalizer.bulk.options import CHUNK_ROWS
from normalizer.gazetteer import check_dir, format_dir
from normalizer.gazetteer.stats import gazetteer_stats
from normalizer.model import ENTITY_TYPES, Resolution, Suggestion
from normalizer.service import (
    ROLES,
    CsvError,
    CsvJob,
    CsvOptions,
    CsvUsageError,
    DevsetError,
    GazetteerProblems,
    InvalidQuery,
    Normalizer,
    Rendering,
    TokenExists,
    TokenNotFound,
    UnknownTableError,
    UnmatchedCounter,
)
from normalizer.settings import PROJECT_ROOT, Settings

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _input_names(names: list[str], stdin: TextIO) -> Iterator[str]:
    if names and names != ["-"]:
        yield from names
        return
    for line in stdin:
        yield line.rstrip("\r\n")


def _human(result: Resolution) -> str:
    best = result.match or (result.candidates[0] if result.candidates else None)
    fields = [result.query, result.status]
    if best:
        fields += [best.id, best.name, f"{best.score:.2f}", best.method]
    if result.suggestion:
        fields.append(f"suggestion: {_suggestion_text(result.suggestion)}")
    if result.note:
        fields.append(f"note: {result.note}")
    return "\t".join(fields)


def _suggestion_text(suggestion: Suggestion) -> str:
    """'Pham Nhat Vuong (vietnamese 0.99)': the rendering, the name's origin and the confidence."""
    if suggestion.origin is None:
        return suggestion.text
    return f"{suggestion.text} ({suggestion.origin} {suggestion.confidence or 0:.2f})"


def cmd_resolve(args: argparse.Namespace) -> int:
    """Resolve every name in order. A name the service refuses (too long) gets an error line in
    its place, so that output line N still answers input line N, and the exit status is 1."""
    service = Normalizer.from_settings(_settings(args))
    try:
        service.validate("", args.type, args.limit)
        service.scope(args.date, args.country)
    except InvalidQuery as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    refused = 0
    for number, query in enumerate(_input_names(args.names, sys.stdin), start=1):
        try:
            result = service.resolve(query, args.type, args.limit, args.date, args.country)
        except InvalidQuery as exc:
            refused += 1
            print(f"error: name {number}: {exc}", file=sys.stderr)
            error = {"query": query, "status": "error", "error": str(exc)}
            line = json.dumps(error, ensure_ascii=False) if args.json else f"{query}\terror"
            sys.stdout.write(line + "\n")
            continue
        line = json.dumps(result.to_dict(), ensure_ascii=False) if args.json else _human(result)
        sys.stdout.write(line + "\n")
    sys.stdout.flush()
    return EXIT_PROBLEMS if refused else EXIT_OK


def cmd_translit(args: argparse.Namespace) -> int:
    """Renderings of each name, best first: a tab-separated line, or one JSON object per line."""
    service = Normalizer.from_settings(_settings(args))
    out = sys.stdout
    for query in _input_names(args.names, sys.stdin):
        try:
            found = service.transliterate(query, args.source, args.target, args.limit)
        except InvalidQuery as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        candidates = [{"text": r.text, "score": r.score, **_origin_of(r, args.target)} for r in found]
        if args.json:
            out.write(json.dumps({"query": query, "candidates": candidates}, ensure_ascii=False) + "\n")
        else:
            shown = [f"{r.text} ({' '.join([*_origin_of(r, args.target).values(), f'{r.score:.2f}'])})"
                     for r in found]
            out.write("\t".join([query, *shown]) + "\n")
    out.flush()
    return EXIT_OK


def _origin_of(rendering: Rendering, target: str) -> dict[str, str]:
    """{"origin": ...} for an English form (vi->en carries the name's origin as its source)."""
    return {"origin": rendering.source} if target == "en" and rendering.source else {}


def cmd_gazetteer_check(args: argparse.Namespace) -> int:
    loaded, problems = check_dir(Path(args.dir))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(loaded.entities)} entities, {sum(len(e.names) for e in loaded.entities)} names, "
          f"{len(problems)} problem(s)")
    return EXIT_PROBLEMS if problems else EXIT_OK


def cmd_gazetteer_fmt(args: argparse.Namespace) -> int:
    for path in format_dir(Path(args.dir)):
        print(f"formatted {path}")
    return cmd_gazetteer_check(args) if args.check else EXIT_OK


def cmd_gazetteer_stats(args: argparse.Namespace) -> int:
    settings = replace(_settings(args), gazetteer_dir=Path(args.dir))
    try:
        stats = gazetteer_stats(settings.gazetteer_dir, settings.layer_root(), settings.layer_names())
    except NotADirectoryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, sort_keys=True))
        return EXIT_OK
    print(f"entities: {stats['entities']}\nnames: {stats['names']}")
    for group in ("by_type", "by_lang", "by_kind", "by_source"):
        print(f"{group}:")
        for key, count in sorted(stats[group].items(), key=lambda kv: -kv[1]):
            print(f"  {key}: {count}")
    print("by_domain:")
    for domain, counts in stats["by_domain"].items():
        print(f"  {domain}: {counts['entities']}")
    print("by_layer:")
    for layer, count in stats["by_layer"].items():
        print(f"  {layer}: {count}")
    return EXIT_OK


CSV_EXIT_CODES = """exit codes: 0 every row written (rows that did not match are marked, not failures);
1 the gazetteer failed to load; 2 bad usage (unknown column, option or encoding, empty or
missing input, output = input), nothing written; 3 the input broke part-way (e.g. an unclosed
quote) or a worker died: the rows before it were written (with -o, to OUTPUT.partial). With -o
the output is written to a temporary file beside it and renamed when done: OUTPUT appears whole
or not at all (an earlier OUTPUT stays as it was until then)"""
EXIT_CSV_BROKEN = 3


DASK_CHUNK_ROWS = 20_000  # a task's rows: large enough that Dask's per-task cost (~ms) is small


def cmd_csv(args: argparse.Namespace) -> int:
    options = CsvOptions(column=args.column, type=args.type, encoding=args.encoding,
                         delimiter=args.delimiter, header=not args.no_header,
                         safe_output=args.safe_output, workers=args.workers)
    if args.chunk_rows is not None or args.engine == "dask":
        chunk_rows = DASK_CHUNK_ROWS if args.chunk_rows is None else args.chunk_rows
        options = replace(options, chunk_rows=chunk_rows)
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_USAGE
    for path in (args.output, args.unmatched):
        if path and path != "-" and args.input != "-" and _same_file(args.input, path):
            print(f"error: {path} is the input file; write elsewhere", file=sys.stderr)
            return EXIT_USAGE
    service = Normalizer.from_settings(_settings(args))
    try:
        with _open_input(args.input) as source:
            job = service.open_csv(source, options)
            counter = UnmatchedCounter() if args.unmatched else None
            with _csv_engine(args, job, service), _open_output(args.output) as sink:
                summary = job.write(sink, counter, _csv_progress(args.input))
    except CsvUsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CsvError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if args.output and args.output != "-":
            print(f"the rows before it are in {args.output}.partial", file=sys.stderr)
        return EXIT_CSV_BROKEN
    if counter is not None:
        with open(args.unmatched, "w", encoding="utf-8", newline="") as unmatched:
            counter.write(unmatched)
    print(f"{job.encoding}, delimiter {job.delimiter!r}: {summary.text()}; "
          f"gazetteer revision {job.revision}", file=sys.stderr)
    return EXIT_OK


@contextmanager
def _csv_engine(args: argparse.Namespace, job: CsvJob, service: Normalizer) -> Iterator[None]:
    """With --engine dask: the job's chunks go to a Dask cluster while the block runs."""
    if args.engine != "dask":
        yield
        return
    try:
        from normalizer.cluster import csv_on_dask, dask_client
    except ImportError as exc:
        raise CsvUsageError(f"--engine dask needs Dask: pip install 'normalizer[dask]' ({exc})") from exc
    with ExitStack() as stack:
        try:
            client = stack.enter_context(dask_client(args.scheduler, args.workers))
        except (OSError, TimeoutError) as exc:
            raise CsvUsageError(f"cannot start or reach the Dask cluster: {exc}") from exc
        shipment = csv_on_dask(job, service, client)
        print(f"dask: {len(client.nthreads())} worker(s), gazetteer revision {shipment.revision} "
              "sent to each", file=sys.stderr)
        yield


def _same_file(a: str, b: str) -> bool:
    return Path(b).exists() and Path(a).exists() and Path(a).samefile(b)


def _open_input(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as exc:
        raise CsvUsageError(f"cannot read {path}: {exc.strerror}") from exc


@contextmanager
def _open_output(path: str | None) -> Iterator[TextIO]:
    if not path or path == "-":
        stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        try:
            yield stdout
        finally:
            stdout.flush()
            stdout.detach()  # leave sys.stdout open
        return
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:  # os.open: the mode an ordinary open gives (0666 less the umask), unlike mkstemp's 0600
        sink = open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666),  # noqa: SIM115
                    "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise CsvUsageError(f"cannot write {path}: {exc.strerror}") from exc
    try:
        with sink:
            yield sink
    except CsvError:  # the input broke: keep the rows before it, under a name that says so
        os.replace(temporary, target.with_name(target.name + ".partial"))
        raise
    except BaseException:  # interrupted: leave nothing that could pass for the output
        temporary.unlink(missing_ok=True)
        raise
    os.replace(temporary, target)


def _csv_progress(path: str) -> Callable[[int, int], None] | None:
    """A tqdm bar in rows, when stderr is a terminal; its total estimated from bytes read."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    size = Path(path).stat().st_size if path != "-" else 0
    bar = tqdm(unit=" rows", unit_scale=True, file=sys.stderr, dynamic_ncols=True)

    def update(rows: int, bytes_read: int) -> None:
        if size and bytes_read:
            bar.total = max(rows, int(rows * size / bytes_read))
        bar.update(rows - bar.n)

    return update


def _read_document(path: str) -> str:
    """A whole document from a file or stdin ('-'), UTF-8 with or without BOM."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        return data.decode("utf-8-sig")
    except OSError as exc:
        raise InvalidQuery("file", f"cannot read {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InvalidQuery("file", f"{path} is not UTF-8 (byte {exc.start}): convert it first") from exc


def _mention_line(mention: dict[str, object]) -> str:
    match = mention["match"] if isinstance(mention["match"], dict) else None
    fields = [str(mention["start"]), str(mention["end"]), str(mention["text"]), str(mention["status"])]
    if match:
        fields += [match["id"], match["name"], f"{match['score']:.2f}", match["method"]]
    if mention.get("title"):
        fields.append(f"title: {mention['title']}")
    return "\t".join(fields)


def cmd_extract(args: argparse.Namespace) -> int:
    service = Normalizer.from_settings(_settings(args))
    try:
        result = service.extract(_read_document(args.file), types=args.type or None, date=args.date)
    except InvalidQuery as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    document = result.to_dict()
    if args.json:
        print(json.dumps(document, ensure_ascii=False))
        return EXIT_OK
    for mention in document["mentions"]:
        print(_mention_line(mention))
    for mention in document["unlinked"]:
        print(_mention_line(mention) + "\tunlinked")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    if args.pages is not None and args.devset is None:
        print("error: --pages measures the development set: give it with --devset", file=sys.stderr)
        return EXIT_USAGE
    service = Normalizer.from_settings(_settings(args))
    if args.devset is not None:
        return _eval_devset(service, args)
    if args.unknown is not None:
        return _eval_unknown(service, args)
    corpus = Path(args.corpus) if args.corpus else None
    report = service.evaluate(Path(args.seeds_dir), corpus)
    print(json.dumps(report.to_dict(), ensure_ascii=False) if args.json else report.to_text())
    return EXIT_OK


def _eval_devset(service: Normalizer, args: argparse.Namespace) -> int:
    splits = frozenset(args.split.split(","))
    try:
        if args.pages is None:
            tallies: dict[str, Any] = service.evaluate_devset(Path(args.devset), splits)
        else:
            report = service.evaluate_devset_pages(Path(args.devset), Path(args.pages), splits)
            tallies = report.tallies
            if report.missing:
                print(f"{len(report.missing)} page(s) of split {args.split} have no text in {args.pages}; "
                      "their rows are left out", file=sys.stderr)
    except DevsetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps({k: t.to_dict(args.examples) for k, t in tallies.items()}, ensure_ascii=False))
        return EXIT_OK
    width = 6 if args.pages is not None else 0  # the column of pages measured, with --pages only
    print(f"{'domain':<16}{'pages' if width else '':>{width}}{'notable':>8}{'found':>7}{'recall':>8}"
          f"{'links':>7}{'wrong':>7}{'precision':>10}")
    for domain, tally in tallies.items():
        print(f"{domain:<16}{tally.pages if width else '':>{width}}{tally.notable:>8}{tally.found:>7}"
              f"{tally.recall:>8.3f}{tally.right_links + tally.wrong_links:>7}{tally.wrong_links:>7}"
              f"{tally.precision:>10.3f}")
    for surface, gold, answer in tallies["overall"].wrong[: args.examples] if tallies else ():
        print(f"wrong\t{surface}\t{gold}\t{answer}")
    for surface, gold, answer in tallies["overall"].misses[: args.examples] if tallies else ():
        print(f"miss\t{surface}\t{gold}\t{answer}")
    return EXIT_OK


def _eval_unknown(service: Normalizer, args: argparse.Namespace) -> int:
    try:
        paths = args.unknown or [PROJECT_ROOT / "seeds" / "devset" / "unknown_people.tsv"]
        tallies = service.evaluate_unknown([Path(p) for p in paths])
    except UnknownTableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps({k: t.to_dict(args.examples) for k, t in tallies.items()}, ensure_ascii=False))
        return EXIT_OK
    print(f"{'origin':<14}{'names':>7}{'linked':>8}{'origin ok':>11}{'gold':>6}{'top-1':>8}")
    for origin, tally in tallies.items():
        row = tally.to_dict()
        top1 = f"{row['top1']:.3f}" if row["top1"] is not None else "-"
        print(f"{origin:<14}{tally.total:>7}{tally.linked:>8}{row['origin_accuracy']:>11.3f}"
              f"{tally.with_gold:>6}{top1:>8}")
    for name, gold, answer in tallies["overall"].misses[: args.examples] if tallies else ():
        print(f"miss\t{name}\t{gold}\t{answer}")
    return EXIT_OK


def cmd_token_create(args: argparse.Namespace) -> int:
    """Print a new token once; only its hash is stored."""
    try:
        token = Normalizer.open_desk(_settings(args)).create_token(args.name, args.role)
    except TokenExists as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(token)
    print(f"token {args.name!r} ({args.role}) created; it is shown only this once", file=sys.stderr)
    return EXIT_OK


def cmd_token_list(args: argparse.Namespace) -> int:
    for token in Normalizer.open_desk(_settings(args)).tokens():
        info = token.to_dict()
        print("\t".join([info["name"], info["role"], info["created"], info["revoked"] or "active"]))
    return EXIT_OK


def cmd_token_revoke(args: argparse.Namespace) -> int:
    try:
        Normalizer.open_desk(_settings(args)).revoke_token(args.name)
    except TokenNotFound as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"token {args.name!r} revoked", file=sys.stderr)
    return EXIT_OK


def cmd_gazetteer_import_wikidata(args: argparse.Namespace) -> int:
    from normalizer.gazetteer import wikidata

    try:
        options = wikidata.Options(
            min_sitelinks=args.min_sitelinks, min_sitelinks_office=args.min_sitelinks_office,
            classes=wikidata.parse_classes(args.classes) if args.classes else dict(wikidata.DEFAULT_CLASSES),
            langs=wikidata.parse_langs(args.langs), progress=args.progress,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.dump != "-" and not Path(args.dump).is_file():
        print(f"error: no such dump: {args.dump}", file=sys.stderr)
        return EXIT_USAGE
    summary = wikidata.import_dump(args.dump, Path(args.out), _settings(args).gazetteer_dir, options)
    for example in summary.bad_examples:
        print(f"bad line: {example}", file=sys.stderr)
    print(summary.report(), file=sys.stderr)
    return EXIT_OK


def cmd_gazetteer_load(args: argparse.Namespace) -> int:
    """Upsert the YAML files into the database; entities editors changed are left alone (listed)."""
    try:
        report = Normalizer.open_desk(_settings(args)).load(Path(args.dir), args.prune)
    except GazetteerProblems as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    summary = report.to_dict()
    print(f"created {summary['created']}, updated {summary['updated']}, unchanged {summary['unchanged']}, "
          f"deleted {summary['deleted']}, conflicts {len(report.conflicts)}")
    for entity_id in report.conflicts:
        print(f"conflict: {entity_id} was changed by editors since its last load; left as it is",
              file=sys.stderr)
    return EXIT_OK


def cmd_gazetteer_export(args: argparse.Namespace) -> int:
    """Write the database back as canonical YAML files under DIR."""
    for file in Normalizer.open_desk(_settings(args)).export(Path(args.dir)):
        print(f"wrote {file}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from normalizer.server import serve  # gunicorn is imported only when serving

    settings = replace(_settings(args), threads=args.threads)
    return serve(settings, port=args.port, host=args.host, workers=args.workers)


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env()
    if getattr(args, "gazetteer", None):
        from dataclasses import replace

        settings = replace(settings, gazetteer_dir=Path(args.gazetteer))
    return settings


def _version() -> str:
    try:
        return version("normalizer")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="normalizer", description=__doc__)
    parser.add_argument("--gazetteer", help="gazetteer directory (default: NORMALIZER_GAZETTEER_DIR)")
    parser.add_argument("--version", action="version", version=f"normalizer {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    resolve = commands.add_parser("resolve", help="resolve names to entities")
    resolve.add_argument("names", nargs="*", help="names; none or '-' reads one per line from stdin")
    resolve.add_argument("--type", choices=ENTITY_TYPES)
    resolve.add_argument("--limit", type=int, default=5)
    resolve.add_argument("--json", action="store_true", help="one JSON result per line")
    resolve.add_argument("--date", help="YYYY-MM-DD (default today): a role reference "
                                        "('Ngoại trưởng Nhật Bản') resolves to who held it then")
    resolve.add_argument("--country", help="a country's id or name: a bare title or institution "
                                           "('Thủ tướng', 'Quốc hội') is read against it")
    resolve.set_defaults(func=cmd_resolve)

    translit = commands.add_parser("translit", help="transliterate names (Hán-Việt, pinyin, Chinese, Hangul)")
    translit.add_argument("names", nargs="*", help="names; none or '-' reads one per line from stdin")
    translit.add_argument("--from", dest="source", default="vi", help="vi (default), zh or zh-Latn-pinyin")
    translit.add_argument("--to", dest="target", default="zh-Latn-pinyin",
                          help="zh-Latn-pinyin (default), vi, ko, or en (a person's English form by origin)")
    translit.add_argument("--limit", type=int, default=5)
    translit.add_argument("--json", action="store_true", help='one {"query", "candidates"} object per line')
    translit.set_defaults(func=cmd_translit)

    serve = commands.add_parser("serve", help="run the REST service under gunicorn")
    serve.add_argument("--host", default=settings.host)
    serve.add_argument("--port", type=int, default=settings.port)
    serve.add_argument("--workers", type=int, default=settings.workers)
    serve.add_argument("--threads", type=int, default=settings.threads,
                       help="threads per worker (1: the lowest tail latency under load)")
    serve.set_defaults(func=cmd_serve)

    csv = commands.add_parser("csv", help="normalize one column of a CSV file", epilog=CSV_EXIT_CODES)
    csv.add_argument("input", help="CSV file, or '-' for stdin")
    csv.add_argument("-o", "--output", help="output CSV file (default: stdout); always UTF-8")
    csv.add_argument("--column", required=True, help="header name, or 1-based column number")
    csv.add_argument("--type", choices=ENTITY_TYPES, help="only entities of this type")
    csv.add_argument("--encoding", default="auto",
                     help="auto (default), utf-8, utf-8-sig, utf-16, utf-16-le, utf-16-be, cp1258, cp1252")
    csv.add_argument("--delimiter", default="auto", help="auto (default), ',', ';', tab or '|'")
    csv.add_argument("--workers", type=int, default=1,
                     help="worker processes that split, resolve and write chunks of rows (default 1; "
                          "worth it when many values need the resolver: variants, typos)")
    csv.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local (default): this process and --workers forked ones; dask: a Dask "
                          "cluster (pip install 'normalizer[dask]'), the same output byte for byte")
    csv.add_argument("--scheduler", metavar="ADDRESS",
                     help="with --engine dask: the scheduler to use (e.g. tcp://host:8786); default "
                          "a local cluster of --workers processes")
    csv.add_argument("--chunk-rows", type=int, metavar="N",
                     help=f"rows a worker or Dask task takes at a time (default {CHUNK_ROWS}; "
                          f"{DASK_CHUNK_ROWS} with --engine dask)")
    csv.add_argument("--unmatched", metavar="FILE", help="write distinct unmatched/ambiguous values")
    csv.add_argument("--no-header", action="store_true", help="the first row is data")
    csv.add_argument("--safe-output", action="store_true",
                     help="neutralize formula-like cells (= + - @) in every column, not only ours")
    csv.set_defaults(func=cmd_csv)

    extract = commands.add_parser("extract", help="find every entity mention in a document")
    extract.add_argument("file", nargs="?", default="-", help="UTF-8 text file, or '-' for stdin")
    extract.add_argument("--type", action="append", choices=ENTITY_TYPES, help="only this type (repeatable)")
    extract.add_argument("--date", help="the article's date, YYYY-MM-DD")
    extract.add_argument("--json", action="store_true", help="one JSON object for the whole document")
    extract.set_defaults(func=cmd_extract)

    evaluate = commands.add_parser("eval", help="precision, recall and F1 of extract on the gold corpus")
    evaluate.add_argument("seeds_dir", nargs="?", default=str(PROJECT_ROOT.parent / "shared" / "seeds"),
                          help="directory of the seed article texts (default: ../shared/seeds)")
    evaluate.add_argument("--corpus", help="gold corpus directory (default: seeds/ of the project)")
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument("--devset", nargs="?", const=str(PROJECT_ROOT / "seeds" / "devset"), default=None,
                          help="score resolve on the development set of names from news pages instead "
                               "(default seeds/devset): recall and precision by domain")
    evaluate.add_argument("--unknown", nargs="*", default=None, metavar="TABLE",
                          help="suggestions for unknown people, top-1 by origin (default table: "
                               "seeds/devset/unknown_people.tsv)")
    evaluate.add_argument("--pages", metavar="DIR", default=None,
                          help="with --devset: extract each page's text, DIR/<sha1(url)[:16]>.txt, and score "
                               "its links against the page's rows (pages without a file are left out)")
    evaluate.add_argument("--split", default="dev", help="with --devset: dev, test or dev,test")
    evaluate.add_argument("--examples", type=int, default=0, help="with --devset: list this many misses")
    evaluate.set_defaults(func=cmd_eval)

    gazetteer = commands.add_parser("gazetteer", help="check, format and count the gazetteer")
    tools = gazetteer.add_subparsers(dest="tool", required=True)
    for name, func, text in (
        ("check", cmd_gazetteer_check, "validate; exit 1 with file:line messages on problems"),
        ("fmt", cmd_gazetteer_fmt, "rewrite the files in canonical form"),
        ("stats", cmd_gazetteer_stats, "counts by type, domain, language, kind and source"),
    ):
        tool = tools.add_parser(name, help=text)
        tool.add_argument("dir", nargs="?", default=str(settings.gazetteer_dir))
        tool.set_defaults(func=func)
        if name == "stats":
            tool.add_argument("--json", action="store_true")
        if name == "fmt":
            tool.add_argument("--check", action="store_true", help="check after formatting")
    load = tools.add_parser("load", help="upsert the YAML files into the database (editors' changes win)")
    load.add_argument("dir", nargs="?", default=str(settings.gazetteer_dir))
    load.add_argument("--prune", action="store_true",
                      help="DIR is the whole gazetteer: delete (undoably) entities loaded before that it "
                           "no longer holds, unless editors changed them (as a start after a change does)")
    load.set_defaults(func=cmd_gazetteer_load)
    export = tools.add_parser("export", help="write the database back as canonical YAML files")
    export.add_argument("dir", help="directory to write (e.g. gazetteer/entities)")
    export.set_defaults(func=cmd_gazetteer_export)
    importer = tools.add_parser("import", help="generate a layer from an open data dump")
    sources = importer.add_subparsers(dest="source", required=True)
    wikidata = sources.add_parser(
        "wikidata", help="stream a Wikidata JSON dump into a layer (entities.jsonl, SOURCE, NOTICE)",
        description="Stream a Wikidata JSON dump (.json, .json.gz, .json.bz2 or - for stdin) in constant "
                    "memory and write the entities of the chosen classes above a sitelink threshold as a "
                    "gazetteer layer. Default classes: normalizer.gazetteer.wikidata.DEFAULT_CLASSES.")
    wikidata.add_argument("dump", help="the dump file, or - for an uncompressed dump on stdin")
    wikidata.add_argument("-o", "--out", required=True,
                          help="the layer directory (e.g. gazetteer/layers/wikidata)")
    wikidata.add_argument("--min-sitelinks", type=int, default=20,
                          help="keep entities with at least N sitelinks")
    wikidata.add_argument("--min-sitelinks-office", type=int, default=5,
                          help="people with a position held (P39) need only N sitelinks")
    wikidata.add_argument("--classes", nargs="+", metavar="QID=TYPE",
                          help="P31 classes to keep and their type (person, country, place, organization, "
                               "event), replacing the default list, e.g. Q5=person Q515=place")
    wikidata.add_argument("--langs", default="vi,en,zh,ja,ko", help="name languages (vi,en,zh,ja,ko)")
    wikidata.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                          help="a progress bar on stderr (default: when stderr is a terminal)")
    wikidata.set_defaults(func=cmd_gazetteer_import_wikidata)

    token = commands.add_parser("token", help="API tokens for editors (shown once; only hashes are kept)")
    token_tools = token.add_subparsers(dest="tool", required=True)
    create = token_tools.add_parser("create", help="create a token and print it once")
    create.add_argument("--role", required=True, choices=ROLES)
    create.add_argument("name", help="who holds it (shown in the audit)")
    create.set_defaults(func=cmd_token_create)
    token_tools.add_parser("list", help="names, roles, dates").set_defaults(func=cmd_token_list)
    revoke = token_tools.add_parser("revoke", help="revoke a token by name")
    revoke.add_argument("name")
    revoke.set_defaults(func=cmd_token_revoke)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `normalizer resolve ... | head`
        sys.stderr.close()
        return EXIT_OK
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
