// The rejection log's entries, kept in the store (storage.js) as events with ids. Every
// change is applied to what is stored at that moment, so two tabs adding or editing
// entries never erase each other's: an entry is only ever changed by its id.

function newId() {
  return globalThis.crypto?.randomUUID?.() ?? `e${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

/**
 * The log of entries in `store` (see storage.js: logEntries / updateLog / subscribe).
 * @param {object} store
 */
export function createLog(store) {
  const stamp = () => new Date().toISOString();
  // Entries restored from an older backup may have no id yet: give them one, once.
  if (store.logEntries().some((entry) => !entry.id)) {
    store.updateLog((entries) => entries.map((entry) => (entry.id ? entry : { ...entry, id: newId() })));
  }
  return {
    /** @returns {Array<object>} the entries, oldest first, each with its id */
    entries: () => store.logEntries().map((entry) => ({ ...entry })),
    /** @returns {boolean} false when the entry is kept in this tab only */
    add(entry) {
      return store.updateLog((entries) => [...entries, { ...entry, id: newId(), created_at: stamp() }]);
    },
    update(id, entry) {
      return store.updateLog((entries) => entries.map((old) =>
        (old.id === id ? { ...old, ...entry, id, updated_at: stamp() } : old)));
    },
    remove(id) {
      return store.updateLog((entries) => entries.filter((old) => old.id !== id));
    },
  };
}
