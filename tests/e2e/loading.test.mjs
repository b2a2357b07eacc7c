// How the board loads: one WebAssembly module, fetched once and compiled while it downloads
// (streaming compilation), by the standalone page and by the element's script alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST, useApp, watchedForPolicy } from '../support/app.mjs';
import { serve } from '../support/server.mjs';

const app = useApp();

/** Records each WebAssembly compilation the page starts, and each .wasm it fetches. */
async function watchedPage(path) {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__compiled = [];
    for (const name of ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => {
        window.__compiled.push(name);
        return original.apply(WebAssembly, args);
      };
    }
  });
  const fetched = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) fetched.push(request.url());
  });
  const logged = [];
  page.on('console', (message) => {
    if (['warning', 'error'].includes(message.type())) logged.push(message.text());
  });
  await page.goto(new URL(path, app.url).href);
  return { page, fetched, logged };
}

test('the standalone page fetches one module and compiles it while it downloads, and says nothing in the console', async () => {
  const { page, fetched, logged } = await watchedPage('index.html');
  await page.getByRole('button', { name: 'Start from example' }).click();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  for (const view of ['Health', 'Allocation', 'Rhythm', 'Coordination']) {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: new RegExp(`^${view}`) }).click();
  }
  assert.equal(fetched.length, 1, `one module: ${fetched.join(', ')}`);
  assert.deepEqual(await page.evaluate(() => window.__compiled), ['instantiateStreaming']);
  // Not even the browser's warning about an integrity hash it ignores on the module's preload.
  assert.deepEqual(logged, []);
});

test('the element\'s script compiles its module while it downloads too', async () => {
  const { page, fetched } = await watchedPage('alignment-board-frame.html?key=loading');
  await page.getByRole('button', { name: 'Start blank' }).click();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  assert.equal(fetched.length, 1);
  assert.deepEqual(await page.evaluate(() => window.__compiled), ['instantiateStreaming']);
});

test('the standalone page works under the strict Content-Security-Policy, and nothing is blocked', async () => {
  // The policy examples/strict-csp.html runs the element under, sent as a header.
  const example = await readFile(new URL('../../examples/strict-csp.html', import.meta.url), 'utf8');
  const policy = example.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)[1];
  assert.match(policy, /default-src 'none'/);
  const server = await serve(DIST, { headers: { 'content-security-policy': policy } });
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const { page, errors } = await watchedForPolicy(context);
    await page.goto(server.url);
    const start = page.getByRole('button', { name: 'Start from example' });
    const started = await start.waitFor({ timeout: 10_000 }).then(() => true, () => false);
    assert.ok(started, `the board starts; blocked: ${await page.evaluate(() => window.violations)}`);
    await start.click();
    const card = page.getByRole('article').first();
    await card.waitFor();
    // The page's own layout holds: the board fills the window, with no margin around it.
    const box = await page.locator('#app').boundingBox();
    assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 1280, 900]);
    // The grid's columns, given through the style object, apply: a card is a column wide.
    const grid = await page.getByRole('table').boundingBox();
    assert.ok((await card.boundingBox()).width < grid.width / 3);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Health/ }).click();
    await page.locator('.ab-part__bar rect').first().waitFor();
    await page.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('every file the build serves has brotli and gzip copies of the same bytes, and the board loads from them', async () => {
  const files = await readdir(DIST);
  const served = files.filter((name) => /\.(wasm|js|css|html|json)$/.test(name) && name !== 'alignment-board-hosts.json');
  assert.ok(served.some((name) => name.endsWith('.wasm')), `the module is among them: ${served.join(', ')}`);
  for (const name of served) {
    const bytes = await readFile(join(DIST, name));
    assert.ok(brotliDecompressSync(await readFile(join(DIST, `${name}.br`))).equals(bytes), `${name}.br holds ${name}`);
    assert.ok(gunzipSync(await readFile(join(DIST, `${name}.gz`))).equals(bytes), `${name}.gz holds ${name}`);
  }
  // The list of hosts is edited after a build: a stale compressed copy would be sent instead.
  assert.ok(!files.some((name) => name.startsWith('alignment-board-hosts.json.')), files.join(', '));

  const server = await serve(DIST, { precompressed: true });
  const context = await app.browser.newContext();
  try {
    const page = await context.newPage();
    const responses = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Start from example' }).click();
    await page.getByRole('article').first().waitFor();
    const encodings = Object.fromEntries(await Promise.all(responses.map(async (response) =>
      [new URL(response.url()).pathname, (await response.allHeaders())['content-encoding']])));
    const module = Object.keys(encodings).find((path) => path.endsWith('.wasm'));
    assert.equal(encodings[module], 'br', JSON.stringify(encodings));
    assert.equal(encodings['/'], 'br', JSON.stringify(encodings));
  } finally {
    await context.close();
    await server.close();
  }
});
