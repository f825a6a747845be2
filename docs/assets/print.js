// Printing a worksheet (the "Print or save as PDF" button, or the browser's own Print):
// each answer is also written out as a person reads it, in a line that only paper shows
// (workbook.css, @media print), and a question left empty is marked so paper leaves it out.
import { describeAnswer, readAnswers } from "./form.js";
import { onPress } from "./press.js";

/**
 * @param {HTMLFormElement} form form[data-worksheet]
 * @param {HTMLElement} root the worksheet around it
 */
export function wirePrint(form, root) {
  const update = () => {
    if (!form.isConnected) return window.removeEventListener("beforeprint", update);
    const answers = readAnswers(form);
    for (const field of form.querySelectorAll("[data-field]")) {
      const text = describeAnswer(form, field.dataset.field, answers[field.dataset.field]);
      const line = field.querySelector("[data-print-answer]");
      if (line) line.textContent = text;
      field.toggleAttribute("data-unanswered", text.trim() === "");
    }
    const date = root.querySelector("[data-print-date]");
    if (date) {
      const now = new Date();
      date.dateTime = now.toISOString().slice(0, 10);
      date.textContent = now.toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" });
    }
  };
  for (const type of ["input", "change", "answers-written"]) form.addEventListener(type, update);
  window.addEventListener("beforeprint", update);
  for (const button of root.querySelectorAll('[data-action="print"]')) {
    onPress(button, () => {
      delete root.dataset.printing; // the whole worksheet, even if its record was printed alone before
      window.print();
    });
  }
  update();
}
