// Offline support, page side. Registers the site's service worker (sw.js, written at build
// time by hooks/offline.py with Workbox), which keeps a copy of the whole site, Python
// included, so later visits work with no network and start Python sooner.
//
// Only where browsers allow service workers: https, or http on localhost. Anywhere else
// (file://, http on another host, `mkdocs serve`, whose pages carry no gr-service-worker
// meta) this does nothing and the site works from the network as before.
//
// Updates: a new build installs in the background while this version keeps serving. At the
// start of a visit, before the person has touched the page, we ask the new version to take
// over (it does only if no other tab of the site is open: assets/offline-sw.js) and reload
// once, so the whole page comes from one version. After that, a quiet "Updated" line.
//
// Loaded once per full page load through mkdocs.yml extra_javascript (type: module).
// The first visit registers after the load event, and on a worksheet page after Python has
// started (see the end of this file).

const meta = document.querySelector('meta[name="gr-service-worker"]');
const container = navigator.serviceWorker;

function allowed() {
  if (!meta || !container || !window.isSecureContext) return false;
  // The offline copy is ~16 MB (Python is most of it): not on a connection that asks to save data.
  if (navigator.connection?.saveData) return false;
  return location.protocol === "https:" || location.protocol === "http:"; // http: only on localhost
}

/** The build the controlling worker serves (assets/offline/build.json, from its cache). */
async function servedBuild(base) {
  try {
    const response = await fetch(new URL("assets/offline/build.json", base), { cache: "no-store" });
    return response.ok ? (await response.json()).build : null;
  } catch {
    return null;
  }
}

function remembered(key, build) {
  try {
    const before = localStorage.getItem(key);
    if (build) localStorage.setItem(key, build);
    return before;
  } catch {
    return null; // storage blocked: no note, nothing else changes
  }
}

function showUpdated() {
  const note = document.createElement("p");
  note.className = "gr-offline-note";
  note.setAttribute("role", "status");
  const where = document.querySelector(".md-content__inner h1") || document.querySelector(".md-content__inner");
  if (!where) return;
  if (where.tagName === "H1") where.after(note);
  else where.prepend(note);
  const small = document.createElement("small");
  // Added after the live region is in the page, so screen readers announce it.
  requestAnimationFrame(() => {
    small.textContent = meta.dataset.updated; // content/interface.yaml, written by hooks/offline.py
    note.append(small);
  });
}

async function start() {
  const swURL = new URL(meta.content, location.href);
  const base = new URL("./", swURL);
  const key = `graceful-rejections:offline:${base.pathname}:build`;
  const hadController = Boolean(container.controller);

  let touched = false;
  for (const type of ["pointerdown", "keydown", "input", "wheel", "touchstart"]) {
    addEventListener(type, () => { touched = true; }, { capture: true, once: true, passive: true });
  }

  let asked = false;
  container.addEventListener("controllerchange", async () => {
    if (asked) location.reload(); // the new version took over: load the whole page from it
    else remembered(key, await servedBuild(base)); // first install: same files as this page
  });

  const registration = await container.register(swURL, { updateViaCache: "none" });
  const offer = (worker) => {
    // Only on a visit that already ran from the cache, and before the person does anything.
    if (!hadController || touched || asked || !worker) return;
    asked = true;
    worker.postMessage({ type: "GR_ACTIVATE_IF_ALONE" });
  };
  const watch = (worker) => worker?.addEventListener("statechange", () => {
    if (worker.state === "installed") offer(worker);
  });
  offer(registration.waiting);
  // The update check starts with register(): a new version may already be installing by the
  // time it resolves, and its "updatefound" has then gone by unheard.
  watch(registration.installing);
  registration.addEventListener("updatefound", () => watch(registration.installing));

  if (hadController) {
    const build = await servedBuild(base);
    const before = remembered(key, build);
    if (build && before && before !== build) showUpdated();
  }
}

const PYTHON_WAIT_MS = 30_000;

/**
 * Resolves once the page has loaded and, on a worksheet page, once Python has started (or
 * PYTHON_WAIT_MS has passed, say if it cannot start). Python's first start then has the
 * connection and the processor to itself, and leaves its files in the HTTP cache, where
 * the offline copy finds them.
 */
function pageSettled() {
  const loaded = document.readyState === "complete"
    ? Promise.resolve()
    : new Promise((resolve) => addEventListener("load", resolve, { once: true }));
  if (!document.querySelector("form[data-worksheet]")) return loaded;
  const python = new Promise((resolve) => {
    const started = () => performance.getEntriesByName("workbook:engine-ready").length > 0; // engine.js
    if (started()) return resolve();
    const observer = new PerformanceObserver(() => {
      if (started()) { observer.disconnect(); resolve(); }
    });
    observer.observe({ type: "mark" });
    setTimeout(() => { observer.disconnect(); resolve(); }, PYTHON_WAIT_MS);
  });
  return Promise.all([loaded, python]);
}

if (allowed()) {
  const begin = () => start().catch(() => {}); // no offline copy this time; the site is unaffected
  // The first visit registers only when the page has settled (above), so the ~16 MB
  // download never competes with the page's own files on a slow phone connection. A visit
  // that already runs from the copy checks for an update at once (the takeover must come
  // before the person touches the page).
  if (container.controller) begin();
  else pageSettled().then(begin);
}
