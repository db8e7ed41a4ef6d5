"""Template indentation is removed from built pages; code, text areas and scripts keep theirs."""
from kb.whitespace import collapse


def test_indentation_goes_and_the_words_stay_apart():
    html = "<ul>\n      <li>\n        <a href=x>One</a>\n        <a href=y>Two</a>\n      </li>\n</ul>"
    assert collapse(html) == "<ul>\n<li>\n<a href=x>One</a>\n<a href=y>Two</a>\n</li>\n</ul>"


def test_pre_textarea_and_script_keep_their_white_space():
    pre = "<pre><code>def f():\n    return 1\n</code></pre>"
    area = "<textarea>\n   keep\n</textarea>"
    script = '<script>\n  if (a) {\n    b()\n  }\n</script>'
    html = f"<div>\n    {pre}\n    {area}\n  {script}\n  </div>"
    assert collapse(html) == f"<div>\n{pre}\n{area}\n{script}\n</div>"


def test_a_page_without_indentation_is_unchanged():
    html = "<p>Plain <em>text</em> here.</p>\n<p>Two</p>"
    assert collapse(html) == html
