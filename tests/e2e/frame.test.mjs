// A board in a frame of another page (examples/iframe.html and the frame page,
// alignment-board-frame.html): what it takes from and tells its host, which hosts it
// serves, and where it keeps its board.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { command } from '../support/app.mjs';
import { EXAMPLES, useEmbedding } from '../support/embedding.mjs';

const site = useEmbedding();
const { open } = site;

test('a board in an iframe from a listed host\'s origin takes a snapshot and reports its changes to its host only', async () => {
  const board = new URL(site.server.url);
  const hostUrl = `http://localhost:${board.port}/iframe.html?board=${encodeURIComponent(board.origin)}`;
  const page = await open('');
  await page.goto(hostUrl);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'ready'));
  const snapshot = await readFile(join(EXAMPLES, 'markdown.html'), 'utf8')
    .then((html) => JSON.parse(html.slice(html.indexOf('{'), html.lastIndexOf('}') + 1)));
  // A message for another board on the page is not this one's.
  await page.evaluate((s) => window.send({ id: 'other', type: 'load', snapshot: s }), snapshot);
  await page.evaluate((s) => window.send({ type: 'load', snapshot: s }), snapshot);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'loaded'));
  assert.equal(await page.evaluate(() => window.received.filter((m) => m.type === 'loaded').length), 1);
  const framed = page.frameLocator('#frame').locator('alignment-board');
  await framed.getByRole('heading', { level: 1, name: 'Review board, Q4' }).waitFor();

  await command(framed, 'Settings', 'Board settings…');
  const settings = framed.getByRole('dialog', { name: 'Board settings' });
  await settings.getByLabel('Board title').fill('Renamed in the frame');
  await settings.getByRole('button', { name: 'Save' }).click();
  await page.waitForFunction(() => window.received.some((m) => m.type === 'change' && m.snapshot.board.title === 'Renamed in the frame'));
  await page.evaluate(() => window.send({ type: 'get' }));
  await page.waitForFunction(() => window.received.some((m) => m.type === 'snapshot' && m.snapshot.board.title === 'Renamed in the frame'));
  await page.evaluate(() => window.send({ type: 'load', snapshot: { format: 'alignment-board', version: 1, board: {} } }));
  await page.waitForFunction(() => window.received.some((m) => m.type === 'error' && /board\.id/.test(m.message)));
  page.assertNoErrors();

  // A frame whose board cannot be shown says why, in its place and to its host.
  await page.evaluate(() => {
    const frame = document.getElementById('frame');
    frame.src = frame.src.replace('&key=', '&view=heath&key=');
  });
  await page.frameLocator('#frame').locator('alignment-board').getByRole('alert')
    .getByText(/^This board cannot be shown: the view "heath" is not one the board has/).waitFor();
  await page.waitForFunction(() => window.received.some((m) => m.type === 'error' && /"heath"/.test(m.message)));
});

test('a framed board is kept under its key joined to a hash of its host\'s origin', async () => {
  // A host of the same site as the frame (another port): the browser gives the frame its
  // storage, which a frame from another site may be denied.
  const board = new URL(site.server.url);
  const page = await open('');
  await page.goto(`${site.neighbour.url}iframe.html?board=${encodeURIComponent(board.origin)}`);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'ready'));
  const framed = page.frameLocator('#frame').locator('alignment-board');
  await framed.getByRole('button', { name: 'Start blank' }).click();
  await framed.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
  const frame = page.frames().find((f) => f.url().includes('alignment-board-frame.html'));
  const hash = createHash('sha256').update(new URL(site.neighbour.url).origin).digest('hex').slice(0, 16);
  const keys = await frame.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.some((key) => key.includes(`framed-board-${hash}`)), `kept under framed-board-${hash}: ${keys}`);
  assert.ok(!keys.some((key) => /framed-board(?!-[0-9a-f]{16})/.test(key)), `and not under the bare key: ${keys}`);
  page.assertNoErrors();
});

test('the frame page shows a host that is not on its list, or not an origin, why it gets no board, and sends it nothing', async () => {
  await writeFile(join(site.root, 'any-host.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <link rel="icon" href="data:,"><title>A host page</title></head>
    <body><iframe id="frame" title="Alignment board" width="1000" height="500"></iframe>
    <script type="module">
      window.received = [];
      addEventListener('message', (event) => window.received.push({ origin: event.origin, data: event.data }));
      const frame = document.getElementById('frame');
      frame.src = new URLSearchParams(location.search).get('frame');
      window.ask = () => frame.contentWindow.postMessage({ target: 'alignment-board', id: 'x', type: 'get' }, '*');
    </script></body></html>`);
  const port = (url) => new URL(url).port;
  const listed = `http://localhost:${port(site.server.url)}`;
  // The neighbour's port is listed under its address, not under this name.
  const unlisted = `http://localhost:${port(site.neighbour.url)}`;
  const cases = [
    { page: unlisted, host: unlisted, says: /not among the hosts/ },
    { page: listed, host: '*', says: /not an origin/ },
    { page: listed, host: `${listed}/`, says: /not an origin/ },
    { page: unlisted, host: listed, says: /is shown by another page/ },
  ];
  for (const { page: origin, host, says } of cases) {
    const frameUrl = `${site.server.url}alignment-board-frame.html?host=${encodeURIComponent(host)}&id=x&key=framed`;
    const page = await open('');
    await page.goto(`${origin}/any-host.html?frame=${encodeURIComponent(frameUrl)}`);
    const framed = page.frameLocator('#frame');
    const alert = framed.getByRole('alert');
    await alert.waitFor();
    const message = await alert.textContent();
    assert.match(message, says, `${host} in a page of ${origin}: ${message}`);
    assert.match(message, /alignment-board-hosts\.json/, 'it says how a host is allowed');
    // To the page's reader first, in words they can act on; the how is for the site's keeper.
    assert.equal(await alert.getByRole('paragraph').first().textContent(),
      'This board cannot be shown on this page. If you expected one here, tell whoever looks after the page.');
    assert.match(await alert.getByRole('paragraph').nth(1).textContent(), /^For whoever looks after this site: /);
    // The board's page answers a message in the listener that takes it. A listener added
    // after the board's hears the same message next and says so: any answer the board gave
    // reaches the host before that word does.
    const frame = page.frames().find((f) => new URL(f.url()).pathname === '/alignment-board-frame.html');
    await frame.evaluate(() => addEventListener('message', () => parent.postMessage('heard', '*')));
    await page.evaluate(() => window.ask());
    await page.waitForFunction(() => window.received.some((m) => m.data === 'heard'));
    const answers = await page.evaluate(() => window.received.filter((m) => m.data !== 'heard'));
    assert.deepEqual(answers, [], `${host} in a page of ${origin} is sent nothing`);
    assert.equal(await framed.locator('alignment-board').count(), 0, 'and shown no board');
    page.assertNoErrors();
    await page.context().close();
  }
  // A list that is not one (an object around it, a trailing comma) is the fault, not the
  // host: the frame says so instead of asking for the host to be added.
  const hosts = join(site.root, 'alignment-board-hosts.json');
  const kept = await readFile(hosts, 'utf8');
  try {
    for (const broken of [JSON.stringify({ hosts: JSON.parse(kept) }), kept.replace(/\]$/, ',]')]) {
      await writeFile(hosts, broken);
      const frameUrl = `${site.server.url}alignment-board-frame.html?host=${encodeURIComponent(listed)}&id=x&key=framed`;
      const page = await open('');
      await page.goto(`${listed}/any-host.html?frame=${encodeURIComponent(frameUrl)}`);
      const message = await page.frameLocator('#frame').getByRole('alert').textContent();
      assert.match(message, /alignment-board-hosts\.json beside alignment-board-frame\.html is not a JSON list of origins/, message);
      assert.doesNotMatch(message, /not among the hosts/);
      await page.context().close();
    }
  } finally {
    await writeFile(hosts, kept);
  }
});

test('the iframe page shows the snapshot its address names, read-only, for hosts that only embed a link', async () => {
  const page = await open('alignment-board-frame.html?src=example.alignment.json&view=health');
  const board = page.locator('alignment-board');
  await board.getByRole('heading', { level: 1, name: 'Fieldnote leadership board' }).waitFor();
  await board.getByRole('region', { name: 'Alignment score' }).waitFor();
  assert.equal(await board.getByRole('button', { name: 'Add initiative' }).count(), 0, 'read-only');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing stored');
  page.assertNoErrors();
});
