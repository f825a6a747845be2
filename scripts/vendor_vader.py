"""Write workbook/lexicon/ from VADER's sentiment lexicon (vaderSentiment on PyPI).

    python scripts/vendor_vader.py

Downloads the pinned wheel with pip, checks its sha256, and keeps what the tone check uses:
the words VADER rates strongly negative (mean valence at or below -1.5, the loosest threshold
content/tone.schema.json allows), one "valence<TAB>its words" a line,
plus VADER's licence. Run it only to move to another VADER release; the output is committed,
so neither the build nor the browser needs vaderSentiment or the network.

Why only the lexicon and not the package: the tone check needs the ratings of single words
(workbook/tone.py); VADER's own scorer rates whole sentences and, tried on rejection replies,
caught about half of the bitter lines while flagging disappointment as hostile. The strongly
negative words are 31 KB (9 KB compressed) where the wheel is 126 KB; all its negative words
(below -0.5) were 53 KB, but the check never reads those above its threshold.
"""
from __future__ import annotations

import hashlib
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

VERSION = "3.3.2"
WHEEL = f"vaderSentiment-{VERSION}-py2.py3-none-any.whl"
SHA256 = "3bf1d243b98b1afad575b9f22bc2cb1e212b94ff89ca74f8a23a588d024ea311"
THRESHOLD = -1.5   # content/schema/tone.schema.json: lexicon.threshold has this as its maximum
WORD = re.compile(r"[a-z][a-z'-]*")  # words only: no emoticons
OUT = Path(__file__).resolve().parent.parent / "workbook" / "lexicon"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", f"vaderSentiment=={VERSION}", "--no-deps",
                        "--quiet", "-d", tmp], check=True)
        data = (Path(tmp) / WHEEL).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit(f"{WHEEL}: sha256 {digest}, expected {SHA256}")
    with zipfile.ZipFile(io.BytesIO(data)) as wheel:
        lexicon = wheel.read("vaderSentiment/vader_lexicon.txt").decode("utf-8")
        licence = wheel.read(f"vaderSentiment-{VERSION}.dist-info/LICENSE.txt").decode("utf-8")
    by_value: dict[str, list[str]] = {}
    for line in lexicon.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and float(parts[1]) <= THRESHOLD and WORD.fullmatch(parts[0]):
            by_value.setdefault(f"{float(parts[1]):.1f}", []).append(parts[0])
    # One line per valence: the file is part of a first visit, and this is 1 KB smaller compressed.
    rows = [f"{value}\t{' '.join(words)}" for value, words in sorted(by_value.items(), key=lambda v: float(v[0]))]
    OUT.mkdir(exist_ok=True)
    header = (f"# The negative words of VADER's sentiment lexicon (vaderSentiment {VERSION}, MIT licence, see\n"
              f"# LICENSE-VADER.txt): mean valence from -4 to 4, at or below {THRESHOLD}<TAB>the words\n"
              "# with that valence, separated by spaces. Written by\n"
              "# scripts/vendor_vader.py. Hutto & Gilbert (2014), VADER: A Parsimonious Rule-based Model\n"
              "# for Sentiment Analysis of Social Media Text, ICWSM-14.\n")
    (OUT / "vader_negative.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    (OUT / "LICENSE-VADER.txt").write_text(licence, encoding="utf-8")
    print(f"{sum(map(len, by_value.values()))} words written to {OUT / 'vader_negative.tsv'}")


if __name__ == "__main__":
    main()
