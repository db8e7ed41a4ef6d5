"""Reporters: the findings and a summary, as text or as JSON. They know nothing about rules.

Text: one finding a line (`path:line:col: severity [code] message (hint)`), sorted
by path and line, then one summary line. JSON: one object,
`{"findings": [{path, line, col, severity, code, message, hint}, ...], "summary": {...}}`.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from ..problems import Problem


@dataclass
class Summary:
    pages: int
    links: int
    external_links: int
    seconds: float
    external_checked: dict[str, int] = field(default_factory=dict)  # with --external: outcome -> URLs
    external_urls: list[dict] = field(default_factory=list)  # with --external: each URL's outcome (JSON only)

    def counts(self, findings: list[Problem]) -> tuple[int, int]:
        errors = sum(1 for p in findings if p.severity == "error")
        return errors, len(findings) - errors


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


class TextReport:
    def __init__(self, out):  # a text stream
        self.out = out

    def write(self, findings: list[Problem], summary: Summary) -> None:
        for problem in findings:
            self.out.write(problem.render() + "\n")
        errors, warnings = summary.counts(findings)
        external = f", {summary.external_links:,} external"
        if summary.external_checked:
            external += " (" + ", ".join(f"{n:,} {what}" for what, n in summary.external_checked.items()) + ")"
        self.out.write(f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in "
                       f"{_plural(summary.pages, 'page')}, {_plural(summary.links, 'link')}{external} "
                       f"({summary.seconds:.2f} s)\n")


class JsonReport:
    def __init__(self, out):  # a text stream
        self.out = out

    def write(self, findings: list[Problem], summary: Summary) -> None:
        errors, warnings = summary.counts(findings)
        data = {"findings": [asdict(p) for p in findings],
                "summary": {"errors": errors, "warnings": warnings, **asdict(summary)}}
        json.dump(data, self.out, indent=1, ensure_ascii=False)
        self.out.write("\n")


REPORTS = {"text": TextReport, "json": JsonReport}
