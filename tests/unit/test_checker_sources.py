"""The checker's rules on the sources: one planted fault per rule, exact finding and exit status."""
from __future__ import annotations

import pytest

from checkerkit import Project, finding_lines
from kb.checker.personaldata import nhs_check_digit_ok, phone_digits

FIX = "(remove it; if it is a public service's address or number, add it to docs/_data/allowlist.yaml)"


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path)


def assert_finds(project: Project, expected: list[str], status: int = 1, *args: str) -> None:
    """The runner returns exactly `expected`; the CLI prints it and exits with `status`."""
    assert project.findings() == expected
    result = project.cli(*args)
    assert finding_lines(result) == expected
    assert result.returncode == status, result.stderr


# --- the content model and the authoring syntax, reused ------------------------------------

def test_glossary_problems_come_from_the_content_model(project):
    project.edit("docs/glossary/beta.md", "related: [alpha, gamma]", "related: [alpah, gamma]")
    assert_finds(project, ["docs/glossary/beta.md:5:1: error [related-unknown] related term 'alpah' does not exist "
                           "(did you mean 'alpha'?)"])


def test_unknown_terms_and_citations_name_their_column(project):
    line = project.append("docs/index.md", "\nA `code span` then [[alpah]] and [[alpha]] [@heiman-1950].\n") + 1
    assert_finds(project, [
        f"docs/index.md:{line}:20: error [term-unknown] unknown glossary term '[[alpah]]' (did you mean 'alpha'?)",
        f"docs/index.md:{line}:44: error [cite-unknown] unknown citation '[@heiman-1950]' (did you mean "
        "'heimann-1950'?)"])


def test_page_front_matter_is_checked(project):
    project.edit("docs/faq/index.md", "description: Frequently asked questions.\n", "")
    assert_finds(project, ["docs/faq/index.md:1:1: error [meta-missing] front matter has no 'description' (add "
                           "'description:' (see docs/about/contributing.md))"])


# --- glossary and bibliography across the site ----------------------------------------------

def test_a_term_no_page_links_to_is_a_warning(project):
    project.edit("docs/index.md", " and [[gamma]]", "")
    expected = ["docs/glossary/gamma.md:2:1: warning [term-orphan] no page outside the glossary links to 'gamma' "
                "(link to it with [[gamma]] where the idea comes up, so readers find it)"]
    assert_finds(project, expected, 0)
    assert project.cli("--strict").returncode == 1


@pytest.mark.parametrize("link", ["[Gamma](glossary/gamma.md)", "[G][g]\n\n[g]: glossary/gamma.md",
                                  '<a href="glossary/gamma.md">G</a>', "[[GAMMA]]"])
def test_any_link_from_a_page_outside_the_glossary_counts(project, link):
    project.edit("docs/index.md", "[[gamma]]", link)
    assert project.findings() == []


def test_links_between_glossary_entries_do_not_count(project):
    project.edit("docs/index.md", " and [[gamma]]", "")
    project.append("docs/glossary/alpha.md", "\nSee [[gamma]].\n")
    assert [f.split(" [")[1].split("]")[0] for f in project.findings()] == ["term-orphan"]


def test_a_reference_cited_nowhere_is_a_warning(project):
    line = project.append("docs/_data/bibliography.yaml", "  - id: bion-1961\n    author:\n      - family: Bion\n"
                                                          "    issued:\n      date-parts: [[1961]]\n"
                                                          "    title: Experiences in Groups\n")
    assert_finds(project, [f"docs/_data/bibliography.yaml:{line}:1: warning [ref-uncited] 'bion-1961' is cited "
                           "nowhere (cite it with [@bion-1961], list it in a glossary entry's 'sources', or remove "
                           "it)"], 0)


@pytest.mark.parametrize("citation", ["[@bion-1961]", "[Bion](references.md#bion-1961)"])
def test_a_citation_or_a_link_to_the_entry_counts(project, citation):
    project.append("docs/_data/bibliography.yaml", "  - id: bion-1961\n    author:\n      - family: Bion\n"
                                                   "    issued:\n      date-parts: [[1961]]\n    title: Experiences\n")
    project.append("docs/index.md", f"\nAs Bion wrote {citation}.\n")
    assert project.findings() == []


def test_overdue_reviews_are_warnings_for_pages_and_entries(project):
    project.edit("docs/index.md", "review_due: 2027-11-26", "review_due: 2026-11-30")
    project.edit("docs/glossary/gamma.md", "review_due: 2027-11-26", "review_due: 2026-11-30")
    assert_finds(project, [
        "docs/glossary/gamma.md:9:1: warning [review-overdue] the review was due on 2026-11-30 (review the page, "
        "then update both dates)",
        "docs/index.md:6:1: warning [review-overdue] the review was due on 2026-11-30 (review the page, then update "
        "both dates)"], 0)


def test_the_date_for_reviews_is_today_unless_given(project):
    result = project.cli("--today", "2027-11-27")  # the later --today wins
    assert result.stdout.count("[review-overdue]") == 5  # two pages, three entries


# --- content rules ------------------------------------------------------------------------------

@pytest.mark.parametrize("admonition, said", [
    ('!!! example "A ward round"', "its title is 'A ward round'"),
    ("??? example", "it has no title"),
    ('???+ example "Composite case"', "its title is 'Composite case'"),
    ('    !!! example inline end "Nested"', "its title is 'Nested'"),
])
def test_an_example_must_say_it_is_fictional(project, admonition, said):
    line = project.append("docs/index.md", f"\n{admonition}\n    A nurse on a ward.\n") + 1
    col = len(admonition) - len(admonition.lstrip()) + 1
    assert_finds(project, [f"docs/index.md:{line}:{col}: error [example-unlabelled] a clinical example must be "
                           f"labelled fictional, but {said} (write it as !!! example \"Fictional composite example\")"])


@pytest.mark.parametrize("admonition", ['!!! example "Fictional: a ward round"', '!!! EXAMPLE "A FICTIONAL case"',
                                        '!!! note "A ward round"', '```\n!!! example "In code"\n```'])
def test_labelled_examples_other_admonitions_and_code_are_fine(project, admonition):
    project.append("docs/index.md", f"\n{admonition}\n    Text.\n")
    assert project.findings() == []


def test_an_faq_answer_must_link_to_a_page_outside_faq(project):
    line = project.append("docs/faq/index.md", "\n## Is it confidential?\n\nYes, see [below](#who-runs-it), "
                                               "[another answer](other.md) and [NHS](https://www.nhs.uk/).\n")
    assert_finds(project, [f"docs/faq/index.md:{line + 1}:1: error [faq-no-link] the answer to 'Is it "
                           "confidential?' links to no page outside faq/ (link to the page that answers it in full, "
                           "or to a glossary term with [[term]])"])


@pytest.mark.parametrize("answer", ["See [the guide](../index.md).", "It is [[alpha]].",
                                    'See <a href="../index.md">the guide</a>.', "See [the guide][home].",
                                    "See [home].", "See [the guide][].\n\n[the guide]: ../index.md"])
def test_an_faq_answer_with_an_inward_link_is_fine(project, answer):
    project.edit("docs/faq/index.md", "### What is it?", f"### Is it confidential?\n\n{answer}\n\n### What is it?")
    assert project.findings() == []


@pytest.mark.parametrize("answer", ["![A diagram](../assets/diagram.svg)", "[Home](https://example.org/)",
                                    "[Above](#taking-part)", "[Another answer](other.md)", "[[no-such-term]]"])
def test_an_faq_answer_whose_only_link_is_not_to_a_page_elsewhere(project, answer):
    project.edit("docs/faq/index.md", "### What is it?", f"### Is it confidential?\n\n{answer}\n\n### What is it?")
    found = [f for f in project.findings() if "[faq-no-link]" in f]
    assert found == ["docs/faq/index.md:12:1: error [faq-no-link] the answer to 'Is it confidential?' links to no page "
                     "outside faq/ (link to the page that answers it in full, or to a glossary term with [[term]])"]


def test_a_site_without_an_faq_folder_is_fine(project):
    project.path("docs/faq/index.md").unlink()
    project.path("docs/faq").rmdir()
    assert project.findings() == []


PERSONAL = [
    ("Contact jane.doe@nhs.net for details.", 9, "pii-email", "'jane.doe@nhs.net' looks like an e-mail address"),
    ("Ring 020 7946 0958 today.", 6, "pii-phone", "'020 7946 0958' looks like a phone number"),
    ("Ring +44 (0)20 7946 0958.", 6, "pii-phone", "'+44 (0)20 7946 0958' looks like a phone number"),
    ("Text 07700 900123.", 6, "pii-phone", "'07700 900123' looks like a phone number"),
    ("Call (01632) 960 000 now.", 6, "pii-phone", "'(01632) 960 000' looks like a phone number"),
    ("Call [us](tel:116-117).", 15, "pii-phone", "'116-117' looks like a phone number"),
    ("Helpline 116 000.", 10, "pii-phone", "'116 000' looks like a phone number"),
    ("Patient 943 476 5919 was seen.", 9, "pii-nhs-number",
     "'943 *** ****' has the form of an NHS number and passes its check digit"),
    ("Ref 943-476-5919.", 5, "pii-nhs-number",
     "'943 *** ****' has the form of an NHS number and passes its check digit"),
    ("Number 9434765919.", 8, "pii-nhs-number",
     "'943 *** ****' has the form of an NHS number and passes its check digit"),
]


@pytest.mark.parametrize("text, col, code, message", PERSONAL, ids=[p[0] for p in PERSONAL])
def test_personal_data_is_an_error(project, text, col, code, message):
    line = project.append("docs/index.md", f"\n{text}\n") + 1
    assert_finds(project, [f"docs/index.md:{line}:{col}: error [{code}] {message} {FIX}"])


@pytest.mark.parametrize("text", [
    "Call 999, NHS 111 or 116 123, or tel:116123.", "Write to help@example.org or x@sub.example.org.",
    "Not an NHS number: 943 476 5918.", "A DOI 10.1080/0144341960160101 and pages 1234-1250.",
    "Dated 2026-11-26, at 09:30, version 0.9.1, ISBN 978-0-415-12345-6.", "An icon@2x.png is a file.",
    "A citation [@heimann-1950] is not an address.", "`jane@nhs.net 020 7946 0958` in code.",
    "In 1999 we had 111 groups.",
])
def test_allowed_and_lookalike_text_is_fine(project, text):
    project.append("docs/index.md", f"\n{text}\n")
    assert project.findings() == []


def test_personal_data_in_front_matter_names_its_line(project):
    project.edit("docs/faq/index.md", "description: Frequently asked questions.",
                 "description: Questions; ask jane@nhs.net.")
    assert_finds(project, [f"docs/faq/index.md:3:29: error [pii-email] 'jane@nhs.net' looks like an e-mail address "
                           f"{FIX}"])


def test_personal_data_in_a_glossary_entry(project):
    line = project.append("docs/glossary/beta.md", "\nAsk on 0161 496 0000.\n") + 1
    assert_finds(project, [f"docs/glossary/beta.md:{line}:8: error [pii-phone] '0161 496 0000' looks like a phone "
                           f"number {FIX}"])


def test_the_allow_list_lets_a_listed_address_through(project):
    project.append("docs/index.md", "\nContact team@trust.nhs.uk or 0161 496 0000.\n")
    project.edit("docs/_data/allowlist.yaml", '"116 123"]', '"116 123", "+44 161 496 0000"]')
    project.edit("docs/_data/allowlist.yaml", "emails: []", "emails: [Team@Trust.nhs.uk]")
    assert project.findings() == []


@pytest.mark.parametrize("text, line, message", [
    ("phones: 999\n", 1, "'phones' must be a list of quoted values"),
    ("phone: ['999']\n", 1, "unknown key 'phone' in the allow-list"),
    ("- 999\n", 1, "the allow-list must be a mapping of lists"),
])
def test_a_malformed_allow_list_is_a_finding(project, text, line, message):
    project.write("docs/_data/allowlist.yaml", text)
    found = [f for f in project.findings() if "allowlist" in f]
    assert found[0].startswith(f"docs/_data/allowlist.yaml:{line}:1: error [allowlist-invalid] {message} (write a "
                               "mapping with the lists phones, emails, email_domains, nhs_numbers")


def test_allow_list_yaml_errors_name_the_line(project):
    project.write("docs/_data/allowlist.yaml", "phones:\n  - '999'\n emails: []\n")
    assert project.findings()[0].startswith("docs/_data/allowlist.yaml:3:1: error [allowlist-invalid] the allow-list "
                                            "is not valid YAML")


@pytest.mark.parametrize("digits, valid", [("9434765919", True), ("9434765918", False), ("4010232137", True),
                                           ("0000000000", True), ("1234567890", False), ("943476591", False)])
def test_nhs_check_digit(digits, valid):
    assert nhs_check_digit_ok(digits) is valid


@pytest.mark.parametrize("printed, digits", [("+44 (0)20 7946 0958", "02079460958"), ("116 123", "116123"),
                                             ("(01632) 960-000", "01632960000"), ("+441614960000", "01614960000")])
def test_phone_numbers_compare_by_their_digits(printed, digits):
    assert phone_digits(printed) == digits
