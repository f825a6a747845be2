// The log as a record to hand over: a spreadsheet file and a printable history of each
// application. The engine makes both (workbook/log_export.py); this file only asks for them,
// downloads the file, and shows the record before the browser's print dialog opens.

import { download } from "./backup.js";
import { runTask } from "./engine.js";
import { onPress } from "./press.js";
import { renderOutput } from "./render.js";
import { say } from "./words.js";

/**
 * @param {HTMLElement} root the log worksheet
 * @param {() => object} inputs the log's entries and today's date, as the engine takes them
 */
export function wireLogExports(root, inputs) {
  const problem = root.querySelector("[data-log-export-problem]");
  const record = root.querySelector("[data-log-record]");
  const ask = async (task) => {
    problem.hidden = true;
    try {
      const output = await runTask(task, inputs());
      if (!output?.data) throw new Error(output?.notes?.[0]?.text || task);
      return output;
    } catch (error) {
      problem.textContent = say("log", "export_failed", { error: error.message });
      problem.hidden = false;
      return null;
    }
  };
  onPress(root.querySelector('[data-action="export-csv"]'), async () => {
    const output = await ask("log-csv");
    if (output) download(output.data.file_name, "text/csv;charset=utf-8", output.data.csv);
  });
  onPress(root.querySelector('[data-action="print-record"]'), async () => {
    const output = await ask("log-record");
    if (!output) return;
    renderOutput(record.querySelector("[data-log-record-blocks]"), output);
    record.hidden = false;
    record.focus();
    // Paper shows the record alone (workbook.css); the page keeps it on screen afterwards.
    root.dataset.printing = "record";
    window.addEventListener("afterprint", () => delete root.dataset.printing, { once: true });
    window.print();
  });
}
