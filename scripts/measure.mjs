// Measures the release bundle in dist/ against the foundation's budgets:
//   - wasm + JS + CSS ≤ 250 KB gzipped;
//   - the example board rendered ≤ 150 ms after the wasm is instantiated (headless Chromium);
//   - the diff of two 5,000-initiative boards ≤ 20 ms, and saving (≤ 15 ms) and loading
//     (≤ 30 ms) the big board of 2,000 initiatives and 20,000 check-ins through localStorage
//     (optimised wasm in headless Chromium, tests/bench_core.rs).
// Run by scripts/measure; prints a table, writes bench-results/measure.json, exits 1 when a
// budget fails.
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from '../tests/support/server.mjs';
import { launch } from '../tests/support/browser.mjs';

const DIST = new URL('../dist/', import.meta.url).pathname;
const RUNS = Number(process.env.RUNS ?? 7);

async function sizes() {
  const out = {};
  for (const name of await readdir(DIST)) {
    const kind = name.endsWith('.wasm') ? 'wasm' : name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
    if (!kind) continue;
    const bytes = await readFile(join(DIST, name));
    out[kind] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  return out;
}

// Installed before the page's own scripts: notes when WebAssembly instantiation finishes
// and when the board's cards first appear.
function probe(minCards) {
  const marks = (window.__abMarks = {});
  const wrap = (name) => {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const result = await original.apply(WebAssembly, args);
      marks.instantiated ??= performance.now();
      return result;
    };
  };
  wrap('instantiate');
  wrap('instantiateStreaming');
  new MutationObserver(() => {
    if (!marks.rendered && document.querySelectorAll('.ab-card').length >= minCards) marks.rendered = performance.now();
  }).observe(document, { childList: true, subtree: true });
}

/** Runs the in-browser core benchmarks and reads their `BENCH name key=value …` lines. */
function coreBenchmarks() {
  const output = execFileSync('cargo', ['test', '--profile', 'wasm-bench', '--locked', '--target', 'wasm32-unknown-unknown',
    '--test', 'bench_core', '--', '--nocapture'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, CHROMEDRIVER: '/usr/bin/chromedriver', CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: 'wasm-bindgen-test-runner' },
  });
  const out = {};
  for (const line of output.split('\n')) {
    const match = line.match(/BENCH (\S+) (.*)/);
    if (!match) continue;
    out[match[1]] = Object.fromEntries(match[2].split(' ').map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => [Math.min(...xs), Math.max(...xs)];

async function startup(browser, url) {
  // Save the example board once, then measure page loads that render it from storage.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Start from example' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
  const cards = await page.locator('.ab-card').count();
  await page.addInitScript(probe, cards);
  const afterInstantiate = [];
  const fromNavigation = [];
  for (let run = 0; run < RUNS; run++) {
    await page.reload();
    await page.waitForFunction(() => window.__abMarks?.rendered);
    const marks = await page.evaluate(() => window.__abMarks);
    afterInstantiate.push(marks.rendered - marks.instantiated);
    fromNavigation.push(marks.rendered);
  }
  await context.close();
  return { cards, afterInstantiate, fromNavigation };
}

const server = await serve(DIST);
const browser = await launch();
try {
  const size = await sizes();
  const total = Object.values(size).reduce((sum, s) => sum + s.gzip, 0);
  const start = await startup(browser, server.url);
  const render = median(start.afterInstantiate);
  const core = coreBenchmarks();
  const diffMs = core.diff_5000?.median_ms ?? Infinity;
  const saveMs = core.save_big?.median_ms ?? Infinity;
  const loadMs = core.load_big?.median_ms ?? Infinity;
  const range = (b) => `median of the runs, range ${b?.min_ms}–${b?.max_ms}`;
  const results = {
    measuredAt: new Date().toISOString(),
    chromium: browser.version(),
    sizes: size,
    bundleGzipBytes: total,
    exampleCards: start.cards,
    renderAfterInstantiateMs: { median: render, range: spread(start.afterInstantiate), runs: start.afterInstantiate },
    renderFromNavigationMs: { median: median(start.fromNavigation), range: spread(start.fromNavigation) },
    core,
  };
  const budgets = [
    ['bundle wasm+JS+CSS gzipped', `${(total / 1024).toFixed(1)} KB`, '≤ 250 KB', total <= 250 * 1024],
    ['example rendered after wasm instantiated', `${render.toFixed(1)} ms (median of ${RUNS})`, '≤ 150 ms', render <= 150],
    ['diff of two 5,000-initiative boards', `${diffMs.toFixed(1)} ms (${range(core.diff_5000)})`, '≤ 20 ms', diffMs <= 20],
    [`save the big board (${((core.save_big?.bytes ?? 0) / 1e6).toFixed(1)} MB)`, `${saveMs.toFixed(1)} ms (${range(core.save_big)})`, '≤ 15 ms', saveMs <= 15],
    ['load the big board', `${loadMs.toFixed(1)} ms (${range(core.load_big)})`, '≤ 30 ms', loadMs <= 30],
  ];
  console.log('\nsizes (bytes)        raw        gzip');
  for (const [kind, s] of Object.entries(size)) console.log(`  ${kind.padEnd(6)} ${String(s.raw).padStart(16)} ${String(s.gzip).padStart(11)}`);
  console.log(`\nexample board: ${start.cards} cards; rendered ${median(start.fromNavigation).toFixed(0)} ms after navigation start`);
  console.log(`render after instantiation, ms: median ${render.toFixed(1)}, range ${spread(start.afterInstantiate).map((x) => x.toFixed(1)).join('–')}\n`);
  for (const [what, value, target, ok] of budgets) console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}: ${value} (budget ${target})`);
  await mkdir(new URL('../bench-results/', import.meta.url), { recursive: true });
  await writeFile(new URL('../bench-results/measure.json', import.meta.url), JSON.stringify(results, null, 2));
  process.exitCode = budgets.every(([, , , ok]) => ok) ? 0 : 1;
} finally {
  await browser.close();
  await server.close();
}
