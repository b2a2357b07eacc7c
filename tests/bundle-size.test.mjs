// The size check: the whole app a page downloads (the board's wasm, its JavaScript glue and
// its stylesheet, every view included) stays within its budget, gzipped, in the release
// build in dist/. Deterministic: the same build gives the same figure. How long the board
// then takes to show on an office or a mobile link is the benchmark's (scripts/measure).
// Run after `trunk build --release`: node --test tests/bundle-size.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url);
const BUDGET = 350 * 1024;

test('dist holds one WebAssembly module, and the whole app is within 350 KB gzipped', () => {
  const files = readdirSync(DIST);
  const wasm = files.filter((name) => name.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one module: ${wasm.join(', ')}`);
  const app = files.filter((name) => /^alignment-board-[0-9a-f]+(_bg\.wasm|\.js)$/.test(name) || /^board-[0-9a-f]+\.css$/.test(name));
  assert.equal(app.length, 3, `the wasm, its glue and the stylesheet: ${app.join(', ')}`);
  const sizes = Object.fromEntries(app.map((name) => [name, gzipSync(readFileSync(new URL(name, DIST)), { level: 9 }).length]));
  const total = Object.values(sizes).reduce((sum, n) => sum + n, 0);
  assert.ok(total <= BUDGET, `the app is ${(total / 1024).toFixed(1)} KB gzipped, over its ${BUDGET / 1024} KB budget: ${JSON.stringify(sizes)}`);
});
