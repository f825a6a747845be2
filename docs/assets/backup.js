// The "Your saved answers" panel: download a backup (JSON, and a readable Markdown copy),
// restore one after the engine has checked all of it, undo that, delete everything, and
// a gentle reminder when the last backup is old. The data format's rules live in the
// engine (workbook/backup.py); this file only moves files between the page and the store.

import { runTask } from "./engine.js";
import { renderOutput } from "./render.js";
import { maxBackupBytes } from "./storage.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const REMIND_AFTER_DAYS = 7;

function download(name, type, text) {
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

  const say = (text) => { message.textContent = text; };

  const refresh = () => {
    const { last_backup_at: last } = store.meta();
    part("last-backup").textContent = last
      ? `Last backup: ${new Date(last).toLocaleString()}.`
      : "No backup yet.";
    const old = last ? Date.now() - Date.parse(last) > REMIND_AFTER_DAYS * DAY_MS : true;
    const reminder = part("backup-reminder");
    reminder.hidden = !(old && !store.isEmpty());
    reminder.textContent = last
      ? "It has been more than a week since your last backup. A fresh one takes a second."
      : "You have saved answers but no backup yet. A backup file keeps them safe if this browser clears its data.";
    const problem = part("storage-problem");
    problem.hidden = !store.problem;
    problem.textContent = store.problem === "blocked"
      ? "This browser is not letting the site save anything (private mode or a setting). The worksheets still work while this tab is open, and you can download a backup."
      : "This browser's storage for the site is full, so new answers are kept in this tab only. Download a backup to keep them.";
    action("undo-import").hidden = !store.undoDocument();
  };

  action("export-json").addEventListener("click", () => {
    download(`job-rejection-workbook-${stamp()}.json`, "application/json", JSON.stringify(store.document(), null, 2));
    store.updateMeta({ last_backup_at: new Date().toISOString() });
    say("Backup downloaded. Keep the file somewhere safe.");
    refresh();
  });

  action("export-markdown").addEventListener("click", async () => {
    say("Preparing your readable copy…");
    try {
      const output = await runTask("backup-markdown", { document: store.document() });
      if (!output?.data?.markdown) throw new Error(output?.notes?.[0]?.text || "no copy was made");
      download(`job-rejection-workbook-${stamp()}.md`, "text/markdown", output.data.markdown);
      say("Readable copy downloaded.");
    } catch (error) {
      say(`The readable copy needs Python, which is not available (${error.message}). The JSON backup works without it.`);
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
    say("Checking the backup…");
    let output;
    try {
      // Never read more than one byte past the engine's limit: a huge file is refused
      // by the engine (workbook/backup.py) without being loaded whole.
      const text = await file.slice(0, maxBackupBytes() + 1).text();
      output = await runTask("backup-check", { text });
    } catch (error) {
      say(`The backup could not be checked, because Python is not available (${error.message}). Nothing was changed.`);
      return;
    }
    preview.hidden = false;
    renderOutput(part("import-blocks"), output);
    if (output?.data?.ok) {
      pending = output.data.document;
      choice.hidden = false;
      say("Check what this backup holds, then choose whether to replace your answers with it.");
    } else {
      say("Nothing was changed.");
    }
  });

  action("import-cancel").addEventListener("click", () => {
    closePreview();
    say("Import cancelled. Nothing was changed.");
  });

  action("import-confirm").addEventListener("click", () => {
    if (!pending) return;
    const ok = store.replaceAll(pending);
    closePreview();
    say(ok
      ? "Your answers were replaced with the backup. Changed your mind? Use “Undo import”."
      : "The backup could not be saved in this browser (storage is full or blocked). Your earlier answers are unchanged.");
    refresh();
  });

  action("undo-import").addEventListener("click", () => {
    say(store.undoImport() ? "Import undone: your earlier answers are back." : "There is no import to undo.");
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
    say("Everything this site saved in this browser has been deleted.");
    refresh();
    action("delete-all").focus();
  });

  const unsubscribe = store.subscribe(() => (panel.isConnected ? refresh() : unsubscribe()));
  refresh();
  // A file picked before this script was ready: check it now.
  if (fileInput.files?.length) fileInput.dispatchEvent(new Event("change"));
}
