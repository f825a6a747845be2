"""The tone check (workbook/tone.py with content/tone.yaml): its phrase syntax, what it must and
must not flag, and its measured figures on the labelled corpus (tests/corpus/tone.tsv)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.tone_eval import GOALS, corpus, measure
from workbook.tone import PhraseError, compile_phrase, find


def kinds(text: str) -> list[str]:
    return [flag.kind for flag in find(text)]


# --- the phrase syntax ------------------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "matches", "misses"), [
    ("thanks for nothing", ["Well, thanks for nothing."], ["thanks for nothing-ish", "thanks for the help"]),
    ("[you'll|you will] regret", ["You\u2019ll regret it", "you will  regret"], ["you regret"]),
    ("[a|] joke", ["a joke", "joke"], ["jokes"]),
    ("waste ... my time", ["waste of my time", "waste so much of my time"], ["waste of all of our very my time"]),
    ("regret*", ["regretted", "regrets"], ["unregretted"]),
    ("^ noted $", ["Noted.", "Thanks. Noted!"], ["I noted that."]),
])
def test_the_phrase_syntax(phrase, matches, misses):
    pattern = compile_phrase(phrase)
    for text in matches:
        assert pattern.search(text.lower().replace("\u2019", "'")), text
    for text in misses:
        assert not pattern.search(text.lower()), text


@pytest.mark.parametrize("phrase", ["[unclosed", "closed]", "[a|[b]]", "[|]", ""])
def test_a_phrase_that_cannot_be_read_is_refused(phrase):
    with pytest.raises(PhraseError):
        compile_phrase(phrase)


# --- what it finds, and what it leaves alone --------------------------------------------------------

@pytest.mark.parametrize("text", ["What a f***ing joke.", "This is bullsh*t.", "This sh!t again.", "WTF"])
def test_swearing_is_found_with_letters_hidden(engine, text):
    assert "hostile" in kinds(text)


@pytest.mark.parametrize("text", ["I support Arsenal.", "The scrap metal team.", "Scunthorpe was lovely.",
                                  "I assessed the class.", "Thanks!!", "I enjoyed meeting the NHS SRE and GCP teams.",
                                  "It was a pleasure to meet the Clearly team."])
def test_look_alikes_are_left_alone(engine, text):
    assert kinds(text) == []


def test_a_negative_word_about_oneself_or_negated_is_not_blame(engine):
    assert kinds("I was nervous and sad in the interview.") == []
    assert kinds("Your team was not rude at all.") == []
    assert kinds("Your team was rude.") == ["hostile"]


def test_praise_with_a_complaint_reads_as_sarcasm_unless_a_but_makes_it_sincere(engine):
    assert "sarcastic" in kinds("Cheers for wasting my Saturday.")
    assert kinds("Thanks for the feedback, but it took a while and that is fine.") == []


# --- measured, not assumed ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def figures(engine):
    lines = corpus()
    return (measure([line for line in lines if not line.held_out]), measure([line for line in lines if line.held_out]))


def test_the_corpus_is_big_enough_and_covers_every_kind(tone):
    lines = corpus()
    assert len(lines) >= 300
    counts = {kind: sum(line.kind == kind for line in lines) for kind in {line.kind for line in lines}}
    assert set(counts) == set(tone["kinds"]) | {"polite"}
    assert min(counts.values()) >= 20 and counts["polite"] >= 100
    assert 0.15 < sum(line.held_out for line in lines) / len(lines) < 0.35


def test_the_lines_by_other_writers_are_a_corpus_of_their_own(tone):
    from macros.tone_eval import OTHER_WRITERS

    lines = corpus(OTHER_WRITERS)
    counts = {kind: sum(line.kind == kind for line in lines) for kind in {line.kind for line in lines}}
    assert set(counts) == set(tone["kinds"]) | {"polite"}
    assert min(counts.values()) >= 15 and counts["polite"] >= 100
    assert not {line.text for line in lines} & {line.text for line in corpus()}, "no line in both corpora"


def test_on_the_lines_it_was_tuned_on_it_keeps_false_alarms_within_the_goal(figures):
    """Recall on these lines is below the goal of 0.90 since other writers' lines were added
    (2026-11-26, seventh session: 0.87 with the model, 0.39 with the rules alone); `make eval` reports it. What is
    asserted is what the rules are tuned and the model's threshold chosen for."""
    development, _ = figures
    assert development.false_alarms <= GOALS["false_alarms"]
    assert development.overall_recall >= 0.80, development.recall


# Polite lines flagged when last measured (2026-11-27, fifteenth session, a short note read
# whole): 60 of 2728 held-out lines (0.022, within the 0.03 goal; 65 before) and 71 of 2950
# lines by other writers (0.024; 68 before). `make eval` reports both. A change that flags more
# polite lines it never saw fails here.
HELD_OUT_FALSE_ALARMS = 60
OTHER_WRITERS_FALSE_ALARMS = 71


def test_on_lines_it_never_saw_it_raises_no_more_false_alarms_than_last_measured(engine):
    """Held-out recall is reported by `make eval`, not asserted: a test would invite tuning on
    those lines (it reached the goal in the fifteenth session, 0.9007, by a margin of two lines;
    see the README)."""
    from macros.tone_eval import all_figures

    _, held_out, other_writers = all_figures()["tone"]
    assert sum(line.kind == "polite" for line in held_out.misses) <= HELD_OUT_FALSE_ALARMS
    assert sum(line.kind == "polite" for line in other_writers.misses) <= OTHER_WRITERS_FALSE_ALARMS
    assert held_out.counts["polite"] >= 200 and other_writers.counts["polite"] >= 150


# --- the learned model -------------------------------------------------------------------------------

def test_the_shipped_model_was_trained_on_the_corpus_as_it_is():
    """Edit tests/corpus/tone.tsv, or how workbook/tone_model.py reads a sentence, and the model
    must be trained again (`make tone-model`)."""
    from scripts.train_tone_model import digest, training_lines
    from workbook.tone_model import model

    development = [line for line in corpus() if not line.held_out]
    assert model() is not None
    assert model().trained_on == digest(training_lines(development))
    assert "shouting" not in model().kinds and "polite" in model().kinds
    assert 0.5 <= model().threshold < 1


def test_a_telling_word_weighs_more_than_one_both_kinds_use():
    """evidence(): a word only hopeless lines use leans further than one both kinds use as often
    (worked by hand: "gone" is 3 of 5 hopeless features and 0 of 5 ordinary; smoothed by 1 over
    three words, |ln(4/8) - ln(1/8)| = ln 4; "today" 2 and 2 gives |ln(3/8) - ln(3/8)| = 0). And the model a
    weighed fit stores reads plain features: its weights already carry the weighing."""
    import math

    from macros.tone_eval import Line
    from scripts.train_tone_model import evidence, fit

    data = [(["gone", "today"], 0), (["gone", "today"], 0), (["gone"], 0),
            (["today", "tired"], 1), (["today", "tired"], 1), (["tired"], 1)]
    lean = evidence(data, 2, 1.0)
    assert math.isclose(lean["gone"], math.log(4)) and math.isclose(lean["tired"], math.log(4))
    assert lean["today"] == 0

    lines = [Line("hopeless", "I want to be gone"), Line("hopeless", "I will be gone soon"),
             Line("ordinary", "I want a new job"), Line("ordinary", "I will get a new job soon")] * 3
    model = fit(lines, ("hopeless", "ordinary"), epochs=20, keep=0.0, evidence_alpha=0.5)
    assert model.probabilities("gone for good")["hopeless"] > 0.5 > model.probabilities("a new job")["hopeless"]


def test_the_model_reads_quotation_marks_as_words_and_hides_no_letters_in_them():
    """Their words put back in quotes are a sign of sarcasm the model can weigh: a double
    quotation mark, straight or curly, is a token; an apostrophe stays inside its word."""
    from workbook.tone_model import features, tokens

    assert tokens('I\u2019m told the role is \u201chybrid\u201d, or "flexible".') == [
        "i'm", "told", "the", "role", "is", '"', "hybrid", '"', "or", '"', "flexible", '"']
    assert {'is "', '" hybrid', 'hybrid "'} <= features("The role is \u201chybrid\u201d")
    assert '"' not in tokens("Thanks, it's the candidates' day")


def test_the_model_file_reads_back_as_written():
    from workbook.tone_model import _letter, _number, dump, model, parse

    assert [_letter(n) for n in (0, 1, 26, -1, -26)] == [".", "a", "z", "A", "Z"]
    assert all(_number(_letter(n)) == n for n in range(-26, 27) if n)
    with pytest.raises(ValueError):
        parse("@kinds\ta b\n@bias\t0 0\n@threshold\t0.5\n@trained_on\tx\nword\t.7\n")

    shipped = model()
    again = parse(dump(shipped, 0.2))
    assert again.kinds == shipped.kinds and again.threshold == shipped.threshold
    assert again.weights.keys() == shipped.weights.keys()
    assert all(abs(a - b) < 1e-9 for f in list(shipped.weights)[:50]
               for (_, a), (_, b) in zip(again.weights[f], shipped.weights[f], strict=True))


@pytest.mark.parametrize(("text", "kind"), [
    ("Your recruiters are a pack of vultures.", "hostile"),
    ("The hiring manager is a jumped-up little tyrant.", "hostile"),
    ("You lot couldn't organise a bake sale.", "hostile"),
])
def test_the_model_reads_what_no_phrase_names_and_quotes_the_sentence(engine, text, kind):
    assert find(text, learned=False) == []
    [flag] = find("Thanks for the call. " + text)
    assert (flag.kind, flag.found) == (kind, text)


@pytest.mark.parametrize("text", [
    "Thank you for letting me know, Grace Sorrow.",
    "I finished my HMRC placement and the CIPD course, and I'm practising the STAR method.",
    "I was disappointed, of course, but I understand the decision.",
    "Clearly Ltd's panel was lovely.",
    "I struggled with the SQL task, so any pointers would help.",
])
def test_names_acronyms_and_honest_disappointment_are_left_alone(engine, text):
    assert find(text) == []


def test_every_kind_has_a_reason_and_a_calmer_way_without_claims_it_cannot_keep(tone):
    for kind, spec in tone["kinds"].items():
        assert spec["reason"] and spec["calmer"], kind
    assert not re.search(r"\b(calm and kind|is fine|all good|nothing wrong)\b", tone["nothing_found"])


# --- care: words without hope ------------------------------------------------------------------------

def care_notes(output) -> list[dict]:
    return [n for n in output["notes"] if n["code"] == "care"]


@pytest.mark.parametrize(("worksheet", "inputs"), [
    ("check-in", {"own_words": "I can't go on like this."}),
    ("reflect", {"gaps": "I feel worthless and nothing will ever get better."}),
    ("log", {"entries": [{"id": "a1", "company": "Acme", "note": "I want it all to stop."}]}),
    ("reply", {"personal_note": "Everyone would be better off without me."}),
    ("recharge", {"recharge_other": "disappearing for good"}),
])
def test_words_without_hope_anywhere_bring_a_gentle_note_to_talk_to_someone(engine, tone, worksheet, inputs):
    [care] = care_notes(engine.run(worksheet, inputs))
    assert care["text"] == tone["hopeless"]["note"]
    assert "someone you trust" in care["text"] and "doctor" in care["text"] and "helpline" in care["text"]
    assert not re.search(r"\d{3}", care["text"]), "no country's phone number in the wording"


def test_the_top_of_the_check_in_scale_brings_the_note_too(engine):
    assert care_notes(engine.run("check-in", {"intensity": 5}))
    assert not care_notes(engine.run("check-in", {"intensity": 4, "own_words": "I'm sad and tired of applying."}))


# Ordinary lines the care check flagged when last measured (2026-11-27, fourteenth session,
# six rounds learned): 64 of 2452 held out (0.026) and 5 of 252 by other writers (0.020), within
# the goal of 0.03 (README). A change that flags more fails here.
CARE_HELD_OUT_FALSE_ALARMS = 64
CARE_OTHER_WRITERS_FALSE_ALARMS = 5


def test_the_care_check_is_measured_too(engine):
    """Recall on lines never seen is reported by `make eval` (0.91 held out, 0.96 by other
    writers when last measured), not asserted: a test would only invite tuning on them."""
    from macros.tone_eval import CARE_CORPUS, CARE_OTHER_WRITERS
    from workbook.tone import sounds_hopeless

    lines = corpus(CARE_CORPUS)
    others = corpus(CARE_OTHER_WRITERS)
    assert {line.kind for line in lines} == {line.kind for line in others} == {"hopeless", "ordinary"}
    assert len(lines) >= 3400 and len(others) >= 400
    assert not {line.text for line in lines} & {line.text for line in others}, "no line in both corpora"
    development = measure([line for line in lines if not line.held_out], sounds_hopeless, "ordinary")
    held_out = measure([line for line in lines if line.held_out], sounds_hopeless, "ordinary")
    other_writers = measure(others, sounds_hopeless, "ordinary")
    assert development.overall_recall >= GOALS["recall"]
    assert development.false_alarms <= GOALS["false_alarms"]
    assert round(held_out.false_alarms * held_out.counts["ordinary"]) <= CARE_HELD_OUT_FALSE_ALARMS
    assert round(other_writers.false_alarms * other_writers.counts["ordinary"]) <= CARE_OTHER_WRITERS_FALSE_ALARMS


def test_the_care_model_was_trained_on_the_corpus_as_it_is(tone):
    """Edit tests/corpus/hopeless.tsv, the hopeless phrases (the threshold is chosen with them), or
    how a text is read into features, and the care model must be trained again (`make care-model`)."""
    from macros.tone_eval import CARE_CORPUS
    from scripts.train_care_model import digest
    from workbook.tone_model import care_model

    development = [line for line in corpus(CARE_CORPUS) if not line.held_out]
    assert care_model() is not None and care_model().kinds == ("hopeless", "ordinary")
    assert care_model().trained_on == digest(development, tone["hopeless"]["phrases"])
    assert 0.5 <= care_model().threshold < 1


def test_the_care_model_hears_what_no_phrase_was_written_for(engine):
    """Quiet lines no phrase matches (written for this test, not in any corpus): the model, which
    learned from hundreds of others, finds them; ordinary figures of speech stay ordinary."""
    from workbook.tone import sounds_hopeless

    quiet = ["I don't see a way forward any more and I'm so tired of everything.",
             "I've stopped seeing the point in getting up at all, and I don't think anyone would notice.",
             "My family would honestly do better if I stepped out of the picture for good.",
             "Honestly there's nothing left in me, I'm just so tired of being me."]
    for text in quiet:
        assert not sounds_hopeless(text, learned=False), text
        assert sounds_hopeless(text), text
    for text in ["This job hunt is killing me.", "I could have died of embarrassment.",
                 "I'm desperate to get back to work.", "My application vanished into a black hole.",
                 "I give up on that company.",
                 "Telling them I needed Fridays off felt like career suicide, but they said yes!",
                 "I felt like dying when I blanked on the salary question.", "Acme Ltd.", "\U0001f62d\U0001f62d"]:
        assert not sounds_hopeless(text), text


def test_before_the_care_model_is_installed_the_phrases_read_and_the_result_asks_for_it(engine, tone, monkeypatch):
    """In the browser the care model arrives just after Python is ready (docs/assets/worker.js):
    until then the phrases read the words, and a result with words no phrase matched says that
    it was read without the model, so the worker waits for it and runs again."""
    from workbook import tone_model, use_care_model

    text = (Path(tone_model.__file__).parent / "lexicon" / "care_model.tsv").read_text(encoding="utf-8")
    quiet = {"own_words": "Honestly there's nothing left in me, I'm just so tired of being me."}
    said = {"own_words": "I feel worthless and I can't go on like this."}   # a phrase
    monkeypatch.setattr(tone_model, "_CARE_MODEL", None)
    before = engine.run("check-in", quiet)
    assert "care" not in [n["code"] for n in before["notes"]]
    assert before["models_missing"] == ["care_model"]
    # Should it never come, the result says the check was partial, in the YAML's words.
    assert [n["text"] for n in before["notes"] if n["code"] == "care_rules_only"] == [tone["hopeless"]["rules_only"]]
    phrase = engine.run("check-in", said)
    assert "care" in [n["code"] for n in phrase["notes"]] and "models_missing" not in phrase
    assert "care_rules_only" not in [n["code"] for n in phrase["notes"]]
    assert "models_missing" not in engine.run("check-in", {"feelings": ["sad"]}), "nothing written, nothing to wait for"
    # A first draft with a name and a company only (one-line answers) never waits for the model.
    assert "models_missing" not in engine.run("reply", {"recruiter_name": "Priya", "company": "Northwind Books"})

    use_care_model("\n".join(line for line in text.splitlines() if not line.startswith("#")))
    after = engine.run("check-in", quiet)
    assert "care" in [n["code"] for n in after["notes"]] and "models_missing" not in after
    assert "care_rules_only" not in [n["code"] for n in after["notes"]]


def test_a_polite_request_with_a_date_is_not_a_demand(engine):
    assert find("Could you let me know by Friday whether the role is still open?", learned=False) == []
    assert find("If possible, I'd welcome your feedback before Monday.", learned=False) == []
    assert "demanding" in kinds("Send me the feedback by Friday.")


def test_the_vendored_lexicon_holds_vaders_strongly_negative_words_with_their_values():
    """Values as in VADER 3.3.2's vader_lexicon.txt (the file as vendored before it was grouped by
    value); "joke" is not rated at or below -1.5 there."""
    from workbook.tone import lexicon

    words = lexicon()
    assert (words["hate"], words["idiot"], words["pathetic"], words["useless"]) == (-2.7, -2.3, -2.7, -1.8)
    assert "joke" not in words and all(value <= -1.5 for value in words.values()) and len(words) > 2000


def test_a_date_the_writer_sets_for_themselves_is_a_promise_not_a_demand(engine):
    assert find("I'll send the signed contract back by Friday.", learned=False) == []
    assert find("My referee has promised to reply by tomorrow.", learned=False) == []
    assert "demanding" in kinds("Reply by Friday.")
    assert "demanding" in kinds("I'll need an answer by Friday.")


def test_asking_whether_a_cv_was_passed_on_is_not_a_threat_but_a_request_can_carry_one(engine):
    assert find("Hi Suresh, were you able to forward my CV to your manager?", learned=False) == []
    assert find("Just checking if you were able to forward my resume to your manager.", learned=False) == []
    assert "threatening" in kinds("I'll be forwarding all of this to your CEO.")
    assert "threatening" in kinds("Could you tell your CEO that my solicitor will be in touch?")


@pytest.mark.parametrize("text", ["I DID submit the task on time.", "Is there ANY feedback at all?",
                                  "I was NOT late.", "WHY is it so hard to say no?"])
def test_a_short_word_of_emphasis_in_capitals_is_shouting_on_its_own(engine, text):
    """The rule alone: the model may read more in a sentence ("I was NOT late." as bitter)."""
    assert [flag.kind for flag in find(text, learned=False)] == ["shouting"]
    assert "shouting" in kinds(text)


def test_a_negative_word_in_quotation_marks_is_their_words_not_an_insult(engine):
    assert find('You said the team is "fast-paced and a bit chaotic", which sounds like home.', learned=False) == []
    assert kinds("Your process is chaotic.") == ["hostile"]


@pytest.mark.parametrize("text", ["I was TOLD I would hear back.", "This is ABSOLUTELY unacceptable.",
                                  "I sent it TWICE.", "It has been a MONTH.", "WHY DOES NOBODY REPLY"])
def test_an_english_word_in_capitals_is_shouting(engine, text):
    assert [flag.kind for flag in find(text, learned=False)] == ["shouting"]


@pytest.mark.parametrize("text", ["I passed the ZANTEC exam at UNIBRA and hold a KORVEL licence.",
                                  "My degree is from VELUNA, and my visa is a PORTAVO permit."])
def test_names_in_capitals_the_lists_do_not_know_are_not_shouting(engine, text):
    """Made-up names: the world's universities, exams and agencies are too many for a list, so a
    word in capitals that is not an English word the check knows is taken as a name."""
    assert find(text, learned=False) == []


@pytest.mark.parametrize("text", ["I have ADHD, so could the brief come by email?", "The IT team was kind.",
                                  "I'm sorry I missed the call: a family emergency.", "Is it OK to call at 9?"])
def test_an_acronym_or_a_hard_day_is_not_read_as_trouble(engine, text):
    assert find(text, learned=False) == []


@pytest.fixture
def model_that_reads(monkeypatch):
    """Put a model in the engine that reads every sentence the same way (its bias alone)."""
    from workbook import tone_model

    def install(kind: str):
        bias = (0.0, 12.0) if kind == "polite" else (12.0, 0.0)
        monkeypatch.setattr(tone_model, "_MODEL", tone_model.Model(
            kinds=("bitter", "polite"), bias=bias, weights={}, threshold=0.9, trained_on="test", overrule=0.9))
    return install


def test_a_model_sure_a_sentence_is_polite_overrules_a_phrase_but_never_swearing_or_shouting(engine, model_that_reads):
    model_that_reads("polite")
    assert find("Thanks for nothing.") == []
    assert kinds("Thanks for nothing. This is bullsh*t.") == ["hostile"]
    assert kinds("I am SO ANGRY about it.") == ["shouting"]
    assert kinds("Congrats on the nomination, it is AMAZING.") == ["shouting"]


def test_a_model_sure_a_sentence_reads_badly_flags_it_where_no_rule_does(engine, model_that_reads):
    model_that_reads("bitter")
    flags = find("Hello Sam. The weather was mild.")
    assert [(f.kind, f.found) for f in flags] == [("bitter", "Hello Sam."), ("bitter", "The weather was mild.")]
    assert kinds("Mark my words.") == ["threatening"], "a phrase's flag stands; the model adds none to its sentence"


def test_two_sentences_that_read_badly_only_together_are_flagged_together(engine, monkeypatch):
    """A dig is often a polite sentence and a pointed fact after it. This model sees it only in
    the pair of words across the two sentences ("update only"): each sentence alone reads as
    polite (P = e^3 / (1 + e^3) = 0.95), the two together as passive-aggressive (e^8 / (e^8 +
    e^3) = 0.993, over the threshold of 0.9). A note of up to three sentences is read whole, a
    longer one three sentences at a time, and the flag quotes the two that read badly."""
    from workbook import tone_model

    monkeypatch.setattr(tone_model, "_MODEL", tone_model.Model(
        kinds=("passive_aggressive", "polite"), bias=(0.0, 3.0), weights={"update only": ((0, 8.0),)},
        threshold=0.9, trained_on="test", overrule=1.01))
    note = "Thanks for the update. Only took six weeks."
    assert find(note, learned=False) == [], "no rule flags either sentence"
    assert [(f.kind, f.found) for f in find(note)] == [("passive_aggressive", note)]
    assert [f.found for f in find("Hello Sam. " + note + " Best, Ana")] == [note], "only the pair that reads badly"
    assert [f.found for f in find("Hello Sam. I hope you are well. " + note + " Best, Ana")] == [note], \
        "five sentences, read three at a time"
    assert find("Only took six weeks. Thanks for the update.") == [], "the other way round it says nothing"


def test_a_note_read_whole_quotes_the_sentence_that_reads_badly_on_its_own(engine, monkeypatch):
    """The model flags the note as a whole; the quote is the sentence it reads badly alone
    (P(polite) = e^3 / (e^3 + e^8) = 0.007 for the second sentence, 0.95 for the first)."""
    from workbook import tone_model

    monkeypatch.setattr(tone_model, "_MODEL", tone_model.Model(
        kinds=("bitter", "polite"), bias=(0.0, 3.0), weights={"month": ((0, 8.0),)},
        threshold=0.9, trained_on="test", overrule=1.01))
    note = "Thank you for the call. It took a month to hear back. Best, Ana"
    assert find(note, learned=False) == [], "no rule flags any sentence"
    assert [(f.kind, f.found) for f in find(note)] == [("bitter", "It took a month to hear back.")]


def test_a_sentence_the_model_is_all_but_certain_of_is_flagged_though_the_note_reads_well(engine, monkeypatch):
    """Read whole, the thanks outweighs the insult (P(bitter) = e^8 / (e^8 + e^11) = 0.047); the
    insult alone reads bitter at e^8 / (e^8 + e^3) = 0.993, over `alone` (0.99), not under it."""
    from dataclasses import replace

    from workbook import tone_model

    model = tone_model.Model(kinds=("bitter", "polite"), bias=(0.0, 3.0),
                             weights={"tyrant": ((0, 8.0),), "thank": ((1, 8.0),)},
                             threshold=0.9, trained_on="test", overrule=1.01, alone=0.99)
    note = "Thank you for the call. He is a tyrant."
    monkeypatch.setattr(tone_model, "_MODEL", model)
    assert [(f.kind, f.found) for f in find(note)] == [("bitter", "He is a tyrant.")]
    monkeypatch.setattr(tone_model, "_MODEL", replace(model, alone=0.995))
    assert find(note) == []


def test_windows_skip_blank_sentences():
    from workbook.tone import sentences, windows

    assert windows(["A.", " ", "B.", "C."]) == [[0, 2, 3]], "up to three sentences: read whole"
    assert windows(["A.", " ", "B.", "C.", "D."]) == [[0, 2, 3], [2, 3, 4]]
    assert windows(["A."]) == [[0]] and windows([" "]) == [] and windows([]) == []
    assert sentences("Thanks.\nOnly six weeks.") == ["Thanks.", "Only six weeks."]


@pytest.mark.parametrize("text", ["Thanks for nothing, İpek’s team.", "THANKS FOR NOTHING, Ipek's team."])
def test_a_flag_quotes_the_words_as_typed_whatever_their_letters(engine, text):
    """"İ" becomes two characters in lower case; the quote must still be the typed words."""
    found = [flag.found for flag in find(text, learned=False) if flag.kind == "bitter"]
    assert found == [text[:18]]


def test_addresses_are_not_prose_and_a_full_stop_inside_one_ends_no_sentence(engine):
    from workbook.tone import sentences

    note = "You can reach me at priya@acme.com or www.priya.design any time. Thanks again!"
    assert sentences(note) == ["You can reach me at priya@acme.com or www.priya.design any time.", " Thanks again!"]
    assert find(note) == []
    assert [f.found for f in find("This sh!t again.", learned=False)] == ["sh!t"]


def test_two_phrases_of_one_kind_over_the_same_words_give_one_flag(engine):
    assert [(f.kind, f.found) for f in find("I'm begging you, please.", learned=False)
            if f.kind == "pleading"][:1] == [("pleading", "I'm begging")]
    assert [f.found for f in find("I'm begging you.", learned=False)] == ["I'm begging"]
