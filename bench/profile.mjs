// Diagnostic, not part of the benchmark: profiles our page while it loads a
// dataset and while a script zooms and pans, and prints the functions with
// the most self time. Use a build whose wasm keeps its function names.
//
// usage: node bench/profile.mjs --dist DIR --n 10000 [--phase load|interact]
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) => (i % 2 ? pairs : [...pairs, [all[i].replace(/^--/, ""), all[i + 1]]]), []));
const dist = path.resolve(args.dist);
const n = args.n || "10000";
const phase = args.phase || "interact";
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml" };
const server = http.createServer((req, res) => {
  let p = new URL(req.url, "http://x").pathname;
  const file = p.startsWith("/data/") ? path.join(BENCH_DIR, "data", p.slice(6)) : path.join(dist, p === "/" ? "index.html" : p);
  if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
if (phase === "load") await cdp.send("Profiler.start");
const t0 = Date.now();
await page.goto(`${origin}/index.html?data=data/synthetic-${n}.json`);
await page.waitForSelector("#app[data-state=ready] [data-testid=event-marker], #app[data-state=ready] [data-testid=cluster-marker]", { timeout: 120000 });
console.log(`ready after ${Date.now() - t0} ms (wall)`);
if (phase === "zoom") {
  const box = await page.locator("[data-testid=timeline]").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 60);
  const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  await cdp.send("Profiler.start");
  await page.keyboard.down("Control");
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, -100); await frame(); }
    for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, 100); await frame(); }
  }
  await page.keyboard.up("Control");
}
if (phase === "interact") {
  const box = await page.locator("[data-testid=timeline]").boundingBox();
  const x = box.x + box.width / 2, y = box.y + 60;
  await page.mouse.move(x, y);
  await cdp.send("Profiler.start");
  const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  await page.keyboard.down("Control");
  for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, -100); await frame(); }
  await page.keyboard.up("Control");
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) { await page.mouse.move(x - i * 20, y); await frame(); }
  await page.mouse.up();
  await page.keyboard.down("Control");
  for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, 100); await frame(); }
  await page.keyboard.up("Control");
}
const { profile } = await cdp.send("Profiler.stop");
const self = new Map();
const dt = profile.timeDeltas;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]);
  const name = node.callFrame.functionName || `(anon ${node.callFrame.url.split("/").pop()}:${node.callFrame.lineNumber})`;
  self.set(name, (self.get(name) || 0) + (dt[i + 1] || 0) / 1000);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`total sampled ${total.toFixed(0)} ms`);
for (const [name, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top || 45))) {
  console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 150)}`);
}
await browser.close();
server.close();
