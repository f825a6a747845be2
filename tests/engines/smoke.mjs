// One smoke test, run in WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver) and in
// Firefox (over WebDriver BiDi with puppeteer-core), as a person uses the reply worksheet:
// type, wait for Python, draft, reload and find the answers, export a backup, lose
// everything, restore the backup. The Chromium suite (tests/browser/) covers the rest.
//
//   node tests/engines/smoke.mjs <webkit|firefox> <site url ending in />
//   (webkit needs a display: xvfb-run -a node ...)
//
// Paths: WEBKIT_DRIVER_PATH (default /usr/bin/WebKitWebDriver), WEBKIT_BROWSER_PATH
// (default Debian's MiniBrowser), FIREFOX_PATH (default /usr/bin/firefox-esr).
// Prints one JSON line: {"engine", "version", "steps": [...], "draft"}; exits 1 on a failure.
import { launchWebKit } from "./webdriver.mjs";

const [engine, site] = process.argv.slice(2);
const TIMEOUT = Number(process.env.SMOKE_TIMEOUT_MS || 120_000);
const REPLY = 'form[data-worksheet="reply"]';
const COMPANY = `${REPLY} input[name="company"]`;
const DEBIAN_ARCH = { x64: "x86_64-linux-gnu", arm64: "aarch64-linux-gnu" }; // where Debian puts MiniBrowser

async function launchFirefox() {
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch({
    browser: "firefox", executablePath: process.env.FIREFOX_PATH || "/usr/bin/firefox-esr", headless: true,
  });
  const page = await browser.newPage();
  return {
    version: await browser.version(),
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    type: (selector, text) => page.type(selector, text),
    click: (selector) => clickAfresh(page, selector),
    close: () => browser.close(),
  };
}

/**
 * Firefox over BiDi: a click finds the element, then hands it to a script that scrolls it
 * into view. Just after a reload the realm that found it can be replaced in between, and
 * the script is refused ("no such handle") before anything is pressed (a CI run failed so).
 * Find it again and press once.
 */
async function clickAfresh(page, selector, tries = 3) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await page.click(selector);
    } catch (error) {
      if (attempt >= tries || !/no such handle/i.test(error.message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function launch() {
  if (engine === "firefox") return launchFirefox();
  if (engine === "webkit") {
    return launchWebKit({
      driver: process.env.WEBKIT_DRIVER_PATH || "/usr/bin/WebKitWebDriver",
      browser: process.env.WEBKIT_BROWSER_PATH || `/usr/lib/${DEBIAN_ARCH[process.arch]}/webkit2gtk-4.1/MiniBrowser`,
    });
  }
  throw new Error(`unknown engine ${engine}: webkit or firefox`);
}

/** Poll `fn` in the page until it returns something truthy; that value. */
async function until(page, what, fn, ...args) {
  const end = Date.now() + TIMEOUT;
  let last;
  while (Date.now() < end) {
    try {
      const value = await page.evaluate(fn, ...args);
      if (value) return value;
    } catch (error) {
      last = error; // a navigation in progress
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`waited ${TIMEOUT} ms for ${what}${last ? ` (${last.message})` : ""}`);
}

const steps = [];
let page;
try {
  page = await launch();
  await page.goto(`${site}workbook/reply/`);
  await until(page, "the form", (selector) => Boolean(document.querySelector(selector)), COMPANY);
  await page.type(COMPANY, "Northwind Books");
  await page.type(`${REPLY} input[name="recruiter_name"]`, "Priya");
  steps.push("typed");

  await until(page, "Python to be ready", () => document.querySelector("[data-status]")?.dataset.state === "ready");
  steps.push("ready");
  await page.click(`${REPLY} [data-action="run"]`);
  const draft = await until(page, "a draft", () => {
    const body = document.querySelector("[data-output] textarea.gr-draft__body")?.value || "";
    return body.includes("Northwind Books") && body.includes("Priya") && body;
  });
  steps.push("drafted");

  await page.reload();
  await until(page, "the answers after a reload",
    (selector) => document.querySelector(selector)?.value === "Northwind Books", COMPANY);
  steps.push("kept");

  // The backup is a download; keep the Blob the page makes for it.
  await page.evaluate(() => {
    const make = URL.createObjectURL;
    URL.createObjectURL = (blob) => { window.smokeBackup = blob; return make.call(URL, blob); };
  });
  await page.click('[data-action="export-json"]');
  const backup = await until(page, "the backup", () => window.smokeBackup?.text());
  if (JSON.parse(backup).worksheets.reply.answers.company !== "Northwind Books") throw new Error("the backup lacks the answers");
  steps.push("exported");

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await until(page, "an empty form", (selector) => document.querySelector(selector)?.value === "", COMPANY);
  // Choosing the file: the same change event a file picker sends.
  await page.evaluate((text) => {
    const input = document.querySelector('[data-action="import"]');
    const files = new DataTransfer();
    files.items.add(new File([text], "backup.json", { type: "application/json" }));
    input.files = files.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, backup);
  await until(page, "the import's preview",
    () => document.querySelector('[data-action="import-confirm"]')?.offsetParent !== null);
  await page.click('[data-action="import-confirm"]');
  await page.reload();
  await until(page, "the restored answers",
    (selector) => document.querySelector(selector)?.value === "Northwind Books", COMPANY);
  steps.push("restored");
  process.stdout.write(JSON.stringify({ engine, version: page.version, steps, draft }) + "\n");
} catch (error) {
  console.error(`${engine}: ${error.message} (after: ${steps.join(", ") || "nothing"})`);
  process.exitCode = 1;
} finally {
  await page?.close().catch(() => {});
}
