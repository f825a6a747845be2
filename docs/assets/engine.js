// The engine worker (worker.js: Pyodide + the workbook wheel), one per tab, reused
// across Material's instant navigations. Everything that talks to it goes through here.

// An engine call takes milliseconds once Python is ready; one that gets no answer for this
// long means the worker has died without a word (a browser can end a worker that uses too
// much memory), and the page says Python stopped instead of waiting forever.
const SILENCE_MS = 10_000;

let engine = null;

/** The engine's current state, shared by every form on every page of this visit. */
function createEngine() {
  const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module", name: "workbook" });
  const self = { worker, state: "loading", stage: "python", error: null, pending: new Map(), listeners: new Set(), nextId: 1 };
  const emit = () => {
    for (const listener of self.listeners) listener(self);
  };
  // "failed": Python never started; "stopped": it was ready, then failed fatally.
  const fail = (error, state = self.state === "ready" ? "stopped" : "failed") => {
    if (self.state === "failed" || self.state === "stopped") return;
    self.state = state;
    self.error = error;
    for (const { reject } of self.pending.values()) reject(new Error(error));
    self.pending.clear();
    emit();
  };
  self.fail = fail;
  worker.addEventListener("message", ({ data }) => {
    if (data.type === "progress") {
      Object.assign(self, { stage: data.stage, loaded: data.loaded, total: data.total });
      emit();
    } else if (data.type === "ready") {
      self.state = "ready";
      self.from = data.from; // "start", or "snapshot" when a saved Python was restored
      performance.mark("workbook:engine-ready");
      emit();
    } else if (data.type === "snapshot") {
      self.snapshot = data.outcome; // what became of the saved copy of Python's memory
      emit();
    } else if (data.type === "tone-model") {
      self.toneModel = data.outcome; // whether the tone check's model arrived after "ready"
      performance.mark("workbook:tone-model");
      emit();
    } else if (data.type === "care-model") {
      self.careModel = data.outcome; // and the care check's
      emit();
    } else if (data.type === "failed") {
      fail(data.error, "failed");
    } else if (data.type === "stopped") {
      fail(data.error, "stopped");
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
 * @param {{restart?: boolean}} [options] restart: replace a failed or stopped worker with a new one
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
  return ask({ type: "run", worksheet, inputs });
}

/**
 * Run a saved-data task of the engine (workbook.task): "backup-check", "backup-markdown" or
 * "earlier-answers". Its result for the page is in `output.data`.
 * @param {string} task
 * @param {object} inputs
 * @returns {Promise<object>}
 */
export function runTask(task, inputs) {
  return ask({ type: "task", task, inputs });
}

/** Send one request to the worker and wait for its answer. */
function ask(message) {
  const current = getEngine();
  if (current.state === "failed" || current.state === "stopped") return Promise.reject(new Error(current.error));
  const id = current.nextId++;
  const wasReady = current.state === "ready";
  const started = performance.now();
  let silence = null;
  return new Promise((resolve, reject) => {
    current.pending.set(id, { resolve, reject });
    current.worker.postMessage({ id, ...message });
    if (wasReady) silence = setTimeout(() => current.pending.has(id) && current.fail("the worker stopped answering"), SILENCE_MS);
  }).finally(() => {
    clearTimeout(silence);
    if (wasReady) performance.measure(`workbook:${message.type}`, { start: started, end: performance.now() });
  });
}
