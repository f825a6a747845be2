"""mkdocs-macros module: registers the macros that pages call, nothing else."""
from .render import Renderer


def define_env(env):
    renderer = Renderer(env)
    for name in ("home", "strategy_page", "worksheet_page", "workbook_index",
                 "resources_page", "break_page", "about_page", "content_reference"):
        env.macro(getattr(renderer, name), name)
