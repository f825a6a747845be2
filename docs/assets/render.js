// Draw the engine's output (blocks and notes) into the page. Text goes in with
// textContent and elements are made with createElement(NS): nothing a person typed,
// and nothing the engine says, is ever parsed as HTML.

import { say } from "./words.js";

const SVG = "http://www.w3.org/2000/svg";

/** createElement with a class and optional text. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
  return node;
}

/** Copy text to the clipboard; falls back to selecting a field and execCommand("copy"). */
async function copyText(text, field) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

function paragraph(block) {
  return el("p", "gr-out-paragraph", block.text);
}

function list(block) {
  const wrap = el("div", "gr-out-list");
  if (block.title) wrap.append(el("h3", null, block.title));
  const items = el(block.ordered ? "ol" : "ul");
  for (const item of block.items || []) items.append(el("li", null, item));
  wrap.append(items);
  return wrap;
}

let draftCount = 0;

function draft(block) {
  const n = ++draftCount;
  const wrap = el("section", "gr-draft");
  wrap.append(el("h3", null, block.title));
  const fields = [];
  for (const [part, label, rows] of [["subject", say("output", "subject"), 1], ["body", say("output", "message"), 12]]) {
    if (block[part] === null || block[part] === undefined) continue;
    const id = `gr-draft-${n}-${part}`;
    const lab = el("label", "gr-label", label);
    lab.htmlFor = id;
    const box = el("textarea", `gr-draft__${part}`);
    box.id = id;
    box.readOnly = true;
    box.rows = part === "body" ? Math.min(24, Math.max(6, String(block.body).split("\n").length + 1)) : rows;
    box.value = block[part];
    wrap.append(lab, box);
    fields.push(box);
  }
  const actions = el("div", "gr-actions");
  const feedback = el("span", "gr-copied");
  feedback.setAttribute("role", "status");
  const copy = el("button", "md-button", say("output", "copy"));
  copy.type = "button";
  copy.dataset.action = "copy";
  const body = fields[fields.length - 1];
  copy.addEventListener("click", async () => {
    const ok = await copyText(body.value, body);
    feedback.textContent = say("output", ok ? "copied" : "copy_by_hand");
  });
  actions.append(copy);
  if (block.mailto) {
    const mail = el("a", "md-button", say("output", "open_email"));
    mail.href = block.mailto;
    mail.dataset.action = "mailto";
    actions.append(mail);
  }
  actions.append(feedback);
  wrap.append(actions);
  return wrap;
}

function chart(block) {
  const bars = block.bars || [];
  const figure = el("figure", "gr-chart");
  figure.append(el("figcaption", null, block.title));
  const max = Math.max(1, ...bars.map((bar) => Number(bar.value) || 0));
  const rowHeight = 28;
  const labelWidth = 130;
  const width = 420;
  const picture = svg("svg", {
    viewBox: `0 0 ${width} ${bars.length * rowHeight + 4}`,
    width: "100%",
    "aria-hidden": "true",
    focusable: "false",
    class: "gr-chart__svg",
  });
  bars.forEach((bar, i) => {
    const value = Number(bar.value) || 0;
    const y = i * rowHeight + 2;
    const barWidth = ((width - labelWidth - 40) * value) / max;
    const label = svg("text", { x: labelWidth - 8, y: y + rowHeight / 2, "text-anchor": "end", "dominant-baseline": "middle", class: "gr-chart__label" });
    label.textContent = bar.label;
    const rect = svg("rect", { x: labelWidth, y: y + 4, width: Math.max(barWidth, value ? 2 : 0), height: rowHeight - 8, rx: 3, class: "gr-chart__bar" });
    const number = svg("text", { x: labelWidth + barWidth + 6, y: y + rowHeight / 2, "dominant-baseline": "middle", class: "gr-chart__value" });
    number.textContent = String(value);
    picture.append(label, rect, number);
  });
  // The same numbers as text, for screen readers (the picture itself is hidden from them).
  const numbers = el("ul", "gr-visually-hidden gr-chart__numbers");
  for (const bar of bars) numbers.append(el("li", null, `${bar.label}: ${bar.value}`));
  figure.append(picture, numbers);
  if (block.summary) figure.append(el("p", "gr-chart__summary", block.summary));
  return figure;
}

function note(item) {
  const level = item.level === "warning" ? "warning" : "info";
  const box = el("div", `admonition ${level} gr-note`);
  box.dataset.note = item.code || "";
  box.append(el("p", "admonition-title", say("output", level === "warning" ? "warning" : "note")));
  box.append(el("p", null, item.text));
  return box;
}

const KINDS = { paragraph, list, draft, chart };

/**
 * Replace the contents of `container` with the engine's output.
 * @param {HTMLElement} container where the blocks go
 * @param {{blocks: Array<object>, notes: Array<object>}} output what workbook.run returned
 */
export function renderOutput(container, output) {
  // Notes first: a warning (a no-reply address, a word that could burn a bridge) is read before the draft.
  const nodes = (output?.notes || []).map(note);
  for (const block of output?.blocks || []) {
    const make = KINDS[block?.kind];
    if (make) nodes.push(make(block));
  }
  container.replaceChildren(...nodes);
}

/**
 * Show a message in `container` instead of output (for example when the engine failed).
 * @param {HTMLElement} container
 * @param {string} text
 */
export function renderMessage(container, text) {
  container.replaceChildren(note({ level: "warning", code: "page", text }));
}
