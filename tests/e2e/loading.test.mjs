// How the board loads: one WebAssembly module, fetched once and compiled while it downloads
// (streaming compilation), by the standalone page and by the element's script alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from '../support/app.mjs';

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
  await page.goto(new URL(path, app.url).href);
  return { page, fetched };
}

test('the standalone page fetches one module and compiles it while it downloads', async () => {
  const { page, fetched } = await watchedPage('index.html');
  await page.getByRole('button', { name: 'Start from example' }).click();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  for (const view of ['Health', 'Allocation', 'Rhythm', 'Coordination']) {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: new RegExp(`^${view}`) }).click();
  }
  assert.equal(fetched.length, 1, `one module: ${fetched.join(', ')}`);
  assert.deepEqual(await page.evaluate(() => window.__compiled), ['instantiateStreaming']);
});

test('the element\'s script compiles its module while it downloads too', async () => {
  const { page, fetched } = await watchedPage('alignment-board-frame.html?key=loading');
  await page.getByRole('button', { name: 'Start blank' }).click();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  assert.equal(fetched.length, 1);
  assert.deepEqual(await page.evaluate(() => window.__compiled), ['instantiateStreaming']);
});
