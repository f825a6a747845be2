// Trace which standard-library files the engine uses, in real Pyodide under Node, and write
// them as a lighter archive for the worker's `stdLibURL` (sitebuild/stdlib.py runs this).
//
//   node sitebuild/stdlib_trace.mjs <workbook-*.whl> <content-*.json> <out.zip>
//
// Starts Pyodide as docs/assets/worker.js does (the full archive, `_makeSnapshot`), installs
// the wheel the same way, runs sitebuild/stdlib_in_use.py's `exercise` (every example and
// task), takes a memory snapshot, then writes the files in use. Prints one JSON line:
// {"files": [...], "bytes": n, "calls": n, "python": "<Pyodide version>"}.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheelPath, contentPath, outPath] = process.argv.slice(2);
if (!wheelPath || !contentPath || !outPath) {
  console.error("usage: node stdlib_trace.mjs <wheel> <content.json> <out.zip>");
  process.exit(2);
}
process.on("uncaughtException", (error) => {
  console.error(String(error?.message ?? error).slice(0, 4000));
  process.exit(1);
});

const pyodide = await loadPyodide({ stdout: () => {}, stderr: (line) => console.error(line), _makeSnapshot: true });
const lib = pyodide.FS.readdir("/lib").find((name) => /^python3\.\d+$/.test(name));
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel", { extractDir: `/lib/${lib}/site-packages` });
pyodide.FS.mkdirTree("/trace");
pyodide.FS.writeFile("/trace/stdlib_in_use.py", readFileSync(new URL("stdlib_in_use.py", import.meta.url)));
const trace = pyodide.pyimport("sys").path;
trace.append("/trace");
trace.destroy();
const tracer = pyodide.pyimport("stdlib_in_use");
pyodide.pyimport("json"); // the worker imports it for its own use
const calls = tracer.exercise(readFileSync(contentPath, "utf8"));
pyodide.makeMemorySnapshot();
const written = tracer.write_archive("/trace/light.zip").toJs({ dict_converter: Object.fromEntries });
writeFileSync(outPath, pyodide.FS.readFile("/trace/light.zip"));
process.stdout.write(JSON.stringify({ ...written, calls, python: pyodide.version }) + "\n");
