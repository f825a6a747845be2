// Writes the service worker of a built site with Workbox (run by hooks/offline.py after
// every `mkdocs build`; never during `mkdocs serve`).
//
//   node hooks/offline_sw.mjs '<json options>'
//     options: {siteDir, ignore: [glob, ...], immutable: [site-relative path, ...]}
//     immutable: files whose URL names their version (Pyodide's runtime): precached without a
//     revision, so the browser's HTTP cache can answer instead of a second download
//
// 1. getManifest: every file of the built site with its content hash (md5, Workbox's "revision").
// 2. assets/offline/build.json: {"build": <hash of that list>} -- the page compares it with
//    the last one it saw to say "Updated" once.
// 3. generateSW: sw.js, with the manifest and the Workbox runtime inlined (no CDN, no
//    workbox-*.js next to it), precaching everything and serving it cache-first.
//
// Why Workbox and not our own cache code: its precache keys every file by URL + revision,
// downloads only what changed, installs all-or-nothing (one failed file = the new version
// is dropped and the old one keeps serving), and deletes old revisions only when the new
// worker activates. Each worker answers only with the revisions in its own manifest, so a
// page never gets a mix. Hand-written, that is the same bookkeeping plus its bugs; the cost
// is a dev dependency (workbox-build, pinned in package-lock.json) and ~2 s of build time.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateSW, getManifest } from "workbox-build";

const options = JSON.parse(process.argv[2]);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const BUILD_JSON = "assets/offline/build.json";
const SW = "sw.js";

const common = {
  globDirectory: options.siteDir,
  globPatterns: ["**/*"],
  // sw.js and the script it imports are checked by the browser itself on every visit.
  globIgnores: [SW, "assets/offline-sw.js", "**/*.gz", ...options.ignore],
  // Pyodide's runtime is 9.6 MB (pyodide.asm.wasm); the default limit is 2 MB.
  maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
};

const listed = await getManifest({ ...common, globIgnores: [...common.globIgnores, BUILD_JSON] });
const build = createHash("sha256")
  .update(JSON.stringify(listed.manifestEntries.map((e) => [e.url, e.revision]).sort()))
  .digest("hex").slice(0, 16);
mkdirSync(join(options.siteDir, "assets/offline"), { recursive: true });
writeFileSync(join(options.siteDir, BUILD_JSON), JSON.stringify({ build }) + "\n");

const result = await generateSW({
  ...common,
  swDest: join(options.siteDir, SW),
  mode: "production",
  sourcemap: false,
  inlineWorkboxRuntime: true,
  // Activation waits until the page asks and no other tab is open (assets/offline-sw.js).
  skipWaiting: false,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  importScripts: ["assets/offline-sw.js"],
  // "page/" is answered with "page/index.html"; ?q=, ?h= (Material's search) never change a file.
  directoryIndex: "index.html",
  ignoreURLParametersMatching: [/.*/],
  // Material's bundles carry their hash in the name, Pyodide its version in the folder's:
  // no revision needed.
  dontCacheBustURLsMatching: new RegExp(
    [String.raw`\.[0-9a-f]{8}\.min\.(?:js|css)$`, ...options.immutable.map((path) => `^${escape(path)}$`)].join("|")),
});

process.stdout.write(JSON.stringify({ build, count: result.count, size: result.size, warnings: result.warnings }) + "\n");
