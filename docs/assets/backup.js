// The "Your saved answers" panel: download a backup (JSON, and a readable Markdown copy),
// restore one after the engine has checked all of it, undo that, delete everything, and
// a gentle reminder when the last backup is old. The data format's rules live in the
// engine (workbook/backup.py); this file only moves files between the page and the store.

import { runTask } from "./engine.js";
import { renderOutput } from "./render.js";
import { maxBackupBytes } from "./storage.js";
import { say as words } from "./words.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const REMIND_AFTER_DAYS = 7;

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

/**
 * Wire one backup panel (section[data-backup]) to the store.
 * @param {HTMLElement} panel
 * @param {object} store from storage.js
 */
export function wireBackupPanel(panel, store) {
  if (panel.dataset.wired) return;
  panel.dataset.wired = "true";
  panel.hidden = false;
  const part = (name) => panel.querySelector(`[data-${name}]`);
  const action = (name) => panel.querySelector(`[data-action="${name}"]`);
  const message = part("backup-message");
  const preview = part("import-preview");
  const choice = part("import-choice");
  const confirmDelete = part("delete-confirm");
  const fileInput = action("import");
  let pending = null; // a checked document waiting for the person's "Replace"

  // Every line is a text of content/interface.yaml's backup section.
  const say = (key, values) => { message.textContent = words("backup", key, values); };

  const refresh = () => {
    const { last_backup_at: last } = store.meta();
    part("last-backup").textContent = last
      ? words("backup", "last", { when: new Date(last).toLocaleString() })
      : words("backup", "none_yet");
    const old = last ? Date.now() - Date.parse(last) > REMIND_AFTER_DAYS * DAY_MS : true;
    const reminder = part("backup-reminder");
    reminder.hidden = !(old && !store.isEmpty());
    reminder.textContent = last
      ? words("backup", "stale")
      : words("backup", "unsaved");
    const problem = part("storage-problem");
    problem.hidden = !store.problem;
    problem.textContent = words("backup", store.problem === "blocked" ? "storage_blocked" : "storage_full");
    action("undo-import").hidden = !store.undoDocument();
  };

  action("export-json").addEventListener("click", () => {
    download(`job-rejection-workbook-${stamp()}.json`, "application/json", JSON.stringify(store.document(), null, 2));
    store.updateMeta({ last_backup_at: new Date().toISOString() });
    say("downloaded");
    refresh();
  });

  action("export-markdown").addEventListener("click", async () => {
    say("preparing_copy");
    try {
      const output = await runTask("backup-markdown", { document: store.document() });
      if (!output?.data?.markdown) throw new Error(output?.notes?.[0]?.text || "no copy was made");
      download(`job-rejection-workbook-${stamp()}.md`, "text/markdown", output.data.markdown);
      say("copy_downloaded");
    } catch (error) {
      say("copy_needs_python", { error: error.message });
    }
  });

  const closePreview = () => {
    pending = null;
    preview.hidden = true;
    choice.hidden = true;
    fileInput.value = "";
  };

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    closePreview();
    say("checking");
    let output;
    try {
      // Never read more than one byte past the engine's limit: a huge file is refused
      // by the engine (workbook/backup.py) without being loaded whole.
      const text = await file.slice(0, maxBackupBytes() + 1).text();
      output = await runTask("backup-check", { text });
    } catch (error) {
      say("check_needs_python", { error: error.message });
      return;
    }
    preview.hidden = false;
    renderOutput(part("import-blocks"), output);
    if (output?.data?.ok) {
      pending = output.data.document;
      choice.hidden = false;
      say("check_then_choose");
    } else {
      say("unchanged");
    }
  });

  action("import-cancel").addEventListener("click", () => {
    closePreview();
    say("cancelled");
  });

  action("import-confirm").addEventListener("click", () => {
    if (!pending) return;
    const ok = store.replaceAll(pending);
    closePreview();
    say(ok ? "replaced" : "not_replaced");
    refresh();
  });

  action("undo-import").addEventListener("click", () => {
    say(store.undoImport() ? "undone" : "nothing_to_undo");
    refresh();
  });

  action("delete-all").addEventListener("click", () => {
    confirmDelete.hidden = false;
    action("delete-cancel").focus();
  });
  action("delete-cancel").addEventListener("click", () => {
    confirmDelete.hidden = true;
    action("delete-all").focus();
  });
  action("delete-confirm").addEventListener("click", () => {
    store.clearAll();
    confirmDelete.hidden = true;
    say("deleted");
    refresh();
    action("delete-all").focus();
  });

  const unsubscribe = store.subscribe(() => (panel.isConnected ? refresh() : unsubscribe()));
  refresh();
  // A file picked before this script was ready: check it now.
  if (fileInput.files?.length) fileInput.dispatchEvent(new Event("change"));
}
