// Run worksheet examples inside real Pyodide (Node, node_modules/pyodide; no browser).
//
//   node tests/parity/run_examples.mjs <workbook-*.whl> <content-*.json> <stdlib-*.zip> <tone-model-*.txt> <care-model-*.txt> [cases.json]
//
// Starts Pyodide on the traced standard library the site serves (stdLibURL, as worker.js
// does; sitebuild/stdlib.py), so a module the trace missed fails here. Installs the wheel
// (unpackArchive into site-packages, as worker.js does), the content and the two models
// beside it (workbook.use_content, use_tone_model and use_care_model, as worker.js does), then calls
// workbook.run for every case and prints one JSON document:
//   [{"worksheet", "name", "output": "<json.dumps of the result>"}, ...]
// Cases default to every worksheet's `examples` in the content file; cases.json, if given,
// is a list of {"worksheet" or "task", "name", "inputs"}.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheelPath, contentPath, stdlibPath, toneModelPath, careModelPath, casesPath] = process.argv.slice(2);
if (!wheelPath || !contentPath || !stdlibPath || !toneModelPath || !careModelPath) {
  console.error("usage: node run_examples.mjs <wheel> <content.json> <stdlib.zip> <tone-model.txt> <care-model.txt> [cases.json]");
  process.exit(2);
}

// Report a failure as its message only (a stack trace here would print Pyodide's minified source).
process.on("uncaughtException", (error) => {
  console.error(String(error?.message ?? error).slice(0, 4000));
  process.exit(1);
});

const pyodide = await loadPyodide({
  stdLibURL: stdlibPath, convertNullToNone: true, stdout: () => {}, stderr: (line) => console.error(line),
});
const lib = pyodide.FS.readdir("/lib").find((name) => /^python3\.\d+$/.test(name));
const sitePackages = `/lib/${lib}/site-packages`;
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel", { extractDir: sitePackages });

const content = JSON.parse(readFileSync(contentPath, "utf8"));
const workbook = pyodide.pyimport("workbook");
workbook.use_content(pyodide.toPy(content.worksheets), pyodide.toPy(content.tone), pyodide.toPy(content.interface));
workbook.use_tone_model(readFileSync(toneModelPath, "utf8"));
workbook.use_care_model(readFileSync(careModelPath, "utf8"));

let cases;
if (casesPath) {
  cases = JSON.parse(readFileSync(casesPath, "utf8"));
} else {
  cases = Object.values(content.worksheets).flatMap((worksheet) =>
    (worksheet.examples || []).map((example) => ({ worksheet: worksheet.id, name: example.name, inputs: example.inputs })));
}

const dumps = pyodide.pyimport("json").dumps;
// A case names a worksheet (workbook.run) or a saved-data task (workbook.task).
const results = cases.map(({ worksheet, task, name, inputs }) => {
  const args = pyodide.toPy(inputs);
  const result = task ? workbook.task(task, args) : workbook.run(worksheet, args);
  try {
    return { worksheet, task, name, output: dumps.callKwargs(result, { ensure_ascii: false }) };
  } finally {
    args?.destroy?.();
    result?.destroy?.();
  }
});
process.stdout.write(JSON.stringify({ python: pyodide.version, cases: results }) + "\n");
