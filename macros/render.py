"""Turn the content model into HTML through the Jinja partials in overrides/partials.

Python only picks the data and the partial; every tag lives in a template,
autoescaped, so text from YAML can never become markup.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from mkdocs.utils import get_relative_url

import workbook
from workbook import backup

from .content import content_dir_for, load_content_or_fail
from .links import BREAK_PAGE, page_url, strategy_path, worksheet_order, worksheet_path
from .schema_docs import schema_reference

PARTIALS = Path(__file__).resolve().parent.parent / "overrides" / "partials"


class Renderer:
    def __init__(self, env):
        self.env = env
        self.content = load_content_or_fail(env.conf)
        workbook.use_content(self.content.worksheets)  # the build shows real engine output as samples
        self.jinja = Environment(
            loader=FileSystemLoader(PARTIALS),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.jinja.globals.update(
            url=self.url,
            strategy_url=lambda sid: self.url(strategy_path(sid)),
            worksheet_url=lambda wid: self.url(worksheet_path(wid)),
            break_page_path=BREAK_PAGE,
            content=self.content,
            # The saved-data format, from the engine, for the page's storage code (storage.js).
            storage={"format": backup.FORMAT, "version": backup.VERSION, "max_bytes": backup.MAX_BACKUP_BYTES},
        )

    def url(self, path: str) -> str:
        """A link from the page being rendered to another page (raw HTML is not rewritten by MkDocs)."""
        return get_relative_url(page_url(path) or ".", self.env.page.url)

    def _render(self, partial: str, **data) -> str:
        html = self.jinja.get_template(partial).render(**data)
        # Markdown ends a raw HTML block at a blank line; partials never need one.
        return "\n".join(line for line in html.splitlines() if line.strip())

    # --- macros ----------------------------------------------------------

    def home(self) -> str:
        return self._render("home.html", guide=self.content.guide, strategies=self.content.strategies)

    def strategy_page(self, strategy_id: str) -> str:
        strategy = self.content.strategy_by_id[strategy_id]
        return self._render("strategy.html", strategy=strategy, worksheets=self.content.worksheets_for(strategy_id))

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

    def content_reference(self) -> str:
        return self._render("schema_reference.html",
                            reference=schema_reference(content_dir_for(self.env.conf) / "schema"))
