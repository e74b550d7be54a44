import fs from "node:fs"; import http from "node:http"; import path from "node:path";
import { chromium } from "playwright-core";
const dist = path.resolve(process.argv[2]); const n = process.argv[3] || "10000";
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml" };
const server = http.createServer((req, res) => { let p = new URL(req.url, "http://x").pathname;
  const file = p.startsWith("/data/") ? path.join("/work/main/bench/data", p.slice(6)) : path.join(dist, p === "/" ? "index.html" : p);
  if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" }); fs.createReadStream(file).pipe(res); });
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/index.html?data=data/synthetic-${n}.json`);
await page.waitForSelector("#app[data-state=ready] [data-testid=event-marker], #app[data-state=ready] [data-testid=cluster-marker]");
await page.waitForTimeout(1500);
const box = await page.locator("[data-testid=timeline]").boundingBox();
const x = box.x + box.width / 2, y = box.y + 60;
await page.mouse.move(x, y);
const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
await browser.startTracing(page, { path: "/tmp/tr/trace.json", categories: ["devtools.timeline", "blink", "cc"] });
await page.keyboard.down("Control");
for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, -100); await frame(); }
for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, 100); await frame(); }
await page.keyboard.up("Control");
await browser.stopTracing();
const ev = JSON.parse(fs.readFileSync("/tmp/tr/trace.json")).traceEvents;
const sum = new Map();
for (const e of ev) if (e.ph === "X" && e.dur) { sum.set(e.name, (sum.get(e.name) || 0) + e.dur / 1000); }
for (const [k, v] of [...sum.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(9), k);
await browser.close(); server.close();
