"""sitebuild/csp.py hashes only the inline scripts the theme's templates wrote, and refuses the rest."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.csp import UnknownScript, add_policy, inline_script_hashes, known_script_patterns

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def known():
    import material

    return known_script_patterns([ROOT / "overrides", Path(material.__file__).parent / "templates"])


def page(*body: str) -> str:
    return '<html><head><meta charset="utf-8"></head><body>' + "".join(body) + "</body></html>"


# Material's scope script as it appears on a page two levels down, and its palette script.
SCOPE = ('<script>__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
         '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,'
         'a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}</script>')
TABS = ('<script>var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
        '(target.checked=target.name.startsWith("__tabbed_"))</script>')


def test_the_themes_own_scripts_are_hashed(known):
    assert len(inline_script_hashes(page(SCOPE, TABS), known)) == 2


def test_a_theme_script_with_code_where_the_template_has_a_url_is_refused(known):
    injected = SCOPE.replace('"../.."', '"",alert(1),"')
    with pytest.raises(UnknownScript, match="no template of the theme wrote"):
        inline_script_hashes(page(injected), known)


@pytest.mark.parametrize("html", [
    "<script>alert(1)</script>",
    '<script type="module">import("./x.js")</script>',
    '<script type=" Text/JavaScript ">alert(1)</script>',
    '<script type="text/x-unheard-of">alert(1)</script>',
    "<SCRIPT>alert(1)</SCRIPT>",
    "<script/x>alert(1)</script>",
    TABS.replace("__tabbed_", "__tabbed_x") ,
], ids=["plain", "module", "odd type", "unknown type", "upper case", "slash", "changed theme script"])
def test_an_unknown_inline_script_is_refused_with_its_first_characters(known, html):
    with pytest.raises(UnknownScript) as refused:
        inline_script_hashes(page(SCOPE, html), known)
    assert "no template of the theme wrote" in str(refused.value)


@pytest.mark.parametrize("html", ['<img src=x onerror="alert(1)">', '<a href=" JavaScript:alert(1)">x</a>',
                                  '<form action="javascript:alert(1)"></form>'])
def test_inline_handlers_and_javascript_links_are_refused(known, html):
    with pytest.raises(UnknownScript, match="event handler or javascript: link"):
        inline_script_hashes(page(html), known)


def test_data_scripts_and_scripts_with_src_need_no_hash(known):
    html = page('<script id="__config" type="application/json">{"a": 1}</script>', '<script src="x.js"></script>')
    assert inline_script_hashes(html, known) == []


def test_script_text_inside_a_comment_is_not_a_script(known):
    assert inline_script_hashes(page("<!-- <script>alert(1)</script> -->"), known) == []


def test_the_policy_lists_each_hash_once_and_goes_right_after_charset(known):
    html = add_policy(page(SCOPE, TABS, TABS), known)
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<body>")
    assert html.count("'sha256-") == 2
