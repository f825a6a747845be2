// What a worksheet remembers while the page is open. For now the log's entries live in
// memory only; saving to localStorage plugs in here later (a `store` with load/save),
// without touching the page glue.

/**
 * A list of log entries (each one the answers of the entry form) with change listeners.
 * @param {{load?: () => Array<object>, save?: (entries: Array<object>) => void}} [store]
 */
export function createLog(store = {}) {
  let entries = store.load?.() ?? [];
  const listeners = new Set();
  const changed = () => {
    store.save?.(entries);
    for (const listener of listeners) listener(entries);
  };
  return {
    /** @returns {Array<object>} a copy of the entries, oldest first */
    entries: () => entries.map((entry) => ({ ...entry })),
    add(entry) { entries = [...entries, { ...entry }]; changed(); },
    update(index, entry) { entries = entries.map((old, i) => (i === index ? { ...entry } : old)); changed(); },
    remove(index) { entries = entries.filter((_, i) => i !== index); changed(); },
    /** Call `listener(entries)` after every change; returns a function that stops it. */
    subscribe(listener) { listeners.add(listener); return () => listeners.delete(listener); },
  };
}

const logs = new Map();

/**
 * The log of one worksheet, kept across Material's instant navigations.
 * @param {string} worksheet worksheet id
 */
export function logFor(worksheet) {
  if (!logs.has(worksheet)) logs.set(worksheet, createLog());
  return logs.get(worksheet);
}
