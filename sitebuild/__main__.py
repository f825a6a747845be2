"""Each build step on its own, for another site builder or a maintainer:

    python -m sitebuild pages OUT_DIR      the generated pages as Markdown files, and nav.json
    python -m sitebuild assets SITE_DIR    the engine wheel, its content file and Pyodide
    python -m sitebuild csp SITE_DIR       a Content Security Policy <meta> in every page
    python -m sitebuild offline SITE_DIR   the web app manifest and the service worker

Each reads content/ (or --content DIR) and mkdocs.yml (or --config FILE) as the MkDocs build
does, and stops with the problem in words and exit status 1 when it cannot do its work.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

import yaml

from macros.content import CONTENT_DIR, ContentError, load_content
from macros.errors import BuildError

ROOT = Path(__file__).resolve().parent.parent


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as plain data: its !!python/name tags (Material's emoji options) as their
    names, and !ENV [NAME, default] as the variable's value or the default."""


def _env(loader, node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if v in os.environ), default)


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix)
_Loader.add_constructor("!ENV", _env)


def read_config(path: Path) -> dict:
    """mkdocs.yml as the steps need it (site name, theme, extra, plugins' options)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}


def theme_dirs(config: dict, config_file: Path, given=()) -> list[Path]:
    """The theme's template folders: ours first, then the ones given (--theme-dir: another
    builder's theme, such as Zensical's templates), else Material's, as MkDocs searches them."""
    theme = config.get("theme") or {}
    dirs = [config_file.parent / theme["custom_dir"]] if theme.get("custom_dir") else []
    if given:
        return dirs + list(given)
    spec = importlib.util.find_spec("material")
    if spec and spec.origin:
        dirs.append(Path(spec.origin).parent / "templates")
    return dirs


class _Plugin:
    def __init__(self, options):
        self.config = options or {}


def _plugins(config: dict) -> dict:
    found = {}
    for item in config.get("plugins") or []:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        found[name] = _Plugin(options)
    return found


def pages(out: Path, content_dir: Path, config_file: Path) -> None:
    from macros.links import page_url
    from macros.render import Renderer

    from .pages import body, generated_pages, nav

    content = load_content(content_dir)
    renderer = Renderer({"config_file_path": str(config_file), "extra": {"content_dir": str(content_dir)}})
    for page in generated_pages(content):
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.front_matter + body(renderer, page, page_url(page.path)) + "\n", encoding="utf-8")
    (out / "nav.json").write_text(json.dumps(nav(content), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild", description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["pages", "assets", "csp", "offline"])
    parser.add_argument("dir", type=Path, help="OUT_DIR for pages; the built site's folder for the others")
    parser.add_argument("--content", type=Path, default=CONTENT_DIR, help="the content folder (content/)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument("--theme-dir", type=Path, action="append", default=[],
                        help="csp: the theme's template folder, if not Material's (may be given twice)")
    parser.add_argument("--without-copy", action="store_true",
                        help="offline: write the worker that removes an earlier copy, as `mkdocs serve` does")
    args = parser.parse_args(argv)
    try:
        if args.step == "pages":
            pages(args.dir, args.content, args.config)
        elif args.step == "assets":
            from .assets import engine_content, write_runtime

            write_runtime(args.dir, engine_content(load_content(args.content)))
        elif args.step == "csp":
            from .csp import apply_to_site

            config = read_config(args.config)
            apply_to_site(args.dir, theme_dirs(config, args.config, args.theme_dir))
        else:
            from .offline import write_offline

            config = read_config(args.config)
            config["plugins"] = _plugins(config)
            write_offline(args.dir, config, offline=not args.without_copy)
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    except ContentError as error:
        print("Problems in content/ (fix these and build again):\n  " + "\n  ".join(error.problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
