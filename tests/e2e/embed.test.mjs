// Boards embedded in other pages (examples/*.html served beside the release build): the
// <alignment-board> element on a page with aggressive styles, two boards on one page, and
// a Markdown code block turned into a read-only board by the wiki plugin. A board in a frame
// of another page is frame.test.mjs's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { watchedForPolicy, command } from '../support/app.mjs';
import { EXAMPLES, useEmbedding } from '../support/embedding.mjs';

const site = useEmbedding();
const { open } = site;

test('the element renders a working board that the page\'s styles do not reach, under its own key', async () => {
  const page = await open('plain.html');
  const element = page.locator('alignment-board');
  await element.getByRole('button', { name: 'Start from example' }).click();
  const board = element.getByRole('region', { name: 'Board' });
  await board.waitFor();
  assert.ok((await board.getByRole('article').count()) > 10);
  const styles = await element.getByRole('button', { name: 'Add initiative', exact: true }).evaluate((button) => {
    const style = getComputedStyle(button);
    return { background: style.backgroundColor, font: style.fontSize, border: style.borderStyle };
  });
  assert.notEqual(styles.background, 'rgb(255, 105, 180)', 'the page\'s hotpink buttons stay outside');
  assert.notEqual(styles.font, '30px');
  assert.notEqual(styles.border, 'dashed');
  const heading = await page.getByRole('heading', { name: 'Our plans' }).evaluate((h) => getComputedStyle(h).fontFamily);
  assert.match(heading, /Georgia/, 'and the board\'s styles stay inside');
  await element.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.includes('alignment-board:intranet-leadership'), `saved under its key: ${keys}`);
  assert.ok(keys.every((key) => key.startsWith('alignment-board:intranet-leadership')), `and no other: ${keys}`);
  // Its share links open on the frame page beside the script, wherever the host page is.
  await command(element, 'File', 'Share link…');
  const link = await element.getByRole('textbox', { name: 'Share link' }).inputValue();
  assert.ok(link.startsWith(`${site.server.url}alignment-board-frame.html#board=`), link.slice(0, 80));
  await element.getByRole('dialog', { name: 'Share link' }).getByRole('button', { name: 'Done' }).click();
  page.assertNoErrors();
});

test('in the element, focus that a change takes away lands on the board, so its shortcuts keep working', async () => {
  const page = await open('plain.html');
  const element = page.locator('alignment-board');
  await element.getByRole('button', { name: 'Start from example' }).click();
  const card = element.getByRole('article').first();
  await card.focus();
  await page.keyboard.press('Alt+ArrowDown');
  const undo = element.getByRole('button', { name: 'Undo' });
  await undo.click();
  await undo.and(page.locator(':disabled')).waitFor();
  // With nothing left to undo the button is disabled, and focus moves into the board: to the
  // card the undo put back (inside the element's shadow root, where the document sees only
  // the element).
  const focused = () => page.evaluate(() => document.querySelector('alignment-board').shadowRoot.activeElement?.className ?? '');
  await page.waitForFunction(() => /\bab-card\b/.test(document.querySelector('alignment-board').shadowRoot.activeElement?.className ?? ''));
  assert.match(await focused(), /\bab-card\b/);
  await page.keyboard.press('Control+Shift+Z');
  // The shortcut reached the board: the move is back, and so is something to undo.
  await element.getByRole('button', { name: 'Undo' }).and(page.locator(':enabled')).waitFor();
  page.assertNoErrors();
});

test('an element whose src names a picture from Export picture shows the board it carries', async () => {
  const page = await open('plain.html');
  const element = page.locator('alignment-board');
  await element.getByRole('button', { name: 'Start from example' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    command(element, 'File', 'Export picture'),
  ]);
  await download.saveAs(join(site.root, 'board.alignment.svg'));
  await page.evaluate(() => {
    const board = document.createElement('alignment-board');
    board.setAttribute('src', 'board.alignment.svg');
    board.id = 'pictured';
    document.body.append(board);
  });
  const pictured = page.locator('#pictured');
  await pictured.getByRole('heading', { level: 1, name: 'Fieldnote leadership board' }).waitFor();
  assert.ok((await pictured.getByRole('article').count()) > 10);
  assert.equal(await pictured.getByRole('button', { name: 'Add initiative', exact: true }).count(), 0, 'read-only');
  page.assertNoErrors();
});

test('two boards on one page, with the script loaded twice, each keep their own board', async () => {
  const page = await open('two-boards.html');
  const [product, platform] = [page.locator('alignment-board').nth(0), page.locator('alignment-board').nth(1)];
  await product.getByRole('button', { name: 'Start from example' }).click();
  await platform.getByRole('button', { name: 'Start blank' }).click();
  await product.getByRole('region', { name: 'Board' }).waitFor();
  await platform.getByRole('region', { name: 'Board' }).waitFor();
  assert.ok((await product.getByRole('article').count()) > 10);
  assert.equal(await platform.getByRole('article').count(), 0);
  await product.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
  await platform.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
  await page.reload();
  await page.locator('alignment-board').nth(0).getByRole('region', { name: 'Board' }).waitFor();
  assert.ok((await page.locator('alignment-board').nth(0).getByRole('article').count()) > 10);
  assert.equal(await page.locator('alignment-board').nth(1).getByRole('article').count(), 0);
  page.assertNoErrors();
});

test('a Markdown code block holding a snapshot becomes a read-only board in place, storing nothing', async () => {
  const page = await open('markdown.html');
  const element = page.locator('alignment-board');
  await element.getByRole('article', { name: 'One-page checkout' }).waitFor();
  await element.getByRole('heading', { name: 'Review board, Q4' }).waitFor();
  assert.equal(await element.getByRole('button', { name: 'Add initiative' }).count(), 0, 'read-only');
  assert.equal(await page.locator('pre').count(), 0, 'the code block is replaced');
  await page.getByText('Text after the board stays where it was.').waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing stored');
  page.assertNoErrors();
});

test('code blocks as MkDocs and Docusaurus render them become boards, and a hydrated block keeps its nodes', async () => {
  const page = await open('docs-site.html');
  for (const title of ['MkDocs board', 'Material board', 'Docusaurus board']) {
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }
  assert.equal(await page.locator('alignment-board').count(), 3);
  // These snapshots hold nothing yet, and a read-only board does not ask the reader to add.
  assert.equal(await page.getByText('Nothing is on this board yet: no priorities, teams or initiatives.').count(), 3);
  assert.equal(await page.getByRole('button', { name: 'Add', exact: true }).count(), 0);
  // MkDocs' blocks are replaced; Docusaurus's stays in the page, for React, and the board
  // shows from a shadow root on its container instead.
  assert.equal(await page.locator('pre').count(), 1);
  const docusaurus = await page.evaluate(() => {
    const container = document.querySelector('.theme-code-block');
    return {
      pre: container.querySelector('pre.prism-code')?.isConnected,
      board: container.shadowRoot?.querySelector('alignment-board') !== null,
    };
  });
  assert.deepEqual(docusaurus, { pre: true, board: true });
  assert.ok(await page.getByText('Text after the boards stays where it was.').isVisible());
  page.assertNoErrors();
});

test('an element added later shows the snapshot its src names, follows its attributes, and goes cleanly', async () => {
  const page = await open('two-boards.html');
  await page.locator('alignment-board').first().getByRole('button', { name: 'Start blank' }).waitFor();
  const snapshot = await readFile(join(EXAMPLES, 'markdown.html'), 'utf8')
    .then((html) => html.slice(html.indexOf('{'), html.lastIndexOf('}') + 1));
  await page.route('**/review.alignment.json', (route) => route.fulfill({ contentType: 'application/json', body: snapshot }));
  // As a single-page app would: added after the page loaded.
  await page.evaluate(() => {
    const board = document.createElement('alignment-board');
    board.id = 'later';
    board.setAttribute('src', 'review.alignment.json');
    board.addEventListener('ready', () => { window.laterReady = (window.laterReady ?? 0) + 1; });
    document.body.append(board);
  });
  const later = page.locator('#later');
  await later.getByRole('article', { name: 'One-page checkout' }).waitFor();
  assert.equal(await later.getByRole('button', { name: 'Add initiative' }).count(), 0, 'read-only: no storage key');
  const handle = await page.evaluateHandle(() => document.querySelector('#later').board);
  await page.evaluate(() => document.querySelector('#later').setAttribute('view', 'allocation'));
  await later.locator('button[aria-current="page"]', { hasText: 'Allocation' }).waitFor();
  assert.equal(await page.evaluate(() => window.laterReady), 1, 'ready once: the view changed on the board shown');
  assert.ok(await handle.evaluate((board) => board === document.querySelector('#later').board), 'the same handle');
  await handle.dispose();
  await page.evaluate(() => document.querySelector('#later').remove());
  assert.equal(await page.locator('alignment-board').count(), 2);

  // With a storage key too, a board from src is shown read-only and stores nothing.
  const before = await page.evaluate(() => Object.keys(localStorage).sort());
  await page.evaluate(() => {
    const board = document.createElement('alignment-board');
    board.id = 'keyed';
    board.setAttribute('storage-key', 'from-src');
    board.setAttribute('src', 'review.alignment.json');
    document.body.append(board);
  });
  const keyed = page.locator('#keyed');
  await keyed.getByRole('article', { name: 'One-page checkout' }).waitFor();
  assert.equal(await keyed.getByRole('button', { name: 'Add initiative' }).count(), 0, 'read-only');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).sort()), before, 'nothing stored');
  page.assertNoErrors();
});

test('an element parsed with its attributes fetches its src once, and an inline snapshot given after the element is shown', async () => {
  const snapshot = await readFile(join(EXAMPLES, 'markdown.html'), 'utf8')
    .then((html) => html.slice(html.indexOf('{'), html.lastIndexOf('}') + 1));
  await writeFile(join(site.root, 'once.alignment.json'), snapshot);
  // The module runs after the page is parsed: the element, already in the page, hears of each
  // of its attributes and then of its connection, all at once.
  await writeFile(join(site.root, 'parsed.html'), `<!doctype html><meta charset="utf-8"><title>Parsed</title>
<script type="module" src="./alignment-board.js"></script>
<alignment-board src="once.alignment.json" view="board" theme="light" readonly style="height: 400px"></alignment-board>`);
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  let fetched = 0;
  page.on('request', (request) => { if (request.url().endsWith('/once.alignment.json')) fetched += 1; });
  await page.goto(`${site.server.url}parsed.html`);
  await page.locator('alignment-board').getByRole('article', { name: 'One-page checkout' }).waitFor();
  assert.equal(fetched, 1, 'one download, not one for each attribute');

  // A page's script that adds the element first and its snapshot a moment later, as a
  // framework's next render would.
  await page.evaluate((text) => {
    const board = document.createElement('alignment-board');
    board.id = 'late';
    board.setAttribute('readonly', '');
    document.body.append(board);
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = text;
    setTimeout(() => board.append(script), 50);
  }, snapshot);
  await page.locator('#late').getByRole('article', { name: 'One-page checkout' }).waitFor();
  assert.equal(await page.locator('#late').getByText('No board to show').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host keeps the board itself through the JavaScript API: load, change, get, options, destroy', async () => {
  const page = await open('api.html');
  // `window.board` is the page's <div id="board"> until the page's module puts the handle there.
  await page.waitForFunction(() => typeof window.board?.getSnapshot === 'function');
  assert.equal(await page.evaluate(() => window.board.getSnapshot()), null, 'no board yet');
  // The host keeps the board (inMemory): the board says so, not "in this browser".
  await page.getByText('Everything stays in this page.').waitFor();
  const snapshot = await readFile(join(EXAMPLES, 'markdown.html'), 'utf8')
    .then((html) => JSON.parse(html.slice(html.indexOf('{'), html.lastIndexOf('}') + 1)));
  await page.evaluate((s) => window.board.loadSnapshot(s), snapshot);
  await page.getByRole('heading', { level: 1, name: 'Review board, Q4' }).waitFor();
  // The host's own first board is not told back to it as a change.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.equal(await page.evaluate(() => window.kept), null, 'no change for the board the host gave');

  // A change made in the board reaches the host, with the snapshot.
  await command(page, 'Settings', 'Board settings…');
  const settings = page.getByRole('dialog', { name: 'Board settings' });
  await settings.getByLabel('Board title').fill('Renamed on the page');
  await settings.getByRole('button', { name: 'Save' }).click();
  await page.waitForFunction(() => window.kept?.board.title === 'Renamed on the page');
  assert.equal(await page.evaluate(() => window.board.getSnapshot().board.title), 'Renamed on the page');
  assert.equal(await page.evaluate(() => window.kept.format), 'alignment-board');

  // A snapshot that is not one is refused with the place it is wrong, and changes nothing.
  const refused = await page.evaluate((s) => {
    const broken = structuredClone(s);
    broken.board.initiatives[0].teamId = 't-9';
    try { window.board.loadSnapshot(broken); return null; } catch (error) { return error.message; }
  }, snapshot);
  assert.match(refused, /board\.initiatives\[0\]\.teamId/);
  await page.getByRole('heading', { level: 1, name: 'Renamed on the page' }).waitFor();

  await page.evaluate((s) => window.board.setOptions({ readOnly: true, snapshot: s }), snapshot);
  await page.getByRole('heading', { level: 1, name: 'Review board, Q4' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Add initiative' }).count(), 0, 'read-only now');
  await page.evaluate(() => window.board.destroy());
  assert.equal(await page.locator('#board').evaluate((element) => element.childElementCount), 0);
  page.assertNoErrors();
});

test('a board that opened with none tells its host of the board chosen on its first screen, and leaves the page\'s printing alone', async () => {
  const page = await open('api.html');
  await page.waitForFunction(() => typeof window.board?.getSnapshot === 'function');
  await page.getByRole('button', { name: 'Start from example' }).click();
  // The host keeps it (a CMS saving the page's board): without the change, it kept nothing.
  await page.waitForFunction(() => window.kept?.board.title === 'Fieldnote leadership board');
  // Its styles, in the page's head, leave the page's printed pages to the page.
  const pageRules = await page.evaluate(() => [...document.styleSheets]
    .flatMap((sheet) => [...sheet.cssRules]).filter((rule) => rule instanceof CSSPageRule).length);
  assert.equal(pageRules, 0, 'no @page rule');
  page.assertNoErrors();
});

test('the JavaScript API says what a host got wrong: mount before start, no element, options that are not an object', async () => {
  await writeFile(join(site.root, 'bare.html'), '<!doctype html><meta charset="utf-8"><title>Bare</title><div id="board"></div>');
  const page = await open('bare.html');
  const said = await page.evaluate(async () => {
    const { mount, start } = await import('./alignment-board.js');
    const attempt = (call) => { try { call(); return 'accepted'; } catch (error) { return error.message; } };
    const element = document.getElementById('board');
    const before = attempt(() => mount(element, { inMemory: true }));
    await start();
    const handle = mount(element, { inMemory: true });
    return {
      before,
      noElement: attempt(() => mount('#board', {})),
      nullOptions: attempt(() => handle.setOptions(null)),
      textOptions: attempt(() => handle.setOptions('dark')),
      fine: attempt(() => handle.setOptions({ theme: 'dark' })),
    };
  });
  assert.match(said.before, /^mount\(\) needs the board’s WebAssembly first: call it after await start\(\)$/);
  assert.match(said.noElement, /needs the element of the page/);
  assert.match(said.nullOptions, /^setOptions takes its options as an object, .* not null$/);
  assert.match(said.textOptions, /^setOptions takes its options as an object, .* not string$/);
  assert.equal(said.fine, 'accepted');
  page.assertNoErrors();
});

test('a host may call the handle at once: load, get and options in the same turn as mount, and none loses the board', async () => {
  const page = await open('api.html');
  await page.waitForFunction(() => typeof window.board?.getSnapshot === 'function');
  const snapshot = await readFile(join(EXAMPLES, 'markdown.html'), 'utf8')
    .then((html) => JSON.parse(html.slice(html.indexOf('{'), html.lastIndexOf('}') + 1)));
  const title = snapshot.board.title;
  // Mounted, loaded, read and given options in one go, as a host's script does.
  const got = await page.evaluate(async (s) => {
    const { mount } = await import('./alignment-board.js');
    window.board.destroy();
    const element = document.getElementById('board');
    const board = mount(element, { inMemory: true });
    board.loadSnapshot(s);
    const title = board.getSnapshot()?.board.title;
    board.setOptions({ theme: 'dark' });
    window.board = board;
    return title;
  }, snapshot);
  assert.equal(got, title, 'the board given is the board at once');
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByText('Kept by this page', { exact: true }).waitFor();
  assert.equal(await page.locator('#board .ab-app').count(), 1, 'one board in the element');
  assert.equal(await page.locator('#board .ab-app').getAttribute('data-theme'), 'dark');

  // Mounted, destroyed and mounted again in one turn (as React's strict mode does), or
  // mounted twice: one board in the element, the last one's.
  for (const again of ['(board.destroy(), mount(element, { inMemory: true, snapshot: s }))', 'mount(element, { inMemory: true, snapshot: s })']) {
    await page.evaluate(async ([s, again]) => {
      const { mount } = await import('./alignment-board.js');
      const element = document.getElementById('board');
      const board = mount(element, { inMemory: true });
      window.board.destroy();
      window.board = new Function('board', 'mount', 'element', 's', `return ${again}`)(board, mount, element, s);
    }, [snapshot, again]);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.equal(await page.locator('#board .ab-app').count(), 1, `one board after ${again}`);
  }
  await page.evaluate(() => window.board.setOptions({ theme: 'dark' }));

  // An edit survives options changed in place, and so does its undo.
  await command(page, 'Settings', 'Board settings…');
  const settings = page.getByRole('dialog', { name: 'Board settings' });
  await settings.getByLabel('Board title').fill('Edited in the host');
  await settings.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edited in the host' }).waitFor();
  await page.evaluate(() => window.board.setOptions({ readOnly: true, view: 'health' }));
  await page.getByRole('region', { name: 'Alignment score' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Add initiative' }).count(), 0, 'read-only now');
  assert.equal(await page.evaluate(() => window.board.getSnapshot().board.title), 'Edited in the host');
  await page.evaluate(() => window.board.setOptions({ readOnly: false, view: 'board' }));
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();

  // Another key and a board for it, in one turn: the board loaded is the new key's.
  const other = await page.evaluate((s) => {
    window.board.setOptions({ inMemory: false, storageKey: 'api-other' });
    window.board.loadSnapshot({ ...s, board: { ...s.board, title: 'Under another key' } });
    return window.board.getSnapshot().board.title;
  }, snapshot);
  assert.equal(other, 'Under another key');
  await page.getByRole('heading', { level: 1, name: 'Under another key' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
  assert.ok(await page.evaluate(() => localStorage.getItem('alignment-board:api-other')?.includes('Under another key')));
  // Made read-only and changeable again, a board kept in the browser keeps its undo.
  await command(page, 'Settings', 'Board settings…');
  await settings.getByLabel('Board title').fill('Renamed under another key');
  await settings.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Renamed under another key' }).waitFor();
  await page.evaluate(() => window.board.setOptions({ readOnly: true }));
  await page.getByText('Read-only', { exact: true }).first().waitFor();
  await page.evaluate(() => window.board.setOptions({ readOnly: false }));
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Under another key' }).waitFor();

  // A board opened read-only from the browser is opened again when it may be changed, so
  // that a damaged text there is set aside before anything is written over it.
  await page.evaluate(() => {
    localStorage.setItem('alignment-board:api-damaged', '{"format": "alignment-board", "version": 1, "board": {');
    window.board.setOptions({ storageKey: 'api-damaged', readOnly: true });
  });
  await page.getByText(/could not be read/).first().waitFor();
  await page.evaluate(() => window.board.setOptions({ readOnly: false }));
  await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('alignment-board:api-damaged:unreadable-')));

  // A host that keeps the board itself opens it for editing with its snapshot.
  await page.evaluate(async (s) => {
    const { mount } = await import('./alignment-board.js');
    window.board.destroy();
    window.board = mount(document.getElementById('board'), { inMemory: true, snapshot: s });
  }, snapshot);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('button', { name: 'Add initiative', exact: true }).waitFor();
  // Nothing to load is said plainly; a destroyed board says it is gone.
  const thrown = (call) => page.evaluate((call) => {
    try { new Function('board', call)(window.board); return null; } catch (error) { return `${error.name}: ${error.message}`; }
  }, call);
  assert.equal(await thrown('board.loadSnapshot(null)'), 'TypeError: loadSnapshot needs a snapshot: an object as getSnapshot() gives, or its JSON text');
  await page.evaluate(() => window.board.destroy());
  assert.equal(await thrown('board.setOptions({ theme: "dark" })'), 'Error: this board was destroyed: mount it again to show a board');
  page.assertNoErrors();
});

/** A wiki page (`file`) giving its board under `key` the example of markdown.html titled
 * as its author publishes it; the reader's page, its board and the page's offer. */
async function wikiPage(file, key) {
  const snapshot = await readFile(join(EXAMPLES, 'markdown.html'), 'utf8')
    .then((html) => JSON.parse(html.slice(html.indexOf('{'), html.lastIndexOf('}') + 1)));
  const version = (title, indent = 2) => JSON.stringify({ ...snapshot, board: { ...snapshot.board, title } }, null, indent);
  const publish = (title, indent) => writeFile(join(site.root, file), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><title>Wiki</title><script type="module" src="./alignment-board.js"></script></head>
<body><h1>Leadership</h1><alignment-board storage-key="${key}" style="height: 600px"><script type="application/json">${version(title, indent)}</script></alignment-board></body></html>`);
  const page = await (await site.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const element = page.locator('alignment-board');
  return {
    publish,
    page,
    element,
    visit: () => page.goto(site.server.url + file),
    title: (text) => element.getByRole('heading', { level: 1, name: text }),
    offer: element.getByRole('status').filter({ hasText: 'This page\'s board has changed' }),
  };
}

test('a wiki page whose author changes its snapshot offers the new board to a reader who kept their own', async () => {
  const { publish, page, element, visit, title, offer } = await wikiPage('wiki-page.html', 'wiki-page');
  await publish('Review board, Q4');
  await visit();
  await title('Review board, Q4').waitFor();
  // The reader's own change, kept in this browser.
  const card = element.getByRole('article').first();
  await card.getByRole('button', { name: /^Status: / }).click();
  await element.getByRole('menu', { name: 'Status' }).getByRole('menuitemradio', { name: 'Dropped' }).click();
  await element.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
  await page.reload();
  await title('Review board, Q4').waitFor();
  assert.equal(await offer.count(), 0, 'the page has not changed: nothing offered');

  // The author publishes another version: the reader keeps theirs, and is not asked again.
  await publish('Review board, Q1');
  await page.reload();
  await offer.getByText('the page now gives “Review board, Q1”').waitFor();
  await title('Review board, Q4').waitFor();
  await offer.getByRole('button', { name: 'Keep this browser\'s' }).click();
  await offer.waitFor({ state: 'detached' });
  await page.reload();
  await title('Review board, Q4').waitFor();
  assert.equal(await offer.count(), 0, 'asked once for each version of the page');
  // The same snapshot indented otherwise is the same version.
  await publish('Review board, Q1', 4);
  await page.reload();
  await title('Review board, Q4').waitFor();
  assert.equal(await offer.count(), 0, 'indented otherwise, not offered again');

  // And another: taken, it replaces the reader's board, and Undo brings theirs back.
  await publish('Review board, Q2');
  await page.reload();
  await offer.getByRole('button', { name: 'Take the page\'s board' }).click();
  await title('Review board, Q2').waitFor();
  await element.getByRole('button', { name: 'Undo', exact: true }).click();
  await title('Review board, Q4').waitFor();
  await element.getByRole('article').first().getByRole('button', { name: 'Status: Dropped' }).waitFor();

  // Two boards of the page under the key: taken in one, the other's offer goes too.
  await publish('Review board, Q3');
  const two = (await readFile(join(site.root, 'wiki-page.html'), 'utf8'))
    .replace(/<alignment-board[\s\S]*<\/alignment-board>/, (board) => `${board}${board}`);
  await writeFile(join(site.root, 'wiki-page.html'), two);
  await page.reload();
  const [first, second] = [element.first(), element.nth(1)];
  const offered = (board) => board.getByRole('button', { name: 'Take the page\'s board' });
  await offered(first).waitFor();
  await offered(second).waitFor();
  await offered(first).click();
  await second.getByRole('heading', { level: 1, name: 'Review board, Q3' }).waitFor();
  await offered(second).waitFor({ state: 'detached' });
  await page.context().close();
});

test('a reader who changed nothing sees each board the wiki page\'s author publishes, unasked', async () => {
  const { publish, page, element, visit, title, offer } = await wikiPage('wiki-read.html', 'wiki-read');
  const saved = element.getByRole('status').filter({ hasText: 'Saved in this browser' });
  const changeStatus = async (to) => {
    await element.getByRole('article').first().getByRole('button', { name: /^Status: / }).click();
    await element.getByRole('menu', { name: 'Status' }).getByRole('menuitemradio', { name: to }).click();
    await saved.waitFor();
  };
  const reminder = element.getByRole('note').filter({ hasText: 'This browser keeps its own copy of this board' });
  /** The page as the reader opens it: its board titled `text`, and no question asked. */
  const opened = async (text) => {
    await visit();
    await title(text).waitFor();
    await element.getByRole('button', { name: 'Add initiative', exact: true }).first().waitFor();
    assert.equal(await offer.count(), 0, `${text}: taken unasked`);
    assert.equal(await reminder.count(), 0, `${text}: the page's board, nothing to recall`);
  };
  await publish('Plan, week 1');
  await opened('Plan, week 1');
  await publish('Plan, week 2');
  await opened('Plan, week 2');
  await opened('Plan, week 2');
  // A board kept before pages were followed (no record of the page's board) that is the
  // page's all the same: nothing is recalled, and it is known as the page's from then on,
  // so the page's next board comes unasked.
  await page.evaluate(() => {
    const key = 'alignment-board:wiki-read:display';
    const display = JSON.parse(localStorage.getItem(key));
    delete display.pageBoard;
    localStorage.setItem(key, JSON.stringify(display));
  });
  await opened('Plan, week 2');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('alignment-board:wiki-read:display')).pageBoard);
  assert.equal(await reminder.count(), 0);
  await publish('Plan, week 2, revised');
  await opened('Plan, week 2, revised');

  // Changed here, the reader's board is theirs: the next one is offered, and taken.
  await changeStatus('Dropped');
  await publish('Plan, week 3');
  await visit();
  await offer.getByRole('button', { name: 'Take the page\'s board' }).click();
  await title('Plan, week 3').waitFor();
  // Taken and not changed since: the one after comes unasked again.
  await publish('Plan, week 4');
  await opened('Plan, week 4');

  // Kept: the reader chose their own, so the page's later boards are asked about, even
  // once their change is put back as it was.
  const status = element.getByRole('article').first().getByRole('button', { name: /^Status: / });
  const was = (await status.getAttribute('aria-label')).replace(/^Status: /, '');
  await changeStatus('Dropped');
  await publish('Plan, week 5');
  await visit();
  await offer.getByRole('button', { name: 'Keep this browser\'s' }).click();
  await changeStatus(was);
  await element.getByRole('article').first().getByRole('button', { name: `Status: ${was}` }).waitFor();
  // Each visit after, the reader is reminded that the board here is not the page's.
  await visit();
  await reminder.getByText('not the one the page gives (“Plan, week 5”)').waitFor();
  assert.equal(await offer.count(), 0, 'reminded, not asked again');
  await publish('Plan, week 6');
  await visit();
  await offer.getByText('the page now gives “Plan, week 6”').waitFor();
  await title('Plan, week 4').waitFor();
  assert.equal(await reminder.count(), 0, 'asked, not reminded');
  await offer.getByRole('button', { name: 'Keep this browser\'s' }).click();
  await visit();
  // Taken from the reminder, the page's board is theirs again: nothing more is said.
  await reminder.getByRole('button', { name: 'Take the page\'s board' }).click();
  await title('Plan, week 6').waitFor();
  await reminder.waitFor({ state: 'detached' });
  await opened('Plan, week 6');
  assert.equal(await reminder.count(), 0);
  await page.context().close();
});

test('a board fits a 360 px sidebar, and one first shown in a folded section renders at its size', async () => {
  const page = await open('sidebar.html');
  const sidebar = page.locator('aside alignment-board');
  // The first screen shows both ways to start within the board's 560 px, without scrolling.
  const frame = await sidebar.boundingBox();
  for (const name of ['Start from example', 'Start blank']) {
    const button = await sidebar.getByRole('button', { name }).boundingBox();
    assert.ok(button.y >= frame.y && button.y + button.height <= frame.y + frame.height, `${name} is in sight`);
  }
  await sidebar.getByRole('button', { name: 'Start from example' }).click();
  await sidebar.getByRole('region', { name: 'Board' }).waitFor();
  // As narrow as a phone in a wide window, it takes the phone's layout: a list, the
  // filters behind one button, and every view's tab in sight.
  await sidebar.getByRole('button', { name: 'Filter' }).waitFor();
  assert.equal(await sidebar.getByRole('table', { name: 'Initiatives by team and priority' }).count(), 0, 'no grid');
  await sidebar.getByRole('heading', { level: 2, name: 'Cut time-to-value to one day' }).waitFor();
  const [views, last] = [await sidebar.getByRole('navigation', { name: 'Views' }).boundingBox(), await sidebar.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Coordination/ }).boundingBox()];
  assert.ok(last.x + last.width <= views.x + views.width + 1, `Coordination's tab is in sight: ${JSON.stringify({ views, last })}`);
  const fit = await sidebar.evaluate((element) => ({
    width: element.getBoundingClientRect().width,
    inner: element.shadowRoot.querySelector('.ab-app').scrollWidth,
    page: document.documentElement.scrollWidth,
  }));
  assert.ok(fit.width <= 360, `the element keeps its width: ${fit.width}`);
  assert.ok(fit.inner <= 361, `nothing spills out of it sideways: ${fit.inner}`);
  assert.ok(fit.page <= 1281, `the page does not grow: ${fit.page}`);
  // A narrower sidebar (300 px, its scroll bar inside) still shows every view's tab whole.
  await page.locator('aside').evaluate((aside) => { aside.style.width = '300px'; });
  await page.waitForFunction(() => document.querySelector('aside alignment-board').getBoundingClientRect().width <= 300);
  const bar = await sidebar.getByRole('navigation', { name: 'Views' }).evaluate((nav) => [nav.scrollWidth, nav.clientWidth]);
  assert.ok(bar[0] <= bar[1], `at 300 px the views need ${bar[0]} px of ${bar[1]} px`);
  await page.locator('aside').evaluate((aside) => { aside.style.width = ''; });
  // Taller than its 560 px, the board scrolls inside the element to its cards.
  const card = sidebar.getByRole('article').last();
  await card.scrollIntoViewIfNeeded();
  assert.ok(await card.isVisible());
  const inside = await sidebar.evaluate((element) => {
    const host = element.shadowRoot.querySelector('.ab-host');
    return { scrolls: host.scrollHeight > host.clientHeight, top: host.scrollTop };
  });
  assert.ok(inside.scrolls && inside.top > 0, `the element scrolled itself: ${JSON.stringify(inside)}`);

  // Folded when the page loads: the board starts once it is opened, at its real size.
  const folded = page.locator('main alignment-board');
  await page.getByText('The board, folded').click();
  await folded.getByRole('button', { name: 'Start from example' }).click();
  const foldedCard = folded.getByRole('article').first();
  await foldedCard.waitFor();
  const box = await foldedCard.boundingBox();
  assert.ok(box.width > 100 && box.height > 40, `cards have their size: ${JSON.stringify(box)}`);
  page.assertNoErrors();
});

test('in a wiki column the toolbar and the filters keep to one row each, so the board starts high', async () => {
  const page = await open('plain.html');
  const element = page.locator('alignment-board');
  await element.evaluate((board) => { board.style.width = '630px'; });
  await element.getByRole('button', { name: 'Start from example' }).click();
  const filters = element.getByRole('region', { name: 'Filters' });
  await element.getByRole('region', { name: 'Board' }).waitFor();
  const toolbar = [];
  for (const name of ['Add initiative', 'Add', 'Settings']) toolbar.push(Math.round((await element.getByRole('button', { name, exact: true }).boundingBox()).y));
  assert.equal(new Set(toolbar).size, 1, `the toolbar is one row: ${toolbar}`);
  const tops = [];
  for (const name of ['Team', 'Owner', 'Status']) tops.push(Math.round((await filters.getByLabel(name).boundingBox()).y));
  assert.equal(new Set(tops).size, 1, `the three filters share a row: ${tops}`);
  const attention = await filters.getByText(/^Needs attention/).boundingBox();
  const count = await filters.getByText(/\d+ initiatives$/).boundingBox();
  assert.ok(attention.y > tops[0] && attention.height < 30, `Needs attention is one line under them: ${JSON.stringify(attention)}`);
  assert.ok(Math.abs(count.y - attention.y) < 8, 'the count beside it');
  const [host, card] = [await element.boundingBox(), await element.getByRole('article').first().boundingBox()];
  assert.ok(card.y - host.y < 400, `the first card starts within the element's first 400 px: ${card.y - host.y}`);
  page.assertNoErrors();
});

test('under a strict Content-Security-Policy the board works, and nothing is blocked', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await watchedForPolicy(context);
  await page.goto(site.server.url + 'strict-csp.html');
  const element = page.locator('alignment-board');
  await element.getByRole('button', { name: 'Start from example' }).click();
  const card = element.getByRole('article').first();
  await card.waitFor();
  const bar = await card.locator('.ab-card__progress rect').evaluate((rect) => rect.getBoundingClientRect().width);
  assert.ok(bar > 0, 'progress bars are drawn without inline styles');
  await element.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Health/ }).click();
  await element.locator('.ab-part__bar rect').first().waitFor();
  await element.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a server that sends the wasm with the wrong type still gets a working board', async () => {
  const context = await site.browser.newContext();
  await context.route('**/*.wasm', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.server.url + 'plain.html');
  const element = page.locator('alignment-board');
  await element.getByRole('button', { name: 'Start from example' }).click();
  await element.getByRole('article').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the theme follows the person\'s preference unless the host names one', async () => {
  const context = await site.browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(site.server.url + 'plain.html');
  const element = page.locator('alignment-board');
  await element.getByRole('button', { name: 'Start from example' }).click();
  await element.getByRole('article').first().waitFor();
  const background = () => element.evaluate((e) => getComputedStyle(e.shadowRoot.querySelector('.ab-app')).backgroundColor);
  assert.equal(await background(), 'rgb(20, 23, 28)', 'dark by preference');
  // A change made before the theme is named can still be undone after.
  const card = element.getByRole('article').first();
  await card.getByRole('button', { name: /^Status: / }).click();
  await element.getByRole('menu', { name: 'Status' }).getByRole('menuitemradio', { name: 'Done' }).click();
  await card.getByRole('button', { name: 'Status: Done' }).waitFor();
  await page.evaluate(() => document.querySelector('alignment-board').setAttribute('theme', 'light'));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('alignment-board').shadowRoot.querySelector('.ab-app')).backgroundColor === 'rgb(244, 245, 247)');
  await element.getByRole('button', { name: 'Undo', exact: true }).click();
  await card.getByRole('button', { name: /^Status: (?!Done)/ }).waitFor();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => document.querySelector('alignment-board').setAttribute('theme', 'dark'));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('alignment-board').shadowRoot.querySelector('.ab-app')).backgroundColor === 'rgb(20, 23, 28)');
  await context.close();
});

test('two elements given the same storage key follow each other instead of overwriting', async () => {
  const page = await open('plain.html');
  const first = page.locator('alignment-board').first();
  await first.getByRole('button', { name: 'Start from example' }).click();
  await first.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
  await page.evaluate(() => {
    const second = document.createElement('alignment-board');
    second.setAttribute('storage-key', 'intranet-leadership');
    second.style.height = '400px';
    document.body.append(second);
  });
  const second = page.locator('alignment-board').nth(1);
  await second.getByRole('region', { name: 'Board' }).waitFor();
  await command(first, 'Add', 'Add team…');
  const form = first.getByRole('dialog', { name: 'Add team' });
  await form.getByLabel('Name').fill('Added in the first');
  await form.getByRole('button', { name: 'Add team' }).click();
  await second.getByRole('rowheader').filter({ hasText: 'Added in the first' }).waitFor();
  await first.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
  const teams = await page.evaluate(() => {
    const { teams } = JSON.parse(localStorage.getItem('alignment-board:intranet-leadership')).board;
    return teams.rows.map((row) => row[teams.columns.indexOf('name')]);
  });
  assert.ok(teams.includes('Added in the first'), `${teams}`);
  page.assertNoErrors();
});

test('inherited styles a page sets on its body, even !important, stop at the element', async () => {
  // Every inherited property a page could set, each set to something a board never uses.
  const pageStyles = {
    'letter-spacing': '4px', 'word-spacing': '12px', 'line-height': '3', 'text-transform': 'uppercase',
    'text-indent': '40px', 'text-align': 'right', 'text-align-last': 'center', 'white-space': 'pre',
    'font-family': 'cursive', 'font-size': '30px', 'font-style': 'italic', 'font-variant': 'small-caps',
    'font-weight': '900', 'font-stretch': 'condensed', 'font-kerning': 'none', 'font-feature-settings': '"smcp"',
    'font-size-adjust': '0.9', 'text-rendering': 'optimizeLegibility', 'text-shadow': 'red 2px 2px 0px',
    'color': 'rgb(255, 0, 255)', '-webkit-text-fill-color': 'rgb(0, 255, 0)', '-webkit-text-stroke': '1px red',
    'text-underline-offset': '6px', 'text-emphasis': 'filled red', 'caret-color': 'red',
    'direction': 'rtl', 'cursor': 'wait', 'visibility': 'hidden', 'pointer-events': 'none',
    'quotes': '"«" "»"', 'tab-size': '20', 'word-break': 'break-all', 'overflow-wrap': 'anywhere',
    'line-break': 'anywhere', 'hyphens': 'auto', 'list-style-type': 'square', 'border-collapse': 'collapse',
    'border-spacing': '9px', 'empty-cells': 'hide', 'text-decoration': 'underline wavy rgb(255, 0, 0)',
  };
  const rules = Object.entries(pageStyles).map(([name, value]) => `${name}: ${value} !important;`).join(' ');
  const host = (style) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
    <title>Inherited styles</title><script type="module" src="./alignment-board.js"></script><style>${style}</style></head>
    <body><alignment-board storage-key="inherited" style="height: 640px"></alignment-board></body></html>`;
  await writeFile(join(site.root, 'inherited-none.html'), host('body { margin: 0 }'));
  await writeFile(join(site.root, 'inherited.html'), host(`body { margin: 0; ${rules} }`));

  /** The computed styles of every element holding text in the first card, and its picture. */
  async function cardText(path) {
    const page = await open(path);
    const element = page.locator('alignment-board');
    await element.getByRole('button', { name: 'Start from example' }).click();
    const card = element.getByRole('article').first();
    await card.waitFor();
    const styles = await card.evaluate((article, names) => [article, ...article.querySelectorAll('*')]
      .filter((node) => [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent.trim()))
      .map((node) => {
        const style = getComputedStyle(node);
        return [node.textContent.trim().slice(0, 20), Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]))];
      }), Object.keys(pageStyles));
    await page.mouse.move(0, 0);
    const picture = await card.screenshot();
    page.assertNoErrors();
    return { page, styles, picture };
  }
  const own = await cardText('inherited-none.html');
  const { page, styles, picture } = await cardText('inherited.html');
  assert.ok(styles.length >= 3, `text in the card: ${styles.map(([text]) => text)}`);
  assert.deepEqual(styles, own.styles, 'the text in a card looks as it does on a page that sets none of these');
  // A text-decoration is drawn through the boxes below the one that has it, whatever
  // they declare: only the picture shows it.
  assert.ok(picture.equals(own.picture), 'the card is drawn as on that page, pixel for pixel');
  // The board takes clicks, though the page turned them off for its body.
  const element = page.locator('alignment-board');
  await command(element, 'Add', 'Add team…');
  await element.getByRole('dialog', { name: 'Add team' }).waitFor();
  await own.page.context().close();
  await page.context().close();
});

test('a board below the fold neither scrolls the page to itself nor takes focus as it shows', async () => {
  await writeFile(join(site.root, 'below-the-fold.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <link rel="icon" href="data:,"><title>An intranet page</title><script type="module" src="./alignment-board.js"></script></head>
    <body><h1>Team news</h1><div style="height: 3000px">Much text.</div>
    <alignment-board storage-key="low-board" src="example.alignment.json" style="height: 480px"></alignment-board></body></html>`);
  const page = await open('below-the-fold.html');
  // Waited for in the board, not by its ready event: that may have fired before a listener
  // could be added here (the test then waited for ever).
  await page.locator('alignment-board').getByRole('region', { name: 'Board' }).waitFor({ state: 'attached' });
  // The board has rendered and its effects have run (a frame later).
  await page.evaluate(() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame))));
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page stays at its top');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BODY', 'focus stays with the page');
  page.assertNoErrors();
});

test('a snapshot changed while its board is open is taken when nothing changed there, and offered when a change is not saved yet', async () => {
  const page = await open('api.html');
  const markdown = await readFile(join(EXAMPLES, 'markdown.html'), 'utf8');
  const snapshot = JSON.parse(markdown.slice(markdown.indexOf('{'), markdown.lastIndexOf('}') + 1));
  const version = (title) => JSON.stringify({ ...snapshot, board: { ...snapshot.board, title } });
  // The page's own board, once its script has mounted it, gives way to one under a key.
  await page.waitForFunction(() => typeof window.board?.destroy === 'function');
  await page.evaluate(async (s) => {
    const { mount } = await import('./alignment-board.js');
    window.board.destroy();
    window.board = mount(document.getElementById('board'), { storageKey: 'api-follow', snapshot: s });
  }, version('Plan, week 1'));
  await page.getByRole('heading', { level: 1, name: 'Plan, week 1' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
  const offer = page.getByRole('status').filter({ hasText: 'This page\'s board has changed' });
  // Nothing changed on the open board: the host's newer snapshot is simply shown.
  await page.evaluate((s) => window.board.setOptions({ storageKey: 'api-follow', snapshot: s }), version('Plan, week 2'));
  await page.getByRole('heading', { level: 1, name: 'Plan, week 2' }).waitFor();
  await page.getByRole('button', { name: 'Add initiative', exact: true }).waitFor();
  assert.equal(await offer.count(), 0);
  // A status changed, and in the same moment, before the board can save it, the host gives
  // a newer snapshot: the change is kept, and the host's board offered.
  await page.getByRole('article').first().getByRole('button', { name: /^Status: / }).click();
  await page.getByRole('menu', { name: 'Status of ' }).getByRole('menuitemradio', { name: 'Dropped' }).waitFor();
  // (The board takes the change before a timer set after it runs; the save's timer, set
  // as the board took it, waits 400 ms.)
  const pending = await page.evaluate(async (s) => {
    [...document.querySelectorAll('[role="menuitemradio"]')].find((item) => item.textContent === 'Dropped').click();
    await new Promise((done) => { setTimeout(done, 0); });
    const saving = document.body.innerText.includes('Saving…');
    window.board.setOptions({ storageKey: 'api-follow', snapshot: s });
    return saving;
  }, version('Plan, week 3'));
  assert.equal(pending, true, 'the change was not saved yet');
  await offer.filter({ hasText: 'the page now gives “Plan, week 3”' }).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Plan, week 2' }).waitFor();
  await page.getByRole('article').first().getByRole('button', { name: 'Status: Dropped' }).waitFor();
});

test('a wiki code block whose snapshot cannot be read stays in view under the message naming its line', async () => {
  // A comma left out at the end of line 3, in a block as Markdown renders it and in one as
  // Docusaurus does (whose nodes React keeps).
  const broken = '{\n  "format": "alignment-board",\n  "version": 1\n  "board": { "id": "b-1", "title": "Broken" }\n}';
  await writeFile(join(site.root, 'broken-block.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <link rel="icon" href="data:,"><title>A wiki page</title><script type="module" src="./alignment-board-wiki.js"></script></head>
    <body><h1>Plans</h1><pre><code class="language-alignment-board">${broken}</code></pre>
    <div class="theme-code-block"><pre class="prism-code language-alignment-board"><code>${broken}</code></pre></div>
    <p>After.</p></body></html>`);
  const page = await open('broken-block.html');
  const messages = page.getByRole('alert').filter({ hasText: 'This board cannot be shown: the snapshot it was given cannot be read: this is not valid JSON' });
  await messages.nth(1).waitFor();
  assert.match(await messages.first().innerText(), /at line 4, column 3/);
  const blocks = page.getByText('"version": 1', { exact: false });
  assert.equal(await blocks.count(), 2);
  for (const block of await blocks.all()) assert.ok(await block.isVisible(), 'the block is in view to be mended');
  // Each under its message.
  const order = await page.evaluate(() => [...document.querySelectorAll('alignment-board, pre')].map((e) => e.localName));
  assert.deepEqual(order.slice(0, 2), ['alignment-board', 'pre']);
});

test('the wiki plugin mounts a board when its code block comes near the screen, not before', async () => {
  const snapshot = (title) => JSON.stringify({ format: 'alignment-board', version: 1, board: { id: `b-${title.length}`, title } });
  await writeFile(join(site.root, 'long-page.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <link rel="icon" href="data:,"><title>A long wiki page</title><script type="module" src="./alignment-board-wiki.js"></script></head>
    <body><h1>A long wiki page</h1><pre><code class="language-alignment-board">${snapshot('Near the top')}</code></pre>
    <div style="height: 5000px">Much text.</div>
    <pre id="far"><code class="language-alignment-board">${snapshot('Far below')}</code></pre></body></html>`);
  const page = await open('long-page.html');
  await page.getByRole('heading', { level: 1, name: 'Near the top' }).waitFor();
  const boards = () => page.evaluate(() => document.querySelectorAll('alignment-board').length);
  // The plugin watches the far block; an observer made after the plugin's is told of it
  // after the plugin's is, so once this one has heard, the plugin has decided.
  await page.locator('#far[data-alignment-board="waiting"]').waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((heard) => {
    const observer = new IntersectionObserver(() => { observer.disconnect(); heard(); }, { rootMargin: '200px' });
    observer.observe(document.querySelector('#far'));
  }));
  assert.equal(await boards(), 1, 'only the board near the screen is mounted');
  assert.equal(await page.locator('#far').count(), 1, 'the one far below is still its code block');
  // Scrolled to a little above it: within the margin it is mounted ahead of being seen.
  await page.evaluate(() => window.scrollTo(0, document.querySelector('#far').offsetTop - innerHeight - 100));
  await page.getByRole('heading', { level: 1, name: 'Far below' }).waitFor();
  assert.equal(await boards(), 2);
  assert.equal(await page.locator('pre').count(), 0);
  page.assertNoErrors();
});

/**
 * A server on another origin than the pages': /endless.json streams spaces without end
 * (counting what it sent until the reader hung up), /snapshot.json answers a snapshot and
 * records the cookies each request brought; both allow any page to read them.
 */
async function elsewhere(snapshot) {
  let hungUp;
  const seen = { sent: 0, closed: false, cookies: [], hungUp: new Promise((ok) => { hungUp = ok; }) };
  const server = createServer(async (request, response) => {
    const cors = { 'access-control-allow-origin': request.headers.origin ?? '*', 'access-control-allow-credentials': 'true' };
    if (request.url === '/snapshot.json') {
      seen.cookies.push(request.headers.cookie ?? '');
      response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(snapshot);
      return;
    }
    response.writeHead(200, { ...cors, 'content-type': 'application/json' });
    response.on('close', () => { seen.closed = true; hungUp(); });
    const chunk = Buffer.alloc(64 * 1024, ' ');
    while (!seen.closed && seen.sent < 200 * 1024 * 1024) {
      seen.sent += chunk.length;
      if (!response.write(chunk)) await new Promise((ok) => { response.once('drain', ok); response.once('close', ok); });
    }
    response.end();
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { seen, url: `http://localhost:${server.address().port}/`, close: () => { server.closeAllConnections(); return new Promise((ok) => server.close(ok)); } };
}

/** Adds an element whose src is `src` to the page; resolves to its error event's message, or 'ready'. */
function srcError(page, src) {
  return page.evaluate((address) => new Promise((resolve) => {
    const board = document.createElement('alignment-board');
    board.setAttribute('src', address);
    board.addEventListener('error', (event) => resolve(event.detail.message));
    board.addEventListener('ready', () => resolve('ready'));
    document.body.append(board);
  }), src);
}

test('a src that answers more than a board can be is read no further than 10 MB, and refused', { timeout: 60_000 }, async () => {
  const other = await elsewhere('');
  try {
    const page = await open('two-boards.html');
    const message = await srcError(page, `${other.url}endless.json`);
    assert.match(message, /larger than 10 MB/);
    // The page hangs up: waited for, within the test's time limit.
    await other.seen.hungUp;
    assert.ok(other.seen.closed, 'the page hung up');
    // What the browser's and the system's buffers took ahead of the page is some 10 MB.
    assert.ok(other.seen.sent < 64 * 1024 * 1024, `it read no further: ${other.seen.sent} of 200 MB sent`);
  } finally {
    await other.close();
  }
});

test('a src on another origin is fetched without the cookies the person has there', async () => {
  const snapshot = await readFile(join(EXAMPLES, 'markdown.html'), 'utf8')
    .then((html) => html.slice(html.indexOf('{'), html.lastIndexOf('}') + 1));
  const other = await elsewhere(snapshot);
  try {
    // The page on http://localhost too: the same site as the src, another origin.
    const page = await open('');
    await page.goto(`http://localhost:${new URL(site.server.url).port}/two-boards.html`);
    // A session there, which the browser would send along with a request that asked for it.
    await page.context().addCookies([{ name: 'session', value: 'secret', url: other.url }]);
    assert.equal(await srcError(page, `${other.url}snapshot.json`), 'ready');
    await page.getByRole('heading', { level: 1, name: 'Review board, Q4' }).waitFor();
    assert.deepEqual(other.seen.cookies, [''], 'fetched once, with no cookie');
    page.assertNoErrors();
  } finally {
    await other.close();
  }
});
