"""Template indentation is removed from built pages; code and text areas keep theirs;
outside the article the line breaks between tags go; SVG icons lose their xmlns."""
import jinja2

from kb import whitespace
from kb.whitespace import collapse


def test_indentation_goes_and_the_words_in_the_article_stay_apart():
    html = ("<article>\n<ul>\n      <li>\n        <a href=x>One</a>\n        <a href=y>Two</a>\n"
            "      </li>\n</ul></article>")
    assert collapse(html) == "<article>\n<ul>\n<li>\n<a href=x>One</a>\n<a href=y>Two</a>\n</li>\n</ul></article>"


def test_outside_the_article_the_breaks_between_tags_go_and_text_keeps_its_spaces():
    html = ('<nav>\n  <li>\n    <a href="x">\n      <span>\n        Home\n      </span>\n    </a>\n  </li>\n</nav>\n'
            "<article>\n<p><a>One</a>\n<a>Two</a></p>\n</article>\n<footer>\n  <div>\n    Note\n  </div>\n</footer>")
    assert collapse(html) == ('<nav><li><a href="x"><span>\nHome\n</span></a></li></nav>\n'
                              "<article>\n<p><a>One</a>\n<a>Two</a></p>\n</article>\n<footer><div>\nNote\n</div></footer>")


def test_blank_lines_between_tags_go_too():
    html = "<header>\n\n  <div>\n\n\n  \n</div>\n \n<p>Text</p></header><article>\n\n<p>One</p>\n\n<p>Two</p></article>"
    assert collapse(html) == "<header><div></div><p>Text</p></header><article>\n<p>One</p>\n<p>Two</p></article>"


def test_pre_and_textarea_keep_their_white_space():
    pre = "<pre><code>def f():\n    return 1\n</code></pre>"
    area = "<textarea>\n   keep\n</textarea>"
    html = f"<article><div>\n    {pre}\n    {area}\n  </div></article>"
    assert collapse(html) == f"<article><div>\n{pre}\n{area}\n</div></article>"
    assert pre in collapse(f"<header>\n  {pre}\n</header>")


def test_svg_icons_lose_their_namespace_and_nothing_else():
    icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18"/></svg>'
    assert collapse(f"<label>{icon}</label>") == '<label><svg viewBox="0 0 24 24"><path d="M3 6h18"/></svg></label>'


def test_a_page_without_indentation_is_unchanged():
    html = "<article><p>Plain <em>text</em> here.</p>\n<p>Two</p></article>"
    assert collapse(html) == html


def test_templates_lose_their_indentation_once_as_they_load():
    loader = whitespace.UnindentedTemplates(jinja2.DictLoader({
        "page.html": "<div>\n    <nav>\n\t<a>x</a>\n    </nav>\n</div>\n",
        "code.html": "<pre>\n    kept\n</pre>\n",
        "sitemap.xml": "<urlset>\n  <url/>\n</urlset>\n",
    }))
    env = jinja2.Environment(loader=loader)
    assert env.get_template("page.html").render() == "<div>\n<nav>\n<a>x</a>\n</nav>\n</div>"
    assert env.get_template("code.html").render() == "<pre>\n    kept\n</pre>"
    assert env.get_template("sitemap.xml").render() == "<urlset>\n  <url/>\n</urlset>"
    assert sorted(loader.list_templates()) == ["code.html", "page.html", "sitemap.xml"]
