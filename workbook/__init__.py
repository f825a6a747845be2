"""The workbook engine: worksheet inputs in, drafts, plans and notes out.

    >>> from workbook import run
    >>> run("reply", {"recruiter_name": "Priya", "stage": "interview"})["blocks"][0]["kind"]
    'draft'

Standard library only; runs the same under CPython and Pyodide.
"""
from .catalogue import use_content
from .runner import run, task
from .tone_model import use_care_model
from .tone_model import use_model as use_tone_model

__all__ = ["run", "task", "use_content", "use_tone_model", "use_care_model"]
