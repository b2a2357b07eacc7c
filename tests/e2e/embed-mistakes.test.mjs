// What a page's author gets wrong when embedding a board, and what they are told: a board
// that cannot be shown says why in its own box (and in the console) unless the page takes
// the error event over, and attributes that look like the board's but are not are named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useEmbedding } from '../support/embedding.mjs';

const site = useEmbedding();
const { open } = site;

/** A page of the site holding `body`, with the element's script loaded. */
async function hostPage(name, body, script = 'alignment-board.js') {
  await writeFile(join(site.root, name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><title>Host</title><script type="module" src="./${script}"></script></head>
<body><h1>Our plans</h1>${body}<p>After the board.</p></body></html>`);
  const page = await (await site.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const logged = [];
  page.on('console', (message) => logged.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => logged.push(`pageerror: ${error.message}`));
  await page.goto(site.server.url + name);
  return { page, logged };
}

test('a storage key outside the grammar is refused with an error event that says why, and nothing is stored', async () => {
  const page = await open('plain.html');
  await page.locator('alignment-board').first().getByRole('button', { name: 'Start from example' }).waitFor();
  const before = await page.evaluate(() => Object.keys(localStorage).sort());
  const message = await page.evaluate(() => new Promise((ok) => {
    const board = document.createElement('alignment-board');
    board.setAttribute('storage-key', 'team.part.x');
    board.addEventListener('error', (event) => ok(event.detail.message));
    board.addEventListener('ready', () => ok('ready'));
    document.body.append(board);
  }));
  assert.match(message, /^the storage key "team\.part\.x" holds "\.": a key is letters, digits, - and _ only$/);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).sort()), before);
});

test('a board that cannot be shown says why in its box and in the console, unless the page takes the error over', async () => {
  const broken = '{ "format": "alignment-board", "version": 1 "board": {} }';
  const newer = JSON.stringify({ format: 'alignment-board', version: 99, board: {} });
  const { page, logged } = await hostPage('mistakes.html', `
    <alignment-board id="broken" readonly><script type="application/json">${broken}</script></alignment-board>
    <alignment-board id="newer" readonly><script type="application/json">${newer}</script></alignment-board>
    <alignment-board id="missing" src="boards/our-board.alignment.json"></alignment-board>
    <alignment-board id="page" src="index.html"></alignment-board>
    <alignment-board id="view" storage-key="mistakes" view="heath"></alignment-board>`);
  const says = (id) => page.locator(`#${id}`).getByRole('alert');
  await says('broken').getByText(/^This board cannot be shown: the snapshot it was given cannot be read: this is not valid JSON, so it may be damaged or cut short: .* at line 1, column \d+\.$/).waitFor();
  await says('newer').getByText('This board cannot be shown: the snapshot it was given cannot be read: this snapshot is version 99, but this board reads versions up to 1; open it with a newer version of Alignment Board.').waitFor();
  await says('missing').getByText('This board cannot be shown: the snapshot at boards/our-board.alignment.json could not be read: the server answered 404 Not Found. Check the src address.').waitFor();
  await says('page').getByText('This board cannot be shown: the snapshot at index.html cannot be read: this is not an alignment board snapshot: it is a web page, not a snapshot file.').waitFor();
  await says('view').getByText('This board cannot be shown: the view "heath" is not one the board has; its views are "board", "health", "allocation", "rhythm" or "coordination".').waitFor();
  await page.getByText('After the board.').waitFor();
  for (const id of ['broken', 'newer', 'missing', 'page', 'view']) {
    assert.ok(logged.some((line) => line.startsWith('error: <alignment-board>: this board cannot be shown: ')
      && line.includes(id === 'view' ? '"heath"' : id === 'missing' ? '404' : id === 'newer' ? 'version 99' : id === 'page' ? 'web page' : 'not valid JSON')),
    `the console says why #${id} is not shown`);
  }
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing is stored');

  // A page that handles the error itself (preventDefault) shows what it wants instead.
  await page.evaluate(() => new Promise((shown) => {
    const board = document.createElement('alignment-board');
    board.id = 'handled';
    board.setAttribute('view', 'heath');
    board.addEventListener('error', (event) => {
      event.preventDefault();
      board.after(Object.assign(document.createElement('p'), { textContent: 'Our own note: the board is away.' }));
      shown();
    });
    document.body.append(board);
  }));
  await page.getByText('Our own note: the board is away.').waitFor();
  assert.equal(await page.locator('#handled').getByRole('alert').count(), 0);

  // Put right, the element shows its board in place of the message.
  await page.evaluate(() => document.querySelector('#view').setAttribute('view', 'health'));
  await page.locator('#view').getByRole('button', { name: 'Start blank' }).waitFor();
  assert.equal(await says('view').count(), 0);
});

test('attributes that look like the board\'s but are not, values it would pass over, and a snapshot script without its type, are named in the console', async () => {
  const { page, logged } = await hostPage('misspelled.html', `
    <alignment-board storage_key="ops-leadership" read-only></alignment-board>`);
  await page.locator('alignment-board').getByRole('button', { name: 'Start blank' }).waitFor();
  assert.ok(logged.includes('warning: <alignment-board>: the attribute "storage_key" is not one the board reads; did you mean "storage-key"?'), logged.join('\n'));
  assert.ok(logged.includes('warning: <alignment-board>: the attribute "read-only" is not one the board reads; did you mean "readonly"?'), logged.join('\n'));
  assert.deepEqual(logged.filter((line) => /^(error|pageerror)/.test(line)), []);

  const untyped = await hostPage('untyped.html', `
    <alignment-board><script type="text/plain">{ "format": "alignment-board" }</script></alignment-board>`);
  await untyped.page.locator('alignment-board').getByRole('button', { name: 'Start blank' }).waitFor();
  assert.ok(untyped.logged.includes('warning: <alignment-board>: a snapshot inside the element goes in <script type="application/json">; this <script> is not read as one.'), untyped.logged.join('\n'));

  // Values the board would pass over without a word: a theme it has not, a readonly meant as off.
  const values = await hostPage('values.html', `
    <alignment-board theme="purple" readonly="false"></alignment-board>`);
  await values.page.locator('alignment-board').getByText('No board to show').waitFor();
  assert.ok(values.logged.includes('warning: <alignment-board>: theme="purple" is not light or dark; the board follows the person\'s preference.'), values.logged.join('\n'));
  assert.ok(values.logged.some((line) => line.startsWith('warning: <alignment-board>: readonly="false" still makes the board read-only')), values.logged.join('\n'));
});

test('a broken snapshot pasted into a wiki page, and a frame given a wrong src, say why where the board would be', async () => {
  const { page } = await hostPage('wiki-broken.html',
    '<pre><code class="language-alignment-board">{ "format": "alignment-board", "version": 1, "board": { "id": "b-1", "title": "Ours", } }</code></pre>',
    'alignment-board-wiki.js');
  await page.locator('alignment-board').getByRole('alert')
    .getByText(/^This board cannot be shown: the snapshot it was given cannot be read: this is not valid JSON/).waitFor();
  await page.getByText('After the board.').waitFor();

  const framed = await open('alignment-board-frame.html?src=boards/missing.alignment.json&readonly');
  await framed.locator('alignment-board').getByRole('alert')
    .getByText('This board cannot be shown: the snapshot at boards/missing.alignment.json could not be read: the server answered 404 Not Found. Check the src address.').waitFor();
});

test('a frame sandboxed without what the board needs says so, instead of staying blank', async () => {
  const { page } = await hostPage('sandboxed.html',
    '<iframe title="Board" sandbox="allow-scripts" src="alignment-board-frame.html" style="width: 800px; height: 400px"></iframe>');
  const frame = page.frameLocator('iframe[title="Board"]');
  await frame.getByRole('status').getByText(/^The board has not started\. If it stays like this: a sandboxed frame needs allow-scripts and allow-same-origin/).waitFor();
  // A frame that runs the board never says it.
  const { page: allowed } = await hostPage('allowed.html',
    '<iframe title="Board" src="alignment-board-frame.html" style="width: 800px; height: 400px"></iframe>');
  await allowed.frameLocator('iframe[title="Board"]').getByRole('button', { name: 'Start from example' }).waitFor();
  assert.equal(await allowed.frameLocator('iframe[title="Board"]').getByText(/has not started/).count(), 0);
});
