// Autosave for one worksheet form: restore what was saved, save each change a moment
// after it is made, keep another tab's newer answers, and show answers saved under
// fields the worksheet no longer has ("Answers from an earlier version").

import { runTask } from "./engine.js";
import { changedFields, readAnswers, writeAnswers } from "./form.js";
import { renderOutput } from "./render.js";
import { say as words } from "./words.js";

const SAVE_DELAY_MS = 300;


/** Ask the browser to keep this site's storage when it clears space (once per tab). */
let persistAsked = false;
function askToPersist() {
  if (persistAsked) return;
  persistAsked = true;
  navigator.storage?.persist?.().catch(() => {});
}

/**
 * Restore and autosave a worksheet form.
 * @param {HTMLFormElement} form form[data-worksheet]
 * @param {object} store from storage.js
 */
export function wireSaving(form, store) {
  const worksheet = form.dataset.worksheet;
  const root = form.closest(".gr-worksheet") || form.parentElement;
  const saved = form.querySelector("[data-saved]");
  const dirty = new Set(); // fields changed in this tab since the last save
  let timer = null;

  const say = (key) => {
    if (!saved) return;
    saved.textContent = words("saving", key);
    saved.dataset.state = key;
  };

  const restore = () => {
    const typed = readAnswers(form);
    const keep = Object.fromEntries([...dirty].map((field) => [field, typed[field]]));
    writeAnswers(form, { ...store.answers(worksheet).answers, ...keep });
  };

  const save = () => {
    clearTimeout(timer);
    timer = null;
    if (!dirty.size) return;
    const typed = readAnswers(form);
    const changes = Object.fromEntries([...dirty].map((field) => [field, typed[field]]));
    dirty.clear();
    const ok = store.saveAnswers(worksheet, changes);
    say(ok ? "ok" : store.problem);
    askToPersist();
  };

  const changed = (event) => {
    const field = event.target.closest?.("[data-field]");
    if (!field) return;
    dirty.add(field.dataset.field);
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };

  // What was typed before this script ran wins over what was saved, and is saved now.
  for (const field of changedFields(form)) dirty.add(field);
  restore();
  save();
  if (store.problem) say(store.problem);
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("focusout", save);
  // Closing the tab or switching away must not lose the last few keystrokes.
  const flush = () => { if (form.isConnected) save(); };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", flush);

  const unsubscribe = store.subscribe(({ kind, worksheet: which }) => {
    if (!form.isConnected) {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", flush);
      return unsubscribe();
    }
    if (kind === "all" || (kind === "answers" && which === worksheet)) {
      restore();
      if (kind === "answers") say("other_tab");
      showEarlierAnswers(root, store, worksheet, restore);
    }
  });
  showEarlierAnswers(root, store, worksheet, restore);
  return { save };
}

/**
 * Ask the engine which saved answers are kept aside on this worksheet (under a field it no
 * longer has, or no longer fitting their field: a removed choice, a text over a lowered
 * limit), move the misfits out of the live fields, and show them all.
 */
async function showEarlierAnswers(root, store, worksheet, restore) {
  const region = root.querySelector("[data-earlier]");
  if (!region) return;
  const saved = store.answers(worksheet);
  if (!Object.keys(saved.answers).length && !Object.keys(saved.earlier).length) {
    region.hidden = true;
    return;
  }
  let output;
  try {
    output = await runTask("earlier-answers", { worksheet, answers: saved.answers, earlier: saved.earlier });
  } catch {
    return; // without Python they stay in storage and in backups, just not listed here
  }
  const { fields = [], misfits = {}, fitting = {}, shown = false } = output?.data || {};
  if (Object.keys(misfits).length) {
    store.keepAside(worksheet, saved.answers, misfits, fitting);
    restore();
  }
  region.hidden = !shown;
  if (!shown) return;
  renderOutput(region.querySelector("[data-earlier-blocks]"), output);
  const dismiss = region.querySelector('[data-action="dismiss-earlier"]');
  dismiss.onclick = () => {
    store.dismissEarlier(worksheet, fields);
    region.hidden = true;
  };
}
