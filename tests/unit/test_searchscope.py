"""What is marked for Material's search to leave out."""
from kb.searchscope import MARK, exclude


def test_examples_model_answers_and_alias_lines_are_left_out_everywhere():
    html = ('<div class="admonition example"><p>Story</p></div><div class="admonition note"><p>Keep</p></div>'
            '<details class="question"><summary>Q</summary><p>A</p></details><p class="kb-aliases">x</p><p>Body</p>')
    out = exclude(html)
    assert out.count(MARK) == 3
    assert '<div class="admonition note"><p>Keep</p>' in out and "<p>Body</p>" in out


def test_a_handout_keeps_its_title_and_introduction_only():
    html = '<h1 id="t">Title</h1><p>Intro</p><h2 id="a">A</h2><p>x</p><h2>B</h2>'
    assert exclude(html, handout=True) == (f'<h1 id="t">Title</h1><p>Intro</p><h2{MARK} id="a">A</h2><p>x</p>'
                                           f'<h2{MARK}>B</h2>')
    assert exclude(html) == html


def test_an_entrys_history_is_left_out_and_its_guidance_kept():
    html = ('<p>Summary</p><h2 id="in-a-reflective-practice-group">In a group</h2><p>x</p>'
            '<h2 id="where-the-idea-comes-from">Where the idea comes from</h2><p>Bion, 1962</p>'
            '<h2 id="common-confusions">Common confusions</h2><p>y</p>')
    out = exclude(html, entry=True)
    assert out.count(MARK) == 1
    assert f'<h2{MARK} id="where-the-idea-comes-from">' in out
    assert exclude(html) == html
