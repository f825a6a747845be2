"""run(): a worksheet's inputs in, its output out; task(): the same for the saved-data tasks
in backup.py (checking a backup, the readable copy, earlier answers) and log_export.py (the
log as a CSV file and as a printable record). The two never share
names: a worksheet cannot be called like a task, whatever its id. Neither raises on what a
person types."""
from __future__ import annotations

from . import backup, log_export
from .answers import Answers
from .catalogue import say as say_word
from .catalogue import worksheet
from .messages import Messages
from .output import Output
from .text import clean_text
from .tone import check_care
from .worksheets import ENGINES

TASKS = {**backup.TASKS, **log_export.TASKS}


def run(worksheet_id: str, inputs: dict) -> dict:
    """Build the output of one worksheet from the person's inputs (JSON-like in, JSON out)."""
    wid = clean_text(worksheet_id, 100) if isinstance(worksheet_id, str) else ""
    out = Output(wid)
    try:
        definition = worksheet(wid)
        engine = ENGINES.get(wid)
        if definition is None or engine is None:
            out.warning("unknown_worksheet", say_word("engine", "unknown_worksheet"))
            return out.as_dict()
        say = Messages(definition.get("messages"))
        if not isinstance(inputs, dict):
            out.warning("inputs_not_understood", say.text("inputs_not_understood"))
        answers = Answers(definition.get("fields"), inputs, say, out)
        engine.build(answers, say, out)
        check_care(out, answers)  # on every worksheet: words without hope bring a gentle note
    except Exception:  # the last line of defence: a person must never see a traceback
        out = Output(wid)
        out.warning("engine_error", say_word("engine", "engine_error"))
    return out.as_dict()


def task(name: str, inputs: dict) -> dict:
    """Run a saved-data task (backup.py, log_export.py); its result for the page is in "data"."""
    out = Output(name if isinstance(name, str) else "")
    if name not in TASKS:
        out.warning("unknown_task", say_word("engine", "unknown_task"))
        return {**out.as_dict(), "data": None}
    try:
        data = TASKS[name](inputs, out)
    except Exception:  # the last line of defence, as in run()
        out = Output(name)
        out.warning("engine_error", say_word("engine", "engine_error"))
        data = None
    return {**out.as_dict(), "data": data}
