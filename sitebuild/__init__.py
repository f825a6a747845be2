"""The site build's own steps, as a plain Python package (no MkDocs import): the generated
pages and navigation (pages), the engine wheel and Pyodide (assets), the Content Security
Policy (csp) and the offline copy (offline). The MkDocs hooks in hooks/ only call these;
`python -m sitebuild --help` runs each one on its own (sitebuild/__main__.py)."""
