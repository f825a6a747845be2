// Baseline worker for benchmarks/bench.py. Served from <site>/_bench/, next to the
// site's own assets/pyodide/<version>/ (?pyodide=, from engine.json) and assets/engine/.
// Bare Pyodide as shipped: its whole standard library (python_stdlib.zip, which bench.py
// copies beside this file, as the site serves only the traced part) and its lock file.
//   mode=sys     loadPyodide, then `import sys` (the baseline)
//   mode=lock    loadPyodide({packages: ["workbook"]}) through the site's pyodide-lock.json
//   mode=unpack  fetch the wheel in parallel with loadPyodide, then unpackArchive
const params = new URL(import.meta.url).searchParams;
const mode = params.get("mode") || "sys";
const PYODIDE = new URL(params.get("pyodide"), import.meta.url);
const ENGINE = new URL("../assets/engine/", import.meta.url);

async function wheel() {
  const manifest = await (await fetch(new URL("engine.json", ENGINE))).json();
  return new Uint8Array(await (await fetch(new URL(manifest.wheel, ENGINE))).arrayBuffer());
}

try {
  const bytes = mode === "unpack" ? wheel() : null;
  const { loadPyodide } = await import(new URL("pyodide.mjs", PYODIDE).href);
  const pyodide = await loadPyodide({
    indexURL: PYODIDE.href, stdLibURL: new URL("python_stdlib.zip", import.meta.url).href,
    packages: mode === "lock" ? ["workbook"] : [],
  });
  if (mode === "unpack") {
    const lib = pyodide.FS.readdir("/lib").find((name) => /^python3\.\d+$/.test(name));
    pyodide.unpackArchive(await bytes, "wheel", { extractDir: `/lib/${lib}/site-packages` });
  }
  pyodide.runPython(mode === "sys" ? "import sys" : "import workbook");
  postMessage({ type: "ready" });
} catch (error) {
  postMessage({ type: "failed", error: String(error) });
}
