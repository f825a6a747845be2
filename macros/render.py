"""Turn the content model into HTML through the Jinja partials in overrides/partials.

Python only picks the data and the partial; every tag lives in a template,
autoescaped, so text from YAML can never become markup.

Pages made from content (a strategy, a worksheet, the resources and break pages) are rendered
by hooks/pages.py straight into the page, never through mkdocs-macros: their Markdown holds no
template at all. The hand-written pages in docs/ call the same methods as macros.
"""
from __future__ import annotations

import traceback
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from markupsafe import Markup, escape

import workbook
from workbook import backup

from .content import content_dir_for, load_content_or_fail
from .errors import BuildError
from .links import BREAK_PAGE, page_url, relative_url, situation_path, strategy_path, worksheet_order, worksheet_path
from .schema_docs import schema_reference

PARTIALS = Path(__file__).resolve().parent.parent / "overrides" / "partials"  # when the config names no theme
# The pages docs/*.md may ask for with {{ name() }}.
MACROS = ("home", "workbook_index", "about_page", "content_reference", "wording_review")
# Worksheets whose drafts the wording page shows for every stage and tone.
DRAFTED = ("reply", "feedback")


def keep_lines(text) -> Markup:
    """Text for a <textarea>, escaped, with each line break written as &#10;: the page's HTML
    reaches Markdown, which ends a raw HTML block at a blank line (see Renderer._render)."""
    return Markup(str(escape("" if text is None else text)).replace("\r\n", "\n").replace("\n", "&#10;"))


class Renderer:
    def __init__(self, config):
        self.config = config
        self.content = load_content_or_fail(config)
        self.page_url = ""  # the page being rendered, for relative links
        # The partials of the theme's custom_dir (overrides/ here; a fork may point elsewhere).
        custom_dir = getattr(config.get("theme"), "custom_dir", None)
        self.partials = Path(custom_dir) / "partials" if custom_dir else PARTIALS
        # The real engine, with the real content, makes the samples.
        workbook.use_content(self.content.worksheets, self.content.tone, self.content.interface)
        self.jinja = Environment(
            loader=FileSystemLoader(self.partials),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.jinja.filters["keep_lines"] = keep_lines
        self.jinja.globals.update(
            url=self.url,
            strategy_url=lambda sid: self.url(strategy_path(sid)),
            situation_url=lambda sid: self.url(situation_path(sid)),
            worksheet_url=lambda wid: self.url(worksheet_path(wid)),
            break_page_path=BREAK_PAGE,
            content=self.content,
            # The saved-data format, from the engine, for the page's storage code (storage.js).
            storage={"format": backup.FORMAT, "version": backup.VERSION, "max_bytes": backup.MAX_BACKUP_BYTES},
        )

    def url(self, path: str) -> str:
        """A link from the page being rendered to another page (raw HTML is not rewritten by MkDocs)."""
        return relative_url(page_url(path) or ".", self.page_url)

    def page(self, name: str, at_url: str, *args) -> str:
        """The HTML of macro `name` for the page at `at_url`. A template error names the partial
        and its line, and the content file the page is made from (not a generated .md file)."""
        self.page_url = at_url
        try:
            return getattr(self, name)(*args)
        except TemplateError as error:
            source = self._source(name, args)
            frames = [f for f in traceback.extract_tb(error.__traceback__)
                      if f.filename.startswith(str(self.partials))]
            folder = f"{self.partials.parent.name}/{self.partials.name}"
            where = (f"{folder}/{Path(frames[-1].filename).name}, line {frames[-1].lineno}"
                     if frames else f"a partial in {folder}")
            raise BuildError(f"{source}: the page {at_url or '(home)'} could not be made from it: "
                              f"{where}: {error}") from None

    def _source(self, name: str, args: tuple) -> str:
        """The content file a page is made from."""
        if name == "strategy_page":
            return f"content/{self.content.strategy_files[args[0]]}"
        if name == "situation_page":
            return f"content/{self.content.situation_files[args[0]]}"
        if name == "worksheet_page":
            return f"content/worksheets/{args[0]}.yaml"
        return {"resources_page": "content/resources.yaml", "workbook_index": "content/worksheets/",
                "content_reference": "content/schema/"}.get(name, "content/guide.yaml")

    def _render(self, partial: str, **data) -> str:
        html = self.jinja.get_template(partial).render(**data)
        # Markdown ends a raw HTML block at a blank line; partials never need one.
        return "\n".join(line for line in html.splitlines() if line.strip())

    # --- pages -------------------------------------------------------------

    def home(self) -> str:
        return self._render("home.html", guide=self.content.guide, strategies=self.content.strategies,
                            situations=self.content.situations)

    def strategy_page(self, strategy_id: str) -> str:
        strategy = self.content.strategy_by_id[strategy_id]
        return self._render("strategy.html", strategy=strategy, worksheets=self.content.worksheets_for(strategy_id))

    def situation_page(self, situation_id: str) -> str:
        """A situation has a strategy's shape and is shown the same way."""
        situation = self.content.situation_by_id[situation_id]
        return self._render("strategy.html", strategy=situation,
                            worksheets=self.content.worksheets_for_situation(situation_id))

    def worksheet_page(self, worksheet_id: str) -> str:
        worksheet = self.content.worksheets[worksheet_id]
        strategy = self.content.strategy_by_id.get(worksheet["strategy"])
        shown = [example for example in worksheet["examples"] if example.get("show")]
        sample = workbook.run(worksheet_id, shown[0]["inputs"]) if shown else None
        return self._render("worksheet.html", worksheet=worksheet, strategy=strategy, sample=sample)

    def workbook_index(self) -> str:
        return self._render("workbook_index.html", worksheets=worksheet_order(self.content))

    def resources_page(self) -> str:
        return self._render("resources.html", resources=self.content.resources)

    def break_page(self) -> str:
        page = self.content.guide["break_page"]
        return self._render("break.html", page=page,
                            worksheets=[self.content.worksheets[w] for w in page["worksheets"]],
                            closing=self.content.guide["closing"])

    def about_page(self) -> str:
        return self._render("about.html", guide=self.content.guide)

    def wording_review(self) -> str:
        """Every draft for every stage and tone, every example, and the checks' figures."""
        from .tone_eval import GOALS, all_figures

        def labels(worksheet: dict, field_id: str) -> list[tuple[str, str]]:
            field = next((f for f in worksheet["fields"] if f["id"] == field_id), {})
            return [(o["value"], o["label"]) for o in field.get("options", [])]

        drafts = []
        for wid in DRAFTED:
            sheet = self.content.worksheets[wid]
            base = next((e["inputs"] for e in sheet["examples"] if e.get("show")), {})
            rows = [{"stage": stage_label, "tone": tone_label,
                     "output": workbook.run(wid, {**base, "stage": stage, "tone": tone})}
                    for stage, stage_label in labels(sheet, "stage") for tone, tone_label in labels(sheet, "tone")]
            drafts.append({"id": wid, "title": sheet["title"], "rows": rows})
        examples = [{"id": w["id"], "title": w["title"],
                     "examples": [{"name": e["name"], "output": workbook.run(w["id"], e["inputs"])}
                                  for e in w["examples"]]}
                    for w in worksheet_order(self.content)]
        checks = []
        figures = all_figures()   # reads every corpus line once: about 12 s of a build's time
        for key, title in (("tone", "The tone check"), ("care", "The care check (words without hope)")):
            parts = figures[key]
            first = parts[0]
            rows = [{"kind": kind, "cells": [(part.counts.get(kind, 0), part.recall.get(kind, 0.0)) for part in parts]}
                    for kind in first.recall]
            rows.append({"kind": "overall", "cells": [
                (sum(n for k, n in part.counts.items() if k != part.harmless), part.overall_recall) for part in parts]})
            rows.append({"kind": f"false alarms ({first.harmless} lines)", "cells": [
                (part.counts.get(part.harmless, 0), part.false_alarms) for part in parts]})
            checks.append({"id": key, "title": title, "rows": rows,
                           "parts": ["Tuned on", "Held out", "Other writers"][:len(parts)]})
        return self._render("wording_review.html", drafts=drafts, examples=examples, checks=checks,
                            goals=GOALS, tone=self.content.tone)

    def content_reference(self) -> str:
        return self._render("schema_reference.html",
                            reference=schema_reference(content_dir_for(self.config) / "schema"))
