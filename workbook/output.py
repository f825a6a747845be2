"""The engine's output: blocks the page renders by kind, and notes."""
from __future__ import annotations


class Output:
    """Collects blocks and notes for one run; `as_dict` is the JSON the page receives."""

    def __init__(self, worksheet_id: str):
        self.worksheet_id = worksheet_id
        self.blocks: list[dict] = []
        self.notes: list[dict] = []
        self.models_missing: list[str] = []

    # --- blocks ----------------------------------------------------------------

    def paragraph(self, text: str) -> None:
        if text:
            self.blocks.append({"kind": "paragraph", "text": text})

    def bullet_list(self, items: list[str], title: str | None = None, ordered: bool = False) -> None:
        items = [item for item in items if item]
        if items:
            self.blocks.append({"kind": "list", "title": title or None, "ordered": ordered, "items": items})

    def draft(self, title: str, body: str, subject: str | None = None, mailto: str | None = None) -> None:
        self.blocks.append({"kind": "draft", "title": title, "subject": subject or None,
                            "body": body, "mailto": mailto or None})

    def reminder(self, title: str, text: str, href: str, filename: str) -> None:
        """A reminder the person can add to their own calendar: `href` is the .ics file as a data: URL."""
        self.blocks.append({"kind": "reminder", "title": title, "text": text, "href": href, "filename": filename})

    def chart(self, title: str, bars: list[tuple[str, int]], summary: str) -> None:
        """A bar chart. Each bar's `share` is its length as a percentage of the longest (at least
        1 when its value is not 0), so the page only copies numbers into the picture."""
        longest = max([value for _, value in bars] + [1])
        self.blocks.append({"kind": "chart", "title": title,
                            "bars": [{"label": label, "value": value,
                                      "share": max(1, round(100 * value / longest)) if value > 0 else 0}
                                     for label, value in bars],
                            "summary": summary})

    # --- notes -----------------------------------------------------------------

    def note(self, code: str, text: str, level: str = "info") -> None:
        if not any(n["code"] == code and n["text"] == text for n in self.notes):
            self.notes.append({"level": level, "code": code, "text": text})

    def warning(self, code: str, text: str) -> None:
        self.note(code, text, "warning")

    def read_without(self, model: str) -> None:
        """A check had words to read and its model ("tone_model", "care_model") was not installed
        yet: the browser's worker waits for it and runs again (docs/assets/worker.js)."""
        if model not in self.models_missing:
            self.models_missing.append(model)

    def as_dict(self) -> dict:
        out = {"worksheet": self.worksheet_id, "blocks": self.blocks, "notes": self.notes}
        if self.models_missing:
            out["models_missing"] = self.models_missing
        return out
