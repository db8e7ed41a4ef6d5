"""What the build adds for assistive technology: named permalinks, hidden drawn checkboxes."""
from __future__ import annotations

from kb import accessibility


def test_permalinks_are_named_by_aria_label_not_title():
    html = '<h2 id="aim">Aim<a class="headerlink" href="#aim" title="Link to this section">¶</a></h2>'
    assert accessibility.label_permalinks(html) == (
        '<h2 id="aim">Aim<a class="headerlink" href="#aim" aria-label="Link to this section">¶</a></h2>')


def test_task_list_boxes_are_hidden_from_assistive_technology():
    html = ('<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
            '<span class="task-list-indicator"></span></label> Room booked</li>')
    assert accessibility.hide_task_checkboxes(html) == (
        '<li class="task-list-item"><label class="task-list-control"><input aria-hidden="true" tabindex="-1" '
        'type="checkbox" disabled/><span class="task-list-indicator"></span></label> Room booked</li>')


def test_only_sections_keep_their_permalinks():
    html = ('<h2 id="s">Silence<a class="headerlink" href="#s" title="Link to this section">¶</a></h2>'
            '<h3 id="t">What to <em>try</em><a class="headerlink" href="#t" title="Link to this section">¶</a></h3>')
    assert accessibility.label_permalinks(html) == (
        '<h2 id="s">Silence<a class="headerlink" href="#s" aria-label="Link to this section">¶</a></h2>'
        '<h3 id="t">What to <em>try</em></h3>')
