"""Recall and precision of check-docs on the labelled corpus (tests/fixtures/corpus).

    python bench/recall.py            # one line per language, then the total
    python bench/recall.py --verbose  # also every missed statement and false alarm

Recall: marked statements found on their line, for their setting. Precision: findings
that are marked statements. The corpus README says how pages are written and labelled.
The scores are the corpus test's own (tests/test_check_docs_corpus.py): this runs it and
reads the scores it writes, so the bench and the test cannot score differently.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS_TEST = "tests/test_check_docs_corpus.py"


@dataclass
class Score:
    found: int = 0
    missed: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    def row(self, lang: str) -> str:
        marked = self.found + len(self.missed)
        recall = self.found / marked if marked else 1.0
        flagged = self.found + len(self.false_alarms)
        precision = self.found / flagged if flagged else 1.0
        return f"{lang:<6}{self.found:>7}{marked:>8}{recall:>8.0%}{precision:>11.0%}{len(self.false_alarms):>14}"


def _scores() -> dict[str, Score]:
    with tempfile.TemporaryDirectory(prefix="recall-") as tmp:
        report = Path(tmp) / "scores.json"
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", CORPUS_TEST],
            cwd=REPO,
            env={**os.environ, "CORPUS_SCORES": str(report)},
            capture_output=True,
            text=True,
            check=False,
        )
        if not report.is_file():
            raise SystemExit(f"recall: {CORPUS_TEST} wrote no scores:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
        return {lang: Score(**score) for lang, score in json.loads(report.read_text(encoding="utf-8")).items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true", help="list missed statements and false alarms")
    args = parser.parse_args(argv)
    whole = Score()
    print(f"{'lang':<6}{'found':>7}{'marked':>8}{'recall':>8}{'precision':>11}{'false alarms':>14}")
    for lang, score in sorted(_scores().items()):
        print(score.row(lang))
        whole = Score(whole.found + score.found, whole.missed + score.missed, whole.false_alarms + score.false_alarms)
    print(whole.row("all"))
    if args.verbose:
        for line in whole.missed:
            print(f"missed: {line}")
        for line in whole.false_alarms:
            print(f"false alarm: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
