// The side-by-side benchmark behind `cargo xtask bench`: our release build,
// TimelineJS 3.9.11 and vis-timeline 8.5.4, fed the same synthetic events, in
// the same headless Chromium, in the same run.
//
// For each app, dataset size and repetition it records:
// - ready: milliseconds from navigation start to the timeline drawn (ours:
//   `#app[data-state=ready]` with a marker in the DOM; TimelineJS: its `loaded`
//   event; vis-timeline: its `onInitialDrawComplete` callback), each plus one
//   frame (a requestAnimationFrame, then a task);
// - frames: requestAnimationFrame gaps while a script zooms in (10 steps: wheel
//   for us and vis-timeline, the zoom button for TimelineJS, which has no wheel
//   zoom), drags to pan (30 moves of 20 px) and zooms out (10 steps), one input
//   per frame; p50 and p95;
// - memory after ready and a garbage collection: the JS heap (CDP
//   Runtime.getHeapUsage) and, for us, the WebAssembly memory;
// - DOM elements after ready;
// - bytes: every file the page loaded, raw and brotli (quality 11; data files
//   over 16 MB at quality 9, which is within a few per cent and 50 times faster).
//
// Everything is served from 127.0.0.1 by a small static server in this file;
// Chromium resolves no other host. Medians over the repetitions; a run that
// does not finish within the time limit is reported as such, and that app is
// not run on larger datasets.
//
// usage: node bench/bench.mjs --dist DIR [--sizes 200,1000] [--reps 3]
//          [--timeout-s 60] [--json FILE] [--markdown FILE]
//          [--host-timings FILE] [--size-report FILE] [--command TEXT]
//          [--apps ours,timelinejs,vis]
//        node bench/bench.mjs --from-json target/bench/results.json --markdown FILE

import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import { toTimelineJs, toVis } from "./convert.mjs";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const DATA_DIR = path.join(BENCH_DIR, "data");
const CHROMIUM = "/usr/bin/chromium";
const VIEWPORT = { width: 1280, height: 800 };
const N_ZOOM_STEPS = 10;
// One frame at 60 Hz, and how far apart requestAnimationFrame timestamps of frames that are on
// time still read (16.6 to 16.8 ms here): a frame gap within it is a frame on time.
const FRAME_MS = 16.7;
const FRAME_JITTER_MS = 0.2;
const N_PAN_MOVES = 30;
const PAN_STEP_PX = 20;

const APPS = [
  {
    key: "ours",
    name: "ours",
    url: (n) => `/ours/index.html?data=data/synthetic-${n}.json`,
    zoomTarget: "[data-testid=timeline]",
    panTarget: "[data-testid=timeline]",
    zoom: wheelZoom({ ctrl: true }),
    // The funding charts' toggles (the peers have no charts): each is timed from the click
    // to the end of the work it starts, and to the next frame.
    keyboard: true,
    chartToggles: ["[data-testid=scale-log]", "[data-testid=scale-linear]", "[data-testid=mode-per-year]", "[data-testid=mode-total]"],
  },
  {
    key: "timelinejs",
    name: "TimelineJS 3.9.11",
    url: (n) => `/pages/timelinejs.html?n=${n}`,
    zoomTarget: ".tl-timenav",
    panTarget: ".tl-timenav",
    zoom: buttonZoom(".tl-icon-zoom-in", ".tl-icon-zoom-out"),
  },
  {
    key: "vis",
    name: "vis-timeline 8.5.4",
    url: (n) => `/pages/vis-timeline.html?n=${n}`,
    zoomTarget: ".vis-center",
    panTarget: ".vis-center",
    zoom: wheelZoom({ ctrl: false }),
  },
];

// Runs in every page before its own scripts: the ready signal, the frame
// recorder, milestones on the way to ready and, for us, a handle on the
// WebAssembly memory (caught as the instance is created: the app exposes
// nothing for the benchmark).
const INIT_SCRIPT = `(() => {
  const bench = (window.__bench = { ready: null, error: null, frames: [], recording: false, wasmMemory: null, marks: {} });
  const mark = (name) => { if (!(name in bench.marks)) bench.marks[name] = performance.now(); };
  document.addEventListener("DOMContentLoaded", () => mark("domContentLoaded"));
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    if (!original) continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        const instance = result.instance || result;
        const memory = instance && instance.exports && instance.exports.memory;
        if (memory instanceof WebAssembly.Memory) {
          bench.wasmMemory = memory;
          mark("wasmInstantiated");
        }
        return result;
      });
    };
  }
  let signalled = false;
  window.__benchSignalReady = () => {
    if (signalled) return;
    signalled = true;
    requestAnimationFrame(() => setTimeout(() => { bench.ready = performance.now(); }, 0));
  };
  window.__benchSignalError = (message) => { bench.error = message; };
  if (location.pathname.startsWith("/ours/")) {
    const check = () => {
      const app = document.getElementById("app");
      if (!app) return false;
      if (app.dataset.state) mark("state-" + app.dataset.state);
      if (app.dataset.state === "error") {
        bench.error = "data-state=error: " + (app.querySelector("[data-testid=error-panel]")?.textContent || "").slice(0, 300);
        return true;
      }
      if (app.dataset.state === "ready" && document.querySelector("[data-testid=event-marker],[data-testid=cluster-marker]")) {
        mark("firstMarker");
        window.__benchSignalReady();
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
  }
  const tick = (time) => {
    if (!bench.recording) return;
    bench.frames.push(time);
    requestAnimationFrame(tick);
  };
  window.__benchStartFrames = () => { bench.frames = []; bench.recording = true; requestAnimationFrame(tick); };
  window.__benchStopFrames = () => { bench.recording = false; return bench.frames; };
})();`;

function parseArgs(argv) {
  const args = {
    dist: null,
    sizes: [200, 1000, 10000, 100000],
    reps: 3,
    timeoutS: 60,
    json: null,
    markdown: null,
    hostTimings: null,
    sizeReport: null,
    lighthouse: null,
    command: "cargo xtask bench",
    apps: APPS.map((app) => app.key),
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    switch (flag) {
      case "--dist": args.dist = path.resolve(value); break;
      case "--sizes": args.sizes = value.split(",").map((s) => Number(s.replace(/_/g, ""))); break;
      case "--reps": args.reps = Number(value); break;
      case "--timeout-s": args.timeoutS = Number(value); break;
      case "--json": args.json = path.resolve(value); break;
      case "--markdown": args.markdown = path.resolve(value); break;
      case "--host-timings": args.hostTimings = path.resolve(value); break;
      case "--size-report": args.sizeReport = path.resolve(value); break;
      case "--lighthouse": args.lighthouse = path.resolve(value); break;
      case "--command": args.command = value; break;
      case "--apps": args.apps = value.split(","); break;
      case "--from-json": args.fromJson = path.resolve(value); break;
      default: throw new Error(`unknown argument ${flag}`);
    }
  }
  if (!args.dist && !args.fromJson) throw new Error("--dist DIR (our release build) is required");
  if (args.sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error("--sizes wants event counts");
  return args;
}

// ---------------------------------------------------------------- data

/** Writes the TimelineJS and vis-timeline versions of a synthetic dataset. */
function convert(n) {
  const source = path.join(DATA_DIR, `synthetic-${n}.json`);
  const targets = [path.join(DATA_DIR, `timelinejs-${n}.json`), path.join(DATA_DIR, `vis-${n}.json`)];
  const sourceTime = fs.statSync(source).mtimeMs;
  if (targets.every((t) => fs.existsSync(t) && fs.statSync(t).mtimeMs >= sourceTime)) return;
  const dataset = JSON.parse(fs.readFileSync(source, "utf8"));
  const timelinejs = toTimelineJs(dataset);
  const vis = toVis(dataset);
  fs.writeFileSync(targets[0], JSON.stringify(timelinejs));
  fs.writeFileSync(targets[1], JSON.stringify(vis));
}

const sizeCache = new Map();
/** Raw and brotli bytes of a file. */
function fileSize(file) {
  const stat = fs.statSync(file);
  const key = `${file}:${stat.size}:${stat.mtimeMs}`;
  if (!sizeCache.has(key)) {
    const bytes = fs.readFileSync(file);
    const quality = bytes.length > 16e6 ? 9 : 11;
    const brotli = zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 22,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length;
    sizeCache.set(key, { raw: bytes.length, brotli });
  }
  return sizeCache.get(key);
}

// ---------------------------------------------------------------- server

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".map": "application/json",
};

/** The file a URL path names, or null (outside the served folders). */
function resolve(dist, urlPath) {
  const mounts = [
    ["/ours/data/", DATA_DIR],
    ["/ours/", dist],
    ["/data/", DATA_DIR],
    ["/node_modules/", path.join(BENCH_DIR, "node_modules")],
    ["/pages/", path.join(BENCH_DIR, "pages")],
  ];
  const decoded = decodeURIComponent(urlPath);
  for (const [prefix, dir] of mounts) {
    if (!decoded.startsWith(prefix)) continue;
    const file = path.resolve(dir, "." + decoded.slice(prefix.length - 1));
    if (file !== dir && !file.startsWith(dir + path.sep)) return null;
    return file;
  }
  return null;
}

function startServer(dist) {
  const server = http.createServer((request, response) => {
    const urlPath = new URL(request.url, "http://127.0.0.1").pathname;
    const file = resolve(dist, urlPath.endsWith("/") ? urlPath + "index.html" : urlPath);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
      return;
    }
    response.writeHead(200, {
      "content-type": CONTENT_TYPES[path.extname(file)] || "application/octet-stream",
      "content-length": fs.statSync(file).size,
      "cache-control": "no-store",
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise) => {
    server.listen(0, "127.0.0.1", () => resolvePromise(server));
  });
}

// ---------------------------------------------------------------- driving

function wheelZoom({ ctrl }) {
  return async (page, zoomIn) => {
    if (ctrl) await page.keyboard.down("Control");
    await page.mouse.wheel(0, zoomIn ? -100 : 100);
    if (ctrl) await page.keyboard.up("Control");
  };
}

/** A click on a zoom button; a button the app has disabled (at its zoom limit) ignores it. */
function buttonZoom(inSelector, outSelector) {
  return async (page, zoomIn) => {
    const button = page.locator(`.tl-menubar-button:has(${zoomIn ? inSelector : outSelector})`).first();
    const box = await button.boundingBox({ timeout: 10_000 });
    if (!box) throw new Error("the zoom button has no box");
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  };
}

const nextFrame = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));

async function centerOf(page, selector) {
  const locator = page.locator(selector).first();
  await locator.scrollIntoViewIfNeeded({ timeout: 10_000 });
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 120) };
}

/** Zoom in, pan by dragging, zoom out: one input per frame. */
// Still usable from the keyboard at this size: the timeline's tab stop focused, three arrow
// presses (each timed until the focus has moved to the next event), then Enter (timed until
// the detail panel shows the focused event and the address names it).
async function checkKeyboard(page) {
  const marker = "[data-testid=timeline] [data-testid=event-marker][tabindex='0']";
  await page.focus(marker);
  const keyMs = [];
  for (let press = 0; press < 3; press++) {
    const before = await page.evaluate(() => document.activeElement?.getAttribute("data-event-id"));
    const start = await page.evaluate(() => performance.now());
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(
      (before) => {
        const id = document.activeElement?.getAttribute("data-event-id");
        return id && id !== before;
      },
      before,
      { polling: "raf", timeout: 10_000 },
    );
    keyMs.push((await page.evaluate(() => performance.now())) - start);
  }
  const focused = await page.evaluate(() => document.activeElement.getAttribute("data-event-id"));
  const start = await page.evaluate(() => performance.now());
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    (id) => location.hash === `#${id}` && (document.querySelector("[data-testid=detail-title]")?.textContent || "").trim() !== "",
    focused,
    { polling: "raf", timeout: 10_000 },
  );
  const openMs = (await page.evaluate(() => performance.now())) - start;
  return { keyMs: median(keyMs), openMs };
}

async function interact(page, app) {
  const zoomAt = await centerOf(page, app.zoomTarget);
  await page.mouse.move(zoomAt.x, zoomAt.y);
  await page.evaluate(() => window.__benchStartFrames());
  for (let step = 0; step < N_ZOOM_STEPS; step++) {
    await app.zoom(page, true);
    await nextFrame(page);
  }
  const panStart = await page.evaluate(() => performance.now());
  const panAt = await centerOf(page, app.panTarget);
  await page.mouse.move(panAt.x, panAt.y);
  await page.mouse.down();
  for (let move = 1; move <= N_PAN_MOVES; move++) {
    await page.mouse.move(panAt.x - move * PAN_STEP_PX, panAt.y);
    await nextFrame(page);
  }
  await page.mouse.up();
  const panEnd = await page.evaluate(() => performance.now());
  await page.mouse.move(zoomAt.x, zoomAt.y);
  for (let step = 0; step < N_ZOOM_STEPS; step++) {
    await app.zoom(page, false);
    await nextFrame(page);
  }
  await nextFrame(page);
  const times = await page.evaluate(() => window.__benchStopFrames());
  const gaps = [];
  const panGaps = [];
  for (let i = 1; i < times.length; i++) {
    gaps.push(times[i] - times[i - 1]);
    if (times[i] > panStart && times[i] <= panEnd) panGaps.push(times[i] - times[i - 1]);
  }
  gaps.panP95 = percentile(panGaps, 0.95);
  gaps.zoomP95 = percentile(gaps.filter((_, i) => times[i + 1] <= panStart || times[i + 1] > panEnd), 0.95);
  return gaps;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`${what} did not finish in ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

class TimeoutError extends Error {}

/** One page load and, unless `skipInteraction`, the zoom and pan. */
async function runOnce(browser, origin, app, n, timeoutMs, skipInteraction) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  const loaded = [];
  const failed = [];
  page.on("requestfinished", (request) => loaded.push(request.url()));
  page.on("requestfailed", (request) => failed.push(request.url()));
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(origin + app.url(n), { waitUntil: "commit" });
    // A page stuck in one long task cannot time its own wait out: Node does.
    const ready = page
      .waitForFunction(() => window.__bench.ready !== null || window.__bench.error !== null, null, {
        timeout: 0,
        polling: 50,
      })
      .catch(() => {});
    await withTimeout(ready, timeoutMs, "ready").catch((error) => {
      if (error instanceof TimeoutError) throw new TimeoutError(`not ready in ${timeoutMs / 1000} s`);
      throw error;
    });
    const state = await page.evaluate(() => ({ ready: window.__bench.ready, error: window.__bench.error, marks: window.__bench.marks }));
    if (state.error) throw new Error(state.error);

    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const wasmBytes = await page.evaluate(() =>
      window.__bench.wasmMemory ? window.__bench.wasmMemory.buffer.byteLength : null,
    );
    const domElements = await page.evaluate(() => document.getElementsByTagName("*").length);

    let gaps = null;
    let interaction = "skipped";
    if (!skipInteraction) {
      try {
        gaps = await withTimeout(interact(page, app), timeoutMs, "zoom and pan");
        interaction = "ok";
      } catch (error) {
        if (!(error instanceof TimeoutError)) throw error;
        interaction = "timeout";
      }
    }
    const keyboard =
      app.keyboard && interaction === "ok" ? await withTimeout(checkKeyboard(page), timeoutMs, "keyboard") : null;
    let charts = null;
    if (app.chartToggles && interaction === "ok") {
      await withTimeout(page.waitForSelector("#app[data-charts=ready]", { timeout: 0 }), timeoutMs, "charts");
      charts = [];
      for (const selector of app.chartToggles) {
        charts.push(
          await page.evaluate(async (selector) => {
            const button = document.querySelector(selector);
            const start = performance.now();
            button.click();
            // The app's effects run as microtasks: done before this task.
            await new Promise((resolve) => setTimeout(resolve, 0));
            const work = performance.now() - start;
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
            return { work, frame: performance.now() - start };
          }, selector),
        );
      }
    }
    return {
      ok: true,
      interaction,
      charts,
      keyboard,
      chartWorkMax: charts && Math.max(...charts.map((c) => c.work)),
      chartWorkP50: charts && median(charts.map((c) => c.work)),
      chartFrameP50: charts && median(charts.map((c) => c.frame)),
      readyMs: state.ready,
      marks: state.marks,
      heapBytes: heap.usedSize,
      wasmBytes,
      domElements,
      frameP50: gaps && percentile(gaps, 0.5),
      frameP95: gaps && percentile(gaps, 0.95),
      zoomP95: gaps && gaps.zoomP95,
      panP95: gaps && gaps.panP95,
      nFrames: gaps ? gaps.length : 0,
      loaded,
      failed,
    };
  } finally {
    // Closing waits for the page's current task: give up on a stuck one.
    await withTimeout(context.close(), 30_000, "closing the page").catch(() => {});
  }
}

const roundMarks = (marks) => Object.fromEntries(Object.entries(marks || {}).map(([k, v]) => [k, Math.round(v)]));

function percentile(values, fraction) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}

const median = (values) => {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return null;
  const sorted = [...present].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Bytes of the files a page loaded, split into code (everything but the data) and data. */
function transfer(dist, origin, urls) {
  const totals = { codeRaw: 0, codeBrotli: 0, dataRaw: 0, dataBrotli: 0, files: [] };
  for (const url of new Set(urls)) {
    if (!url.startsWith(origin)) continue;
    const file = resolve(dist, new URL(url).pathname);
    if (!file || !fs.existsSync(file)) continue;
    const size = fileSize(file);
    const isData = file.startsWith(DATA_DIR + path.sep);
    totals[isData ? "dataRaw" : "codeRaw"] += size.raw;
    totals[isData ? "dataBrotli" : "codeBrotli"] += size.brotli;
    totals.files.push({ path: path.relative(BENCH_DIR, file), ...size });
  }
  return totals;
}

// ---------------------------------------------------------------- report

const fmtMs = (ms) => (ms === null || ms === undefined ? "–" : ms >= 100 ? `${Math.round(ms).toLocaleString("en")}` : ms.toFixed(1));
const fmtMB = (bytes) => (bytes === null || bytes === undefined ? "–" : (bytes / 1048576).toFixed(1));
const fmtKB = (bytes) => (bytes === null || bytes === undefined ? "–" : (bytes / 1024).toFixed(1));
const fmtRatio = (ours, theirs) =>
  ours === null || ours === undefined || theirs === null || theirs === undefined || theirs === 0
    ? "–"
    : `${(ours / theirs).toFixed(ours / theirs < 0.1 ? 3 : 2)}×`;

function cell(result, pick, format) {
  if (!result) return "not run";
  if (result.status === "timeout") return `timeout (> ${result.limitS} s)`;
  if (result.status === "skipped") return result.reason;
  if (result.status === "error") return `error`;
  return format(pick(result));
}

/** A markdown table: header row, then rows. */
function table(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function render(run) {
  const { sizes, results, machine, args } = run;
  const get = (app, n) => results[app]?.[n];
  const ours = (n) => get("ours", n);
  const ok = (r) => r && r.status === "ok";
  const sizeLabel = (n) => n.toLocaleString("en");
  const parts = [];

  const readyRows = sizes.map((n) => {
    const o = ours(n), t = get("timelinejs", n), v = get("vis", n);
    const fastest = [t, v].filter(ok).map((r) => r.readyMs);
    const fasterPeer = fastest.length ? Math.min(...fastest) : null;
    return [
      sizeLabel(n),
      cell(o, (r) => r.readyMs, fmtMs),
      cell(t, (r) => r.readyMs, fmtMs),
      cell(v, (r) => r.readyMs, fmtMs),
      ok(o) && ok(t) ? fmtRatio(o.readyMs, t.readyMs) : "–",
      ok(o) && ok(v) ? fmtRatio(o.readyMs, v.readyMs) : "–",
      ok(o) && fasterPeer !== null ? fmtRatio(o.readyMs, fasterPeer) : "–",
    ];
  });
  parts.push(
    "### Time to the timeline drawn (ms, median)\n\n" +
      table(["events", "ours", "TimelineJS", "vis-timeline", "ours / TimelineJS", "ours / vis", "ours / faster peer"], readyRows),
  );

  const frames = (r, pick) =>
    r && r.status === "ok" && r.interactionTimedOut ? `zoom and pan timeout (> ${r.limitS} s)` : cell(r, pick, fmtMs);
  const frameRows = sizes.map((n) => {
    const o = ours(n), t = get("timelinejs", n), v = get("vis", n);
    return [
      sizeLabel(n),
      frames(o, (r) => r.frameP50),
      frames(o, (r) => r.frameP95),
      frames(t, (r) => r.frameP50),
      frames(t, (r) => r.frameP95),
      frames(v, (r) => r.frameP50),
      frames(v, (r) => r.frameP95),
      ok(o) && ok(t) ? fmtRatio(o.frameP95, t.frameP95) : "–",
      ok(o) && ok(v) ? fmtRatio(o.frameP95, v.frameP95) : "–",
    ];
  });
  parts.push(
    "### Frame gaps while zooming and panning (ms, median of the runs' p50 and p95)\n\n" +
      table(
        ["events", "ours p50", "ours p95", "TimelineJS p50", "TimelineJS p95", "vis p50", "vis p95", "p95 ours / TimelineJS", "p95 ours / vis"],
        frameRows,
      ),
  );

  const gestureRows = sizes.map((n) => [
    sizeLabel(n),
    ...APPS.flatMap((app) => {
      const r = get(app.key, n);
      return [frames(r, (x) => x.zoomP95), frames(r, (x) => x.panP95)];
    }),
  ]);
  parts.push(
    "### p95 frame gap by gesture (ms, median): zoom steps, then drag-pan\n\n" +
      table(["events", ...APPS.flatMap((a) => [`${a.name} zoom`, `${a.name} pan`])], gestureRows),
  );

  const keyRows = sizes
    .filter((n) => ok(ours(n)) && ours(n).keyMs !== null && ours(n).keyMs !== undefined)
    .map((n) => [sizeLabel(n), fmtMs(ours(n).keyMs), fmtMs(ours(n).openMs)]);
  if (keyRows.length) {
    parts.push(
      "### Keyboard after zooming and panning (ours only, ms, median)\n\n" +
        "The timeline's tab stop focused, three Right Arrow presses (each until the focus is on the next event), then Enter (until the detail panel shows that event and the address names it). A run where either does not happen within 10 s fails.\n\n" +
        table(["events", "arrow key to the next event", "Enter to its detail"], keyRows),
    );
  }

  const chartRows = sizes
    .filter((n) => ok(ours(n)) && ours(n).chartWorkP50 !== null && ours(n).chartWorkP50 !== undefined)
    .map((n) => {
      const o = ours(n);
      return [sizeLabel(n), fmtMs(o.chartWorkP50), fmtMs(o.chartWorkMax), fmtMs(o.chartFrameP50)];
    });
  if (chartRows.length) {
    parts.push(
      "### Funding charts: redraw after a toggle (ours only, ms, median)\n\n" +
        "Each of the commitments chart's four toggles (log, linear, per year, total) clicked in turn: the work it starts (the layout, the canvas drawn, the summary), and the time to the next frame (which includes waiting for it).\n\n" +
        table(["events", "work, median of the toggles", "work, slowest toggle", "to the next frame, median"], chartRows),
    );
  }

  const memoryRows = sizes.map((n) => {
    const o = ours(n), t = get("timelinejs", n), v = get("vis", n);
    const oursTotal = ok(o) ? o.heapBytes + (o.wasmBytes || 0) : null;
    return [
      sizeLabel(n),
      cell(o, (r) => r.heapBytes, fmtMB),
      cell(o, (r) => r.wasmBytes, fmtMB),
      cell(t, (r) => r.heapBytes, fmtMB),
      cell(v, (r) => r.heapBytes, fmtMB),
      ok(t) ? fmtRatio(oursTotal, t.heapBytes) : "–",
      ok(v) ? fmtRatio(oursTotal, v.heapBytes) : "–",
      cell(o, (r) => r.domElements, String),
      cell(t, (r) => r.domElements, String),
      cell(v, (r) => r.domElements, String),
    ];
  });
  parts.push(
    "### Memory after ready (MB, median) and DOM size\n\n" +
      "Ours is the JS heap plus the WebAssembly memory (which the JS heap does not count); the ratios compare that sum with the peers' JS heap.\n\n" +
      table(
        ["events", "ours JS heap", "ours wasm", "TimelineJS JS heap", "vis JS heap", "ours / TimelineJS", "ours / vis", "ours DOM elements", "TimelineJS DOM", "vis DOM"],
        memoryRows,
      ),
  );

  const firstOk = (app) => sizes.map((n) => get(app, n)).find(ok);
  const codeRows = APPS.map((app) => {
    const r = firstOk(app.key);
    return [app.name, r ? fmtKB(r.transfer.codeRaw) : "–", r ? fmtKB(r.transfer.codeBrotli) : "–", r ? String(r.transfer.files.filter((f) => !f.path.startsWith("data")).length) : "–", r ? String(r.failedRequests) : "–"];
  });
  const oursCode = firstOk("ours")?.transfer.codeBrotli;
  parts.push(
    "### Bytes transferred: code (KB; everything but the data file)\n\n" +
      table(["app", "raw", "brotli", "files", "failed requests (other hosts)"], codeRows) +
      "\n\n" +
      APPS.filter((a) => a.key !== "ours")
        .map((a) => `ours / ${a.name} (brotli): ${fmtRatio(oursCode, firstOk(a.key)?.transfer.codeBrotli)}`)
        .join("; ") +
      ".",
  );
  const dataRows = sizes.map((n) => [
    sizeLabel(n),
    ...APPS.flatMap((app) => {
      const r = get(app.key, n);
      return ok(r) ? [fmtKB(r.transfer.dataRaw), fmtKB(r.transfer.dataBrotli)] : ["–", "–"];
    }),
  ]);
  parts.push(
    "### Bytes transferred: the data file (KB, raw and brotli)\n\n" +
      table(["events", ...APPS.flatMap((a) => [`${a.name} raw`, `${a.name} brotli`])], dataRows),
  );

  const doc = [];
  doc.push("# Performance");
  doc.push("");
  doc.push(
    "How fast and how light the timeline is next to the tools newsrooms use, measured side by side: our release build, " +
      "[TimelineJS 3.9.11](https://timeline.knightlab.com/) and [vis-timeline 8.5.4](https://visjs.github.io/vis-timeline/), " +
      "each fed the same synthetic events converted to its format, in the same headless Chromium, in the same run. " +
      "The machine is noisy: the ratios within one run are the figures that count.",
  );
  doc.push("");
  doc.push("This file is written by `cargo xtask bench`; do not edit it by hand.");
  doc.push("");
  doc.push("## Machine and run");
  doc.push("");
  doc.push(`- Date: ${machine.date}`);
  doc.push(`- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${machine.memoryGB} GB; ${machine.os}`);
  doc.push(`- Browser: ${machine.browser}, headless, software rendering, viewport ${VIEWPORT.width}×${VIEWPORT.height}`);
  doc.push(`- Node.js ${machine.node}, playwright-core ${machine.playwright}`);
  if (machine.loadAtStart && machine.loadAtEnd) {
    const load = (avg) => avg.map((x) => x.toFixed(1)).join(" / ");
    doc.push(
      `- Load average (1, 5, 15 min) when the browser runs started: ${load(machine.loadAtStart)}; when they ended: ` +
        `${load(machine.loadAtEnd)}, on ${machine.cores} cores. Above ${machine.cores}, other work (builds, tests) ` +
        "shared the machine during the run: absolute times are slower than on a quiet machine, and the ratios " +
        "between apps are the figures to read.",
    );
  }
  doc.push(`- ${args.reps} repetitions per app and size (medians), time limit ${args.timeoutS} s per page`);
  doc.push("");
  doc.push("## Commands");
  doc.push("");
  doc.push("```sh");
  doc.push(`${args.command}          # all of it: datasets, release build, peers, browser runs, host timings, this file`);
  doc.push("cargo xtask gen-data 100000   # one synthetic dataset (bench/data/synthetic-100000.json)");
  doc.push("cargo run --release --example scale_timings -- bench/data/synthetic-100000.json");
  doc.push("```");
  doc.push("");
  doc.push("## Method");
  doc.push("");
  doc.push(
    "- Data: `cargo xtask gen-data N` writes N events in our format (fixed seed: the same N always gives the same file), " +
      "bunched into stories with quiet gaps over 4 to 14 years, six tracks, French and English texts, one or two sources each " +
      "and a figure for about one event in 25. `bench/bench.mjs` converts them for the peers (French headline and text, one " +
      "TimelineJS group or vis-timeline group per track).",
  );
  doc.push(
    "- Ours loads the release build (`trunk build --release`) with `?data=data/synthetic-N.json`; the peers load their npm " +
      "package's JS and CSS and fetch their converted file. Every page fetches and parses its data inside the measured time.",
  );
  doc.push(
    "- Ready: from navigation start to the timeline drawn (ours: `#app[data-state=ready]` with a marker in the DOM; " +
      "TimelineJS: its `loaded` event; vis-timeline: `onInitialDrawComplete`), plus one frame (a requestAnimationFrame, then a task).",
  );
  doc.push(
    `- Frames: requestAnimationFrame gaps while the script zooms in ${N_ZOOM_STEPS} steps (Ctrl + wheel for us, wheel for ` +
      `vis-timeline, the zoom button for TimelineJS, which has no wheel zoom), drags ${N_PAN_MOVES} moves of ${PAN_STEP_PX} px, and ` +
      `zooms out ${N_ZOOM_STEPS} steps, one input per frame. 16.7 ms is one frame at 60 Hz; the gaps of frames on time read 16.6 to 16.8 ms (timer jitter), a dropped frame 33.3 ms.`,
  );
  doc.push(
    "- Memory: after ready and a forced garbage collection, `Runtime.getHeapUsage` (JS heap), plus the WebAssembly memory for us " +
      "(the instance Trunk's loader announces; the app exposes nothing for the benchmark).",
  );
  doc.push("- Bytes: every file the page loaded from 127.0.0.1, raw and brotli quality 11 (data files over 16 MB: quality 9).");
  doc.push("");
  doc.push("## Results");
  doc.push("");
  doc.push(parts.join("\n\n"));
  doc.push("");
  const problems = [];
  for (const app of APPS) {
    for (const n of sizes) {
      const r = results[app.key]?.[n];
      if (r && (r.status === "error" || r.status === "timeout")) {
        problems.push(`- ${app.name}, ${n.toLocaleString("en")} events: ${r.status}: ${String(r.message).split("\n")[0]}`);
      } else if (r && r.status === "ok" && r.interactionTimedOut) {
        problems.push(`- ${app.name}, ${n.toLocaleString("en")} events: ready, but zooming and panning did not finish in ${r.limitS} s`);
      }
    }
  }
  if (problems.length) {
    doc.push("### Runs that did not finish");
    doc.push("");
    doc.push(problems.join("\n"));
    doc.push("");
  }
  doc.push("## Targets");
  doc.push("");
  doc.push(targets(run).join("\n"));
  if (run.lighthouse) {
    doc.push("");
    doc.push(run.lighthouse.trimEnd());
  }
  if (run.hostTimings) {
    doc.push("");
    doc.push("## Host timings of the data and layout work");
    doc.push("");
    doc.push(
      "`cargo run --release --example scale_timings` on the same machine, natively (the browser runs the same Rust compiled " +
        "to WebAssembly, typically 1.5 to 3 times slower). The layout is computed once per zoom level (a quarter of a doubling) " +
        "and per focused event; a pan only slices it.",
    );
    doc.push("");
    doc.push("```text");
    doc.push(run.hostTimings.trimEnd());
    doc.push("```");
  }
  if (run.sizeReport) {
    doc.push("");
    doc.push("## Bytes of the published page, by stage of its load");
    doc.push("");
    doc.push("The byte budgets `cargo xtask test` enforces (see `xtask/src/size.rs`; the bundled dataset is inside the first wasm): what the reader waits for before the story is readable, before the timeline is interactive, and everything the page can load (the wasm chunks come when the page is idle or on first use):");
    doc.push("");
    doc.push("```text");
    doc.push(run.sizeReport.trimEnd());
    doc.push("```");
  }
  const levers = path.join(BENCH_DIR, "findings.md");
  if (fs.existsSync(levers)) {
    doc.push("");
    doc.push(fs.readFileSync(levers, "utf8").trimEnd());
  }
  doc.push("");
  return doc.join("\n");
}

function targets(run) {
  const { results } = run;
  const r = (app, n) => results[app]?.[n];
  const ok = (x) => x && x.status === "ok";
  const lines = [];
  const say = (name, met, detail) => lines.push(`- ${met === null ? "not measured" : met ? "met" : "**not met**"}: ${name} (${detail})`);
  const o1 = r("ours", 1000), t1 = r("timelinejs", 1000), v1 = r("vis", 1000);
  if (ok(o1) && (ok(t1) || ok(v1))) {
    const faster = Math.min(...[t1, v1].filter(ok).map((x) => x.readyMs));
    say("1,000 events: ready at most 0.5× the faster peer", o1.readyMs <= 0.5 * faster, `${fmtMs(o1.readyMs)} ms vs ${fmtMs(faster)} ms: ${fmtRatio(o1.readyMs, faster)}`);
  } else say("1,000 events: ready at most 0.5× the faster peer", null, "no run");
  const o10 = r("ours", 10000), v10 = r("vis", 10000);
  if (ok(o10)) {
    // One frame at 60 Hz: requestAnimationFrame gaps of an on-time frame read 16.6 to 16.8 ms
    // (timer jitter); a late one reads 33.3 ms or more.
    say("10,000 events: p95 frame at most 16.7 ms (one frame at 60 Hz, ±0.2 ms of timer jitter)", o10.frameP95 !== null && o10.frameP95 <= FRAME_MS + FRAME_JITTER_MS, `${fmtMs(o10.frameP95)} ms`);
    if (ok(v10)) say("10,000 events: ready at most 0.1× vis-timeline", o10.readyMs <= 0.1 * v10.readyMs, `${fmtMs(o10.readyMs)} ms vs ${fmtMs(v10.readyMs)} ms: ${fmtRatio(o10.readyMs, v10.readyMs)}`);
    else say("10,000 events: ready at most 0.1× vis-timeline", null, "vis-timeline did not finish");
  } else say("10,000 events", null, "no run");
  const o100 = r("ours", 100000);
  if (ok(o100)) {
    say("100,000 events: first render under 1 s", o100.readyMs < 1000, `${fmtMs(o100.readyMs)} ms from navigation, fetch and parse of the ${fmtMB(o100.transfer.dataRaw)} MB file included; p95 frame ${fmtMs(o100.frameP95)} ms`);
  } else say("100,000 events: first render under 1 s", null, o100 ? o100.status : "no run");
  if (ok(o100)) {
    const total = o100.heapBytes + (o100.wasmBytes || 0);
    say("100,000 events: memory after ready at most 100 MB", total <= 100 * 1048576, `${fmtMB(o100.heapBytes)} MB of JS heap and ${fmtMB(o100.wasmBytes || 0)} MB of WebAssembly memory: ${fmtMB(total)} MB`);
  } else say("100,000 events: memory after ready at most 100 MB", null, o100 ? o100.status : "no run");
  if (run.budget && run.budget.readableBrotli !== null) say("bytes before the story is readable at most 30 KB brotli", run.budget.readableBrotli <= 30 * 1024, `${fmtKB(run.budget.readableBrotli)} KB`);
  if (run.budget && run.budget.interactiveBrotli !== null) {
    say("bytes before the timeline is interactive at most 200 KB brotli", run.budget.interactiveBrotli <= 200 * 1024, `${fmtKB(run.budget.interactiveBrotli)} KB`);
    say("bytes before the timeline is interactive at most 110 KB brotli (the goal)", run.budget.interactiveBrotli <= 110 * 1024, `${fmtKB(run.budget.interactiveBrotli)} KB`);
  }
  return lines;
}

// ---------------------------------------------------------------- main

async function main() {
  const args = parseArgs(process.argv.slice(2));
  // The machine may be shared (builds, other tests): its load is part of the record.
  const loadAtStart = os.loadavg();
  if (args.fromJson) {
    // Only the document again, from the results of an earlier run.
    const run = JSON.parse(fs.readFileSync(args.fromJson, "utf8"));
    fs.writeFileSync(args.markdown, render(run));
    console.log(`written to ${args.markdown}`);
    return;
  }
  // The peers' files, only when a peer runs (a 1,000,000-event file is too long for one
  // JavaScript string: ours alone can run at that size).
  if (args.apps.some((app) => app !== "ours")) for (const n of args.sizes) convert(n);
  const server = await startServer(args.dist);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const launch = () => chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--enable-precise-memory-info",
      // Only the local server exists: fonts or scripts from other hosts fail at once.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
  let browser = await launch();
  const browserVersion = browser.version();
  const results = {};
  const timeoutMs = args.timeoutS * 1000;
  try {
    for (const app of APPS.filter((a) => args.apps.includes(a.key))) {
      results[app.key] = {};
      let gaveUpAt = null;
      for (const n of args.sizes) {
        if (gaveUpAt !== null) {
          results[app.key][n] = { status: "skipped", reason: `not run (no finish at ${gaveUpAt.toLocaleString("en")})` };
          console.log(`${app.name} ${n}: skipped`);
          continue;
        }
        const runs = [];
        let outcome = null;
        let interactionTimedOut = false;
        let relaunched = false;
        for (let rep = 0; rep < args.reps; rep++) {
          try {
            // Chromium can go away under us (a crash, or a process killed on a shared
            // machine): start a new one and run that repetition again, once.
            if (!browser.isConnected()) {
              browser = await launch();
            }
            const result = await runOnce(browser, origin, app, n, timeoutMs, interactionTimedOut).catch(async (error) => {
              if (browser.isConnected() || relaunched) throw error;
              relaunched = true;
              console.log(`${app.name} ${n} #${rep + 1}: the browser went away (${String(error.message).split("\n")[0]}); again in a new one`);
              browser = await launch();
              return runOnce(browser, origin, app, n, timeoutMs, interactionTimedOut);
            });
            interactionTimedOut ||= result.interaction === "timeout";
            runs.push(result);
            console.log(
              `${app.name} ${n} #${rep + 1}: ready ${fmtMs(result.readyMs)} ms ${JSON.stringify(roundMarks(result.marks))}, zoom and pan ${result.interaction}: frames p50 ${fmtMs(result.frameP50)} p95 ${fmtMs(result.frameP95)} ms (${result.nFrames}; p95 zoom ${fmtMs(result.zoomP95)}, pan ${fmtMs(result.panP95)}), heap ${fmtMB(result.heapBytes)} MB, wasm ${fmtMB(result.wasmBytes)} MB, DOM ${result.domElements}`,
            );
          } catch (error) {
            const status = error instanceof TimeoutError ? "timeout" : "error";
            outcome = { status, limitS: args.timeoutS, message: String(error.message || error).slice(0, 500) };
            console.log(`${app.name} ${n} #${rep + 1}: ${status}: ${outcome.message}`);
            break;
          }
        }
        if (outcome) {
          results[app.key][n] = outcome;
          gaveUpAt = n;
          continue;
        }
        const first = runs[0];
        results[app.key][n] = {
          status: "ok",
          interactionTimedOut,
          limitS: args.timeoutS,
          readyMs: median(runs.map((r) => r.readyMs)),
          frameP50: median(runs.map((r) => r.frameP50)),
          frameP95: median(runs.map((r) => r.frameP95)),
          zoomP95: median(runs.map((r) => r.zoomP95)),
          panP95: median(runs.map((r) => r.panP95)),
          heapBytes: median(runs.map((r) => r.heapBytes)),
          wasmBytes: median(runs.map((r) => r.wasmBytes)),
          domElements: median(runs.map((r) => r.domElements)),
          keyMs: runs[0].keyboard ? median(runs.map((r) => r.keyboard.keyMs)) : null,
          openMs: runs[0].keyboard ? median(runs.map((r) => r.keyboard.openMs)) : null,
          chartWorkP50: runs[0].charts ? median(runs.map((r) => r.chartWorkP50)) : null,
          chartWorkMax: runs[0].charts ? median(runs.map((r) => r.chartWorkMax)) : null,
          chartFrameP50: runs[0].charts ? median(runs.map((r) => r.chartFrameP50)) : null,
          runs: runs.map(({ loaded, failed, ...rest }) => rest),
          transfer: transfer(args.dist, origin, first.loaded),
          failedRequests: first.failed.length,
          failedUrls: first.failed.slice(0, 10),
        };
      }
    }
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }

  const playwrightPackage = JSON.parse(fs.readFileSync(path.join(BENCH_DIR, "node_modules", "playwright-core", "package.json"), "utf8"));
  const run = {
    sizes: args.sizes,
    results,
    args: { reps: args.reps, timeoutS: args.timeoutS, command: args.command },
    machine: {
      date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
      cpu: os.cpus()[0]?.model || "unknown",
      cores: os.cpus().length,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      browser: `Chromium ${browserVersion}`,
      node: process.versions.node,
      playwright: playwrightPackage.version,
      loadAtStart,
      loadAtEnd: os.loadavg(),
    },
    hostTimings: args.hostTimings && fs.existsSync(args.hostTimings) ? fs.readFileSync(args.hostTimings, "utf8") : null,
    sizeReport: args.sizeReport && fs.existsSync(args.sizeReport) ? fs.readFileSync(args.sizeReport, "utf8") : null,
    lighthouse: args.lighthouse && fs.existsSync(args.lighthouse) ? fs.readFileSync(args.lighthouse, "utf8") : null,
  };
  const stage = (name) => {
    const match = run.sizeReport && run.sizeReport.match(new RegExp(`${name}: (\\d+) B brotli`));
    return match ? Number(match[1]) : null;
  };
  run.budget = run.sizeReport
    ? {
        readableBrotli: stage("before the story is readable"),
        interactiveBrotli: stage("before the timeline is interactive"),
        totalBrotli: stage("everything the page can load"),
      }
    : null;

  const markdown = render(run);
  console.log("\n" + markdown.slice(markdown.indexOf("## Results")));
  if (args.json) {
    fs.mkdirSync(path.dirname(args.json), { recursive: true });
    fs.writeFileSync(args.json, JSON.stringify(run, null, 2));
  }
  if (args.markdown) {
    fs.mkdirSync(path.dirname(args.markdown), { recursive: true });
    fs.writeFileSync(args.markdown, markdown);
    console.log(`\nwritten to ${args.markdown}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
