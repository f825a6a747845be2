// Where the workbook keeps a person's answers: this browser's localStorage, under keys
// namespaced by the site's base path and the data format's version, so two copies of
// the site on one origin never mix. When storage is blocked or full, writes go to an
// in-memory overlay instead: the page keeps working for this tab, export still works,
// and nothing that was saved before is touched.
//
// Keys, for format F, base path B and version N:
//   F:B:vN:answers:<worksheet>   {answers: {field: value}, earlier?: {field: value}, updated_at}
//                                (earlier: answers that no longer fit the worksheet, kept aside)
//   F:B:vN:log                   {entries: [{id, application, date, company, ...}], updated_at}
//   F:B:vN:meta                  {last_backup_at, migrated_from}
//   F:B:vN:undo                  the whole document as it was before the last import
//   F:B:v0                       a version-0 document (older copies of the site), migrated by the engine
// Versions 1 and up share this layout; what an older version saved stays where it is, and the
// engine brings a copy of it up to date (page.js, olderDocument / mergeOlder).
//
// The format's name and version come from the engine (workbook/backup.py), rendered into
// the page as data-storage-* attributes, so they are written down in one place only.

const ANSWERS = "answers:";

/** A key-value backend over localStorage that falls back to memory, and says why. */
function createBackend() {
  const overlay = new Map();
  let local = null;
  let problem = null;
  try {
    local = window.localStorage;
    local.getItem("__workbook_probe__");
  } catch {
    local = null; // blocked: private mode, or a setting; everything lives in memory
    problem = "blocked";
  }
  try {
    local?.setItem("__workbook_probe__", "1");
    local?.removeItem("__workbook_probe__");
  } catch {
    problem = "full"; // what was saved can still be read
  }
  return {
    get problem() { return problem; },
    get(key) {
      if (overlay.has(key)) return overlay.get(key);
      try { return local ? local.getItem(key) : null; } catch { return null; }
    },
    set(key, value) {
      if (local) {
        try {
          local.setItem(key, value);
          overlay.delete(key);
          return true;
        } catch {
          problem = "full";
        }
      }
      overlay.set(key, value);
      return false;
    },
    remove(key) {
      overlay.delete(key);
      try { local?.removeItem(key); } catch { /* blocked: nothing stored there */ }
    },
    keys() {
      const found = new Set(overlay.keys());
      try {
        for (let i = 0; local && i < local.length; i++) found.add(local.key(i));
      } catch { /* blocked */ }
      return [...found];
    },
  };
}

function parse(text, fallback) {
  if (text === null || text === undefined) return fallback;
  try { return JSON.parse(text); } catch { return fallback; }
}

const now = () => new Date().toISOString();

/**
 * Open the store for this copy of the site.
 * @param {{format: string, version: number, base: string}} options base: the site's base path, e.g. "/repo/"
 */
export function openStore({ format, version, base }) {
  const backend = createBackend();
  const site = `${format}:${base}:`;
  const prefix = `${site}v${version}:`;
  const listeners = new Set();
  const changed = (what) => { for (const listener of listeners) listener(what); };

  const read = (name, fallback) => parse(backend.get(prefix + name), fallback);
  const write = (name, value) => backend.set(prefix + name, JSON.stringify(value));
  // A worksheet's record, with `earlier` only when something is kept aside (storage format).
  const writeRecord = (worksheet, answers, earlier, updatedAt = now()) => write(ANSWERS + worksheet,
    Object.keys(earlier || {}).length ? { answers, earlier, updated_at: updatedAt } : { answers, updated_at: updatedAt });

  // Another tab saved: tell the page which part changed.
  window.addEventListener("storage", (event) => {
    if (!event.key?.startsWith(prefix)) return;
    const name = event.key.slice(prefix.length);
    changed(name.startsWith(ANSWERS) ? { kind: "answers", worksheet: name.slice(ANSWERS.length) } : { kind: name });
  });

  // A document of what is stored under `keys` (this version's prefix, or an older one's).
  const documentOf = (keys, documentVersion) => {
    const worksheets = {};
    const table = (value) => (value && typeof value === "object" && !Array.isArray(value) ? value : {});
    for (const key of backend.keys()) {
      if (!key.startsWith(keys + ANSWERS)) continue;
      const saved = parse(backend.get(key), null);
      const record = { answers: table(saved?.answers), updated_at: saved?.updated_at ?? null };
      if (Object.keys(table(saved?.earlier)).length) record.earlier = saved.earlier;
      worksheets[key.slice((keys + ANSWERS).length)] = record;
    }
    const log = parse(backend.get(keys + "log"), null);
    return { format, version: documentVersion, exported_at: now(), worksheets, log: Array.isArray(log?.entries) ? log.entries : [] };
  };

  const store = {
    /** null when saving works; "blocked" or "full" when answers live in this tab only. */
    get problem() { return backend.problem; },

    /** @returns {{answers: object, earlier: object, updated_at: string|null}} */
    answers(worksheet) {
      const saved = read(ANSWERS + worksheet, null);
      const table = (value) => (value && typeof value === "object" && !Array.isArray(value) ? value : {});
      return { answers: table(saved?.answers), earlier: table(saved?.earlier), updated_at: saved?.updated_at ?? null };
    },

    /**
     * Save some fields of a worksheet on top of what is stored now, so answers another tab
     * saved to other fields in the meantime are kept. Fields named in `remove` are dropped.
     * @returns {boolean} false when the answers are kept in this tab only
     */
    saveAnswers(worksheet, changes, remove = []) {
      const saved = store.answers(worksheet);
      const merged = { ...saved.answers, ...changes };
      for (const field of remove) delete merged[field];
      return writeRecord(worksheet, merged, saved.earlier);
    },

    /**
     * Move answers the engine found no longer fit the worksheet into its `earlier` table. An
     * answer the person has changed since it was checked (in this tab or another) stays.
     * @param {object} checked the answers as the engine saw them
     * @param {object} misfits field id -> the part of its answer that no longer fits
     * @param {object} fitting field id -> the part that still fits (choices still offered)
     */
    keepAside(worksheet, checked, misfits, fitting = {}) {
      const saved = store.answers(worksheet);
      const answers = { ...saved.answers };
      for (const field of Object.keys(misfits)) {
        if (JSON.stringify(answers[field]) !== JSON.stringify(checked[field])) continue;
        if (field in fitting) answers[field] = fitting[field];
        else delete answers[field];
      }
      return writeRecord(worksheet, answers, { ...saved.earlier, ...misfits });
    },

    /** Drop what was kept aside: the `earlier` table and the answers under `fields`. */
    dismissEarlier(worksheet, fields) {
      const answers = { ...store.answers(worksheet).answers };
      for (const field of fields) delete answers[field];
      return writeRecord(worksheet, answers, {});
    },

    /** @returns {Array<object>} the log's entries, oldest first */
    logEntries() {
      const saved = read("log", null);
      return Array.isArray(saved?.entries) ? saved.entries : [];
    },

    /** Change the log with `edit(entries) -> entries`, applied to what is stored now. */
    updateLog(edit) {
      return write("log", { entries: edit(store.logEntries()), updated_at: now() });
    },

    meta() { return read("meta", {}); },
    updateMeta(patch) { return write("meta", { ...store.meta(), ...patch }); },

    /** Everything this copy of the site stores, as one backup document (DESIGN.md's format). */
    document() { return documentOf(prefix, version); },

    /**
     * The text of what an older copy of the site saved, as a backup document of its version
     * (the newest older version that saved anything), or null.
     */
    olderDocument() {
      for (let older = version - 1; older >= 1; older--) {
        const olderPrefix = `${site}v${older}:`;
        if (backend.keys().some((key) => key.startsWith(olderPrefix))) return JSON.stringify(documentOf(olderPrefix, older));
      }
      return backend.get(`${site}v0`);
    },

    /**
     * Add a (checked, migrated) older document to what is stored now, without replacing
     * anything: a worksheet's answers only where this version has none, and the log entries
     * whose id is not in the log yet (so merging twice, or from two tabs, adds nothing twice).
     */
    mergeOlder(document) {
      let ok = true;
      for (const [worksheet, saved] of Object.entries(document.worksheets || {})) {
        if (read(ANSWERS + worksheet, null) !== null) continue;
        ok = writeRecord(worksheet, saved.answers || {}, saved.earlier, saved.updated_at ?? now()) && ok;
      }
      const older = document.log || [];
      if (older.length) {
        ok = store.updateLog((entries) => {
          const ids = new Set(entries.map((entry) => entry.id));
          return [...older.filter((entry) => !ids.has(entry.id)), ...entries];
        }) && ok;
      }
      changed({ kind: "all" });
      return ok;
    },

    /** Whether anything is saved in the current version. */
    isEmpty() { return !backend.keys().some((key) => key.startsWith(prefix)); },

    /**
     * Replace every answer and the log with a (checked) document. The state before is kept
     * under "undo" unless `keepUndo` is false. If a write fails midway, the old state is put back.
     * @returns {boolean} true when everything was written to storage
     */
    replaceAll(document, { keepUndo = true } = {}) {
      const before = store.document();
      const apply = (doc) => {
        let ok = true;
        for (const key of backend.keys()) if (key.startsWith(prefix + ANSWERS)) backend.remove(key);
        for (const [worksheet, saved] of Object.entries(doc.worksheets || {})) {
          ok = writeRecord(worksheet, saved.answers || {}, saved.earlier, saved.updated_at ?? now()) && ok;
        }
        return write("log", { entries: doc.log || [], updated_at: now() }) && ok;
      };
      const ok = apply(document) && (!keepUndo || write("undo", before));
      if (!ok && backend.problem === "full") apply(before);
      changed({ kind: "all" });
      return ok;
    },

    /** The document saved before the last import, or null. */
    undoDocument() { return read("undo", null); },

    /** Put back the state from before the last import. */
    undoImport() {
      const before = store.undoDocument();
      if (!before) return false;
      const ok = store.replaceAll(before, { keepUndo: false });
      if (ok) backend.remove(prefix + "undo");
      return ok;
    },

    /** Remove everything this copy of the site stored, in every format version. */
    clearAll() {
      for (const key of backend.keys()) if (key.startsWith(site)) backend.remove(key);
      changed({ kind: "all" });
    },

    /** Call `listener({kind, worksheet?})` when stored data changes (in another tab, or by an import). */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}

let current = null;

/**
 * The store for this page's site, created once per tab. Reads the format from the
 * first element with data-storage-format; returns null on pages without one.
 */
export function siteStore() {
  if (current) return current;
  const source = document.querySelector("[data-storage-format]");
  if (!source) return null;
  current = openStore({
    format: source.dataset.storageFormat,
    version: Number(source.dataset.storageVersion),
    base: new URL("../", import.meta.url).pathname,
  });
  return current;
}

/** Largest backup file the engine accepts, in bytes (rendered into the page from workbook/backup.py). */
export function maxBackupBytes() {
  return Number(document.querySelector("[data-storage-max-bytes]").dataset.storageMaxBytes);
}
