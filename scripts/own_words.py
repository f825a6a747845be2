"""Run the shared own-words check over every folder that holds the project's wording.

The checker lives in ../shared/tools (beside the clone, as on CI); when it is
absent (a fork elsewhere), say so and pass, since there is nothing to compare.
"""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHECKER = ROOT.parent / "shared" / "tools" / "own_words.py"
PATHS = ["content", "docs", "overrides", "macros", "workbook", "README.md"]

if not CHECKER.exists():
    print(f"own words: {CHECKER} not found, skipped")
    sys.exit(0)
paths = [p for p in PATHS if (ROOT / p).exists()]
sys.exit(subprocess.run([sys.executable, str(CHECKER), *paths], cwd=ROOT).returncode)
