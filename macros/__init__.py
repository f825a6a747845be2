"""mkdocs-macros module: registers the macros that docs/*.md pages call, nothing else.

Only this entry point knows MkDocs (imported when mkdocs-macros calls it): the rest of macros/
imports without it, and its BuildError becomes MkDocs' PluginError here."""
from .errors import BuildError
from .render import MACROS, Renderer


def define_env(env):
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:   # another builder (Zensical) shows our own error
        PluginError = BuildError

    try:
        renderer = Renderer(env.conf)
    except BuildError as error:
        raise PluginError(str(error)) from None
    for name in MACROS:
        env.macro(_for_page(renderer, name, env, PluginError), name)


def _for_page(renderer: Renderer, name: str, env, plugin_error):
    def macro(*args):
        try:
            return renderer.page(name, env.page.url, *args)
        except BuildError as error:
            raise plugin_error(str(error)) from None

    macro.__name__ = name
    return macro
