"""The reply worksheet: subject, body by stage and tone, mailto encoding, tone check."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from macros.engine_contract import output_text as everything
from workbook.drafting import without_reply_prefix
from workbook.mailto import is_no_reply, mailto_url

STAGES = ["application", "phone_screen", "interview", "final_round"]
TONES = ["warm", "brief", "formal"]


def draft_of(output):
    [draft] = [b for b in output["blocks"] if b["kind"] == "draft"]
    return draft


def codes(output):
    return [n["code"] for n in output["notes"]]


# --- mailto ------------------------------------------------------------------

def test_mailto_encodes_spaces_as_percent_20_and_line_breaks_as_crlf():
    url = mailto_url("a.b@example.com", "Re: Hi there", "Hi Jo,\nThanks & bye+1")
    assert url == ("mailto:a.b@example.com?subject=Re%3A%20Hi%20there"
                   "&body=Hi%20Jo%2C%0D%0AThanks%20%26%20bye%2B1")
    assert "+" not in url


def test_mailto_without_address_still_opens_a_new_email():
    assert mailto_url("", "S", "B") == "mailto:?subject=S&body=B"


def test_mailto_encodes_unicode_as_utf8():
    assert mailto_url("", "Zoë", "€") == "mailto:?subject=Zo%C3%AB&body=%E2%82%AC"


@pytest.mark.parametrize("address", [
    "noreply@x.com", "no-reply@x.com", "no_reply@x.com", "No.Reply@x.com", "donotreply@x.com",
    "do-not-reply@x.com", "DoNotReply@x.com", "jobs-noreply@x.com", "dont-reply@x.com",
])
def test_no_reply_addresses(address):
    assert is_no_reply(address)


@pytest.mark.parametrize("address", ["priya@x.com", "reply@x.com", "nora@x.com", "jobs@noreply.example"])
def test_ordinary_addresses(address):
    assert not is_no_reply(address)


def test_no_reply_address_gets_a_note_and_no_mailto(engine):
    output = engine.run("reply", {"email": "no-reply@acme.example", "stage": "interview"})
    assert "no_reply_address" in codes(output)
    assert draft_of(output)["mailto"] is None
    assert "mailto:" not in str(output)


def test_an_address_that_is_not_one_gets_a_note_and_no_mailto(engine):
    output = engine.run("reply", {"email": "priya at acme"})
    assert "email_not_valid" in codes(output)
    assert draft_of(output)["mailto"] is None


def test_mailto_matches_the_draft(engine):
    output = engine.run("reply", {"email": "priya@acme.example", "role": "Analyst", "company": "Acme"})
    draft = draft_of(output)
    assert draft["mailto"].startswith("mailto:priya@acme.example?subject=Re%3A%20Analyst%20at%20Acme&body=")
    assert "%0D%0A%0D%0A" in draft["mailto"]
    assert "+" not in draft["mailto"] and " " not in draft["mailto"]


# --- subject -----------------------------------------------------------------

@pytest.mark.parametrize(("typed", "plain"), [
    ("Re: Your application", "Your application"),
    ("RE: re:Your application", "Your application"),
    ("Re[2]: Update", "Update"),
    ("Regarding your application", "Regarding your application"),
])
def test_reply_prefix_is_removed_once(typed, plain):
    assert without_reply_prefix(typed) == plain


def test_subject_keeps_their_thread_without_doubling_re(engine):
    output = engine.run("reply", {"their_subject": "RE: Re: Your application to Acme"})
    assert draft_of(output)["subject"] == "Re: Your application to Acme"


def test_subject_from_role_and_company(engine):
    assert draft_of(engine.run("reply", {"role": "Analyst", "company": "Acme"}))["subject"] == "Re: Analyst at Acme"
    assert draft_of(engine.run("reply", {"role": "Re: Analyst"}))["subject"] == "Re: Analyst"
    assert draft_of(engine.run("reply", {"company": "Acme"}))["subject"] == "Re: my application to Acme"
    assert draft_of(engine.run("reply", {}))["subject"] == "Re: my application"


# --- body --------------------------------------------------------------------

def test_body_differs_for_every_stage_and_tone(engine):
    bodies = {
        draft_of(engine.run("reply", {"stage": stage, "tone": tone, "company": "Acme", "role": "Analyst",
                                      "recruiter_name": "Jo"}))["body"]
        for stage, tone in itertools.product(STAGES, TONES)
    }
    assert len(bodies) == 12
    for body in bodies:
        assert "reconsider" not in body.lower()
        assert "Acme" in body


def test_body_thanks_says_still_interested_and_signs(engine):
    body = draft_of(engine.run("reply", {
        "recruiter_name": "Jo", "company": "Acme", "stage": "interview", "tone": "warm", "your_name": "Sam",
        "ask_feedback": False, "stay_in_touch": False}))["body"]
    assert body.startswith("Hi Jo,\n\nThank you")
    assert "interview" in body
    assert "still very interested in Acme" in body
    assert "feedback" not in body
    assert "stay in touch" not in body
    assert body.endswith("Warm regards,\nSam")


def test_optional_lines_are_added_when_asked(engine):
    body = draft_of(engine.run("reply", {"ask_feedback": "yes", "stay_in_touch": True}))["body"]
    assert "feedback" in body
    assert "stay in touch" in body


def test_missing_names_use_gentle_fallbacks(engine):
    output = engine.run("reply", {"recruiter_name": None, "company": "", "tone": "formal", "stage": "final_round"})
    body = draft_of(output)["body"]
    assert body.startswith("Dear hiring team,")
    assert "None" not in everything(output) and "{" not in everything(output)
    assert "your team" in body


def test_personal_note_is_kept_in_the_persons_words(engine):
    body = draft_of(engine.run("reply", {"personal_note": "I loved the {company} tour."}))["body"]
    assert "I loved the {company} tour." in body


# --- the tone check, as the reply worksheet uses it (more in test_tone.py) ---------

@pytest.mark.parametrize(("note", "code", "found"), [
    ("Could you change your mind?", "tone_pleading", "change your mind"),
    ("Please give me another chance.", "tone_pleading", "Please give me"),
    ("The process was unfair.", "tone_hostile", "unfair"),
    ("Thanks for nothing.", "tone_bitter", "Thanks for nothing"),
    ("I AM VERY DISAPPOINTED TODAY", "tone_shouting", "AM VERY DISAPPOINTED"),
    ("Thank you!!!", "tone_shouting", "!!!"),
    ("You'll regret this.", "tone_threatening", "You'll regret"),
    ("I demand an answer.", "tone_demanding", "I demand"),
])
def test_each_flag_quotes_the_words_says_why_and_offers_a_calmer_way(engine, tone, note, code, found):
    output = engine.run("reply", {"personal_note": note})
    flags = [n for n in output["notes"] if n["code"] == code]
    assert flags, codes(output)
    kind = tone["kinds"][code.removeprefix("tone_")]
    assert any(f["level"] == "warning" and f"\u201c{found}\u201d" in f["text"] and kind["reason"] in f["text"]
               and kind["calmer"] in f["text"] for f in flags), flags


def test_names_companies_and_addresses_are_never_read_as_prose(engine):
    output = engine.run("reply", {"recruiter_name": "Obviously Jo", "company": "Clearly Ltd", "role": "NASA QA LEAD",
                                  "email": "stupid.name@example.com", "their_subject": "WHY NOT!!!"})
    assert [c for c in codes(output) if c.startswith("tone_")] == []


def test_when_nothing_is_found_it_says_what_it_looked_for_and_never_that_the_note_is_fine(engine, tone):
    output = engine.run("reply", {"personal_note": "I enjoyed meeting the HR and UX teams at IBM. Thanks!"})
    notes = [n for n in output["notes"] if n["code"].startswith("tone_")]
    assert [n["code"] for n in notes] == ["tone_none"]
    assert notes[0]["text"] == tone["nothing_found"]
    assert "looked for" in notes[0]["text"]
    for claim in ("calm", "kind", "fine", "safe"):
        assert claim not in notes[0]["text"].lower()


def test_without_its_model_the_check_reads_with_the_rules_and_says_so(engine, tone, monkeypatch):
    """In the browser the model arrives just after Python is ready (docs/assets/worker.js); should
    it never come, the rules still read the note, and the result says the check was partial."""
    from workbook import tone_model, use_tone_model

    text = (Path(tone_model.__file__).parent / "lexicon" / "tone_model.tsv").read_text(encoding="utf-8")
    note = {"personal_note": "Your recruiters are a pack of vultures. Thanks for nothing."}
    monkeypatch.setattr(tone_model, "_MODEL", None)
    output = engine.run("reply", note)
    tone_codes = [c for c in codes(output) if c.startswith("tone_")]
    # The phrase is found; the insult only the model reads is not.
    assert "tone_bitter" in tone_codes and "tone_hostile" not in tone_codes
    assert tone_codes[-1] == "tone_rules_only"
    assert [n["text"] for n in output["notes"] if n["code"] == "tone_rules_only"] == [tone["rules_only"]]
    assert output["models_missing"] == ["tone_model"]   # the browser's worker waits for it on this
    no_note = engine.run("reply", {"stage": "interview"})
    assert [c for c in codes(no_note) if c.startswith("tone_")] == [], "nothing written, nothing to say"
    assert "models_missing" not in no_note

    use_tone_model("\n".join(line for line in text.splitlines() if not line.startswith("#")))
    with_model = engine.run("reply", note)
    tone_codes = [c for c in codes(with_model) if c.startswith("tone_")]
    assert "tone_hostile" in tone_codes and "tone_rules_only" not in tone_codes
    assert "models_missing" not in with_model


def test_a_phrase_inside_another_word_is_not_flagged(engine):
    """The phrases only: "reconsider" and "for nothing" are inside other words here. (The learned
    model reads "I am reconsidering nothing" as curt, which is its own judgement.)"""
    from workbook.tone import find

    assert find("I am reconsidering nothing; I value fairness.", learned=False) == []
    output = engine.run("reply", {"personal_note": "I value fairness, and I am reconsidering my plans."})
    assert [c for c in codes(output) if c.startswith("tone_")] == ["tone_none"]
