"""Recall and precision of check-docs on the labelled corpus (tests/fixtures/corpus).

    python bench/recall.py            # one line per language, then the total
    python bench/recall.py --verbose  # also every missed statement and false alarm

Recall: marked statements found on their line, for their setting. Precision: findings
that are marked statements. The corpus README says how pages are written and labelled.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true", help="list missed statements and false alarms")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from tests.support.corpus import score, total

    scores = score()
    print(f"{'lang':<6}{'found':>7}{'marked':>8}{'recall':>8}{'precision':>11}{'false alarms':>14}")
    for lang, result in [*sorted(scores.items()), ("all", total(scores))]:
        marked = result.found + len(result.missed)
        print(
            f"{lang:<6}{result.found:>7}{marked:>8}{result.recall:>8.0%}{result.precision:>11.0%}"
            f"{len(result.false_alarms):>14}"
        )
    if args.verbose:
        whole = total(scores)
        for line in whole.missed:
            print(f"missed: {line}")
        for line in whole.false_alarms:
            print(f"false alarm: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
