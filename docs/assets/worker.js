// The workbook's engine, in a module Web Worker: Pyodide plus the `workbook` wheel, both
// served from this site (assets/pyodide/, assets/engine/), never from a CDN.
//
// Protocol (JSON only; see ../../DESIGN.md "How data flows"):
//   worker -> page  {type: "progress", stage: "python" | "engine", text}
//                   {type: "ready"}  |  {type: "failed", error}
//   page -> worker  {id, type: "run", worksheet, inputs}
//   worker -> page  {id, ok: true, output}  |  {id, ok: false, error}
//
// The only Python called is workbook.run, through pyimport; inputs reach it as data (toPy).

const PYODIDE_URL = new URL("pyodide/", import.meta.url);
const ENGINE_URL = new URL("engine/", import.meta.url);

/** fetch() that treats an HTTP error as a failure. */
async function fetchOk(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return response;
}

/** The engine wheel's bytes; engine.json (written by hooks/assets.py) names it and its hash. */
async function fetchWheel() {
  const manifest = await (await fetchOk(new URL("engine.json", ENGINE_URL))).json();
  const response = await fetchOk(new URL(manifest.wheel, ENGINE_URL), { integrity: manifest.integrity });
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Pyodide only logs a runtime file it cannot download (and then waits forever), so
 * watch its downloads: the promise rejects as soon as one of them fails.
 */
function watchDownloads() {
  const realFetch = self.fetch;
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  self.fetch = async (input, init) => {
    const url = String(input?.url ?? input);
    if (!url.startsWith(PYODIDE_URL.href)) return realFetch(input, init);
    try {
      const response = await realFetch(input, init);
      if (!response.ok) throw new Error(`answered ${response.status}`);
      return response;
    } catch (error) {
      fail(new Error(`could not download ${url.slice(PYODIDE_URL.href.length)}: ${error.message}`));
      throw error;
    }
  };
  return { failed, stop: () => { self.fetch = realFetch; } };
}

async function start() {
  postMessage({ type: "progress", stage: "python", text: "Loading Python…" });
  // The wheel downloads while Python starts; it is small, so it is there long before it is needed.
  const wheel = fetchWheel();
  wheel.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
  const { loadPyodide } = await import(new URL("pyodide.mjs", PYODIDE_URL).href);
  const downloads = watchDownloads();
  const pyodide = await Promise.race([
    loadPyodide({ indexURL: PYODIDE_URL.href, stdout: () => {}, stderr: () => {} }),
    downloads.failed,
  ]).finally(downloads.stop);
  postMessage({ type: "progress", stage: "engine", text: "Loading the workbook…" });
  const lib = pyodide.FS.readdir("/lib").find((name) => /^python3\.\d+$/.test(name));
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: `/lib/${lib}/site-packages` });
  const run = pyodide.pyimport("workbook").run;
  const dumps = pyodide.pyimport("json").dumps;
  return { pyodide, run, dumps };
}

const engine = start();
engine.then(
  () => postMessage({ type: "ready" }),
  (error) => postMessage({ type: "failed", error: String(error?.message || error) }),
);

self.addEventListener("message", async (event) => {
  const { id, type, worksheet, inputs } = event.data || {};
  if (type !== "run") return;
  let args = null;
  let result = null;
  try {
    const { pyodide, run, dumps } = await engine;
    args = pyodide.toPy(inputs ?? {});
    result = run(String(worksheet), args);
    // json.dumps gives plain JSON (None -> null), identical to what CPython returns.
    postMessage({ id, ok: true, output: JSON.parse(dumps(result)) });
  } catch (error) {
    postMessage({ id, ok: false, error: String(error?.message || error) });
  } finally {
    args?.destroy?.();
    result?.destroy?.();
  }
});
