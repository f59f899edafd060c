// Checks annotated article pages (`factcheck report --template article`) in
// Debian's Chromium, driven by playwright-core. Run by tests/cli/article_page.rs:
//
//   node tests/browser/article-page.js MANIFEST.json
//
// The manifest names the Chromium binary, where to put screenshots, and each
// page with the claims it was rendered from (`claim list --format json`, plus
// `in_article`). Every failed check is printed; the exit code is 1 if any
// failed, 0 otherwise.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const failures = [];
function check(ok, what) {
  if (!ok) failures.push(what);
  return ok;
}

// A fresh profile for every browser, removed afterwards.
async function withBrowser(manifest, options, run) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "factcheck-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: manifest.chromium,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
    ...options,
  });
  try {
    return await run(context);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// Opens `url` in a new page, recording console errors, page errors and any
// request that is not for the page's own file.
async function open(context, url, name) {
  const page = await context.newPage();
  const own = url.split("#")[0];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") {
      check(false, `${name}: console ${m.type()}: ${m.text()}`);
    }
  });
  page.on("pageerror", (e) => check(false, `${name}: page error: ${e.message}`));
  page.on("request", (r) => {
    if (r.url() !== own) check(false, `${name}: network request: ${r.url()}`);
  });
  await page.goto(url, { waitUntil: "load" });
  return page;
}

// Relative luminance and contrast ratio (WCAG 2).
function luminance([r, g, b]) {
  const f = (c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

async function checkPage(manifest, context, spec) {
  const url = "file://" + spec.file;
  const name = spec.name;
  const inText = spec.claims.filter((c) => c.in_article && c.appears_in);
  const page = await open(context, url, name);

  // Every anchored claim is highlighted, and its pieces read as its quote.
  const pieces = await page.$$eval(".hl", (els) =>
    els.map((el) => ({ ids: el.getAttribute("data-claims").split(" "), text: el.textContent })),
  );
  const found = new Map();
  for (const p of pieces) {
    for (const id of p.ids) found.set(id, (found.get(id) || "") + p.text);
  }
  check(
    found.size === inText.length,
    `${name}: ${found.size} claims highlighted, ${inText.length} anchored in the article`,
  );
  for (const c of inText) {
    check(
      found.get(c.id) === c.appears_in.exact,
      `${name}: claim ${c.id} highlights ${JSON.stringify(found.get(c.id))}, its quote is ${JSON.stringify(c.appears_in.exact)}`,
    );
  }
  // Status is shown by a mark too, not by colour alone: one per highlighted claim.
  const tags = await page.$$eval(".tag", (els) => els.length);
  check(tags === inText.length, `${name}: ${tags} status marks for ${inText.length} highlighted claims`);

  // Colours: text on every status colour has a contrast of at least 4.5:1.
  const pairs = await page.evaluate(() => {
    const rgb = (s) => (s.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
    const out = [];
    for (const sel of [".hl", ".tag", ".chip", ".badge"]) {
      for (const s of ["verified", "disputed", "unverifiable", "unverified"]) {
        const el = document.querySelector(`${sel}.s-${s}`);
        if (!el) continue;
        const st = getComputedStyle(el);
        out.push({ what: `${sel}.s-${s}`, fg: rgb(st.color), bg: rgb(st.backgroundColor) });
      }
    }
    return out;
  });
  for (const p of pairs) {
    const ratio = contrast(p.fg, p.bg);
    check(ratio >= 4.5, `${name}: ${p.what} has contrast ${ratio.toFixed(2)}:1, below 4.5:1`);
  }

  // Clicking a disputed claim's highlight shows its correction.
  const disputed = inText.find((c) => c.status === "disputed" && c.correction);
  if (disputed) {
    await page.locator(`.hl[data-claims~="${disputed.id}"]`).first().click();
    const shown = await page.evaluate(() => {
      const panel = document.getElementById("fc-panel");
      return { hidden: panel.hidden, text: panel.textContent };
    });
    check(!shown.hidden, `${name}: clicking claim ${disputed.id} does not open the panel`);
    check(
      shown.text.includes(disputed.correction),
      `${name}: the panel for disputed claim ${disputed.id} does not show its correction`,
    );
    if (spec.screenshot) {
      await page.mouse.move(0, 0);
      await page.screenshot({ path: spec.screenshot });
    }
    await page.keyboard.press("Escape");
    check(
      await page.evaluate(() => document.getElementById("fc-panel").hidden),
      `${name}: Escape does not close the panel`,
    );
  }
  await page.close();

  // A `#<claim id>` fragment opens that claim; j and k step through the text.
  const order = [...found.keys()];
  if (order.length) {
    const target = order[order.length > 1 ? 1 : 0];
    const p2 = await open(context, `${url}#${target}`, `${name}#${target}`);
    await p2.waitForFunction(() => !document.getElementById("fc-panel").hidden, null, { timeout: 5000 }).catch(() => {});
    const state = async () =>
      p2.evaluate(() => ({
        hidden: document.getElementById("fc-panel").hidden,
        cards: [...document.querySelectorAll("#fc-panel .card")].map((c) => c.getAttribute("data-claim")),
        current: [...document.querySelectorAll(".hl.current")].map((e) => e.getAttribute("data-claims")),
      }));
    let s = await state();
    check(!s.hidden && s.cards.join() === target, `${name}: #${target} opens ${JSON.stringify(s.cards)}`);
    check(
      s.current.length > 0 && s.current.every((ids) => ids.split(" ").includes(target)),
      `${name}: #${target} marks ${JSON.stringify(s.current)} as current`,
    );
    const inView = await p2.locator(`.hl[data-claims~="${target}"]`).first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    });
    check(inView, `${name}: #${target} does not scroll its highlight into view`);
    if (order.length > 2) {
      await p2.keyboard.press("j");
      s = await state();
      check(s.cards.join() === order[2], `${name}: j after ${target} opens ${s.cards}, not ${order[2]}`);
      await p2.keyboard.press("k");
      await p2.keyboard.press("k");
      s = await state();
      check(s.cards.join() === order[0], `${name}: k twice opens ${s.cards}, not ${order[0]}`);
    }
    await p2.close();
  }
}

async function checkWithoutScript(manifest, context, spec) {
  const name = `${spec.name} (JavaScript off)`;
  const page = await open(context, "file://" + spec.file, name);
  const s = await page.evaluate(() => ({
    items: [...document.querySelectorAll("#fc-claims li.claim")].map((li) => li.id.replace(/^claim-/, "")),
    panel: getComputedStyle(document.getElementById("fc-panel")).display,
    links: [...document.querySelectorAll(".hl")].map((a) => a.getAttribute("href")),
  }));
  const ids = spec.claims.map((c) => c.id);
  check(
    s.items.join() === ids.join(),
    `${name}: the list holds ${JSON.stringify(s.items)}, not every claim in article order ${JSON.stringify(ids)}`,
  );
  check(s.panel === "none", `${name}: the panel shows without JavaScript`);
  for (const href of s.links) {
    check(href.startsWith("#claim-") && ids.includes(href.slice(7)), `${name}: a highlight links to ${href}`);
  }
  await page.close();
}

async function main() {
  const manifest = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  await withBrowser(manifest, {}, async (context) => {
    for (const spec of manifest.pages) await checkPage(manifest, context, spec);
  });
  await withBrowser(manifest, { javaScriptEnabled: false }, async (context) => {
    for (const spec of manifest.pages) await checkWithoutScript(manifest, context, spec);
  });
  for (const f of failures) console.log("FAIL " + f);
  console.log(`${manifest.pages.length} pages checked, ${failures.length} problems`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.log("FAIL " + (e && e.stack ? e.stack : e));
  process.exit(1);
});
