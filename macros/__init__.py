"""mkdocs-macros module: registers the macros that docs/*.md pages call, nothing else."""
from .render import MACROS, Renderer


def define_env(env):
    renderer = Renderer(env.conf)
    for name in MACROS:
        env.macro(_for_page(renderer, name, env), name)


def _for_page(renderer: Renderer, name: str, env):
    def macro(*args):
        return renderer.page(name, env.page.url, *args)

    macro.__name__ = name
    return macro
