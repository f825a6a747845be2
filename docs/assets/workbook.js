// Page glue for the workbook. On a worksheet page (a form[data-worksheet]) it starts the
// engine worker (worker.js: Pyodide + the workbook wheel), shows its progress, sends the
// form's answers and draws the output. Guide pages have no such form, so they never
// start the worker nor load any Pyodide file.
//
// Loaded through mkdocs.yml `extra_javascript` (type: module) and wired inside Material's
// `document$`, so it also works after instant navigation; one worker serves every page.

import { describeAnswer, fieldLabels, readAnswers, writeAnswers } from "./form.js";
import { renderMessage, renderOutput } from "./render.js";
import { logFor } from "./state.js";

// --- the engine: one worker per tab ----------------------------------------------

const STATUS_TEXT = {
  ready: "Ready. Your answers are worked out on this device.",
  failed: "Python could not start, so the drafting is not available right now. Your answers are still in the form.",
};

let engine = null;

/** The engine's current state, shared by every form on every page of this visit. */
function createEngine() {
  const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module", name: "workbook" });
  const self = { worker, state: "loading", stage: "python", text: "Loading Python…", error: null, pending: new Map(), listeners: new Set(), nextId: 1 };
  const emit = () => {
    for (const listener of self.listeners) listener(self);
  };
  const fail = (error) => {
    self.state = "failed";
    self.error = error;
    for (const { reject } of self.pending.values()) reject(new Error(error));
    self.pending.clear();
    emit();
  };
  worker.addEventListener("message", ({ data }) => {
    if (data.type === "progress") {
      Object.assign(self, { stage: data.stage, text: data.text });
      emit();
    } else if (data.type === "ready") {
      self.state = "ready";
      performance.mark("workbook:engine-ready");
      emit();
    } else if (data.type === "failed") {
      fail(data.error);
    } else if (self.pending.has(data.id)) {
      const { resolve, reject } = self.pending.get(data.id);
      self.pending.delete(data.id);
      if (data.ok) resolve(data.output);
      else reject(new Error(data.error));
    }
  });
  // A worker script that cannot load at all reports here, not through a message.
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    fail(event.message || "the worker could not start");
  });
  return self;
}

/**
 * The engine worker, started on first use and reused across instant navigations.
 * @param {{restart?: boolean}} [options] restart: replace a failed worker with a new one
 */
export function getEngine({ restart = false } = {}) {
  if (engine && restart) {
    engine.worker.terminate();
    const listeners = engine.listeners;
    engine = createEngine();
    engine.listeners = listeners;
    for (const listener of listeners) listener(engine);
  }
  engine ??= createEngine();
  return engine;
}

/**
 * Ask the engine for a worksheet's output. Posts at once: the worker answers as soon as
 * Python is ready, so a person can submit before it is.
 * @param {string} worksheet worksheet id
 * @param {object} inputs field id -> value (for a log: {entries, today})
 * @returns {Promise<object>} the output of workbook.run
 */
export function runWorksheet(worksheet, inputs) {
  const current = getEngine();
  if (current.state === "failed") return Promise.reject(new Error(current.error));
  const id = current.nextId++;
  const wasReady = current.state === "ready";
  const started = performance.now();
  return new Promise((resolve, reject) => {
    current.pending.set(id, { resolve, reject });
    current.worker.postMessage({ id, type: "run", worksheet, inputs });
  }).finally(() => {
    if (wasReady) performance.measure("workbook:run", { start: started, end: performance.now() });
  });
}

// --- one worksheet form ---------------------------------------------------------------

function showStatus(box, current) {
  box.hidden = false;
  box.dataset.state = current.state;
  const text = document.createElement("span");
  text.className = "gr-engine__text";
  const nodes = [text];
  if (current.state === "loading") {
    text.textContent = current.text;
    const bar = document.createElement("progress");
    bar.max = 3;
    bar.value = current.stage === "engine" ? 2 : 1;
    bar.setAttribute("aria-hidden", "true");
    nodes.unshift(bar);
  } else if (current.state === "ready") {
    text.textContent = STATUS_TEXT.ready;
  } else {
    text.textContent = STATUS_TEXT.failed;
    const detail = document.createElement("span");
    detail.className = "gr-engine__detail";
    detail.textContent = ` (${current.error})`;
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "md-button";
    retry.dataset.action = "retry";
    retry.textContent = "Retry";
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

/** The log layout: the form adds or edits one entry; the table lists them all. */
function wireLog(form, root) {
  const log = logFor(form.dataset.worksheet);
  const table = root.querySelector("[data-log-table]");
  const empty = root.querySelector("[data-log-empty]");
  const announce = root.querySelector("[data-log-announce]");
  const addButton = form.querySelector('[data-action="add"]');
  const cancel = form.querySelector('[data-action="cancel-edit"]');
  const columns = fieldLabels(form);
  let editing = null;

  const stopEditing = () => {
    editing = null;
    addButton.textContent = "Add to log";
    cancel.hidden = true;
    form.reset();
  };

  const draw = () => {
    const entries = log.entries();
    empty.hidden = entries.length > 0;
    if (!entries.length) return table.replaceChildren();
    const t = document.createElement("table");
    const head = t.createTHead().insertRow();
    for (const { label } of [...columns, { label: "Actions" }]) {
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
      const name = `entry ${index + 1}`;
      const edit = button("Edit", "edit", () => {
        editing = index;
        writeAnswers(form, entry);
        addButton.textContent = "Save changes";
        cancel.hidden = false;
        form.querySelector("input, textarea")?.focus();
      });
      edit.setAttribute("aria-label", `Edit ${name}`);
      const del = button("Delete", "delete", () => {
        log.remove(index);
        if (editing === index) stopEditing();
        announce.textContent = `Deleted ${name}.`;
        draw();
      });
      del.setAttribute("aria-label", `Delete ${name}`);
      actions.append(edit, del);
    });
    table.replaceChildren(t);
  };

  cancel.addEventListener("click", stopEditing);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const entry = readAnswers(form);
    if (editing === null) {
      log.add(entry);
      announce.textContent = `Added entry ${log.entries().length}.`;
    } else {
      log.update(editing, entry);
      announce.textContent = `Saved entry ${editing + 1}.`;
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
    blocks.replaceChildren(Object.assign(document.createElement("p"), { textContent: "Your results will appear here as soon as Python is ready…" }));
  }
  try {
    renderOutput(blocks, await runWorksheet(form.dataset.worksheet, inputs));
    form.dataset.ran = String(Number(form.dataset.ran || 0) + 1);
  } catch (error) {
    renderMessage(blocks, `Your results could not be prepared (${error.message}). Your answers are still in the form; try again.`);
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

  if (form.dataset.layout === "log") {
    const inputs = wireLog(form, root);
    root.querySelector('[data-action="run"]').addEventListener("click", () => showResults(form, root, inputs()));
  } else {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      showResults(form, root, readAnswers(form));
    });
  }
}

function wireAll() {
  const forms = document.querySelectorAll("form[data-worksheet]");
  if (forms.length) getEngine(); // start Python before anything else on the page
  forms.forEach(wireForm);
}

// Material's instant navigation swaps the page without re-running scripts: document$
// fires for the first page and after each navigation.
if (window.document$) window.document$.subscribe(wireAll);
else wireAll();
