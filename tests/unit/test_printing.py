"""What the build prepares for print: running text, handout pages, tab labels."""
from __future__ import annotations

from kb import printing


def test_running_text_names_site_address_and_review_date():
    text = printing.running_text("RP Groups", "https://intranet/x/page.html", "26 November 2026")
    assert text == {"header": "Reviewed 26 November 2026",
                    "footer": "RP Groups \u00b7 https://intranet/x/page.html"}


def test_css_strings_are_escaped():
    assert printing.css_string('a "b" \\ </style>') == 'a \\"b\\" \\\\ \\3c /style>'


def test_handout_pages_are_those_under_handouts_except_the_index():
    assert printing.is_handout("handouts/confidentiality.md")
    assert not printing.is_handout("handouts/index.md")
    assert not printing.is_handout("take-part/confidentiality.md")


def test_tab_labels_are_copied_into_their_blocks():
    html = ('<div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input id="a"/><input id="b"/>'
            '<div class="tabbed-labels"><label for="a">First &amp; one</label><label for="b"><b>Second</b></label>'
            '</div><div class="tabbed-content"><div class="tabbed-block"><p>A</p></div>'
            '<div class="tabbed-block"><p>B</p></div></div></div><p>after</p>')
    out = printing.label_tabs(html)
    assert '<div class="tabbed-block"><p class="kb-tab-title" aria-hidden="true">First &amp; one</p><p>A</p>' \
        in out
    assert '<div class="tabbed-block"><p class="kb-tab-title" aria-hidden="true">Second</p><p>B</p>' in out
    assert out.endswith("<p>after</p>")


def test_pages_without_tabs_are_unchanged():
    assert printing.label_tabs("<p>plain</p>") == "<p>plain</p>"
