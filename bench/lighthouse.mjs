// Lighthouse, side by side: our published page, its embed mode, the French demo article, and
// the same 40-event story shown by TimelineJS 3.9.11 and by vis-timeline 8.5.4 on pages of the
// same shape (bench/pages/story-*.html), each run several times with Lighthouse's mobile preset
// (its default: a mid-range phone, simulated slow 4G and 4× CPU slowdown) in Debian's Chromium,
// a fresh profile per run. The site is served from 127.0.0.1 compressed as a real host would
// (brotli for text and wasm when the browser asks for it).
//
//   node bench/lighthouse.mjs --dist DIR [--runs 3] [--json OUT.json] [--markdown OUT.md]
//
// `cargo xtask bench` runs it and passes the Markdown to bench.mjs for docs/PERFORMANCE.md.

import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

import { toTimelineJs, toVis } from "./convert.mjs";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT_DIR = path.dirname(BENCH_DIR);
const CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const PAGES = [
  { key: "ours", label: "ours", path: "/ours/" },
  { key: "embed", label: "ours, `?embed=1`", path: "/ours/?embed=1" },
  { key: "article", label: "ours, French demo article", path: "/ours/article-fr.html" },
  { key: "timelinejs", label: "TimelineJS 3.9.11", path: "/pages/story-timelinejs.html" },
  { key: "vis", label: "vis-timeline 8.5.4", path: "/pages/story-vis-timeline.html" },
];
const OURS = ["ours", "embed", "article"];
const PEERS = ["timelinejs", "vis"];

function parseArgs(argv) {
  const args = { dist: null, runs: 3, json: null, markdown: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    switch (flag) {
      case "--dist": args.dist = path.resolve(value); break;
      case "--runs": args.runs = Number(value); break;
      case "--json": args.json = path.resolve(value); break;
      case "--markdown": args.markdown = path.resolve(value); break;
      default: throw new Error(`unknown option ${flag}`);
    }
  }
  if (!args.dist || !(args.runs > 0)) throw new Error("usage: lighthouse.mjs --dist DIR [--runs N] [--json F] [--markdown F]");
  return args;
}

// ---------------------------------------------------------------- the site, compressed

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};
const COMPRESSED = new Set([".html", ".js", ".css", ".json", ".wasm", ".svg"]);

function startServer(mounts) {
  const cache = new Map();
  const server = http.createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
    const wanted = urlPath.endsWith("/") ? urlPath + "index.html" : urlPath;
    let file = null;
    for (const [prefix, dir] of mounts) {
      if (!wanted.startsWith(prefix)) continue;
      const candidate = path.resolve(dir, "." + wanted.slice(prefix.length - 1));
      if (candidate.startsWith(dir + path.sep)) file = candidate;
      break;
    }
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
      return;
    }
    const ext = path.extname(file);
    const headers = {
      "content-type": CONTENT_TYPES[ext] || "application/octet-stream",
      "cache-control": "no-cache",
      vary: "accept-encoding",
    };
    let body = fs.readFileSync(file);
    if (COMPRESSED.has(ext) && /\bbr\b/.test(request.headers["accept-encoding"] || "")) {
      const key = `${file}:${body.length}:${fs.statSync(file).mtimeMs}`;
      if (!cache.has(key)) {
        cache.set(key, zlib.brotliCompressSync(body, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }));
      }
      body = cache.get(key);
      headers["content-encoding"] = "br";
    }
    headers["content-length"] = body.length;
    response.writeHead(200, headers);
    response.end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The published story in the peers' formats, in a folder served as /data/. */
function writeStoryData() {
  const dataset = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, "www", "data", "ai-race-2025.json"), "utf8"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ai-race-lighthouse-"));
  fs.writeFileSync(path.join(dir, "story-timelinejs.json"), JSON.stringify(toTimelineJs(dataset)));
  fs.writeFileSync(path.join(dir, "story-vis.json"), JSON.stringify({ title: dataset.title.fr, dek: dataset.description.fr, ...toVis(dataset) }));
  return { dir, nEvents: dataset.events.length };
}

// ---------------------------------------------------------------- runs

async function runOnce(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const audit = (id) => lhr.audits[id]?.numericValue ?? null;
    return {
      score: lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100),
      fcpMs: audit("first-contentful-paint"),
      lcpMs: audit("largest-contentful-paint"),
      tbtMs: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
      speedIndexMs: audit("speed-index"),
      bytes: audit("total-byte-weight"),
      warnings: lhr.runWarnings || [],
      lighthouseVersion: lhr.lighthouseVersion,
      userAgent: lhr.environment?.hostUserAgent,
    };
  } finally {
    await chrome.kill();
  }
}

const median = (values) => {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const METRICS = [
  { key: "score", label: "performance score", fmt: (v) => String(Math.round(v)), better: "higher" },
  { key: "fcpMs", label: "FCP (s)", fmt: (v) => (v / 1000).toFixed(2), better: "lower" },
  { key: "lcpMs", label: "LCP (s)", fmt: (v) => (v / 1000).toFixed(2), better: "lower" },
  { key: "tbtMs", label: "TBT (ms)", fmt: (v) => String(Math.round(v)), better: "lower" },
  { key: "cls", label: "CLS", fmt: (v) => v.toFixed(3), better: "lower" },
  { key: "speedIndexMs", label: "Speed Index (s)", fmt: (v) => (v / 1000).toFixed(2), better: "lower" },
  { key: "bytes", label: "bytes (KB, transferred)", fmt: (v) => (v / 1024).toFixed(1), better: "lower" },
];

function render(run) {
  const lines = [];
  lines.push("## Lighthouse, side by side");
  lines.push("");
  lines.push(`Lighthouse ${run.lighthouseVersion}, mobile preset (its default: simulated slow 4G, 4× CPU slowdown, a phone's screen), ${run.runs} runs per page, medians; Chromium headless with a fresh profile per run, the site served from 127.0.0.1 with brotli as a real host would. The peers show the same ${run.nEvents}-event story (French texts, one group per track) on pages of the same shape: a header (title and dek) above the timeline. Written by \`cargo xtask bench\` (\`bench/lighthouse.mjs\`).`);
  lines.push("");
  if (run.loadAtStart && run.loadAtEnd) {
    const load = (avg) => avg.map((x) => x.toFixed(1)).join(" / ");
    lines.push(`Load average of the machine (1, 5, 15 min) when the runs started: ${load(run.loadAtStart)}; when they ended: ${load(run.loadAtEnd)}, on ${os.cpus().length} cores. Lighthouse's simulated throttling starts from what it observes: other work on the machine (builds, tests) inflates TBT and the times of every page alike.`);
    lines.push("");
  }
  lines.push(`| page | ${METRICS.map((m) => m.label).join(" | ")} |`);
  lines.push(`| --- | ${METRICS.map(() => "---").join(" | ")} |`);
  for (const page of PAGES) {
    const medians = run.medians[page.key];
    const cells = METRICS.map((m) => (medians && medians[m.key] !== null ? m.fmt(medians[m.key]) : "–"));
    lines.push(`| ${page.label} | ${cells.join(" | ")} |`);
  }
  lines.push("");
  lines.push("Targets (issue 15), on each of our three pages:");
  lines.push("");
  const say = (name, met, detail) => lines.push(`- ${met === null ? "not measured" : met ? "met" : "**not met**"}: ${name} (${detail})`);
  for (const key of OURS) {
    const m = run.medians[key];
    const label = PAGES.find((p) => p.key === key).label;
    if (!m) {
      say(label, null, "no run");
      continue;
    }
    say(`${label}: performance at least 95`, m.score >= 95, `${m.score}`);
    say(`${label}: LCP at most 1.5 s`, m.lcpMs <= 1500, `${(m.lcpMs / 1000).toFixed(2)} s`);
    say(`${label}: TBT at most 150 ms`, m.tbtMs <= 150, `${Math.round(m.tbtMs)} ms`);
    say(`${label}: CLS at most 0.01`, m.cls <= 0.01, m.cls.toFixed(3));
    const behind = [];
    for (const metric of METRICS) {
      for (const peer of PEERS) {
        const p = run.medians[peer];
        if (!p || p[metric.key] === null || m[metric.key] === null) continue;
        const ahead = metric.better === "higher" ? m[metric.key] >= p[metric.key] : m[metric.key] <= p[metric.key];
        if (!ahead) behind.push(`${metric.label} behind ${PAGES.find((x) => x.key === peer).label}`);
      }
    }
    say(`${label}: ahead of both peers on each metric`, behind.length === 0, behind.length ? behind.join("; ") : "every metric");
  }
  if (run.warnings.length) {
    lines.push("");
    lines.push("Lighthouse's warnings: " + [...new Set(run.warnings)].join("; "));
  }
  return lines.join("\n") + "\n";
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const loadAtStart = os.loadavg();
  const story = writeStoryData();
  const server = await startServer([
    ["/ours/", args.dist],
    ["/data/", story.dir],
    ["/node_modules/", path.join(BENCH_DIR, "node_modules")],
    ["/pages/", path.join(BENCH_DIR, "pages")],
  ]);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const results = {};
  let lighthouseVersion = "?";
  const warnings = [];
  try {
    for (let rep = 0; rep < args.runs; rep++) {
      for (const page of PAGES) {
        const url = origin + page.path;
        try {
          const result = await runOnce(url);
          lighthouseVersion = result.lighthouseVersion;
          warnings.push(...result.warnings);
          (results[page.key] ||= []).push(result);
          console.log(`${page.label} run ${rep + 1}: score ${result.score}, FCP ${Math.round(result.fcpMs)} ms, LCP ${Math.round(result.lcpMs)} ms, TBT ${Math.round(result.tbtMs)} ms, CLS ${result.cls.toFixed(3)}, SI ${Math.round(result.speedIndexMs)} ms, ${(result.bytes / 1024).toFixed(1)} KB`);
        } catch (error) {
          console.error(`${page.label} run ${rep + 1} failed: ${error.message}`);
          (results[page.key] ||= []).push({ error: String(error.message) });
        }
      }
    }
  } finally {
    server.close();
    fs.rmSync(story.dir, { recursive: true, force: true });
  }
  const medians = {};
  for (const page of PAGES) {
    const ok = (results[page.key] || []).filter((r) => !r.error);
    if (ok.length === 0) continue;
    medians[page.key] = Object.fromEntries(METRICS.map((m) => [m.key, median(ok.map((r) => r[m.key]))]));
  }
  const run = { runs: args.runs, nEvents: story.nEvents, lighthouseVersion, results, medians, warnings, loadAtStart, loadAtEnd: os.loadavg() };
  const markdown = render(run);
  console.log("\n" + markdown);
  if (args.json) fs.writeFileSync(args.json, JSON.stringify(run, null, 2));
  if (args.markdown) fs.writeFileSync(args.markdown, markdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
