"""Focused behaviour of each worksheet other than the reply, with expected values by hand."""
from __future__ import annotations

import datetime
from urllib.parse import unquote

import icalendar
import pytest

from macros.engine_contract import output_text as everything
from workbook.worksheets.check_in import needs_cool_off
from workbook.worksheets.network import week_plan
from workbook.worksheets.rejection_log import (
    cluster,
    furthest_stages,
    latest_updates,
    month_counts,
    stage_counts,
    this_week,
)


def blocks(output, kind):
    return [b for b in output["blocks"] if b["kind"] == kind]


def codes(output):
    return [n["code"] for n in output["notes"]]


def texts(output):
    found = []
    for b in output["blocks"]:
        found += [b.get("text"), b.get("body"), b.get("summary"), *b.get("items", [])]
    return "\n".join(t for t in found if t)


# --- check-in ------------------------------------------------------------------

@pytest.mark.parametrize(("feelings", "intensity", "cool_off"), [
    ([], None, False), (["sad"], 3, False), (["sad"], 4, True), ([], 5, True),
    (["angry"], 3, True), (["frustrated"], 2, False), (["relieved", "frustrated"], 3, True),
])
def test_cool_off_threshold(feelings, intensity, cool_off):
    assert needs_cool_off(feelings, intensity, heated={"angry", "frustrated"}) is cool_off


def test_check_in_names_the_feelings_in_order_picked(engine):
    output = engine.run("check-in", {"feelings": ["numb", "anxious"], "intensity": "5"})
    assert texts(output).startswith("It makes sense to feel numb and anxious right now.")
    assert "cool_off" in codes(output)
    assert "about a day" in texts(output)


def test_check_in_does_not_echo_private_words(engine):
    output = engine.run("check-in", {"own_words": "my secret thoughts"})
    assert "my secret thoughts" not in str(output)
    assert "Thank you for putting it into words." in texts(output)


def test_check_in_out_of_range_intensity_is_clamped(engine):
    assert "cool_off" in codes(engine.run("check-in", {"intensity": 99}))
    assert "cool_off" not in codes(engine.run("check-in", {"intensity": -3}))


def _all_check_ins():
    feelings = ["disappointed", "frustrated", "sad", "anxious", "angry", "relieved", "numb"]
    for mask in range(1 << len(feelings)):
        picked = [f for i, f in enumerate(feelings) if mask >> i & 1]
        for intensity in (None, 1, 2, 3, 4, 5):
            for need in (None, "quiet_time", "talk", "small_step", "reply", "rest"):
                yield picked, intensity, need


def test_check_in_advice_never_contradicts_itself_in_any_combination(engine):
    """Every combination of feelings, intensity and need (4,608 of them): when any line says to
    wait before sending, no line says to write and send while it is fresh."""
    contradictions = []
    for feelings, intensity, need in _all_check_ins():
        inputs = {"feelings": feelings, "intensity": intensity, "need": need}
        text = everything(engine.run("check-in", inputs))
        waits = any(words in text.lower() for words in ("let it cool", "before you send", "until tomorrow",
                                                         "wait about a day"))
        if waits and "while it is fresh, and still choose" in text:
            contradictions.append(inputs)
        if "wait about a day" in text and "steady" in {n["code"] for n in engine.run("check-in", inputs)["notes"]}:
            contradictions.append(inputs)
    assert contradictions == []


def test_an_angry_person_who_wants_to_reply_is_told_to_draft_and_wait(engine):
    text = everything(engine.run("check-in", {"feelings": ["angry"], "need": "reply"}))
    assert "keep it as a draft until tomorrow" in text
    assert "while it is fresh" not in text


# --- feedback ------------------------------------------------------------------

def feedback_body(engine, **inputs):
    [draft] = blocks(engine.run("feedback", inputs), "draft")
    return draft["body"]


def test_feedback_keeps_at_most_three_questions_in_order(engine):
    output = engine.run("feedback", {"questions": ["next_time", "resume", "strongest_gap", "experience_fit"]})
    body = blocks(output, "draft")[0]["body"]
    assert "1. If you could suggest one thing" in body
    assert "2. Is there anything on my resume" in body
    assert "3. What was the main thing" in body
    assert "4." not in body and "match what the team" not in body
    assert "too_many_questions" in codes(output)


def test_feedback_single_question_is_not_numbered(engine):
    body = feedback_body(engine, questions=["resume"])
    assert "1." not in body
    assert "a short answer to this:\n\nIs there anything on my resume" in body


def test_feedback_acknowledges_they_may_not_share_in_every_tone(engine):
    for tone in ("warm", "brief", "formal"):
        assert "share details" in feedback_body(engine, tone=tone)


def test_feedback_checks_the_tone_of_the_context(engine):
    output = engine.run("feedback", {"context": "Please explain why you rejected me, it was unfair."})
    assert {"tone_demanding", "tone_hostile"} <= set(codes(output))


# --- reflect -------------------------------------------------------------------

ALL_DONE = {"resume_tailored": True, "questions_prepared": True, "answers_prepared": True}


def plan_of(output):
    lists = blocks(output, "list")
    return lists[0]["items"] if lists else []


@pytest.mark.parametrize(("answers", "summary"), [
    ({}, "still open"),
    ({"resume_tailored": True}, "So far you prepared in every way you answered about."),
    ({"resume_tailored": False}, "There is room to prepare differently"),
    ({"resume_tailored": True, "questions_prepared": False}, "You prepared in 1 of 2 ways."),
    ({"resume_tailored": True, "questions_prepared": False, "answers_prepared": False}, "You prepared in 1 of 3 ways."),
])
def test_reflect_an_open_question_is_not_a_no(engine, answers, summary):
    output = engine.run("reflect", answers)
    assert summary in texts(output)
    plan = " ".join(plan_of(output))
    for key, action in (("resume_tailored", "adjust your resume"), ("questions_prepared", "three questions"),
                        ("answers_prepared", "Practise short stories")):
        assert (action in plan) == (answers.get(key) is False), (key, plan)


def test_reflect_gaps_lose_their_list_marks_and_self_talk_is_not_a_plan_step(engine):
    output = engine.run("reflect", {"gaps": "- SQL\n\u2022 Public speaking\n2) Figma\nI'm useless at all of it"})
    assert plan_of(output) == ["Find one small way to build up: SQL", "Find one small way to build up: Public speaking",
                               "Find one small way to build up: Figma"]
    assert "self_talk" in codes(output)


def test_reflect_all_three_done_says_so_and_lets_go(engine):
    output = engine.run("reflect", ALL_DONE)
    assert "did_all_you_could" in codes(output)
    assert "You did all you could." in texts(output)
    assert plan_of(output) == []


def test_reflect_plan_follows_what_was_not_done_in_order(engine):
    output = engine.run("reflect", {"resume_tailored": "no", "questions_prepared": "yes", "answers_prepared": "no",
                                    "goals": "adjust"})
    plan = plan_of(output)
    assert blocks(output, "list")[0]["ordered"] is True
    assert len(plan) == 3
    assert plan[0].startswith("For the next application, adjust your resume")
    assert plan[1].startswith("Practise short stories")
    assert plan[2].startswith("Write down what you would change about your goals")
    assert "did_all_you_could" not in codes(output)


def test_reflect_gaps_become_steps_at_most_three(engine):
    plan = plan_of(engine.run("reflect", {**ALL_DONE, "gaps": "SQL\n\nPython\nbudgeting\nleading people"}))
    assert plan == ["Find one small way to build up: SQL", "Find one small way to build up: Python",
                    "Find one small way to build up: budgeting"]


def test_reflect_a_hard_interview_after_practice_suggests_a_mock_interview(engine):
    plan = plan_of(engine.run("reflect", {**ALL_DONE, "interview_went": "hard"}))
    assert plan == ["Ask a friend or mentor for a practice interview, so the next one feels more familiar."]


# --- log -----------------------------------------------------------------------

TODAY = "2024-05-10"


def rejection(stage: str, **more) -> dict:
    """A log update saying the application was turned down at `stage`."""
    return {"stage": stage, "outcome": "rejected", **more}


ENTRIES = [
    {"date": "2024-05-10", "company": "A", "stage": "application", "outcome": "rejected"},      # today: this week
    {"date": "2024-05-04", "company": "B", "stage": "application", "outcome": "rejected"},      # 6 days ago: this week
    {"date": "2024-05-03", "company": "C", "stage": "phone_screen", "outcome": "rejected"},     # 7 days ago: last week
    {"date": "2024-05-11", "company": "D", "stage": "interview", "outcome": "rejected"},        # tomorrow: not counted
    {"date": "2024-04-01", "company": "E", "stage": "final_round", "outcome": "rejected", "feedback": True},
    {"date": "2024-04-02", "company": "F", "stage": "application", "outcome": "rejected"},
]


def test_log_counts_by_stage(engine):
    chart = blocks(engine.run("log", {"entries": ENTRIES, "today": TODAY}), "chart")[0]
    # share: each bar's length as a percentage of the longest (1 of 3 is 33).
    assert chart["bars"] == [{"label": "Application", "value": 3, "share": 100},
                             {"label": "Phone screen", "value": 1, "share": 33},
                             {"label": "Interview", "value": 1, "share": 33},
                             {"label": "Final round", "value": 1, "share": 33}]
    assert chart["summary"] == ("You have logged 6 rejections: 3 at the application stage, 1 after a phone screen, "
                                "1 after an interview and 1 after a final round.")


def test_log_one_entry_reads_right_and_claims_no_pattern(engine):
    output = engine.run("log", {"entries": [rejection("application", feedback=True)], "today": TODAY})
    text = texts(output)
    assert "You have logged 1 rejection, at the application stage." in text
    assert "You received feedback on the one rejection you logged." in text
    assert "Once you have logged 5 or more" in text
    for claim in ("Most of your rejections", "spread across", "1 of 1", "0 after", "0 at"):
        assert claim not in text


def test_log_a_very_full_week_speaks_of_rest_not_praise(engine):
    busy = [{"date": TODAY, "stage": "application", "outcome": "rejected"}] * 32
    text = texts(engine.run("log", {"entries": busy, "today": TODAY}))
    assert "You logged 32 updates in the last seven days. That is a lot to take in one week" in text
    assert "steady effort" not in text


def test_log_uses_where_the_openings_were_found(engine):
    entries = [rejection("application", source=s) for s in ("job_board", "job_board", "job_board", "referral",
                                                               "other")]
    charts = blocks(engine.run("log", {"entries": entries, "today": TODAY}), "chart")
    assert charts[2]["title"] == "Where you found the openings"
    assert {b["label"]: b["value"] for b in charts[2]["bars"]} == {
        "Job board": 3, "Referral": 1, "Recruiter contacted me": 0, "Company website": 0, "Other": 1}
    assert charts[2]["summary"] == "Most of them came through one source: Job board, 3 of 5."
    # Four entries are too few to name a main source.
    assert blocks(engine.run("log", {"entries": entries[:4], "today": TODAY}), "chart")[2]["summary"] == ""


def test_log_helpers_by_hand():
    entries = [rejection("application"), rejection("interview"), rejection("interview"), {"stage": None}]
    stages = ["application", "phone_screen", "interview", "final_round"]
    assert stage_counts(entries, stages) == {"application": 1, "phone_screen": 0, "interview": 2, "final_round": 0}
    phase = {"application": "early", "phone_screen": "early", "interview": "late", "final_round": "late"}.get
    assert cluster({"application": 2, "phone_screen": 1, "interview": 1, "final_round": 1}, phase) == "early"
    assert cluster({"application": 1, "phone_screen": 0, "interview": 0, "final_round": 2}, phase) == "late"
    assert cluster({"application": 1, "phone_screen": 0, "interview": 1, "final_round": 0}, phase) == "even"
    # A stage the YAML gives no phase (none can: the build refuses it) leans neither way.
    assert cluster({"application": 1, "assessment": 3}, phase) == "early"
    week = [{"date": datetime.date(2024, 5, d)} for d in (3, 4, 10, 11)] + [{"date": None}]
    assert this_week(week, datetime.date(2024, 5, 10)) == 2


def test_log_momentum_counts_the_seven_days_up_to_today(engine):
    output = engine.run("log", {"entries": ENTRIES, "today": TODAY})
    assert "You logged 2 updates in the last seven days. That is real, steady effort." in texts(output)


def test_log_momentum_with_one_and_none(engine):
    one = engine.run("log", {"entries": ENTRIES[:1], "today": TODAY})
    assert "You logged 1 update in the last seven days." in texts(one)
    none = engine.run("log", {"entries": ENTRIES[4:], "today": TODAY})
    assert "Nothing logged in the last seven days. Quiet weeks happen, and rest counts too." in texts(none)


def test_log_early_rejections_point_to_the_resume(engine):
    stages = ["application", "phone_screen", "application", "final_round", "interview"]
    output = engine.run("log", {"entries": [{"stage": s, "outcome": "rejected"} for s in stages], "today": TODAY})
    assert "Most of your rejections come early" in texts(output)
    assert "Tailor your resume to each posting" in texts(output)


def test_log_late_rejections_point_to_interview_practice(engine):
    output = engine.run("log", {"entries": [rejection("interview"), rejection("final_round"), rejection("interview"),
                                            rejection("application"), rejection("phone_screen")], "today": TODAY})
    assert "Most of your rejections come later" in texts(output)
    assert "Practise answers about your work history" in texts(output)


def test_log_without_today_skips_momentum_with_a_note(engine):
    for today in (None, "", "yesterday", "2024-13-01", 20240510):
        output = engine.run("log", {"entries": ENTRIES, "today": today})
        assert "no_today" in codes(output)
        assert "last seven days" not in texts(output)


def test_log_bad_entries_are_notes_not_errors(engine):
    entries = [None, 7, "x", rejection("coffee", date="soon"), rejection("interview", date="2024-05-09")]
    output = engine.run("log", {"entries": entries, "today": TODAY})
    notes = {n["code"]: n["text"] for n in output["notes"]}
    assert "Entries we could not read, left out: 3." in notes["entry_unreadable"]
    assert "1" in notes["entry_date_unreadable"] and "1" in notes["entry_stage_unknown"]
    assert blocks(output, "chart")[0]["bars"][2]["value"] == 1
    assert blocks(output, "chart")[0]["bars"][2]["label"] == "Interview"


def test_log_entries_that_are_not_a_list(engine):
    output = engine.run("log", {"entries": {"date": "2024-05-01"}, "today": TODAY})
    assert "entries_not_understood" in codes(output) and "empty_log" in codes(output)


def test_log_never_shames_a_quiet_week(engine):
    text = texts(engine.run("log", {"entries": ENTRIES[4:], "today": TODAY})).lower()
    for word in ("only", "should", "lazy", "not enough", "failed"):
        assert word not in text


def test_log_an_application_s_history_counts_once_and_only_its_rejection(engine):
    """Updates that share an application id are one application: its furthest stage is charted
    once, only a rejection counts as one, and an application whose latest update is open is
    still going (checked by hand: a reached a final round and was turned down; b is waiting)."""
    entries = [
        {"application": "a", "date": "2024-04-01", "stage": "application", "outcome": "waiting"},
        {"application": "a", "date": "2024-04-09", "stage": "interview", "outcome": "moved_on"},
        {"application": "a", "date": "2024-04-20", "stage": "final_round", "outcome": "rejected", "feedback": True},
        {"application": "b", "date": "2024-05-02", "stage": "application", "outcome": "waiting"},
    ]
    output = engine.run("log", {"entries": entries, "today": TODAY})
    rejections, progress, by_month = blocks(output, "chart")
    assert rejections["summary"] == "You have logged 1 rejection, after a final round."
    assert progress["title"] == "How far your applications got"
    assert [b["value"] for b in progress["bars"]] == [1, 0, 0, 1]
    assert progress["summary"] == ("Of your 2 applications, this is the furthest each one got: 1 to the application "
                                   "stage and 1 to a final round. 1 of them is still open.")
    assert "You received feedback on the one rejection you logged." in texts(output)
    assert [(b["label"], b["value"]) for b in by_month["bars"]] == [("April 2024", 3), ("May 2024", 1)]
    assert codes(output) == []


def test_log_counts_updates_by_month_with_empty_months_and_at_most_a_year():
    d = datetime.date
    entries = [{"date": d(2023, 11, 30)}, {"date": d(2024, 2, 1)}, {"date": d(2024, 2, 29)}, {"date": None}]
    assert month_counts(entries) == [(2023, 11, 1), (2023, 12, 0), (2024, 1, 0), (2024, 2, 2)]
    long_ago = [{"date": d(2023, 1, 5)}, {"date": d(2024, 2, 5)}]   # 14 months: the last 12 are shown
    assert month_counts(long_ago)[0] == (2023, 3, 0) and month_counts(long_ago)[-1] == (2024, 2, 1)
    assert len(month_counts(long_ago)) == 12
    assert month_counts([{"date": None}]) == []


def test_log_names_the_busiest_month_only_from_five_updates_with_a_clear_lead(engine):
    def chart(dates):
        entries = [rejection("application", date=day) for day in dates]
        return next(b for b in blocks(engine.run("log", {"entries": entries, "today": TODAY}), "chart")
                    if b["title"] == "Updates by month")
    assert chart(["2024-03-01", "2024-04-02", "2024-04-03", "2024-04-09", "2024-05-01"])["summary"] == \
        "Your busiest month so far was April 2024, with 3 updates."
    assert chart(["2024-03-01", "2024-04-02", "2024-04-03", "2024-05-09"])["summary"] == ""      # four
    assert chart(["2024-03-01", "2024-03-02", "2024-04-03", "2024-04-09", "2024-05-01"])["summary"] == ""  # a tie


def test_log_offers_one_follow_up_per_application_still_waiting(engine):
    """Checked by hand, today 10 May 2024: Contoso's application was sent on 5 May and nothing
    since, so a follow-up falls due on 12 May (a reminder); Fabrikam's on 20 April, so it is due
    already (named in one line); invited-to-next-step, turned-down and offer do not nudge."""
    entries = [
        {"application": "c", "date": "2024-05-05", "company": "Contoso", "stage": "application", "outcome": "waiting"},
        {"application": "f", "date": "2024-04-20", "company": "Fabrikam", "role": "Designer",
         "stage": "application", "outcome": "waiting"},
        {"application": "n", "date": "2024-05-01", "company": "Northwind", "stage": "application",
         "outcome": "waiting"},
        {"application": "n", "date": "2024-05-06", "company": "Northwind", "stage": "interview", "outcome": "moved_on"},
        {"application": "t", "date": "2024-05-08", "company": "Tailspin", "stage": "interview", "outcome": "rejected"},
    ]
    output = engine.run("log", {"entries": entries, "today": TODAY})
    [reminder] = blocks(output, "reminder")
    assert reminder["text"].startswith("Your calendar can remind you on 12 May 2024 to check for news from Contoso.")
    assert reminder["filename"] == "reminder-follow-up-2024-05-12.ics"
    event = icalendar.Calendar.from_ical(unquote(reminder["href"].split(",", 1)[1])).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Contoso: any news yet?"
    assert event.decoded("DTSTART") == datetime.date(2024, 5, 12)
    assert "It has been a week or more since you last heard from Fabrikam, Designer." in texts(output)
    assert "Northwind" not in texts(output) and "Tailspin" not in texts(output)
    # The same application gets the same calendar event whatever day the summary is made on.
    later = engine.run("log", {"entries": entries, "today": "2024-05-11"})
    uid = icalendar.Calendar.from_ical(unquote(blocks(later, "reminder")[0]["href"].split(",", 1)[1])).walk(
        "VEVENT")[0]["UID"]
    assert uid == event["UID"]


def test_log_helpers_for_applications_by_hand():
    stages = ["application", "phone_screen", "interview", "final_round"]
    d = datetime.date
    entries = [{"application": "a", "stage": "interview", "date": d(2024, 4, 9)},
               {"application": "a", "stage": "application", "date": d(2024, 4, 1)},   # added late, earlier date
               {"application": "b", "stage": None, "date": None},
               {"application": "c", "stage": "phone_screen", "date": d(2024, 5, 1)},
               {"application": "c", "stage": "phone_screen", "date": d(2024, 5, 1)}]
    assert furthest_stages(entries, stages) == {"a": "interview", "c": "phone_screen"}
    latest = latest_updates(entries)
    assert latest["a"] is entries[0] and latest["b"] is entries[2] and latest["c"] is entries[4]


# --- network -------------------------------------------------------------------

def test_week_plan_spreads_contacts_over_the_days():
    days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
    plan = week_plan(["Ann", "Bo"], ["linkedin", "reddit"], 3, days)
    assert plan == [[("Ann", "linkedin")], [("Bo", "reddit")], [], [(None, "linkedin")], []]
    assert [len(day) for day in week_plan([], [], 7, days)] == [2, 1, 2, 1, 1]
    assert [len(day) for day in week_plan([], [], 1, days)] == [1, 0, 0, 0, 0]


def test_network_drafts_have_no_mailto_and_are_per_person(engine):
    output = engine.run("network", {"platforms": ["linkedin"], "weekly_target": 2, "people": "Ann\nBo\nCy",
                                    "field": "nursing"})
    drafts = blocks(output, "draft")
    assert [d["title"] for d in drafts] == ["Message to Ann on LinkedIn", "Message to Bo on LinkedIn"]
    assert all(d["mailto"] is None and d["subject"] is None for d in drafts)
    assert drafts[0]["body"].startswith("Hi Ann, I work in nursing")
    assert "more_people" in codes(output)


def test_network_target_is_clamped(engine):
    plan = blocks(engine.run("network", {"weekly_target": 500}), "list")[0]["items"]
    assert sum(item.count("new") for item in plan) <= 20
    assert len(blocks(engine.run("network", {"weekly_target": 0}), "list")[0]["items"]) == 1


def test_network_drafts_speak_in_the_persons_voice_and_never_say_my_field(engine):
    [draft] = blocks(engine.run("network", {"platforms": []}), "draft")
    assert draft["body"].startswith("Hi, I'm looking for my next role")
    assert "field" not in draft["body"]
    [draft] = blocks(engine.run("network", {"platforms": [], "field": "nursing.", "people": "Ann Bell"}), "draft")
    assert draft["body"].startswith("Hi Ann, I'm looking for my next role in nursing,")


# --- recharge ------------------------------------------------------------------

def test_recharge_date_wins_over_days(engine):
    output = engine.run("recharge", {"pause_days": 4, "back_on": "2025-01-02", "today": "2024-12-30"})
    assert "come back on 2 January 2025" in texts(output)
    assert "4 days" not in texts(output)


def test_recharge_a_return_day_that_has_passed_is_refused(engine):
    output = engine.run("recharge", {"pause_days": 4, "back_on": "2025-01-02", "today": "2025-01-03"})
    assert "back_on_past" in codes(output)
    assert "Pause the search for 4 days" in texts(output) and "come back on" not in texts(output)
    # Today itself is fine.
    assert "back_on_past" not in codes(engine.run("recharge", {"back_on": "2025-01-03", "today": "2025-01-03"}))


@pytest.mark.parametrize(("inputs", "long"), [({"pause_days": 7}, False), ({"pause_days": 8}, True),
                                               ({"back_on": "2025-01-10", "today": "2025-01-03"}, False),
                                               ({"back_on": "2025-01-11", "today": "2025-01-03"}, True)])
def test_recharge_a_break_over_a_week_reminds_to_back_up_first(engine, inputs, long):
    output = engine.run("recharge", inputs)
    assert ("long_break" in codes(output)) is long
    if long:
        assert "download a backup" in [n["text"] for n in output["notes"] if n["code"] == "long_break"][0]


def test_recharge_people_and_activities_read_as_one_sentence(engine):
    output = engine.run("recharge", {"people": "Alex, my sister\nThe Thursday running group.\nSAM",
                                     "recharge": ["sleep"], "recharge_other": "Playing guitar..."})
    text = texts(output)
    assert "Talk to Alex (my sister), the Thursday running group and SAM." in text
    assert "Make time for good sleep and playing guitar." in text


def test_recharge_one_day_is_singular(engine):
    assert "Pause the search for 1 day," in texts(engine.run("recharge", {"pause_days": 1}))


def test_recharge_default_pause(engine):
    assert "Pause the search for 3 days" in texts(engine.run("recharge", {}))
