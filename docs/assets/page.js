// Page glue for the workbook, loaded by workbook.js only on pages that have a worksheet form
// or the backup panel. On a worksheet page (a form[data-worksheet]) it starts the engine
// worker (engine.js), shows its progress, restores and autosaves the answers (saving.js),
// sends them to the engine and draws the output (render.js).

import { getEngine, runTask, runWorksheet } from "./engine.js";
import { describeAnswer, fieldLabels, readAnswers, wireLimits, writeAnswers } from "./form.js";
import { renderMessage, renderOutput, wireOutput } from "./render.js";
import { wireBackupPanel } from "./backup.js";
import { wireSaving } from "./saving.js";
import { onPress } from "./press.js";
import { wirePrint } from "./print.js";
import { createLog } from "./state.js";
import { siteStore } from "./storage.js";
import { say } from "./words.js";

// What the status line says while each part of Python loads (content/interface.yaml, status).
const LOADING = { python: "loading_python", engine: "loading_workbook" };

// --- one worksheet form ---------------------------------------------------------------

function showStatus(box, current) {
  box.hidden = false;
  box.dataset.state = current.state;
  if (current.from) box.dataset.from = current.from;
  if (current.snapshot) box.dataset.snapshot = current.snapshot;
  if (current.toneModel) box.dataset.toneModel = current.toneModel;
  if (current.careModel) box.dataset.careModel = current.careModel;
  const text = document.createElement("span");
  text.className = "gr-engine__text";
  const nodes = [text];
  if (current.state === "loading") {
    const bar = document.createElement("progress");
    if (current.stage === "python" && current.total) {
      // "Loading Python… 2.1 of 11.9 MB": how much of Python's files has arrived.
      const mb = (bytes) => (bytes / 1e6).toFixed(1);
      text.textContent = say("status", "loading_bytes", { loaded: mb(current.loaded), total: mb(current.total) });
      bar.max = current.total;
      bar.value = current.loaded;
    } else {
      text.textContent = say("status", LOADING[current.stage] || "loading_python");
      bar.max = 3;
      bar.value = current.stage === "engine" ? 2 : 1;
    }
    bar.setAttribute("aria-hidden", "true");
    nodes.unshift(bar);
  } else if (current.state === "ready") {
    text.textContent = say("status", "ready");
  } else if (current.state === "stopped") {
    text.textContent = say("status", "stopped");
    const restart = document.createElement("button");
    restart.type = "button";
    restart.className = "md-button";
    restart.dataset.action = "restart";
    restart.textContent = say("status", "restart");
    restart.addEventListener("click", () => {
      getEngine({ restart: true });
      // The button goes away with the status it belongs to: keep the keyboard where the next step is.
      box.closest(".gr-worksheet")?.querySelector('[data-action="run"]')?.focus();
    });
    nodes.push(restart);
  } else {
    text.textContent = say("status", "failed");
    const detail = document.createElement("span");
    detail.className = "gr-engine__detail";
    detail.textContent = ` (${current.error})`;
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "md-button";
    retry.dataset.action = "retry";
    retry.textContent = say("status", "retry");
    retry.addEventListener("click", () => getEngine({ restart: true }));
    nodes.push(detail, retry);
  }
  box.replaceChildren(...nodes);
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function button(text, action, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "md-button gr-button--small";
  b.dataset.action = action;
  b.textContent = text;
  b.addEventListener("click", onClick);
  return b;
}

/**
 * The log layout: the form adds or edits one update, on an application picked from the list
 * (or a new one); the table lists every update.
 */
function wireLog(form, root, store) {
  const log = createLog(store);
  const table = root.querySelector("[data-log-table]");
  const empty = root.querySelector("[data-log-empty]");
  const announce = root.querySelector("[data-log-announce]");
  const addButton = form.querySelector('[data-action="add"]');
  const cancel = form.querySelector('[data-action="cancel-edit"]');
  const choice = form.querySelector("[data-application-choice]");
  const picker = choice.querySelector("select");
  const columns = fieldLabels(form);
  // The fields that describe the application as a whole (about_application in the YAML).
  const aboutApplication = [...form.querySelectorAll("[data-field][data-about-application]")].map((f) => f.dataset.field);
  const naming = [...form.querySelectorAll('[data-field][data-about-application][data-type="text"]')].map((f) => f.dataset.field);
  let editing = null;
  choice.hidden = false;

  const stopEditing = () => {
    editing = null;
    addButton.textContent = say("log", "add");
    cancel.hidden = true;
    form.reset();
  };

  // Start the next update of an application from its last answers about the application.
  const pick = (application) => {
    const last = log.applications().find((known) => known.id === application)?.last;
    const answers = readAnswers(form);
    for (const id of aboutApplication) answers[id] = last?.[id];
    writeAnswers(form, answers);
    picker.value = application;
  };

  const listApplications = () => {
    const chosen = picker.value;
    const options = log.applications().map(({ id, first, last }) => {
      // Named as the engine names it (log_export.application_name): its text answers about the application.
      const name = naming.map((id) => last[id]).filter((part) => typeof part === "string" && part.trim())
        .map((part) => part.trim()).join(", ");
      return new Option(name || say("log", "unnamed_application", { date: first.date || "" }), id);
    });
    picker.replaceChildren(picker.options[0], ...options);
    picker.value = options.some((option) => option.value === chosen) ? chosen : "";
  };

  const draw = () => {
    listApplications();
    const entries = log.entries();
    empty.hidden = entries.length > 0;
    if (!entries.length) return table.replaceChildren();
    const t = document.createElement("table");
    const head = t.createTHead().insertRow();
    for (const { label } of [...columns, { label: say("log", "actions") }]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = label;
      head.append(th);
    }
    const body = t.createTBody();
    entries.forEach((entry, index) => {
      const row = body.insertRow();
      for (const { id } of columns) row.insertCell().textContent = describeAnswer(form, id, entry[id]);
      const actions = row.insertCell();
      actions.className = "gr-log__actions";
      const number = index + 1;
      const next = button(say("log", "add_update"), "next-step", () => {
        stopEditing();
        pick(entry.application);
        form.querySelector("input, textarea")?.focus();
      });
      next.setAttribute("aria-label", say("log", "add_update_entry", { number }));
      const edit = button(say("log", "edit"), "edit", () => {
        editing = entry.id;
        writeAnswers(form, entry);
        picker.value = entry.application || "";
        addButton.textContent = say("log", "save_changes");
        cancel.hidden = false;
        form.querySelector("input, textarea")?.focus();
      });
      edit.setAttribute("aria-label", say("log", "edit_entry", { number }));
      const del = button(say("log", "delete"), "delete", () => {
        log.remove(entry.id);
        if (editing === entry.id) stopEditing();
        announce.textContent = say("log", "deleted", { number });
        draw();
      });
      del.setAttribute("aria-label", say("log", "delete_entry", { number }));
      actions.append(next, edit, del);
    });
    table.replaceChildren(t);
  };

  picker.addEventListener("change", () => { if (picker.value) pick(picker.value); });
  cancel.addEventListener("click", stopEditing);
  // Another tab (or an import) changed the log: draw what is stored now.
  const unsubscribe = store.subscribe(({ kind }) => {
    if (!form.isConnected) return unsubscribe();
    if (kind === "log" || kind === "all") draw();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const entry = readAnswers(form);
    if (editing === null) {
      log.add(entry, picker.value);
      announce.textContent = say("log", "added", { number: log.entries().length });
    } else {
      const number = log.entries().findIndex((old) => old.id === editing) + 1;
      log.update(editing, entry, picker.value);
      announce.textContent = say("log", "saved", { number });
    }
    stopEditing();
    draw();
  });
  draw();
  return () => ({ entries: log.entries(), today: today() });
}

async function showResults(form, root, inputs) {
  const output = root.querySelector("[data-output]");
  const blocks = output.querySelector("[data-output-blocks]");
  output.hidden = false;
  output.setAttribute("aria-busy", "true");
  if (getEngine().state !== "ready") {
    blocks.replaceChildren(Object.assign(document.createElement("p"), { textContent: say("worksheet", "results_waiting") }));
  }
  try {
    renderOutput(blocks, await runWorksheet(form.dataset.worksheet, inputs));
    form.dataset.ran = String(Number(form.dataset.ran || 0) + 1);
  } catch (error) {
    renderMessage(blocks, getEngine().state === "stopped"
      ? say("worksheet", "results_stopped")
      : say("worksheet", "results_failed", { error: error.message }));
  } finally {
    output.removeAttribute("aria-busy");
    output.scrollIntoView({ block: "start", behavior: "smooth" });
  }
}

function wireForm(form) {
  if (form.dataset.wired) return;
  form.dataset.wired = "true";
  const root = form.closest(".gr-worksheet") || form.parentElement;
  const status = form.querySelector("[data-status]");
  const listener = (current) => {
    if (!form.isConnected) return getEngine().listeners.delete(listener);
    showStatus(status, current);
  };
  getEngine().listeners.add(listener);
  showStatus(status, getEngine());

  const store = siteStore();
  if (form.dataset.layout === "log") {
    const inputs = wireLog(form, root, store);
    onPress(root.querySelector('[data-action="run"]'), () => showResults(form, root, inputs()));
    // Only the log page needs its exports: loaded there, so no other page pays for them.
    import("./log-export.js").then(({ wireLogExports }) => wireLogExports(root, inputs));
  } else {
    wireSaving(form, store);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      // The person's own date, for anything the engine says about days (a return date that passed).
      showResults(form, root, { ...readAnswers(form), today: today() });
    });
  }
  wireLimits(form);
  wirePrint(form, root);
  // The person pressed the button before this script was ready (workbook.js noted it).
  if (form.dataset.submitRequested) {
    delete form.dataset.submitRequested;
    form.requestSubmit();
  }
}

/**
 * Answers saved by an older copy of the site (an older format version) are brought up to
 * date by the engine, once, and added to what this version stores: nothing is replaced, and
 * the old copy is left where it was, so nothing is discarded.
 */
async function migrateOlderAnswers(store) {
  const older = store.olderDocument();
  if (!older || store.meta().migrated_from !== undefined) return;
  try {
    const output = await runTask("backup-check", { text: older });
    if (output?.data?.ok && store.meta().migrated_from === undefined) {
      store.mergeOlder(output.data.document);
      store.updateMeta({ migrated_from: JSON.parse(older).version });
    }
  } catch {
    // Python unavailable: try again on the next visit; the old answers are untouched.
  }
}

/** Wire every worksheet form and backup panel on the current page (again after each navigation). */
export function wireAll() {
  const forms = document.querySelectorAll("form[data-worksheet]");
  const panels = document.querySelectorAll("[data-backup]");
  if (forms.length) getEngine(); // start Python before anything else on the page
  const store = siteStore();
  if (!store) return;
  forms.forEach(wireForm);
  panels.forEach((panel) => wireBackupPanel(panel, store));
  document.querySelectorAll(".gr-sample").forEach(wireOutput); // the example's draft can be copied too
  migrateOlderAnswers(store);
}
