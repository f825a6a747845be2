"""The log's CSV file (workbook/log_export.py) opened by a real spreadsheet: LibreOffice Calc,
headless. It sits with the browser tests because, like them, it drives an installed
application (scripts/ensure-browsers spreadsheet installs it on Debian; LIBREOFFICE_PATH
points at another)."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.unit.test_log_export import LOG, csv_of, rows_of


@pytest.fixture
def engine():
    import workbook
    from macros.content import load_content

    content = load_content()
    workbook.use_content(content.worksheets, content.tone, content.interface)
    return workbook


SOFFICE = os.environ.get("LIBREOFFICE_PATH") or shutil.which("soffice") or "/usr/bin/soffice"


def test_libreoffice_reads_every_cell_as_written(engine, tmp_path):
    """A real spreadsheet import: LibreOffice Calc (headless) opens the file with its CSV filter
    (comma, double quote, UTF-8) and saves it again as CSV; each cell it read must be the cell
    we wrote, accents, emoji, the comma, quotes and line break included, and a guarded formula
    must come back as text, not as its result."""
    assert Path(SOFFICE).exists(), "needs LibreOffice Calc: scripts/ensure-browsers spreadsheet, or LIBREOFFICE_PATH"
    entries = LOG + [{"application": "c", "date": "2024-05-03", "company": "=1+1", "role": "Ingénieure 🚀",
                      "note": "right-to-left: مرحبا"}]
    written = csv_of(engine, entries)["csv"]
    (tmp_path / "log.csv").write_text(written, encoding="utf-8", newline="")
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--infilter=CSV:44,34,76,1", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                    "--outdir", str(tmp_path / "out"), str(tmp_path / "log.csv")],
                   check=True, capture_output=True, timeout=120)
    read_back = (tmp_path / "out" / "log.csv").read_text(encoding="utf-8")
    assert list(csv.reader(io.StringIO(read_back, newline=""))) == rows_of(written)
