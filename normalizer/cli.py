"""Command-line shell: parses arguments, calls the service or the gazetteer tools, prints."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from normalizer.gazetteer import check_dir, format_dir
from normalizer.gazetteer.stats import gazetteer_stats
from normalizer.model import ENTITY_TYPES, Resolution
from normalizer.service import InvalidQuery, Normalizer
from normalizer.settings import Settings

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
        fields.append(f"suggestion: {result.suggestion.text}")
    return "\t".join(fields)


def cmd_resolve(args: argparse.Namespace) -> int:
    service = Normalizer.from_settings(_settings(args))
    out = sys.stdout
    for query in _input_names(args.names, sys.stdin):
        try:
            result = service.resolve(query, type=args.type, limit=args.limit)
        except InvalidQuery as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        out.write((json.dumps(result.to_dict(), ensure_ascii=False) if args.json else _human(result)) + "\n")
    out.flush()
    return EXIT_OK


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
    stats = gazetteer_stats(Path(args.dir))
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, sort_keys=True))
        return EXIT_OK
    print(f"entities: {stats['entities']}\nnames: {stats['names']}")
    for group in ("by_type", "by_lang", "by_kind", "by_source"):
        print(f"{group}:")
        for key, count in sorted(stats[group].items(), key=lambda kv: -kv[1]):
            print(f"  {key}: {count}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from normalizer.server import serve  # gunicorn is imported only when serving

    return serve(_settings(args), port=args.port, host=args.host, workers=args.workers)


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env()
    if getattr(args, "gazetteer", None):
        from dataclasses import replace

        settings = replace(settings, gazetteer_dir=Path(args.gazetteer))
    return settings


def build_parser() -> argparse.ArgumentParser:
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="normalizer", description=__doc__)
    parser.add_argument("--gazetteer", help="gazetteer directory (default: NORMALIZER_GAZETTEER_DIR)")
    commands = parser.add_subparsers(dest="command", required=True)

    resolve = commands.add_parser("resolve", help="resolve names to entities")
    resolve.add_argument("names", nargs="*", help="names; none or '-' reads one per line from stdin")
    resolve.add_argument("--type", choices=ENTITY_TYPES)
    resolve.add_argument("--limit", type=int, default=5)
    resolve.add_argument("--json", action="store_true", help="one JSON result per line")
    resolve.set_defaults(func=cmd_resolve)

    serve = commands.add_parser("serve", help="run the REST service under gunicorn")
    serve.add_argument("--host", default=settings.host)
    serve.add_argument("--port", type=int, default=settings.port)
    serve.add_argument("--workers", type=int, default=settings.workers)
    serve.set_defaults(func=cmd_serve)

    gazetteer = commands.add_parser("gazetteer", help="check, format and count the gazetteer")
    tools = gazetteer.add_subparsers(dest="tool", required=True)
    for name, func, text in (
        ("check", cmd_gazetteer_check, "validate; exit 1 with file:line messages on problems"),
        ("fmt", cmd_gazetteer_fmt, "rewrite the files in canonical form"),
        ("stats", cmd_gazetteer_stats, "counts by type, language, kind and source"),
    ):
        tool = tools.add_parser(name, help=text)
        tool.add_argument("dir", nargs="?", default=str(settings.gazetteer_dir))
        tool.set_defaults(func=func)
        if name == "stats":
            tool.add_argument("--json", action="store_true")
        if name == "fmt":
            tool.add_argument("--check", action="store_true", help="check after formatting")
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
