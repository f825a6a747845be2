"""The one error the build raises for a maintainer to read. macros/ and sitebuild/ import no
MkDocs: the MkDocs hooks and mkdocs-macros turn this into MkDocs' own PluginError."""


class BuildError(Exception):
    """A problem that stops the build, worded for the person who edits the site."""
