"""Command line: ``bereken INPUT.json [--uitleg]`` prints the JSON result to stdout.

The input is the JSON contract of docs/regels.md, optionally with ``varianten`` (policy
variants computed side by side), exactly as POST /api/v1/berekeningen takes it.

Exit codes: 0 success; 1 unreadable file or invalid JSON; 2 invalid input or a household
outside the model (Dutch message on stderr naming the field).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from regels.api import bereken
from regels.fouten import InvoerFout


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"Fout in de opdracht: {message}", file=sys.stderr)
        raise SystemExit(2)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _Parser(
        prog="opstap", description="Opstap-rekenregels: inkomen bij elk aantal uren werk."
    )
    sub = parser.add_subparsers(dest="opdracht", required=True)
    b = sub.add_parser("bereken", help="bereken een huishouden uit een JSON-bestand")
    b.add_argument("invoer", help="pad naar het JSON-invoerbestand ('-' voor stdin)")
    b.add_argument("--uitleg", action="store_true", help="voeg de uitleg (berekening en tekst) toe")
    args = parser.parse_args(list(argv) if argv is not None else None)

    try:
        tekst = (
            sys.stdin.read()
            if args.invoer == "-"
            else Path(args.invoer).read_text(encoding="utf-8")
        )
    except OSError as exc:
        print(
            f"Kan het bestand '{args.invoer}' niet lezen: {exc.strerror or exc}.", file=sys.stderr
        )
        return 1
    except UnicodeDecodeError:
        print(f"Het bestand '{args.invoer}' is geen tekstbestand (UTF-8).", file=sys.stderr)
        return 1
    try:
        invoer = json.loads(tekst)
    except json.JSONDecodeError as exc:
        print(
            f"Het bestand '{args.invoer}' bevat geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}): {exc.msg}.",
            file=sys.stderr,
        )
        return 1
    # Same JSON as POST /api/v1/berekeningen: 'varianten' sits next to the household.
    varianten = invoer.pop("varianten", None) if isinstance(invoer, dict) else None
    try:
        uit = bereken(invoer, uitleg=args.uitleg, varianten=varianten)
    except InvoerFout as fout:
        print(f"Fout in veld '{fout.veld}': {fout.melding}", file=sys.stderr)
        return 2
    json.dump(uit, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
