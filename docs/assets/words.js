// The words the workbook's scripts show a person (status lines, saving, the log, the drafts'
// buttons, the backup panel). They live in content/interface.yaml; the build writes them as
// JSON into the data-words attribute of an element in the backup panel, which every page that
// runs these scripts has. Nothing here is English of its own.

let cached = null;

function all() {
  if (cached) return cached;
  const holder = document.querySelector("[data-words]");
  try {
    cached = holder ? JSON.parse(holder.dataset.words) : null;
  } catch {
    cached = null;
  }
  return cached || {};
}

/**
 * One text of content/interface.yaml with its {placeholders} filled in, in one pass (braces in
 * the values are kept as they are). A missing text reads as its key, never as "undefined".
 * @param {string} section e.g. "backup"
 * @param {string} key e.g. "downloaded"
 * @param {Record<string, unknown>} [values]
 */
export function say(section, key, values = {}) {
  const text = all()[section]?.[key];
  if (typeof text !== "string") return key;
  return text.replace(/\{(\w*)\}/g, (_, name) => (values[name] ?? "").toString());
}
