"""What the engine (workbook/) relies on in each worksheet's YAML, checked at build time, so
that `make build` stops where only the tests noticed before:

- every worksheet file has an engine module, and every engine module has a worksheet file;
- every message the engine reads is there, in the shape it reads (text, list, group);
- every {placeholder} in a message is one the engine fills in for that worksheet;
- every example's `expect` holds for what the engine makes of its inputs.

Each problem names the file, the field and the line (macros/content.py formats them).
"""
from __future__ import annotations

import workbook
from workbook.answers import NotUnderstood, field_value
from workbook.messages import COMMON_MESSAGES, COMMON_PLACEHOLDERS, shape_problems
from workbook.text import placeholders
from workbook.tone import PhraseError, compile_phrase
from workbook.worksheets import ENGINES

ENGINE_FOLDER = "workbook/worksheets/"


def output_text(output) -> str:
    """Every text in an engine output (blocks, items, notes), one per line, to search in."""
    if isinstance(output, str):
        return output
    if isinstance(output, dict):
        output = list(output.values())
    if isinstance(output, list):
        return "\n".join(output_text(v) for v in output)
    return ""


def _texts(value, path: tuple):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, path + (key,))


def missing_engines(worksheet_ids) -> list[str]:
    """Engine modules that no worksheet file uses."""
    return sorted(set(ENGINES) - set(worksheet_ids))


def message_problems(worksheet_id: str, worksheet: dict) -> list[tuple[tuple, str]]:
    """(field path, problem) for the messages of one worksheet that has an engine module."""
    engine = ENGINES[worksheet_id]
    messages = worksheet.get("messages", {})
    problems = [(path, "this message is missing, and the engine needs it" if what == "is missing" else what)
                for path, what in shape_problems(messages, {**COMMON_MESSAGES, **engine.REQUIRED_MESSAGES},
                                                 fields=worksheet.get("fields", []))]
    known = engine.PLACEHOLDERS | COMMON_PLACEHOLDERS
    for path, text in _texts(messages, ("messages",)):
        for name in sorted(placeholders(text) - known):
            names = ", ".join("{" + k + "}" for k in sorted(known))
            problems.append((path, f"{{{name}}} is not a placeholder this worksheet fills in (it fills: {names})"))
    return problems


def code_option_problems(worksheet_id: str, worksheet: dict) -> list[tuple[tuple, str]]:
    """(field path, problem) where a field's options differ from the ones its engine has code
    for (OPTIONS_IN_CODE: field id -> values): a new one would be silently left out."""
    in_code = getattr(ENGINES[worksheet_id], "OPTIONS_IN_CODE", {})
    problems = []
    module = f"{ENGINE_FOLDER}{ENGINES[worksheet_id].__name__.rsplit('.', 1)[-1]}.py"
    for i, field in enumerate(worksheet.get("fields", [])):
        if field.get("id") not in in_code:
            continue
        offered = [o.get("value") for o in field.get("options", [])]
        known = in_code[field["id"]]
        for j, value in enumerate(offered):
            if value not in known:
                problems.append((("fields", i, "options", j), f"the engine has no code for the option '{value}' "
                                                              f"(it knows: {', '.join(known)}); a new one needs "
                                                              f"code in {module}"))
        for value in known:
            if value not in offered:
                problems.append((("fields", i, "options"), f"the option '{value}' is missing, and the engine "
                                                           "has code for it"))
    return problems


def option_setting_problems(worksheet_id: str, worksheet: dict) -> list[tuple[tuple, str]]:
    """(field path, problem) for each option lacking a setting its engine reads (OPTION_SETTINGS:
    field id -> setting, such as every stage's phase)."""
    needed = getattr(ENGINES[worksheet_id], "OPTION_SETTINGS", {})
    problems = []
    for i, field in enumerate(worksheet.get("fields", [])):
        setting = needed.get(field.get("id"))
        for j, option in enumerate(field.get("options", []) if setting else []):
            if option.get(setting) is None:
                problems.append((("fields", i, "options", j),
                                 f"the option '{option.get('value')}' needs a {setting}: the engine reads it"))
    return problems


def default_problems(worksheet: dict) -> list[tuple[tuple, str]]:
    """(field path, problem) for each field `default` the engine could not use as an answer."""
    problems = []
    for i, field in enumerate(worksheet.get("fields", [])):
        if "default" not in field:
            continue
        try:
            value, problem = field_value(field, field["default"])
        except NotUnderstood:
            value, problem = None, "not_understood"
        if problem == "not_understood" or value is None:
            options = [o["value"] for o in field.get("options", [])]
            fits = f" (one of: {', '.join(options)})" if options else ""
            problems.append((("fields", i, "default"), f"{field['default']!r} does not fit a field of type "
                                                       f"{field['type']}{fits}"))
    return problems


def example_problems(worksheet_id: str, worksheet: dict) -> list[tuple[tuple, str]]:
    """(field path, problem) for each expectation of an example that the engine's output breaks.
    The engine must hold every worksheet's definition first (workbook.use_content)."""
    problems = []
    for i, example in enumerate(worksheet.get("examples", [])):
        output = workbook.run(worksheet_id, example["inputs"])
        text = output_text(output)
        codes = sorted({note["code"] for note in output["notes"]})
        where = ("examples", i, "expect")
        if "engine_error" in codes or "unknown_worksheet" in codes:
            problems.append((("examples", i), "the engine could not make an output for this example"))
            continue
        expect = example.get("expect", {})
        for j, wanted in enumerate(expect.get("contains", [])):
            if wanted not in text:
                problems.append((where + ("contains", j), f"\"{wanted}\" is not in this example's output"))
        for j, unwanted in enumerate(expect.get("absent", [])):
            if unwanted in text:
                problems.append((where + ("absent", j), f"\"{unwanted}\" is in this example's output, and must not be"))
        for j, code in enumerate(expect.get("notes", [])):
            if code not in codes:
                problems.append((where + ("notes", j), f"the output has no note '{code}' (it has: "
                                                        f"{', '.join(codes) or 'none'})"))
        for j, code in enumerate(expect.get("no_notes", [])):
            if code in codes:
                problems.append((where + ("no_notes", j), f"the output has the note '{code}', and must not"))
    return problems


def tone_problems(tone: dict) -> list[tuple[tuple, str]]:
    """(field path, problem) for each phrase of content/tone.yaml that cannot be read."""
    lists = [(("kinds", kind, "phrases"), spec.get("phrases", [])) for kind, spec in tone.get("kinds", {}).items()]
    lists.append((("hopeless", "phrases"), (tone.get("hopeless") or {}).get("phrases", [])))
    problems = []
    for path, phrases in lists:
        for i, phrase in enumerate(phrases):
            try:
                compile_phrase(phrase)
            except PhraseError as error:
                problems.append(((*path, i), str(error)))
    return problems


def worksheet_problems(worksheets: dict[str, dict], tone: dict | None = None,
                       interface: dict | None = None) -> dict[str, list[tuple[tuple, str]]]:
    """Problems by worksheet id, for every worksheet file. The engine is left holding these
    worksheets (and the tone rules and the site's words), which the examples run with."""
    found: dict[str, list[tuple[tuple, str]]] = {}
    workbook.use_content(worksheets, tone, interface)
    for wid, worksheet in worksheets.items():
        if wid not in ENGINES:
            known = ", ".join(sorted(ENGINES))
            found[wid] = [(("id",), f"the workbook engine has no code for a worksheet '{wid}' (it has: {known}). "
                                    f"A new worksheet needs a module in {ENGINE_FOLDER} as well as this file")]
            continue
        problems = (message_problems(wid, worksheet) + option_setting_problems(wid, worksheet)
                    + code_option_problems(wid, worksheet) + default_problems(worksheet))
        # Examples only run once the wording is whole: a missing message makes them fail too.
        found[wid] = problems or example_problems(wid, worksheet)
    return found
