// The workbook's engine, in a module Web Worker: Pyodide plus the `workbook` wheel, both
// served from this site (assets/pyodide/<version>/, assets/engine/), never from a CDN.
//
// Protocol (JSON only; see ../../DESIGN.md "How data flows"):
//   worker -> page  {type: "snapshot", outcome: "saved" | "skipped" | "failed"}  (after "ready")
//                   {type: "tone-model" | "care-model", outcome: "installed" | "failed"}  (after "ready")
//   worker -> page  {type: "progress", stage: "python" | "engine", loaded?, total?}  (bytes of
//                   Python's files so far and in all; the page words it)
//                   {type: "ready"}  |  {type: "failed", error}
//                   {type: "stopped", error}  (Python failed fatally after it was ready)
//   page -> worker  {id, type: "run", worksheet, inputs}   a worksheet (workbook.run)
//                   {id, type: "task", task, inputs}       a saved-data task (workbook.task)
//   worker -> page  {id, ok: true, output}  |  {id, ok: false, error}
//
// The only Python called is workbook.run and workbook.task, through pyimport; inputs reach
// them as data (toPy). A worksheet and a task never share a name: each type has its own call.
// Besides them, the worker hands the engine this build's files: workbook.use_content (the
// wording), workbook.use_tone_model and workbook.use_care_model (the checks' models, after "ready").

const ENGINE_URL = new URL("engine/", import.meta.url);

/** fetch() that treats an HTTP error as a failure. */
async function fetchOk(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return response;
}

/**
 * engine.json, written by hooks/assets.py: the wheel's name and hash, and Pyodide's version
 * and folder (named by its version, so its files never change at one URL).
 */
async function fetchManifest() {
  return (await fetchOk(new URL("engine.json", ENGINE_URL))).json();
}

/**
 * The worksheets and tone rules (content-<hash>.json, beside the wheel), checked against
 * their hash. Kept out of the wheel, so a wording edit leaves the wheel and the snapshot alone.
 */
async function fetchContent(manifest) {
  return (await fetchOk(new URL(manifest.content, ENGINE_URL), { integrity: manifest.content_integrity })).text();
}

/**
 * Hand the content to the engine (workbook.use_content), replacing whatever it held. Python's
 * own json.loads reads the text: much faster than converting a large JS object with toPy.
 */
function installContent(engine, text) {
  const content = engine.loads(text);
  const parts = ["worksheets", "tone", "interface"].map((name) => content.get(name));
  try {
    engine.useContent(...parts);
  } finally {
    for (const proxy of [...parts, content]) proxy?.destroy?.();
  }
}

/**
 * The checks' models (tone-model-<hash>.txt and care-model-<hash>.txt, beside the wheel), each
 * checked against its hash and handed to the engine (workbook.use_tone_model, use_care_model).
 * Fetched once Python is ready, not before: they are larger than all the engine's code, and
 * only reading words needs them. `type` is also the message the page hears of each.
 */
const MODELS = [
  { type: "tone-model", key: "tone_model", use: "useToneModel" },
  { type: "care-model", key: "care_model", use: "useCareModel" },
];

async function installModel(engine, { key, use }) {
  const { [key]: name, [`${key}_integrity`]: integrity } = engine.manifest;
  const text = await (await fetchOk(new URL(name, ENGINE_URL), { integrity })).text();
  engine[use](text);
}

// A run whose result says a check read words without its model (output.models_missing, from
// workbook/output.py), while the models are still on their way, waits for them (this long at
// most) and runs again; after that the rules alone read the words, and the next run uses the
// models. A run with nothing to read never waits.
const MODELS_WAIT_MS = 4000;
let modelsSettled;
let modelsPending = true;
const models = new Promise((resolve) => { modelsSettled = resolve; }).finally(() => { modelsPending = false; });

/** The engine wheel's bytes, checked against its hash. */
async function fetchWheel(manifest) {
  const response = await fetchOk(new URL(manifest.wheel, ENGINE_URL), { integrity: manifest.integrity });
  return new Uint8Array(await response.arrayBuffer());
}

// --- a saved snapshot of Python's memory, for faster return visits -----------------------
// After the first start, Python's memory (the interpreter with the engine imported, before
// any answer has been seen, so it holds nothing personal) is saved in this browser's Cache
// Storage. A later visit restores it instead of starting Python from scratch: the same
// Pyodide and the same wheel only, named by both; anything else is started afresh. A
// snapshot that fails to restore is not made again for the same Pyodide and wheel (a mark
// stays in its place): one that always failed would otherwise cost every visit twice.

const SNAPSHOTS = `workbook-python-snapshot:${new URL("../", import.meta.url).pathname}`;

// Named by Pyodide, the wheel and the standard library: a snapshot holds Python's index of
// the library's archive, which must be the archive this visit downloaded.
function snapshotUrl(manifest) {
  const stdlib = manifest.stdlib.replace(/\.zip$/, "");
  return new URL(`snapshot-${manifest.pyodide}-${manifest.sha256}-${stdlib}.bin`, ENGINE_URL).href;
}

function failedMarkUrl(manifest) {
  return snapshotUrl(manifest).replace(/\.bin$/, ".failed");
}

async function restoreFailedBefore(manifest) {
  try {
    return Boolean(await caches.match(failedMarkUrl(manifest), { cacheName: SNAPSHOTS }));
  } catch {
    return false;
  }
}

async function markRestoreFailed(manifest) {
  try {
    await caches.delete(SNAPSHOTS);
    await (await caches.open(SNAPSHOTS)).put(failedMarkUrl(manifest), new Response(""));
  } catch {
    // blocked: the next visit may try once more
  }
}

// The snapshot's length, saved beside it. A copy shorter than what was written (a write cut
// short as the page closed) is not a snapshot that fails to restore: start afresh, save again.
const SNAPSHOT_BYTES = "X-Snapshot-Bytes";

async function savedSnapshot(manifest) {
  try {
    const response = await caches.match(snapshotUrl(manifest), { cacheName: SNAPSHOTS }); // creates nothing
    if (!response) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const written = response.headers.get(SNAPSHOT_BYTES);
    return written === null || Number(written) === bytes.length ? bytes : null; // short: start afresh, save again
  } catch {
    return null; // no Cache Storage here (not https or localhost), or it is blocked
  }
}

async function saveSnapshot(manifest, bytes) {
  try {
    const cache = await caches.open(SNAPSHOTS);
    for (const old of await cache.keys()) await cache.delete(old); // only the current build's
    await cache.put(snapshotUrl(manifest), new Response(bytes, {
      headers: { "Content-Type": "application/octet-stream", [SNAPSHOT_BYTES]: String(bytes.length) },
    }));
    return true;
  } catch {
    return false; // full or blocked: the next visit starts Python from scratch, as this one did
  }
}

/**
 * Pyodide only logs a runtime file it cannot download (and then waits forever, or starts
 * without a standard library), so watch its downloads (`urls`: Pyodide's folder and the
 * standard library): the promise rejects as soon as one of them fails. Each byte that
 * arrives is also counted (onBytes), so the page can say how much of Python has come.
 */
function watchDownloads(urls, onBytes) {
  const realFetch = self.fetch;
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  self.fetch = async (input, init) => {
    const url = String(input?.url ?? input);
    const from = urls.find((start) => url.startsWith(start));
    if (!from) return realFetch(input, init);
    try {
      const response = await realFetch(input, init);
      if (!response.ok) throw new Error(`answered ${response.status}`);
      if (!response.body || !onBytes) return response;
      const counted = response.body.pipeThrough(new TransformStream({
        transform(chunk, controller) {
          onBytes(chunk.byteLength);
          controller.enqueue(chunk);
        },
      }));
      return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      fail(new Error(`could not download ${url.slice(from.length)}: ${error.message}`));
      throw error;
    }
  };
  return { failed, stop: () => { self.fetch = realFetch; } };
}

function engineOf(pyodide, from) {
  const workbook = pyodide.pyimport("workbook");
  return {
    pyodide, run: workbook.run, task: workbook.task, useContent: workbook.use_content,
    useToneModel: workbook.use_tone_model, useCareModel: workbook.use_care_model,
    dumps: pyodide.pyimport("json").dumps, loads: pyodide.pyimport("json").loads, from,
  };
}

/**
 * Start Pyodide from this site's files: its folder, the traced standard library
 * (sitebuild/stdlib.py), and a lock file with no packages (the wheel is installed below,
 * so Pyodide's list of 300 packages would be a download for nothing). A JSON null in the
 * page's inputs reaches Python as None, as in CPython (by default Pyodide makes it a
 * `jsnull` object, which the engine would refuse as "not text").
 */
async function loadPython({ loadPyodide, indexURL, stdLibURL, lockInfo, onBytes }, options) {
  const downloads = watchDownloads([indexURL, stdLibURL], onBytes);
  try {
    return await Promise.race([
      loadPyodide({
        indexURL, stdLibURL, lockFileContents: { info: lockInfo, packages: {} }, convertNullToNone: true,
        stdout: () => {}, stderr: () => {}, ...options,
      }),
      downloads.failed,
    ]);
  } finally {
    downloads.stop();
  }
}

/** A counter of Python's downloaded bytes that tells the page, at most every 200 ms. */
function progress(manifest) {
  const total = Object.values(manifest.pyodide_sizes || {}).reduce((sum, n) => sum + n, 0);
  if (!total) return null;
  let loaded = 0;
  let told = 0;
  return (bytes) => {
    loaded = Math.min(total, loaded + bytes);
    const now = performance.now();
    if (now - told < 200 && loaded < total) return;
    told = now;
    postMessage({ type: "progress", stage: "python", loaded, total });
  };
}

async function start() {
  postMessage({ type: "progress", stage: "python" });
  const manifest = await fetchManifest(); // names the wheel and Pyodide's folder
  const wheel = fetchWheel(manifest); // downloads while Python starts
  wheel.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
  const content = fetchContent(manifest);
  content.catch(() => {});
  const indexURL = new URL(manifest.pyodide_url, ENGINE_URL).href;
  const [{ loadPyodide }, snapshot, failedBefore] = await Promise.all([
    import(new URL("pyodide.mjs", indexURL).href),
    savedSnapshot(manifest),
    restoreFailedBefore(manifest),
  ]);
  const python = {
    indexURL, loadPyodide, stdLibURL: new URL(manifest.stdlib, ENGINE_URL).href, lockInfo: manifest.lock_info,
    onBytes: progress(manifest),
  };
  let keepSnapshot = !failedBefore;

  if (snapshot && keepSnapshot) {
    let restored = null;
    try {
      restored = engineOf(await loadPython(python, { _loadSnapshot: snapshot }), "snapshot");
    } catch (error) {
      console.warn(`workbook: snapshot not restored, starting afresh: ${error?.stack || error}`); // for DevTools and the tests
      await markRestoreFailed(manifest); // start afresh below, and make no new one for this build
      keepSnapshot = false;
    }
    if (restored) {
      installContent(restored, await content); // this build's wording, whatever the snapshot held
      restored.manifest = manifest;
      return restored;
    }
  }
  const pyodide = await loadPython(python, { _makeSnapshot: true });
  postMessage({ type: "progress", stage: "engine" });
  const lib = pyodide.FS.readdir("/lib").find((name) => /^python3\.\d+$/.test(name));
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: `/lib/${lib}/site-packages` });
  const engine = engineOf(pyodide, "start");
  installContent(engine, await content);
  engine.manifest = manifest;
  engine.keepSnapshot = keepSnapshot;
  return engine;
}

// Set once the engine has seen a person's answers: from then on no snapshot is taken.
let answered = false;

/**
 * Whether Python has failed fatally (a WebAssembly stack overflow, running out of memory):
 * Pyodide then marks the error, and every part of its API throws from then on.
 */
function hasStopped(pyodide, error) {
  if (error?.pyodide_fatal_error) return true;
  try {
    void pyodide.globals;
    return false;
  } catch {
    return true;
  }
}

const engine = start();
engine.then(
  (ready) => {
    // Python itself, for DevTools and the browser tests (which stop it to see that the page copes).
    self.workbookPython = ready.pyodide;
    postMessage({ type: "ready", from: ready.from });
    // After "ready", so the snapshot costs the person no waiting; and only while Python has
    // seen no answer (a run that was queued before "ready" has already set `answered`).
    // The page hears what became of it ({type: "snapshot"}): tests wait for that, not for a time.
    // The models are installed after the snapshot is taken, so a snapshot never holds one:
    // every visit installs this build's models, as it does this build's wording.
    setTimeout(async () => {
      let outcome = "skipped";
      let memory = null;
      if (ready.from === "start" && !answered && ready.keepSnapshot) {
        try {
          memory = ready.pyodide.makeMemorySnapshot();
        } catch {
          outcome = "failed"; // no snapshot this time (for example, out of memory); Python itself is fine
        }
      }
      Promise.allSettled(MODELS.map((model) => installModel(ready, model).then(
        () => postMessage({ type: model.type, outcome: "installed" }),
        (error) => {
          console.warn(`workbook: ${model.type} not installed: ${error?.message || error}`);
          postMessage({ type: model.type, outcome: "failed" });
        },
      ))).finally(modelsSettled);
      if (memory) outcome = (await saveSnapshot(ready.manifest, memory)) ? "saved" : "failed";
      postMessage({ type: "snapshot", outcome });
    }, 0);
  },
  (error) => postMessage({ type: "failed", error: String(error?.message || error) }),
);

self.addEventListener("message", async (event) => {
  const { id, type, worksheet, task: name, inputs } = event.data || {};
  if (type !== "run" && type !== "task") return;
  let args = null;
  let result = null;
  try {
    const { pyodide, run, task, dumps } = await engine;
    answered = true;
    args = pyodide.toPy(inputs ?? {});
    result = type === "run" ? run(String(worksheet), args) : task(String(name), args);
    // json.dumps gives plain JSON (None -> null), identical to what CPython returns.
    let output = JSON.parse(dumps(result));
    if (type === "run" && modelsPending && output.models_missing?.length) {
      await Promise.race([models, new Promise((wait) => setTimeout(wait, MODELS_WAIT_MS))]);
      result.destroy?.();
      result = null;
      result = run(String(worksheet), args);
      output = JSON.parse(dumps(result));
    }
    postMessage({ id, ok: true, output });
  } catch (error) {
    const ready = await engine.catch(() => null);
    if (ready && hasStopped(ready.pyodide, error)) postMessage({ type: "stopped", error: String(error?.message || error) });
    postMessage({ id, ok: false, error: String(error?.message || error) });
  } finally {
    args?.destroy?.();
    result?.destroy?.();
  }
});
