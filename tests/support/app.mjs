// Shared set-up of the end-to-end tests: the release build served once per file, a fresh
// browser profile per test, and the steps every flow starts with.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import { createRequire } from 'node:module';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Registers before/after hooks; returns an object whose fields are filled in `before`. */
export function useApp(dist = DIST) {
  const app = { url: '', browser: null };
  let server;
  before(async () => {
    server = await serve(dist);
    app.url = server.url;
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await server?.close();
  });
  return app;
}

/** A page in a new, empty browser profile, failing the test on any page error. */
export async function freshPage(app, options = {}) {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon/.test(message.text())) errors.push(message.text());
  });
  page.assertNoErrors = () => assert.deepEqual(errors, [], 'the page logged errors');
  await page.goto(app.url);
  return page;
}

export async function startExample(page) {
  await page.getByRole('button', { name: 'Start from example' }).click();
  await page.getByRole('region', { name: 'Board' }).waitFor();
}

/** Waits until the board says it has saved (the debounce has passed and the write stuck). */
export async function saved(page) {
  await page.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
}

/** Waits until `locator`'s element has focus. */
export async function isFocused(page, locator) {
  await page.waitForFunction((element) => element === document.activeElement, await locator.elementHandle());
}

/** The dialog with the given name. */
export function dialog(page, name) {
  return page.getByRole('dialog', { name }).or(page.getByRole('alertdialog', { name }));
}

/**
 * Runs a command of the toolbar's menus (Add, File, Settings) as a person does with the
 * mouse: opens the menu by its name and picks the command by its name. `scope` is a page, a
 * frame or the board's element.
 */
export async function command(scope, menu, name) {
  await scope.getByRole('button', { name: menu, exact: true }).click();
  await scope.getByRole('menu', { name: menu }).getByRole('menuitem', { name })
    .or(scope.getByRole('menu', { name: menu }).getByRole('menuitemcheckbox', { name })).click();
}

/** Adds a team by the Add menu, as a person does, and waits for its form to close. */
export async function addTeam(page, name) {
  await command(page, 'Add', 'Add team…');
  const form = dialog(page, 'Add team');
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Add team' }).click();
  await form.waitFor({ state: 'detached' });
}

/** Adds a priority by the Add menu, and waits for its form to close. */
export async function addPriority(page, title) {
  await command(page, 'Add', 'Add priority…');
  const form = dialog(page, 'Add priority');
  await form.getByLabel('Title').fill(title);
  await form.getByRole('button', { name: 'Add priority' }).click();
  await form.waitFor({ state: 'detached' });
}

/**
 * Imports the file at `path` through the file picker: from the File menu once a board is
 * shown, from the welcome screen's button before.
 */
export async function importFile(page, path) {
  const menu = page.getByRole('button', { name: 'File', exact: true });
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    (await menu.count()) > 0
      ? command(page, 'File', 'Import snapshot…')
      : page.getByRole('button', { name: 'Import snapshot' }).click(),
  ]);
  await chooser.setFiles(path);
}

/** Exports the board with the File menu's command; returns the file's path, name and content. */
export async function exportSnapshot(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    command(page, 'File', 'Export snapshot'),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'ab-export-'));
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename(), json: JSON.parse(await readFile(path, 'utf8')) };
}

/**
 * A page of `context` that records what a Content-Security-Policy blocked
 * (`window.violations`) and every error it logs (`errors`).
 */
export async function watchedForPolicy(context) {
  await context.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** Every violation axe-core finds on the page, of any impact, as `id: count × help`. */
export async function audit(page) {
  const require = createRequire(import.meta.url);
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: await readFile(require.resolve('axe-core/axe.min.js'), 'utf8') });
  }
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.help}: ${v.nodes[0]?.target}`);
}

/**
 * The accessible name and description the browser gives the first element matching
 * `selector` (in the page's own document), as a screen reader gets them: CSS-generated
 * text, `aria-describedby` and hidden parts all counted by Chromium itself.
 */
export async function accessibleOf(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    assert.ok(nodeId, `an element matches ${selector}`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    return { name: nodes[0]?.name?.value ?? '', description: nodes[0]?.description?.value ?? '' };
  } finally {
    await cdp.detach();
  }
}

/**
 * The words of the text in `root`'s elements matching `selector` that are laid out over
 * more than one line: a word, or the part of a hyphenated one up to its hyphen (a line may
 * end there). Run in the page: `locator.evaluate(brokenWords, selector)`.
 */
export function brokenWords(root, selector) {
  const broken = [];
  for (const element of root.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (const word of text.data.matchAll(/[^\s-]+-?/g)) {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}
