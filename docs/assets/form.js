// Read and write a worksheet form's answers as the engine's inputs (field id -> value).
// The partial (overrides/partials/worksheet_field.html) marks each field with
// data-field (its id) and data-type (text, textarea, email, date, number, scale,
// choice, multi_choice, yes_no).

import { say } from "./words.js";

function controls(field) {
  return [...field.querySelectorAll("input, textarea, select")];
}

/**
 * The answers in a form, typed as the engine expects: strings for text, email and date;
 * numbers for number and scale; a value for choice; a list for multi_choice; a boolean
 * for yes_no. A number, scale, choice or yes_no left empty is left out.
 * @param {HTMLFormElement} form
 * @returns {Record<string, unknown>}
 */
export function readAnswers(form) {
  const answers = {};
  for (const field of form.querySelectorAll("[data-field]")) {
    const id = field.dataset.field;
    const inputs = controls(field);
    const checked = inputs.filter((input) => input.checked).map((input) => input.value);
    switch (field.dataset.type) {
      case "number":
        if (inputs[0].value.trim() !== "" && Number.isFinite(Number(inputs[0].value))) answers[id] = Number(inputs[0].value);
        break;
      case "scale":
        if (checked.length) answers[id] = Number(checked[0]);
        break;
      case "choice":
        if (checked.length) answers[id] = checked[0];
        break;
      case "yes_no":
        if (checked.length) answers[id] = checked[0] === "yes";
        break;
      case "multi_choice":
        answers[id] = checked;
        break;
      default:
        answers[id] = inputs[0].value;
    }
  }
  return answers;
}

/**
 * The fields a person has already changed from the form's defaults (for example typed
 * into before the page's script had loaded).
 * @param {HTMLFormElement} form
 * @returns {string[]} field ids
 */
export function changedFields(form) {
  return [...form.querySelectorAll("[data-field]")]
    .filter((field) => controls(field).some((input) =>
      (input.type === "radio" || input.type === "checkbox"
        ? input.checked !== input.defaultChecked
        : input.value !== input.defaultValue)))
    .map((field) => field.dataset.field);
}

/**
 * Put answers back into a form (the opposite of readAnswers); fields not named are reset.
 * @param {HTMLFormElement} form
 * @param {Record<string, unknown>} answers
 */
export function writeAnswers(form, answers) {
  form.reset();
  for (const field of form.querySelectorAll("[data-field]")) {
    const id = field.dataset.field;
    if (!(id in answers)) continue;
    const value = answers[id];
    const inputs = controls(field);
    switch (field.dataset.type) {
      case "scale":
      case "choice":
      case "yes_no": {
        const wanted = field.dataset.type === "yes_no" ? (value ? "yes" : "no") : String(value);
        for (const input of inputs) input.checked = input.value === wanted;
        break;
      }
      case "multi_choice":
        for (const input of inputs) input.checked = Array.isArray(value) && value.includes(input.value);
        break;
      default:
        inputs[0].value = value ?? "";
    }
  }
  // Setting values fires no input event; tell whoever shows the answers elsewhere (print.js).
  form.dispatchEvent(new Event("answers-written"));
}

/**
 * How an answer reads to a person: option labels instead of values, "Yes"/"No", lists joined.
 * @param {HTMLFormElement} form
 * @param {string} id field id
 * @param {unknown} value
 * @returns {string}
 */
export function describeAnswer(form, id, value) {
  const field = form.querySelector(`[data-field="${CSS.escape(id)}"]`);
  if (value === undefined || value === null || value === "") return "";
  if (!field) return String(value);
  const labelOf = (v) => {
    const input = [...field.querySelectorAll("input")].find((i) => i.value === String(v));
    return input?.labels?.[0]?.textContent.trim() || String(v);
  };
  switch (field.dataset.type) {
    case "yes_no":
      return say("answers", value ? "yes" : "no");
    case "choice":
      return labelOf(value);
    case "multi_choice":
      return Array.isArray(value) ? value.map(labelOf).join(", ") : "";
    default:
      return String(value);
  }
}

/**
 * The visible label of each field, in form order.
 * @param {HTMLFormElement} form
 * @returns {Array<{id: string, label: string}>}
 */
export function fieldLabels(form) {
  return [...form.querySelectorAll("[data-field]")].map((field) => ({
    id: field.dataset.field,
    label: field.querySelector(".gr-label")?.firstChild?.textContent.trim() || field.dataset.field,
  }));
}

/**
 * "Pick up to N": once N boxes of a multi_choice field are ticked (data-max-items, from the
 * field's max_items in its YAML), the others wait until one is unticked.
 * @param {HTMLFormElement} form
 */
export function wireLimits(form) {
  const fields = [...form.querySelectorAll("[data-field][data-max-items]")];
  const apply = () => {
    for (const field of fields) {
      const boxes = [...field.querySelectorAll('input[type="checkbox"]')];
      const full = boxes.filter((box) => box.checked).length >= Number(field.dataset.maxItems);
      for (const box of boxes) box.disabled = full && !box.checked;
    }
  };
  form.addEventListener("change", apply);
  form.addEventListener("answers-written", apply);
  apply();
}
