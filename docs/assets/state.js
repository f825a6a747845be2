// The rejection log's entries, kept in the store (storage.js) as events with ids. Each entry
// is one update on an application: the entries that share an `application` id are its
// history. Every change is applied to what is stored at that moment, so two tabs adding or
// editing entries never erase each other's: an entry is only ever changed by its id.

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
    /**
     * The applications in the log, in the order they were started, each with the update last
     * added to it (whose answers start the next update).
     * @returns {Array<{id: string, first: object, last: object}>}
     */
    applications() {
      const found = new Map();
      for (const entry of store.logEntries()) {
        const known = found.get(entry.application);
        if (known) known.last = entry;
        else if (entry.application) found.set(entry.application, { id: entry.application, first: entry, last: entry });
      }
      return [...found.values()];
    },
    /**
     * Add an update to `application` (an id from applications()), or to a new application.
     * @returns {boolean} false when the entry is kept in this tab only
     */
    add(entry, application = null) {
      return store.updateLog((entries) => [...entries,
        { ...entry, id: newId(), application: application || newId(), created_at: stamp() }]);
    },
    update(id, entry, application = null) {
      return store.updateLog((entries) => entries.map((old) =>
        (old.id === id ? { ...old, ...entry, id, application: application || newId(), updated_at: stamp() } : old)));
    },
    remove(id) {
      return store.updateLog((entries) => entries.filter((old) => old.id !== id));
    },
  };
}
