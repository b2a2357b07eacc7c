// The board's last screen: a board kept in this browser shows at once as it was last seen,
// inert and marked as opening, while the WebAssembly is still on its way; the board then
// takes its place. A screen is shown only when it is of the board saved now, of today and
// as the page asks, and only the board's own elements and attributes are taken from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DIST, freshPage, saved, startExample, useApp, watchedForPolicy } from '../support/app.mjs';
import { serve } from '../support/server.mjs';

const app = useApp();
const SCREEN = 'alignment-board:alignment-board:screen';

/** Holds every WebAssembly download of `page` until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Opens `url` in `page` with the board's module held back; resolves once the page's
 * scripts before the module have run. */
async function openHeld(page, url) {
  const release = await holdWasm(page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return release;
}

/** The example board, saved in a fresh profile; the page is left and its screen kept. */
async function exampleKept() {
  const page = await freshPage(app);
  await startExample(page);
  await page.getByText('Guided setup wizard').first().waitFor();
  await saved(page);
  await page.goto('about:blank');
  return page;
}

/** What `context` keeps in localStorage under `key` for the app's origin. */
async function kept(context, key) {
  const { origins } = await context.storageState();
  const origin = origins.find((o) => o.origin === new URL(app.url).origin);
  return origin?.localStorage.find((item) => item.name === key)?.value ?? null;
}

test('a board kept in this browser shows its last screen while the board starts, then the board', async () => {
  const page = await exampleKept();
  const release = await openHeld(page, app.url);
  const screen = page.locator('[data-ab-screen]');
  await screen.waitFor();
  // As it was: the board's cards, and nothing of it reachable while it opens.
  assert.equal(await screen.getByText('Guided setup wizard').first().isVisible(), true);
  assert.ok(await page.locator('.ab-card').count() > 5);
  assert.equal(await screen.evaluate((s) => s.inert && s.getAttribute('aria-busy')), 'true');
  // Neither a click nor the keyboard reaches it.
  await screen.getByText('Guided setup wizard').first().click({ force: true });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => Boolean(document.activeElement.closest('[data-ab-screen]'))), false);
  assert.equal(await page.locator('dialog').count(), 0);
  release();
  // The board itself takes its place: one board, working.
  await page.locator('.ab-app:not([data-ab-screen])').waitFor();
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.keyboard.press('Escape');
  assert.equal(await screen.count(), 0);
  assert.equal(await page.locator('.ab-app').count(), 1);
  page.assertNoErrors();
});

test('a screen is not shown once the board is saved again elsewhere, on another day, in another view, filtered or read-only', async () => {
  const page = await exampleKept();
  const context = page.context();
  const stored = JSON.parse(await kept(context, SCREEN));
  assert.equal(stored.format, 'alignment-board-screen');
  assert.equal(stored.view, 'board');
  assert.match(stored.day, /^\d{4}-\d{2}-\d{2}$/);
  // Each case in a page of its own, the record changed before the page's scripts run.
  const cases = [
    ['another tab saved since', (record) => { localStorage.setItem('alignment-board:alignment-board:revision', `${record.revision}0`); }],
    ['it was kept yesterday', (record) => { record.day = '2000-01-01'; }],
    ['it is not the board\'s record', (record) => { record.format = 'something-else'; }],
  ];
  for (const [why, change] of cases) {
    const other = await context.newPage();
    await other.addInitScript(([key, code]) => {
      const record = JSON.parse(localStorage.getItem(key));
      // eslint-disable-next-line no-new-func
      new Function('record', code)(record);
      localStorage.setItem(key, JSON.stringify(record));
    }, [SCREEN, `(${change})(record)`]);
    const release = await openHeld(other, app.url);
    assert.equal(await other.locator('[data-ab-screen]').count(), 0, why);
    release();
    await other.getByRole('region', { name: 'Board' }).waitFor();
    await other.close();
  }
  // Another view asked for in the address, the board filtered (its screen is of the whole
  // board), and the board asked for read-only (its screen is of the board that may be
  // changed).
  for (const asked of ['?view=health', '?team=t-1', '?attention', '?readonly']) {
    const other = await context.newPage();
    const release = await openHeld(other, `${app.url}${asked}`);
    assert.equal(await other.locator('[data-ab-screen]').count(), 0, asked);
    release();
    await other.locator('.ab-app').first().waitFor();
    await other.close();
  }
});

test('a screen takes nothing from the store that could run, load or link', async () => {
  const page = await exampleKept();
  const other = await page.context().newPage();
  await other.addInitScript((key) => {
    const record = JSON.parse(localStorage.getItem(key));
    record.html = record.html.replace('</main>',
      '<img src="/x.png" onerror="window.pwned = 1"><script>window.pwned = 2</script>'
      + '<a href="javascript:window.pwned = 3" id="bad">Bad link</a>'
      + '<div onclick="window.pwned = 4" data-ab-style="background: url(/y.png)" style="color: red" class="ab-card">Planted card</div>'
      + '<div data-ab-style="background: u\\72l(/z.png)" class="ab-card">Escaped</div>'
      + '<svg><rect fill="url(/w.png#a)" width="9" height="9"></rect></svg></main>');
    localStorage.setItem(key, JSON.stringify(record));
  }, SCREEN);
  const asked = [];
  other.on('request', (request) => asked.push(new URL(request.url()).pathname));
  const release = await openHeld(other, app.url);
  const screen = other.locator('[data-ab-screen]');
  await screen.waitFor();
  assert.equal(await screen.getByText('Planted card').count(), 1, 'text is kept');
  assert.deepEqual(await screen.evaluate((s) => [
    s.querySelectorAll('img, script, a').length,
    [...s.querySelectorAll('*')].filter((e) => e.getAttributeNames().some((n) => n.startsWith('on'))).length,
    [...s.querySelectorAll('[style]')].filter((e) => /url|red/.test(e.getAttribute('style'))).length,
    s.querySelectorAll('[fill*="url"]').length,
  ]), [0, 0, 0, 0]);
  assert.equal(await other.evaluate(() => window.pwned), undefined);
  release();
  await other.getByRole('region', { name: 'Board' }).waitFor();
  assert.ok(['/x.png', '/y.png', '/z.png', '/w.png'].every((path) => !asked.includes(path)), `nothing planted was fetched: ${asked.join(', ')}`);
  // A record whose root is not the board's shows nothing.
  const wrong = await page.context().newPage();
  await wrong.addInitScript((key) => {
    const record = JSON.parse(localStorage.getItem(key));
    record.html = `<section class="ab-app">${record.html}</section>`;
    localStorage.setItem(key, JSON.stringify(record));
  }, SCREEN);
  const go = await openHeld(wrong, app.url);
  assert.equal(await wrong.locator('[data-ab-screen]').count(), 0);
  go();
});

test('a board that cannot start takes its screen away and says so', async () => {
  const page = await exampleKept();
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(app.url, { waitUntil: 'domcontentloaded' });
  await page.getByRole('alert').filter({ hasText: 'The board could not be started. Reload the page to try again.' }).waitFor();
  assert.equal(await page.locator('[data-ab-screen]').count(), 0);
});

test('a board with no last screen to show says it opens, in the page and in an element\'s box', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1200, height: 800 } });
  const errors = [];
  for (const [url, box] of [[app.url, '#app'], [`${app.url}alignment-board-frame.html?key=first&theme=dark`, 'alignment-board']]) {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const release = await openHeld(page, url);
    // A first visit: nothing kept, so no screen; the board's place says what is coming.
    const opening = page.locator(`${box} [data-ab-opening]`);
    await opening.getByRole('status').filter({ hasText: 'Opening the board…' }).waitFor();
    // Said by its live region, which waits for nothing (no busy container).
    assert.equal(await opening.getAttribute('aria-busy'), null);
    assert.equal(await page.locator('[data-ab-screen]').count(), 0);
    const look = await opening.evaluate((element) => {
      const style = getComputedStyle(element);
      return { scheme: style.colorScheme, cursor: style.cursor, bar: getComputedStyle(element, '::after').content };
    });
    assert.deepEqual(look, { scheme: box === '#app' ? 'light dark' : 'dark', cursor: 'progress', bar: '""' }, url);
    release();
    await page.getByRole('button', { name: 'Start from example' }).waitFor();
    assert.equal(await opening.count(), 0, 'the board took its place');
    await page.close();
  }
  // An error of the page's own while the board is on its way is taken for the board's;
  // the board, once started, takes the word's place all the same.
  const held = await context.newPage();
  const go = await openHeld(held, app.url);
  await held.evaluate(() => setTimeout(() => { throw new Error('the host page\'s own error'); }));
  const failed = held.getByRole('alert').filter({ hasText: 'The board could not be started' });
  await failed.waitFor();
  go();
  await held.getByRole('button', { name: 'Start from example' }).waitFor();
  assert.equal(await failed.count(), 0);
  await held.close();
  // One that cannot start says so in its place.
  const page = await context.newPage();
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(app.url, { waitUntil: 'domcontentloaded' });
  await page.getByRole('alert').filter({ hasText: 'The board could not be started. Reload the page to try again.' }).waitFor();
  assert.equal(await page.locator('[data-ab-opening]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an element with a storage key shows its board\'s last screen in its own box', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const url = `${app.url}alignment-board-frame.html?key=kept`;
  await page.goto(url);
  await page.getByRole('button', { name: 'Start from example' }).click();
  await page.getByText('Guided setup wizard').first().waitFor();
  await saved(page);
  await page.goto('about:blank');
  const release = await openHeld(page, url);
  const screen = page.locator('alignment-board [data-ab-screen]');
  await screen.waitFor();
  assert.equal(await screen.getByText('Guided setup wizard').first().isVisible(), true);
  release();
  await page.locator('alignment-board .ab-app:not([data-ab-screen])').waitFor();
  assert.equal(await screen.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the standalone page shows its screen under the strict Content-Security-Policy, blocking nothing', async () => {
  const example = await readFile(new URL('../../examples/strict-csp.html', import.meta.url), 'utf8');
  const policy = example.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)[1];
  const server = await serve(DIST, { headers: { 'content-security-policy': policy } });
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await watchedForPolicy(context);
  await page.goto(server.url);
  await startExample(page);
  await saved(page);
  await page.goto('about:blank');
  const release = await openHeld(page, server.url);
  await page.locator('[data-ab-screen]').waitFor();
  release();
  await page.locator('.ab-app:not([data-ab-screen])').waitFor();
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});
