// Just enough of W3C WebDriver (https://www.w3.org/TR/webdriver2/) to drive WebKitGTK
// through its WebKitWebDriver, for the smoke test in smoke.mjs. The protocol is plain
// HTTP and JSON, so a client library would add more than it saves here.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function call(base, method, path, body) {
  const response = await fetch(base + path, {
    method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${answer.value?.error}: ${answer.value?.message}`);
  return answer.value;
}

/** Start WebKitWebDriver and a MiniBrowser session; the page API that smoke.mjs uses. */
export async function launchWebKit({ driver, browser }) {
  const port = await freePort();
  const process = spawn(driver, [`--port=${port}`], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  process.stderr.on("data", (chunk) => { stderr += chunk; });
  const base = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    try {
      if ((await call(base, "GET", "/status")).ready) break;
    } catch (error) {
      if (tries > 100) throw new Error(`WebKitWebDriver did not start: ${error.message}\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const session = await call(base, "POST", "/session", {
    capabilities: { alwaysMatch: { "webkitgtk:browserOptions": { binary: browser, args: ["--automation"] } } },
  });
  const at = `/session/${session.sessionId}`;
  const find = async (selector) => (await call(base, "POST", `${at}/element`, { using: "css selector", value: selector }))[ELEMENT];
  return {
    version: `${session.capabilities.browserName} ${session.capabilities.browserVersion}`,
    goto: (url) => call(base, "POST", `${at}/url`, { url }),
    reload: () => call(base, "POST", `${at}/refresh`, {}),
    // The function's source and JSON arguments; a returned promise is awaited (as the spec says).
    evaluate: (fn, ...args) => call(base, "POST", `${at}/execute/sync`, { script: `return (${fn})(...arguments);`, args }),
    type: async (selector, text) => call(base, "POST", `${at}/element/${await find(selector)}/value`, { text }),
    click: async (selector) => call(base, "POST", `${at}/element/${await find(selector)}/click`, {}),
    close: async () => {
      try {
        await call(base, "DELETE", at);
      } finally {
        process.kill();
      }
    },
  };
}
