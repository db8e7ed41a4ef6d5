"""What the hooks do, as one object that lives for one build.

`scripts/hooks.py` forwards MkDocs events here; this module knows MkDocs' types
but holds no markup: templates under `overrides/` render what `page_context`
returns.
"""
from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from . import (
    accessibility,
    contents,
    dates,
    editions,
    frontmatter,
    generated,
    guides,
    minify,
    model,
    printing,
    schema,
    searchindex,
    searchscope,
    syntax,
    termlinks,
    urls,
    whitespace,
)
from .glossary import Term
from .problems import Problem, shown_path

SEARCH_BOOST_GLOSSARY = 1.1  # a nudge: their names already count through the alias field


log = logging.getLogger("mkdocs.plugins.kb")


def report(problems: list[Problem]) -> int:
    """Log each problem on one line, as the checker prints it; return how many are errors.

    The build goes on and stops once, after the last page (`stop`), so that one build
    lists every mistake, as MkDocs' strict mode does with its warnings."""
    for problem in sorted(problems):
        log.log(logging.ERROR if problem.severity == "error" else logging.WARNING, problem.render())
    return sum(p.severity == "error" for p in problems)


def stop(errors: int) -> None:
    """End the build after its mistakes are listed: one line, no traceback."""
    if errors:
        raise Abort(f"Aborted with {errors} error{'s' if errors != 1 else ''} in the content, listed above.")


class Build:
    def __init__(self, config):
        self.config = config
        self.root = editions.root(config)
        self.edition, problems = editions.configure(config)  # an organisation's edition, if one is built
        stop(report(problems))
        self.model = model.load(Path(config.docs_dir), self.root)
        stop(report(self.model.problems))  # nothing can be built on a broken glossary or bibliography
        self.errors = 0  # found in pages; the build stops on them in post_build
        self.term_files: dict[str, File] = {}
        self.url_to_term: dict[str, Term] = {}
        self.term_views: dict[str, dict] = {}
        self.terms_used: dict[str, list[str]] = {}
        self.mentions: dict[str, list[Page]] = {}
        self.page_keywords: dict[str, list[str]] = {}  # a page's search-only words, by URL
        self.page_classes = minify.ClassCollector()
        self.term_by_src = {term.src_uri: term for term in self.model.glossary.terms.values()}

    # --- files ------------------------------------------------------------------

    def add_generated(self, files: Files) -> Files:
        reviewed, due = self.model.review_span()
        if len(self.model.glossary):
            files.append(File.generated(self.config, generated.AZ_PAGE,
                                        content=generated.glossary_index(self.model.glossary, reviewed, due)))
        if self.model.references:
            files.append(File.generated(self.config, generated.REFERENCES_PAGE,
                                        content=generated.references_page(self.model.references, reviewed, due)))
        self.files = files
        self.guides = {g.src_uri: g for g in guides.from_nav(self.config.nav)}
        for guide in self.guides.values():
            files.append(File.generated(self.config, guide.src_uri,
                                        content=guides.source(guide, Path(self.config.docs_dir))))
        references = files.get_file_from_path(generated.REFERENCES_PAGE)
        self.references_url = references.url if references else ""
        for slug, term in self.model.glossary.terms.items():
            file = files.get_file_from_path(term.src_uri)
            self.term_files[slug] = file
            self.url_to_term[file.url] = term
        stop(report(editions.add_files(self.edition, self.config, files)))  # its local pages, after the product's
        return files

    def term_for_path(self, site_path: str) -> Term | None:
        term = self.url_to_term.get(site_path)
        if term is None and site_path.endswith("/"):
            term = self.url_to_term.get(site_path + "index.html")
        return term

    # --- markdown ---------------------------------------------------------------

    def entry_for(self, page: Page) -> Term | None:
        """The glossary term whose entry the page is, or None. (Asked for every page and
        every mention of a term: a dictionary lookup.)"""
        if page.file.generated_by:
            return None
        return self.term_by_src.get(page.file.src_uri)

    def page_markdown(self, markdown: str, page: Page) -> str:
        src = page.file.src_uri  # findings are made with it; `report_page` names the file
        offset = 0
        term = self.entry_for(page)
        if term is not None:
            offset = term.doc.body_start - 1  # read with the glossary, at the start of the build
        elif not page.file.generated_by:
            doc = frontmatter.parse(page.file.content_string, src)
            offset = doc.body_start - 1
            self.check_front_matter(doc, page)
            if doc.problems:
                return markdown  # unreadable front matter: its finding says so, as in the checker
        if term is not None:
            page.meta["title"], page.meta["description"] = term.term, term.summary
            page.meta.setdefault("search", {"boost": SEARCH_BOOST_GLOSSARY})
            markdown = self.entry_header(term) + markdown
            offset -= self.entry_header(term).count("\n")
        result = syntax.expand(markdown, src, src, self.model.glossary, self.model.references, offset)
        self.report_page(page, result.problems)
        return result.markdown

    def report_page(self, page: Page, problems: list[Problem]) -> None:
        """Report a page's findings, naming its file as the checker does (`rel_path`). That
        path is resolved on disk, a system call per folder of it: worked out only for a page
        with findings, as almost every page has none."""
        if problems:
            rel = self.rel_path(page)
            self.errors += report([dataclasses.replace(p, path=rel) for p in problems])

    def check_front_matter(self, doc: frontmatter.Document, page: Page) -> None:
        """Report the page's front-matter mistakes. The build goes on to the other pages, so
        `page.meta` keeps only what validated: no template meets a value of the wrong type."""
        meta, problems = schema.validate(doc, schema.PAGE)
        self.report_page(page, doc.problems or problems)
        if doc.problems or problems:
            for key in set(page.meta) - set(meta):
                del page.meta[key]

    @staticmethod
    def entry_header(term: Term) -> str:
        """The summary and the other names, in the page itself so that search finds them."""
        text = f"{term.summary}\n{{: .kb-summary #kb-summary }}\n\n"
        if term.aliases:
            text += "**Also called:** " + ", ".join(term.aliases) + "\n{: .kb-aliases }\n\n"
        return text

    def rel_path(self, page: Page) -> str:
        path = Path(page.file.abs_src_path or Path(self.config.docs_dir) / page.file.src_uri).resolve()
        return shown_path(path, self.root)

    # --- html -------------------------------------------------------------------

    def page_content(self, html: str, page: Page) -> str:
        is_az = page.file.src_uri == generated.AZ_PAGE
        html = accessibility.hide_task_checkboxes(printing.label_tabs(html))
        html = contents.insert(accessibility.label_permalinks(html))
        html = searchscope.exclude(html, handout=printing.is_handout(page.file.src_uri),
                                   entry=self.entry_for(page) is not None)
        # The A–Z prints each summary beside its link: a tooltip would only repeat it.
        html, linked = termlinks.decorate(html, page.url, self.term_for_path, tooltips=not is_az)
        own = self.entry_for(page)
        linked = [s for s in linked if not own or s != own.slug]
        if is_az:
            return html  # the A–Z links every term: neither "terms used" nor a mention
        # On an entry, "Related terms" already lists its related terms with their summaries.
        self.terms_used[page.url] = [s for s in linked if not own or s not in own.related]
        for slug in linked:
            self.mentions.setdefault(slug, []).append(page)
        return html

    def insert_listings(self, page: Page) -> None:
        """The A–Z's rows and the references' entries, put into the page once Material's
        search has indexed it (its on_page_context runs before the hooks'). Search leaves
        them out (the A–Z's letters are marked data-search-exclude; a work is found
        through the pages that cite it), and its HTML parser spent longer reading these
        two pages, to skip them, than any other two."""
        if page.file.generated_by is None:
            return
        if page.file.src_uri == generated.AZ_PAGE:
            page.content = generated.insert_az_rows(
                page.content or "", self.model.glossary, self.config.use_directory_urls,
                lambda rows: termlinks.decorate(rows, page.url, self.term_for_path, tooltips=False)[0])
        elif page.file.src_uri == generated.REFERENCES_PAGE:
            page.content = generated.insert_references(page.content or "", self.model.references)
            # MkDocs checks links to anchors (after every page is built) against the ids it met
            # converting the Markdown; the entries came after it, so their ids are declared
            # here (its own attribute).
            page.present_anchor_ids = (page.present_anchor_ids or set()) | set(self.model.references)

    def page_context(self, page: Page) -> dict:
        self.insert_listings(page)
        meta = page.meta
        if isinstance(meta.get("keywords"), list):
            self.page_keywords[page.url] = [str(k) for k in meta["keywords"]]
        terms = [self.term_view(s) for s in self.terms_used.get(page.url, [])]
        reviewed = dates.display(meta.get("reviewed"))
        context = {"reviewed": reviewed, "review_due": dates.display(meta.get("review_due")),
                   "terms_used": terms, "entry": None, "handout": None,
                   "print": printing.running_text(self.config.site_name, page.canonical_url or page.url, reviewed)}
        if printing.is_handout(page.file.src_uri):
            context["handout"] = {"pdf": Path(page.file.dest_uri).with_suffix(".pdf").name,
                                  "pages": int(meta.get("print_pages", 1))}
        guide = self.guides.get(page.file.src_uri)
        if guide is not None:
            self.fill_guide(page, guide, context)
        landing = next((g for g in self.guides.values() if g.landing == page.file.src_uri), None)
        if landing is not None:
            context["print_guide"] = {"url": Path(landing.src_uri).with_suffix(".html").name, "pdf": landing.pdf_name}
        term = self.entry_for(page)
        if term is not None:
            # No contents list beside an entry: it named the same three headings on every
            # entry (about 0.9 KB of each entry's HTML) and an entry is short enough to read
            # down. Replaced here, after Material's search has taken the entry's sections, by
            # one top-level item with nothing under it: Material then lists nothing, and its
            # "Skip to content" link goes to the definition under the title.
            page.toc = TableOfContents([AnchorLink(page.title, "kb-summary", 1)])
            refs = [self.model.references[s] for s in term.sources]
            context["entry"] = {
                "related": [self.term_view(s) for s in term.related],
                "sources": [{"label": r.label(), "url": f"{self.references_url}#{r.id}", "title": r.title_html}
                            for r in refs],
                "mentioned_on": sorted((self.page_view(p) for p in self.mentions.get(term.slug, []) if p is not page),
                                       key=lambda v: v["title"].lower()),
            }
        return context

    def fill_guide(self, page: Page, guide: guides.Guide, context: dict) -> None:
        """The guide's print page: every page of its section, converted by now (MkDocs converts
        every page before it renders any), and the glossary terms they use, for the end."""
        pages = {src: self.files.get_file_from_path(src).page for src in guide.pages
                 if self.files.get_file_from_path(src) is not None}
        address = page.canonical_url or page.url

        def is_entry(href: str) -> bool:
            path, _ = urls.resolve(href, page.url)
            return path is not None and self.term_for_path(path) is not None

        page.content = guides.combine(guide, page.content or "", {src: p.content or "" for src, p in pages.items()},
                                      address, is_entry,
                                      self.config.extra.get("organisation", ""), context["reviewed"])
        used = list(dict.fromkeys(s for p in pages.values() for s in self.terms_used.get(p.url, [])))
        context["terms_used"] = [self.term_view(s) for s in used]
        context["guide"] = {"pdf": guide.pdf_name}

    def page_view(self, page: Page) -> dict:
        """A page to link to; a glossary entry brings its summary for the tooltip."""
        term = self.entry_for(page)
        return {"title": page.title, "url": page.url, "summary": term.summary if term else ""}

    def term_view(self, slug: str) -> dict:
        """A term to link to, with its summary (one dict per term, shared by every page that lists it)."""
        view = self.term_views.get(slug)
        if view is None:
            term = self.model.glossary.terms[slug]
            view = self.term_views[slug] = {"term": term.term, "summary": term.summary,
                                            "url": self.term_files[slug].url}
        return view

    @staticmethod
    def theme_env(env):
        """The theme's templates, their indentation taken out once as they load (kb/whitespace.py)."""
        env.loader = whitespace.UnindentedTemplates(env.loader)
        return env

    def page_html(self, html: str) -> str:
        """The finished page, its template indentation removed; its classes noted for
        the style sheet's trimming (kb/minify.py)."""
        html = whitespace.collapse(html)
        self.page_classes.add_page(html)
        return html

    # --- after the build ----------------------------------------------------------

    def post_build(self) -> None:
        stop(self.errors)
        site = Path(self.config.site_dir)
        minify.own_assets(site)
        palettes = self.config.theme.get("palette") or []
        minify.palette_css(site, [palettes] if isinstance(palettes, dict) else palettes)
        minify.material_css(site, self.page_classes.classes)
        index = site / "search" / "search_index.json"
        if not index.is_file():
            return
        entries = {self.term_files[slug].url: term for slug, term in self.model.glossary.terms.items()}
        keywords = {url: term.keywords for url, term in entries.items()} | self.page_keywords
        searchindex.augment(index, lambda location: entries[location].names if location in entries else [],
                            lambda location: keywords.get(location, []))
