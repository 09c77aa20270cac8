"""Precision and recall of the narrative facts against hand-checked truth (``narrative.json``).

A predicted fact matches a true one when file, metric, channel, value and qualifier agree
(evidence and unit are not compared: the fragment may be cut differently and say the same).
Only the metrics of the truth file are scored; the application and dispute statements read
for the consistency check are not. A file with no true fact was not annotated, so by default
its predictions are listed but not scored (``all_files=True`` scores them as false positives).

Example::

    >>> truth = [{"file": "a.txt", "metric": "items_published", "channel": "all",
    ...           "value": 10, "qualifier": "exact"}]
    >>> got = {"a.txt": [{"metric": "items_published", "channel": "all", "value": 10,
    ...                   "qualifier": "exact"},
    ...                  {"metric": "hotline_received", "channel": "hotline", "value": 3,
    ...                   "qualifier": "exact"}]}
    >>> s = score(got, truth)
    >>> (s.tp, s.fp, s.fn), s.precision, s.recall
    ((1, 1, 0), 0.5, 1.0)
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .narrative import CONTRACT_METRICS

#: The metrics narrative.json holds (contract §2 less open days and ``other``).
SCORED_METRICS = tuple(m for m in CONTRACT_METRICS if m not in ("open_day_events", "other"))

FactJson = Mapping[str, Any]
Key = tuple[str, str, float, str]


def fact_key(fact: FactJson) -> Key:
    """What a match compares: metric, channel, value (as a number) and qualifier.

    >>> fact_key({"metric": "fee_collected_yuan", "channel": "all", "value": 0,
    ...           "qualifier": "exact"})
    ('fee_collected_yuan', 'all', 0.0, 'exact')
    """
    return (fact["metric"], fact["channel"], float(fact["value"]), fact["qualifier"])


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class FileScore:
    """Matches of one file: true positives, false positives and false negatives (as facts)."""

    file: str
    true_positives: list[FactJson] = field(default_factory=list)
    false_positives: list[FactJson] = field(default_factory=list)
    false_negatives: list[FactJson] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        tp = len(self.true_positives)
        return _ratio(tp, tp + len(self.false_positives))

    @property
    def recall(self) -> float | None:
        tp = len(self.true_positives)
        return _ratio(tp, tp + len(self.false_negatives))


@dataclass
class Score:
    """Per-file scores, their pooled totals, and the facts of files that were not scored."""

    files: list[FileScore]
    unscored: dict[str, list[FactJson]] = field(default_factory=dict)

    @property
    def tp(self) -> int:
        return sum(len(f.true_positives) for f in self.files)

    @property
    def fp(self) -> int:
        return sum(len(f.false_positives) for f in self.files)

    @property
    def fn(self) -> int:
        return sum(len(f.false_negatives) for f in self.files)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)


def _match(file: str, predicted: Sequence[FactJson], truth: Sequence[FactJson]) -> FileScore:
    result = FileScore(file)
    remaining = Counter(fact_key(t) for t in truth)
    matched: Counter[Key] = Counter()
    for fact in predicted:
        key = fact_key(fact)
        if remaining[key] > 0:
            remaining[key] -= 1
            matched[key] += 1
            result.true_positives.append(fact)
        else:
            result.false_positives.append(fact)
    for fact in truth:
        key = fact_key(fact)
        if matched[key] > 0:
            matched[key] -= 1
        else:
            result.false_negatives.append(fact)
    return result


def score(
    predicted: Mapping[str, Sequence[FactJson]],
    truth: Sequence[FactJson],
    all_files: bool = False,
) -> Score:
    """Match predictions (file → facts) against truth rows (each with its ``file``).

    Facts of other metrics than :data:`SCORED_METRICS` are ignored on both sides.
    """
    scored = [t for t in truth if t["metric"] in SCORED_METRICS]
    by_file: dict[str, list[FactJson]] = {}
    for t in scored:
        by_file.setdefault(t["file"], []).append(t)
    files = sorted(set(by_file) | (set(predicted) if all_files else set()))
    out = Score(files=[])
    for file in files:
        got = [f for f in predicted.get(file, []) if f["metric"] in SCORED_METRICS]
        out.files.append(_match(file, got, by_file.get(file, [])))
    for file in sorted(set(predicted) - set(files)):
        got = [f for f in predicted[file] if f["metric"] in SCORED_METRICS]
        if got:
            out.unscored[file] = got
    return out


def load_truth(corpus: Path) -> list[FactJson]:
    """The rows of ``truth/narrative.json`` of a corpus folder."""
    return json.loads((corpus / "truth" / "narrative.json").read_text(encoding="utf-8"))


def predict(reports: Iterable[Path]) -> dict[str, list[FactJson]]:
    """Parse each report and keep its narrative facts (a file that fails to parse has none)."""
    from .errors import ReportError
    from .parse import parse_file

    out: dict[str, list[FactJson]] = {}
    for path in reports:
        try:
            report = parse_file(path)
        except ReportError:
            out[path.name] = []
            continue
        out[path.name] = [f.to_json() for f in report.narrative]
    return out


def score_corpus(corpus: Path, all_files: bool = False) -> Score:
    """Parse every report of ``corpus/reports`` and score it against the narrative truth."""
    reports = sorted(p for p in (corpus / "reports").iterdir() if p.is_file())
    return score(predict(reports), load_truth(corpus), all_files=all_files)


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.1%}"


def _fact_line(fact: FactJson) -> str:
    unit = fact.get("unit", "")
    evidence = fact.get("evidence", "")
    return (
        f"{fact['metric']:<22} {fact['channel']:<16} {fact['value']!s:>7} "
        f"{fact['qualifier']:<9} {unit:<3} {evidence}"
    )


def format_score(result: Score, details: bool = True) -> str:
    """A plain-text table: precision and recall per file and overall, then every miss."""
    lines = [f"{'file':<28} {'tp':>3} {'fp':>3} {'fn':>3}  precision  recall"]
    for f in result.files:
        lines.append(
            f"{f.file:<28} {len(f.true_positives):>3} {len(f.false_positives):>3} "
            f"{len(f.false_negatives):>3}   {_pct(f.precision)}  {_pct(f.recall)}"
        )
    lines.append(
        f"{'overall':<28} {result.tp:>3} {result.fp:>3} {result.fn:>3}   "
        f"{_pct(result.precision)}  {_pct(result.recall)}"
    )
    if details:
        for title, attr in (
            ("false positives", "false_positives"),
            ("false negatives", "false_negatives"),
        ):
            misses = [(f.file, fact) for f in result.files for fact in getattr(f, attr)]
            lines.append(f"\n{title} ({len(misses)})")
            lines.extend(f"  {file:<26} {_fact_line(fact)}" for file, fact in misses)
        if result.unscored:
            lines.append("\nnot scored (no fact of these files in the truth)")
            for file, facts in result.unscored.items():
                lines.extend(f"  {file:<26} {_fact_line(fact)}" for fact in facts)
    return "\n".join(lines)
