"""What the printed page needs from the build: running header and footer text,
handout details, and labels for tabs printed in sequence."""
from __future__ import annotations

import html
import re

HANDOUTS_DIR = "handouts/"
TABBED_SET = re.compile(r'<div class="tabbed-set[^"]*"[^>]*>.*?<div class="tabbed-labels[^"]*">(.*?)</div>', re.S)
LABEL = re.compile(r"<label[^>]*>(.*?)</label>", re.S)
BLOCK = '<div class="tabbed-block">'


def css_string(text: str) -> str:
    """Text made safe inside a CSS double-quoted string (and inside a <style> element)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", " ")


def running_text(site_name: str, address: str, reviewed: str) -> dict:
    return {"header": css_string(f"Reviewed {reviewed}" if reviewed else site_name),
            "footer": css_string(f"{site_name} \u00b7 {address}")}


def is_handout(src_uri: str) -> bool:
    return src_uri.startswith(HANDOUTS_DIR) and not src_uri.endswith("index.md")


def label_tabs(content: str) -> str:
    """Put each tab's label at the top of its block, shown only in print.

    pymdownx.tabbed keeps the labels apart from the blocks (a row of radio labels);
    printed in sequence, the blocks would lose their titles without this.
    """
    out, pos = [], 0
    for match in TABBED_SET.finditer(content):
        labels = [html.unescape(re.sub(r"<[^>]+>", "", label)).strip() for label in LABEL.findall(match.group(1))]
        start = match.end()
        out.append(content[pos:start])
        pos = start
        for label in labels:
            index = content.find(BLOCK, pos)
            if index < 0:
                break
            end = index + len(BLOCK)
            out.append(content[pos:end] + f'<p class="kb-tab-title" aria-hidden="true">{html.escape(label)}</p>')
            pos = end
    out.append(content[pos:])
    return "".join(out)
