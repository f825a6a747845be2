"""Drafts a career coach would sign: every stage, tone and option of the reply and the feedback
request, with ordinary inputs and with the awkward ones people type on a phone, read the way a
coach reads them. The rules (what "reads right" means) are written here, independently of the
engine's helpers, so that a helper that goes wrong is caught."""
from __future__ import annotations

import itertools
import re

import pytest

STAGES = [None, "application", "phone_screen", "interview", "final_round"]
TONES = ["warm", "brief", "formal"]
EXTRAS = ["honest_line", "connect_linkedin", "if_it_falls_through"]
CONTRACTIONS = re.compile(r"\b(?:I'm|I'd|I'll|I've|don't|isn't|can't|won't|you're|it's|that's|wasn't|couldn't|"
                          r"wouldn't|shouldn't|let's|we're|they're|there's|aren't|doesn't|didn't)\b", re.IGNORECASE)
ORDINARY = {"recruiter_name": "Priya", "company": "Northwind Books", "role": "Product Designer",
            "your_name": "Sam Rivera"}

# At least 40 things people really type, one per line: (field, value).
AWKWARD = [
    ("company", "Acme Inc."), ("company", "Acme Ltd."), ("company", "Acme, Inc."), ("company", "acme"),
    ("company", "  Northwind Books  "), ("company", "Café Olé"), ("company", "O'Reilly Media"),
    ("company", "AT&T"), ("company", "Zoë's Bakery"), ("company", "\U0001f680 Rocket Co"),
    ("company", "\u0634\u0631\u0643\u0629 \u0627\u0644\u0623\u0645\u0644"), ("company", "X" * 120),
    ("role", "Product Designer role"), ("role", "Product Designer Role"), ("role", "Analyst position"),
    ("role", "the Analyst role"), ("role", "Data Analyst."), ("role", "Re: Designer"), ("role", "UX Lead"),
    ("role", "engineer"), ("role", "Senior Engineer (Backend)"), ("role", "Engineer - Platform"),
    ("role", "R&D Scientist"), ("role", "Y" * 120),
    ("recruiter_name", "priya"), ("recruiter_name", "priya."), ("recruiter_name", "o'neil"),
    ("recruiter_name", "mary-jane"), ("recruiter_name", "José"), ("recruiter_name", "zoë"),
    ("recruiter_name", "DJ"), ("recruiter_name", "McKay"), ("recruiter_name", "Dr. Patel"),
    ("recruiter_name", "\U0001f60a"), ("recruiter_name", "\u05e9\u05e8\u05d4"), ("recruiter_name", "Z" * 100),
    ("your_name", "sam rivera"), ("your_name", "Sam Rivera."), ("your_name", ""), ("your_name", "ana-lucía"),
    ("personal_note", "i really enjoyed the team lunch"), ("personal_note", "Loved the office!"),
    ("personal_note", "Thanks..."), ("personal_note", "\U0001f64f thank you"), ("personal_note", "n" * 1000),
    ("their_subject", "RE: RE: Your application"), ("their_subject", "Fwd: Update"),
]


def draft(output) -> dict:
    [block] = [b for b in output["blocks"] if b["kind"] == "draft"]
    return block


ABBREVIATION = re.compile(r"\b(?:Inc|Ltd|Co|Corp|Dr|Mr|Mrs|Ms|St|Jr|Sr|vs|etc)\.$")


def templated_sentences(body: str, personal: str) -> list[str]:
    """The sentences the engine wrote (the person's own line left out); a full stop after an
    abbreviation such as "Inc." does not end a sentence."""
    text = body.replace(personal, " ") if personal else body
    sentences: list[str] = []
    for piece in (s.strip() for s in re.split(r"(?<=[.!?])[ \t]+|\n+", text)):
        if not piece:
            continue
        if sentences and ABBREVIATION.search(sentences[-1]):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return sentences


def coach_problems(body: str, inputs: dict) -> list[str]:
    """What a coach would send back: doubled marks or words, a sentence without a capital,
    a/an wrong, an idea twice, a lower-case name, no signature."""
    problems = []
    personal = inputs.get("personal_note", "")
    marker = personal.strip()[:20].lower()
    # The person's own paragraph is theirs: only its first letter and final stop are the engine's.
    checked = "\n\n".join(p for p in body.split("\n\n") if not (marker and marker in p.lower()))
    if re.search(r"(?<!\.)\.\.(?!\.)|,,|;;|\s[,.;:!?](?!\S*\])", checked):
        problems.append("doubled or loose punctuation")
    for match in re.finditer(r"\b(\w{2,})\s+\1\b", checked, re.IGNORECASE):
        if match.group(1).lower() not in ("x", "y", "z", "n"):
            problems.append(f"a word twice: {match.group(0)}")
    for sentence in templated_sentences(checked, ""):
        first = sentence.lstrip("0123456789. [")[:1]
        if first.isalpha() and not first.isupper() and first.lower() != first.upper():
            problems.append(f"no capital: {sentence[:40]}")
    for match in re.finditer(r"\b([Aa]n?) ([A-Za-z]+)", checked):
        article, word = match.group(1).lower(), match.group(2)
        vowel = word[0].lower() in "aeiou" and not word.lower().startswith(("uni", "use", "one"))
        if (article == "a" and vowel) or (article == "an" and not vowel and not word.lower().startswith("hour")):
            problems.append(f"a/an: {match.group(0)}")
    lowered = body.lower()
    for idea in ("future roles", "future openings", "stay in touch", "i really enjoyed", "feedback on my"):
        if lowered.count(idea) > 1:
            problems.append(f"said twice: {idea}")
    lines = body.rstrip().split("\n")
    if len(lines) < 2 or not lines[-1].strip():
        problems.append("not signed")
    name = inputs.get("recruiter_name", "").strip(" .")
    if name and name == name.lower() and name.lower() != name.upper() and name in body:
        problems.append(f"a name left in lower case: {name}")
    return problems


def reply_combinations():
    for stage, tone, feedback, touch in itertools.product(STAGES, TONES, (False, True), (False, True)):
        for n in range(len(EXTRAS) + 1):
            for extras in itertools.combinations(EXTRAS, n):
                yield {"stage": stage, "tone": tone, "ask_feedback": feedback, "stay_in_touch": touch,
                       "extras": list(extras)}


def test_every_reply_combination_reads_as_a_coach_would_sign_it(engine):
    failures = []
    combinations = list(reply_combinations())
    assert len(combinations) == 480
    for options in combinations:
        inputs = {**ORDINARY, **options}
        body = draft(engine.run("reply", inputs))["body"]
        failures += [f"{options}: {p}" for p in coach_problems(body, inputs)]
        if options["tone"] == "formal" and CONTRACTIONS.search(body):
            failures.append(f"{options}: a contraction in a formal reply: {CONTRACTIONS.search(body).group(0)}")
        if options["stage"] in ("application", "phone_screen") and "feedback on my interviews" in body:
            failures.append(f"{options}: asks about interviews that never happened")
        if options["stage"] in ("interview", "final_round") and "feedback on my application" in body:
            failures.append(f"{options}: asks about the application after interviews")
        falls_through = any(w in body for w in ("person you chose", "opens up again", "become available again"))
        if falls_through and options["stage"] != "final_round":
            failures.append(f"{options}: the 'if it falls through' line before a final round")
    assert failures == [], "\n".join(failures[:20])


def test_every_feedback_request_combination_reads_right(engine):
    failures = []
    questions = ["strongest_gap", "interview_answers", "next_time"]
    for stage, tone, call, n in itertools.product(STAGES, TONES, (False, True), range(4)):
        inputs = {**ORDINARY, "stage": stage, "tone": tone, "offer_call": call, "questions": questions[:n]}
        body = draft(engine.run("feedback", inputs))["body"]
        failures += [f"{inputs}: {p}" for p in coach_problems(body, inputs)]
        if tone == "formal" and CONTRACTIONS.search(body):
            failures.append(f"{stage}/{tone}: a contraction in a formal request: {CONTRACTIONS.search(body).group(0)}")
        asked = body.count("?")
        if n == 0 and asked != 1:
            failures.append(f"{stage}/{tone}: no question picked should ask exactly one, asks {asked}")
        if call != ("ten minutes" in body):
            failures.append(f"{stage}/{tone}: the call offer is {'missing' if call else 'there unasked'}")
        if n == 0 and stage == "application" and "interview" in body.split("\n\n")[-4]:
            failures.append(f"{stage}/{tone}: asks about an interview after the application stage")
    assert failures == [], "\n".join(failures[:20])


@pytest.mark.parametrize(("field", "value"), AWKWARD, ids=[f"{f}={v[:12]!r}" for f, v in AWKWARD])
def test_awkward_inputs_still_give_drafts_a_coach_would_sign(engine, field, value):
    assert len(AWKWARD) >= 40
    for worksheet, tone, stage in itertools.product(("reply", "feedback"), TONES, ("interview", "final_round")):
        field_name = "context" if worksheet == "feedback" and field == "personal_note" else field
        inputs = {**ORDINARY, "stage": stage, "tone": tone, "ask_feedback": True, field_name: value}
        output = engine.run(worksheet, inputs)
        assert "engine_error" not in {n["code"] for n in output["notes"]}
        body = draft(output)["body"]
        assert coach_problems(body, {**inputs, "personal_note": inputs.get(field_name, "")
                                     if field in ("personal_note",) else ""}) == [], body


def test_names_typed_in_lower_case_are_capitalised_and_others_kept(engine):
    cases = {"priya": "Hi Priya,", "o'neil": "Hi O'Neil,", "mary-jane": "Hi Mary-Jane,", "josé": "Hi José,",
             "DJ": "Hi DJ,", "McKay": "Hi McKay,", "priya.": "Hi Priya,"}
    for typed, greeting in cases.items():
        body = draft(engine.run("reply", {"recruiter_name": typed}))["body"]
        assert body.startswith(greeting), (typed, body[:30])


def test_a_job_title_and_a_company_read_once_and_cleanly(engine):
    body = draft(engine.run("reply", {"role": "Product Designer role", "company": "Acme Inc.", "stage": "application",
                                      "tone": "brief"}))["body"]
    assert "Thanks for reviewing my application for the Product Designer role at Acme Inc." in body


def test_every_draft_is_signed_and_a_missing_name_is_marked_and_noted(engine, worksheets):
    for worksheet in ("reply", "feedback"):
        output = engine.run(worksheet, {"tone": "brief"})
        placeholder = worksheets[worksheet]["messages"]["name_placeholder"]
        assert draft(output)["body"].endswith(f"Best,\n{placeholder}")
        [note] = [n for n in output["notes"] if n["code"] == "unsigned"]
        assert note["level"] == "warning" and placeholder in note["text"]
        signed = engine.run(worksheet, {"tone": "brief", "your_name": "sam rivera"})
        assert draft(signed)["body"].endswith("Best,\nSam Rivera")
        assert "unsigned" not in {n["code"] for n in signed["notes"]}


def test_the_persons_own_line_replaces_the_stock_pleasantry(engine):
    stock = draft(engine.run("reply", {"stage": "interview"}))["body"]
    own = draft(engine.run("reply", {"stage": "interview", "personal_note": "i loved the design critique"}))["body"]
    assert "I really enjoyed meeting the team." in stock
    assert "I really enjoyed meeting the team." not in own
    assert "I loved the design critique." in own


def test_staying_in_touch_and_future_roles_are_said_once(engine):
    body = draft(engine.run("reply", {"company": "Acme", "stay_in_touch": True}))["body"]
    assert body.count("future") + body.count("stay in touch") == 1 or (
        "stay in touch" in body and "future roles" not in body)
