// Draw the engine's output (notes, then blocks) into the page by cloning the <template>s the
// build wrote (overrides/partials/output_templates.html) and filling their data-slot elements.
// The build draws its samples with the same macros, so a sample and the live output are the
// same markup. Text goes in with textContent and .value: nothing a person typed, and nothing
// the engine says, is ever parsed as HTML.

import { say } from "./words.js";

let draftCount = 0;

function template(name) {
  const found = document.querySelector(`template[data-template="${name}"]`);
  if (!found) throw new Error(`the page has no template for ${name}`);
  return found.content.firstElementChild.cloneNode(true);
}

const slot = (node, name) => node.querySelector(`[data-slot="${name}"]`);

/** Fill a slot with text, or remove it when there is no text (as the build leaves it out). */
function fill(node, name, text) {
  const target = slot(node, name);
  if (!target) return;
  if (text === undefined || text === null || text === "") target.remove();
  else target.textContent = String(text);
}

/** Repeat the prototype element `name` inside slot `holder`, once per value. */
function repeat(node, holder, name, values, fillOne) {
  const list = slot(node, holder);
  const prototype = slot(list, name);
  list.replaceChildren(...values.map((value) => {
    const copy = prototype.cloneNode(true);
    fillOne(copy, value);
    return copy;
  }));
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
  const node = template("paragraph");
  node.textContent = String(block.text ?? "");
  return node;
}

function list(block) {
  const node = template(block.ordered ? "list-ordered" : "list");
  fill(node, "title", block.title);
  repeat(node, "items", "item", block.items || [], (item, text) => { item.textContent = String(text); });
  return node;
}

function draft(block) {
  const node = template("draft");
  const id = `gr-draft-${++draftCount}`;
  fill(node, "title", block.title);
  for (const part of ["subject", "body"]) {
    const holder = node.querySelector(`[data-part="${part}"]`);
    if (block[part] === null || block[part] === undefined) {
      holder.remove();
      continue;
    }
    const box = slot(holder, part);
    box.id = `${id}-${part}`;
    holder.querySelector("label").htmlFor = box.id;
    box.value = String(block[part]);
    box.textContent = box.value; // the same markup as the build's sample
  }
  const mail = slot(node, "mailto");
  if (block.mailto) mail.href = block.mailto;
  else mail.remove();
  return node;
}

function reminder(block) {
  const node = template("reminder");
  fill(node, "title", block.title);
  fill(node, "text", block.text);
  const link = slot(node, "calendar");
  // Only a calendar file the engine wrote, as a data: URL; never a link to elsewhere.
  if (String(block.href || "").startsWith("data:text/calendar")) {
    link.href = block.href;
    link.download = String(block.filename || "reminder.ics");
  } else {
    link.closest(".gr-actions").remove();
  }
  return node;
}

function chart(block) {
  const node = template("chart");
  fill(node, "title", block.title);
  repeat(node, "bars", "bar", block.bars || [], (row, bar) => {
    slot(row, "label").textContent = String(bar.label);
    slot(row, "share").setAttribute("width", String(Number(bar.share) || 0));
    slot(row, "value").textContent = String(bar.value);
  });
  fill(node, "summary", block.summary);
  return node;
}

function note(item) {
  const node = template(item.level === "warning" ? "note-warning" : "note-info");
  node.dataset.note = item.code || "";
  slot(node, "text").textContent = String(item.text ?? "");
  return node;
}

const KINDS = { paragraph, list, draft, reminder, chart };

/**
 * Make the drafts in `container` work: the copy buttons, which need a script, appear and copy.
 * Used for the live output and for the samples the build drew.
 * @param {ParentNode} container
 */
export function wireOutput(container) {
  for (const button of container.querySelectorAll('.gr-draft [data-action="copy"]')) {
    if (button.dataset.wired) continue;
    button.dataset.wired = "true";
    button.hidden = false;
    const draftNode = button.closest(".gr-draft");
    const body = draftNode.querySelector('[data-slot="body"]');
    const status = draftNode.querySelector(".gr-copied");
    button.addEventListener("click", async () => {
      const ok = await copyText(body.value, body);
      status.textContent = say("output", ok ? "copied" : "copy_by_hand");
    });
  }
}

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
  wireOutput(container);
}

/**
 * Show a message in `container` instead of output (for example when the engine failed).
 * @param {HTMLElement} container
 * @param {string} text
 */
export function renderMessage(container, text) {
  container.replaceChildren(note({ level: "warning", code: "page", text }));
}
