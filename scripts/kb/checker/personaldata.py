"""Personal data in the sources: e-mail addresses, UK phone numbers, NHS-number-like digits.

Each is a finding unless `docs/_data/allowlist.yaml` lists it. The patterns are
deliberately narrow (a UK number has 10 or 11 digits and a real area code; an NHS
number must pass its mod-11 check digit) so that dates, DOIs and page ranges are
not mistaken for them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..frontmatter import load_data
from ..problems import Problem, error

ALLOWLIST = "_data/allowlist.yaml"
KEYS = ("phones", "emails", "email_domains", "nhs_numbers")

EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([A-Za-z]{2,})(?![\w-])")
NOT_TLDS = {"png", "jpg", "jpeg", "gif", "svg", "webp", "css", "js", "md", "html"}  # icon@2x.png is a file
UK_PHONE = re.compile(r"(?<![\w+/.=-])(?:\+44[ \t]?(?:\(0\)[ \t]?)?|\(0|0)"   # +44 20, +44 (0)20, (020, 020
                      r"\d{2,4}\)?(?:[ \t-]?\d{3,4}){1,2}(?![\d-]|\.\d)")
SERVICE_116 = re.compile(r"(?<![\w+/.=-])116[ \t-]?\d{3}(?![\d-]|\.\d)")  # European helplines: 116 123
TEL_LINK = re.compile(r"tel:(\+?[\d() \t.-]*\d)", re.IGNORECASE)
NHS_LIKE = re.compile(r"(?<![\w+/.=-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w-]|\.\d)")


@dataclass
class AllowList:
    phones: set[str] = field(default_factory=set)         # digits only, +44 read as 0
    emails: set[str] = field(default_factory=set)         # lower case
    email_domains: set[str] = field(default_factory=set)  # lower case
    nhs_numbers: set[str] = field(default_factory=set)    # digits only

    def allows_email(self, address: str) -> bool:
        address = address.lower()
        domain = address.rsplit("@", 1)[1]
        return address in self.emails or any(domain == d or domain.endswith("." + d) for d in self.email_domains)


# --- the allow-list ----------------------------------------------------------------------

def load_allowlist(docs_dir: Path, rel: str) -> tuple[AllowList, list[Problem]]:
    """The allow-list, or an empty one if there is none; mistakes in it are findings."""
    path = docs_dir / ALLOWLIST
    if not path.is_file():
        return AllowList(), []
    node, data, problems = load_data(path, rel, "the allow-list", "check the indentation and quote each number",
                                     code="allowlist-invalid")
    if problems:
        return AllowList(), problems
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value} if isinstance(node, yaml.MappingNode) else {}
    return _allowlist_from(data or {}, rel, lines)


def _allowlist_from(data, rel: str, lines: dict[str, int]) -> tuple[AllowList, list[Problem]]:
    hint = f"write a mapping with the lists {', '.join(KEYS)} (see the comment at the top of the file)"
    if not isinstance(data, dict):
        return AllowList(), [error(rel, 1, "allowlist-invalid", "the allow-list must be a mapping of lists", hint)]
    problems = [error(rel, lines.get(str(key), 1), "allowlist-invalid", f"unknown key '{key}' in the allow-list", hint)
                for key in data if key not in KEYS]
    lists = {}
    for key in KEYS:
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            problems.append(error(rel, lines.get(key, 1), "allowlist-invalid",
                                  f"'{key}' must be a list of quoted values", hint))
            value = []
        lists[key] = [str(v) for v in value]
    allow = AllowList(phones={phone_digits(v) for v in lists["phones"]},
                      emails={v.strip().lower() for v in lists["emails"]},
                      email_domains={v.strip().lower().lstrip("@") for v in lists["email_domains"]},
                      nhs_numbers={_NON_DIGIT.sub("", v) for v in lists["nhs_numbers"]})
    return allow, problems


# --- detection ---------------------------------------------------------------------------

def find(lines: list[str], path: str, allow: AllowList) -> list[Problem]:
    """Findings for every unlisted address or number in `lines` (a file's lines, code already blanked)."""
    text = "\n".join(lines)
    problems = []
    for match in _emails(text):
        if not allow.allows_email(match.group(0)):
            line, col = _position(text, match.start())
            problems.append(error(path, line, "pii-email", f"'{match.group(0)}' looks like an e-mail address",
                                  _FIX, col=col))
    runs = _number_runs(text)
    taken: list[tuple[int, int]] = []
    for match in _matches(text, runs, NHS_LIKE):
        digits = _NON_DIGIT.sub("", match.group(0))
        if nhs_check_digit_ok(digits):
            taken.append(match.span())
            if digits not in allow.nhs_numbers:
                line, col = _position(text, match.start())
                problems.append(error(path, line, "pii-nhs-number", f"'{digits[:3]} *** ****' has the form of an "
                                      "NHS number and passes its check digit", _FIX, col=col))
    tel_links = TEL_LINK.finditer(text) if "tel:" in text.lower() else []
    for match in [*tel_links, *_matches(text, runs, UK_PHONE), *_matches(text, runs, SERVICE_116)]:
        start, end = match.span(1) if match.re is TEL_LINK else match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        digits = phone_digits(text[start:end])
        if (match.re is UK_PHONE and not _is_uk_number(digits)) or digits in allow.phones:
            continue
        line, col = _position(text, start)
        problems.append(error(path, line, "pii-phone", f"'{text[start:end]}' looks like a phone number",
                              _FIX, col=col))
    return problems


def _position(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


# A regex that starts with a character class or a lookbehind is tried at every position
# of the text. So numbers are found by one cheap scan for runs of digits and separators,
# and the precise patterns run only over those runs (with two characters either side
# for their guards).
_NON_DIGIT = re.compile(r"\D")
_AT = re.compile("@")
_NUMBERISH = re.compile(r"[0-9][0-9 \t().+-]{5,}[0-9]")
_LOCAL_PART = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")


def _number_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of digits and separators, with two characters after for the guards."""
    runs = []
    for run in _NUMBERISH.finditer(text):
        start = run.start() - 1 if run.start() and text[run.start() - 1] in "+(" else run.start()
        runs.append((start, min(len(text), run.end() + 2)))
    return runs


def _matches(text: str, runs: list[tuple[int, int]], pattern: re.Pattern):
    for start, end in runs:
        yield from pattern.finditer(text, start, end)


def _emails(text: str):
    """E-mail addresses, found from their '@' (rare) rather than by trying every position."""
    for at in _AT.finditer(text):
        start = at.start()
        while start > 0 and text[start - 1] in _LOCAL_PART:
            start -= 1
        match = EMAIL.match(text, start)
        if match and match.end() > at.start() and match.group(1).lower() not in NOT_TLDS:
            yield match


_FIX = "remove it; if it is a public service's address or number, add it to docs/_data/allowlist.yaml"


def phone_digits(number: str) -> str:
    """'+44 (0)20 7946 0958' -> '02079460958'; '116 123' -> '116123'."""
    digits = _NON_DIGIT.sub("", number.replace("(0)", "") if number.strip().startswith("+44") else number)
    return "0" + digits[2:] if number.strip().startswith("+44") else digits


def _is_uk_number(digits: str) -> bool:
    """0 then 9 or 10 digits, with a real leading digit (01, 02, 03, 05, 07, 08, 09)."""
    return len(digits) in (10, 11) and digits[0] == "0" and digits[1] in "1235789"


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number's modulus-11 check: weights 10 to 2 on the first nine digits."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    remainder = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1))) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])
