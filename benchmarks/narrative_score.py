"""Score the narrative facts of the real corpus against its hand-checked truth.

Usage::

    .venv/bin/python benchmarks/narrative_score.py [--corpus ../shared/corpus] [--all-files]

Prints precision and recall per file and overall, matching on (file, metric, channel, value,
qualifier) over the metrics of ``truth/narrative.json``, then lists every false positive and
false negative. Files without any fact in the truth are listed apart, unscored, unless
``--all-files`` is given (then every fact found in them counts as a false positive).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from disclosure_metrics.narrative_score import format_score, score_corpus

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="folder holding reports/ and truth/narrative.json",
    )
    parser.add_argument(
        "--all-files", action="store_true", help="also score files the truth has no fact for"
    )
    parser.add_argument("--quiet", action="store_true", help="only the table, no fact lists")
    args = parser.parse_args(argv)
    if not (args.corpus / "truth" / "narrative.json").is_file():
        print(f"no truth/narrative.json under {args.corpus}", file=sys.stderr)
        return 2
    result = score_corpus(args.corpus, all_files=args.all_files)
    print(format_score(result, details=not args.quiet))
    return 0


if __name__ == "__main__":
    sys.exit(main())
