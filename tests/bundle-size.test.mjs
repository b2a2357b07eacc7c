// The size check: the whole app a page downloads (the board's wasm, its JavaScript glue and
// its stylesheet, every view included), gzipped, in the release build in dist/.
// Deterministic: the same build gives the same figure. How long the board then takes to show
// on an office or a mobile link is the benchmark's (scripts/measure).
//
// The target is 350 KB and is not met yet: the one-module app with serde and chrono
// measured 365.7 KB, and the storage prefix, damaged copies, Help, printing, and the
// Markdown and CSV outputs brought it to 396.1 KB, the command menus and compact cards to
// 405.3 KB, the phone layout (the list, the Filter button, the width hook: about 8.5 KB) to
// 413.7 KB, and merging team snapshots (the merge's rules, about 70 KB of wasm before
// compression, and its preview, about 32 KB) with team slices to 464.1 KB, and the day that
// turns at the person's midnight (its context and timer) to 467.2 KB, and reading an export's
// check-ins straight from its text (a merge preview in half the time) to 470.9 KB, and dates
// and timestamps written by position (a whole save a third quicker) with the quick path's
// check of unknown members to 471.9 KB (README, Budgets), and a big board's phone list built
// group by group as it comes near the screen (a first screen in 0.3 s instead of 1 s) to
// 473.7 KB, and edits of a big board painted sooner (focus handed to the board during a
// keyboard move, a moved card brought into view at the next frame, the health analysis
// once the browser is idle after painting: about 2 KB) to 475.7 KB, and a list that keeps
// its index by id when one item changes (a status change or a move about 0.7 ms quicker on a
// 2,000-initiative board) to 476.4 KB, and keyed lists, shared items, headings and filters
// rendered again only on a change (README, Budgets) to 480.9 KB, and an edit that checks
// again only the items it changed, with the initiatives' index built while the browser is
// idle after the board shows (the first edit of a big board no longer builds it) to 481.7 KB,
// and an edit that moves no card keeping the layout, a big board's lanes watched from
// render to render and the first save after opening a board knowing the parts it was read
// from to 482.8 KB, and headings kept in view as the work under them scrolls by (a tall
// lane's name under the priorities' heads; on a phone, a priority's heading and the team's
// name; their heights watched) to 483.9 KB, and the page's big texts read through the
// browser's TextEncoder (a big board's texts out of localStorage in 1.6 ms instead of 5) and
// an observer's report acted on by each lane's last entry to 485.0 KB (496,603 bytes), and
// focus given back when a dialog closes, focus on what a form adds and on the field its
// refusal names, a narrow column as wide as its heading's words and a new board's review
// rhythm counted from its first work to 486.9 KB (498,581 bytes).
// Until the target is met, this check holds the app at 487 KB, so that nothing makes it
// larger unnoticed;
// lower GUARD as the app shrinks, to TARGET at last.
// Run after `trunk build --release`: node --test tests/bundle-size.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url);
const TARGET = 350 * 1024;
const GUARD = 487 * 1024;

test('dist holds one WebAssembly module, and the whole app grows no larger than its guard, gzipped', () => {
  const files = readdirSync(DIST);
  const wasm = files.filter((name) => name.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one module: ${wasm.join(', ')}`);
  const app = files.filter((name) => /^alignment-board-[0-9a-f]+(_bg\.wasm|\.js)$/.test(name) || /^board-[0-9a-f]+\.css$/.test(name));
  assert.equal(app.length, 3, `the wasm, its glue and the stylesheet: ${app.join(', ')}`);
  const sizes = Object.fromEntries(app.map((name) => [name, gzipSync(readFileSync(new URL(name, DIST)), { level: 9 }).length]));
  const total = Object.values(sizes).reduce((sum, n) => sum + n, 0);
  assert.ok(total <= GUARD, `the app is ${(total / 1024).toFixed(1)} KB gzipped, over its ${GUARD / 1024} KB guard `
    + `(target ${TARGET / 1024} KB): ${JSON.stringify(sizes)}`);
});
