// Entry point, on every page (mkdocs.yml extra_javascript). It names Material's search dialog;
// beyond that, guide pages have no worksheet
// and no backup panel, so they load nothing more: no Pyodide, no worker, no page glue.
// Material's instant navigation swaps pages without re-running scripts, so this checks
// again on each document$ event; the modules load once and stay for the visit.

const WORKBOOK = "form[data-worksheet], [data-backup]";

// A worksheet form must never be sent anywhere (the site has no server, and answers are
// private). Until page.js has wired a form, remember that the person asked for results;
// page.js answers that request as soon as it is ready.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.matches?.("form[data-worksheet]")) return;
  event.preventDefault();
  if (!form.dataset.wired) form.dataset.submitRequested = "true";
}, true);

// The same for a script's other buttons (print, downloads): press.js answers the press.
document.addEventListener("click", (event) => {
  const button = event.target.closest?.('button[type="button"][data-needs-script]');
  if (button && !button.dataset.wired) button.dataset.pressedEarly = "true";
}, true);

function enhance() {
  if (!document.querySelector(WORKBOOK)) return;
  // Buttons that only work with a script are hidden in the HTML, so a page without
  // JavaScript never offers a button that would try to send the form.
  for (const button of document.querySelectorAll("[data-needs-script]")) button.hidden = false;
  // Start Python at once on a worksheet page, while the page glue is still loading.
  if (document.querySelector("form[data-worksheet]")) import("./engine.js").then((engine) => engine.getEngine());
  import("./page.js").then((page) => page.wireAll());
}

// Material's search panel is role="dialog" with no accessible name (axe: aria-dialog-name):
// give it the name of the theme's own search field, in the site's language.
function nameSearchDialog() {
  const dialog = document.querySelector('[data-md-component="search"][role="dialog"]');
  const field = document.querySelector('[data-md-component="search-query"]');
  const name = field?.getAttribute("aria-label") || field?.placeholder;
  if (dialog && name && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", name);
}

nameSearchDialog();
if (window.document$) window.document$.subscribe(enhance);
else enhance();
