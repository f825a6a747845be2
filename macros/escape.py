"""Text from content/ written where MkDocs and Material expect HTML, not text.

Our partials are rendered with autoescape, so the words in a page's body are always
escaped. Page titles are different: MkDocs takes them from the nav and the front matter,
and Material writes them unescaped into the navigation, <title>, the header, the <h1>, the
footer links and the search index. mkdocs-macros also renders a page title as a template
when it holds `{{`. So a title from content/ is handed over already escaped, braces
included: the browser shows it exactly as typed, and no template engine sees `{{`.
"""
from __future__ import annotations

import html


def html_text(text: str, quote: bool = True) -> str:
    """`text` as HTML that displays it literally (quotes and braces as character references).
    quote=False keeps ' and " as they are, for text that never goes into an attribute (search
    tags: there "didn't" must stay one word a person can type)."""
    return html.escape(text, quote=quote).replace("{", "&#123;").replace("}", "&#125;")
