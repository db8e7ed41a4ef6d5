"""The guides' promises: the pathway's order, the hard moments' four parts, FAQ answers
that route inward, participant pages a tired reader can read, diagrams with text."""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser

from kb import frontmatter, syntax, urls
from support import HARD_MOMENTS_HUB, ROOT, hard_moment_pages

DOCS = ROOT / "docs"
NAV = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"]
FOUR_PARTS = ["What may be going on", "What to try", "What to avoid", "When to get help"]


def parse(site: Path, page: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / page).read_text(encoding="utf-8"))


def nav_section(title: str) -> list[str]:
    section = next(item[title] for item in NAV if isinstance(item, dict) and title in item)
    return [next(iter(e.values())) if isinstance(e, dict) else e for e in section]


def headings(tree, tag: str) -> list[str]:
    return [h.text().rstrip("¶").strip() for h in tree.css(f"article {tag}")]


# --- the new-facilitator pathway -------------------------------------------------------

def test_the_pathway_steps_are_in_order_with_their_number_and_neighbours(built_site):
    steps = [p for p in nav_section("New-facilitator pathway") if p != "learn/index.md"]
    assert len(steps) >= 6
    for n, src in enumerate(steps, start=1):
        page = src[:-3] + ".html"
        tree = parse(built_site, page)
        assert f"Step {n} of {len(steps)}" in tree.css_first("article").text(), page
        links = {urls.resolve(a.attributes["href"], page)[0] for a in tree.css("article a[href]")}
        if n > 1:
            assert steps[n - 2][:-3] + ".html" in links, f"{page} links back to step {n - 1}"
        if n < len(steps):
            assert steps[n][:-3] + ".html" in links, f"{page} links on to step {n + 1}"
        footer = [a.attributes["href"] for a in tree.css(".md-footer__link")]
        assert footer, f"{page} has previous/next in the footer"


def test_each_step_has_aim_reading_exercise_and_hidden_model_answers(built_site):
    for src in nav_section("New-facilitator pathway")[1:]:
        tree = parse(built_site, src[:-3] + ".html")
        h2 = headings(tree, "h2")
        for part in ("Aim", "Read on this site", "Exercise"):
            assert part in h2, (src, part)
        questions = tree.css("article details.question")
        assert questions, f"{src} has self-check questions"
        assert all(not d.attributes.get("open") for d in questions), "model answers are hidden until opened"


def test_the_pathway_ends_with_a_printable_first_session_plan(built_site):
    last = nav_section("New-facilitator pathway")[-1]
    assert "plan" in parse(built_site, last[:-3] + ".html").css_first("article").text().lower()
    assert (built_site / "handouts" / "first-session-plan.pdf").is_file()


def test_the_templates_are_one_page_handouts(built_site):
    from pypdf import PdfReader
    for name in ("first-session-plan", "group-agreement", "contracting-checklist"):
        assert len(PdfReader(built_site / "handouts" / f"{name}.pdf").pages) == 1, name


# --- the hard moments -----------------------------------------------------------------

def moments_of(tree) -> dict[str, list[str]]:
    """Each moment's ## heading (text and id) with the ### parts under it."""
    moments, current = {}, None
    for h in tree.css_first("article").css("h2, h3"):
        text = h.text().rstrip("¶").strip()
        if h.tag == "h2":
            current = None if h.parent.tag in ("aside", "section") else (text, h.attributes["id"])  # generated parts
            if current:
                moments[current] = []
        elif current:
            moments[current].append(text)
    return moments


def test_each_hard_moment_has_its_four_parts_in_order(built_site):
    pages = hard_moment_pages()
    assert len(pages) >= 5
    moments = {m: parts for page in pages for m, parts in moments_of(parse(built_site, page)).items()}
    assert len(moments) >= 29
    assert {m: parts for m, parts in moments.items() if parts != FOUR_PARTS} == {}


def test_the_hard_moments_hub_lists_every_moment_in_order_and_keeps_the_old_anchors(built_site):
    """The moments were on one page until it grew too slow for a phone; their hub lists them
    all, and each item carries the moment's old anchor, so bookmarks such as
    hard-moments.html#silence still land on the moment's name and its link."""
    expected = []
    for page in hard_moment_pages():
        name = page.split("/")[-1]
        expected += [(text, f"{name}#{ident}", ident) for text, ident in moments_of(parse(built_site, page))]
    links = parse(built_site, HARD_MOMENTS_HUB).css("article li > a[id]")
    assert [(a.text().strip(), a.attributes["href"], a.attributes["id"]) for a in links] == expected


def test_each_hard_moments_page_carries_the_caution_and_the_way_to_the_risk_steps(built_site):
    for page in [HARD_MOMENTS_HUB, *hard_moment_pages()]:
        tree = parse(built_site, page)
        warning = tree.css_first("article .admonition.warning")
        assert warning and "do not qualify you to facilitate" in warning.text(), page
        assert "safeguarding lead the same day" in " ".join(warning.text().split()), page
        hrefs = [a.attributes.get("href", "") for a in tree.css("article p a")][:6]
        assert any(h.endswith("someone-at-risk.html") for h in hrefs), page


# --- the FAQ ----------------------------------------------------------------------------

def test_every_faq_answer_links_to_a_page_outside_the_faq(built_site):
    tree = parse(built_site, "faq/index.html")
    questions, missing = 0, []
    for h3 in tree.css("article h3"):
        questions += 1
        node, inward = h3.next, False
        while node is not None and node.tag not in ("h2", "h3"):
            for a in (node.css("a[href]") if node.tag != "-text" else []):
                href = a.attributes["href"]
                if not urls.is_external(href) and not href.startswith("#"):
                    inward = inward or not urls.resolve(href, "faq/index.html")[0].startswith("faq/")
            node = node.next
        if not inward:
            missing.append(h3.text().rstrip("¶").strip())
    assert questions >= 40
    assert missing == []


# --- reading ease of the participant guide ------------------------------------------------

def syllables(word: str) -> int:
    word = word.lower().strip(".,;:!?'\"()")
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups) - (1 if word.endswith("e") and len(groups) > 1 and not word.endswith("le") else 0)
    return max(count, 1)


def flesch(text: str) -> float:
    sentences = [s for s in re.split(r"[.!?]+(?:\s|$)", text) if re.search(r"[A-Za-z]", s)]
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    return 206.835 - 1.015 * len(words) / len(sentences) - 84.6 * sum(map(syllables, words)) / len(words)


def prose(src: Path) -> str:
    """The page's readable text: no front matter, code, link targets or admonition markers."""
    body = frontmatter.parse(src.read_text(encoding="utf-8"), src.name).body
    text = "".join(t for _, t, code in syntax.outside_code(body) if not code)
    text = re.sub(r"\[\[([^\]|]+\|)?([^\]]+)\]\]", r"\2", text)
    text = re.sub(r"\[@[^\]]+\]", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"^[ \t]*(!!!|\?\?\?)\+?.*$", "", text, flags=re.M)
    text = re.sub(r"^[ \t]*#+\s*(.*)$", r"\1.", text, flags=re.M)  # a heading is a sentence
    text = re.sub(r"^[ \t]*[-*]\s+(.*)$", r"\1.", text, flags=re.M)  # so is a list item
    return re.sub(r"[*_`>|\[\]]", "", text)


def test_participant_pages_score_at_least_fifty_for_reading_ease():
    scores = {p.name: round(flesch(prose(p)), 1) for p in sorted((DOCS / "take-part").glob("*.md"))}
    assert len(scores) >= 7
    assert {name: score for name, score in scores.items() if score < 50} == {}


def test_the_reading_ease_formula_is_sane():
    assert flesch("The cat sat on the mat. It was warm.") > 90
    assert flesch("Institutional countertransference necessitates organisational reflexivity.") < 0


# --- diagrams ---------------------------------------------------------------------------

def test_there_are_at_least_four_diagrams_and_each_is_used_with_alt_text(built_site):
    diagrams = sorted((DOCS / "assets" / "diagrams").glob("*.svg"))
    assert len(diagrams) >= 4
    used = {}
    for page in built_site.rglob("*.html"):
        for img in LexborHTMLParser(page.read_text(encoding="utf-8")).css("article img[src$='.svg']"):
            used[Path(img.attributes["src"]).name] = img.attributes.get("alt", "")
    for svg in diagrams:
        assert used.get(svg.name, "").strip(), f"{svg.name} is shown on a page with alt text"
