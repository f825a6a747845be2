"""One renderer for output: the build draws each worksheet's example with the same macros that
write the page's <template>s, and render.js fills clones of those templates. Here render.js
draws the example's output (worked out by the engine under CPython, as the build does) in the
browser, and its markup must equal the build's sample, element for element."""
from __future__ import annotations

import pytest

import workbook
from macros.content import load_content
from macros.links import page_url, worksheet_path
from tests.browser.conftest import ENGINE_TIMEOUT, READY

CONTENT = load_content()
SHOWN = [(wid, next(e for e in sheet["examples"] if e.get("show"))) for wid, sheet in CONTENT.worksheets.items()
         if any(e.get("show") for e in sheet["examples"])]

# Both trees, with what must differ taken out: ids (and the labels' for) are unique per draft
# on a page, and whitespace between tags is layout, not markup.
SAME_MARKUP = """async ({ output }) => {
  const { renderOutput } = await import(new URL("../../assets/render.js", location.href).href);
  const live = document.createElement("div");
  renderOutput(live, output);
  const sample = document.querySelector(".gr-sample .gr-output__blocks").cloneNode(true);
  const normal = (root) => {
    for (const el of root.querySelectorAll("*")) { el.removeAttribute("id"); el.removeAttribute("for"); }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const blank = [];
    while (walker.nextNode()) if (!walker.currentNode.data.trim()) blank.push(walker.currentNode);
    blank.forEach((node) => node.remove());
    return root.innerHTML;
  };
  return { live: normal(live), sample: normal(sample) };
}"""


@pytest.mark.parametrize(("wid", "example"), SHOWN, ids=[wid for wid, _ in SHOWN])
def test_the_live_output_is_the_same_markup_as_the_build_sample(workbook_page, site_url, wid, example):
    page, _ = workbook_page
    assert len(SHOWN) == len(CONTENT.worksheets), "every worksheet shows an example"
    workbook.use_content(CONTENT.worksheets, CONTENT.tone, CONTENT.interface)
    output = workbook.run(wid, example["inputs"])
    page.goto(site_url + page_url(worksheet_path(wid)))
    page.wait_for_selector(READY, timeout=ENGINE_TIMEOUT)
    both = page.evaluate(SAME_MARKUP, {"output": output})
    assert both["sample"], "the page has its sample"
    assert both["live"] == both["sample"]
