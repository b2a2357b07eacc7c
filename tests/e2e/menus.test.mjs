// The toolbar's menus, as the WAI-ARIA menu-button pattern has them: every command is
// reached through its menu by role and name, with the mouse and with the keyboard, and
// from the help dialog; Compact cards (also beside the filters) is remembered per board; axe
// finds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit, command, dialog, freshPage, startExample, useApp } from '../support/app.mjs';

const app = useApp();

const MENUS = {
  Add: ['Add priority…', 'Add team…', 'People…', 'Record decision…'],
  File: ['Import snapshot…', 'Merge team snapshots…', 'Export snapshot', 'Export team slice…', 'Export picture', 'Markdown and CSV…', 'Print…', 'Share link…', 'New board…'],
  Settings: ['Board settings…', 'Compact cards', 'Help and keyboard shortcuts…'],
};

/** What running each command does, checked as a person sees it. */
const EFFECTS = {
  'Add priority…': (page) => closes(dialog(page, 'Add priority')),
  'Add team…': (page) => closes(dialog(page, 'Add team')),
  'New board…': (page) => closes(dialog(page, 'Start a new board?')),
  'People…': (page) => closes(dialog(page, 'People')),
  'Record decision…': (page) => closes(dialog(page, 'Record a decision')),
  'Markdown and CSV…': (page) => closes(dialog(page, 'Markdown and spreadsheets')),
  'Share link…': (page) => closes(dialog(page, 'Share link')),
  'Export team slice…': (page) => closes(dialog(page, 'Export team slice')),
  'Board settings…': (page) => closes(dialog(page, 'Board settings')),
  'Help and keyboard shortcuts…': (page) => closes(dialog(page, 'Help')),
};

async function closes(found) {
  await found.waitFor();
  await found.getByRole('button', { name: 'Close' }).first().click();
  await found.waitFor({ state: 'detached' });
}

/** Runs `run` (which picks the command) and checks what the command does. */
async function runs(page, name, run) {
  switch (name) {
    case 'Import snapshot…': {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), run()]);
      assert.ok(chooser.isMultiple() === false);
      return;
    }
    case 'Merge team snapshots…': {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), run()]);
      assert.ok(chooser.isMultiple(), 'a merge takes several files');
      return;
    }
    case 'Export snapshot':
    case 'Export picture': {
      const [download] = await Promise.all([page.waitForEvent('download'), run()]);
      assert.match(download.suggestedFilename(), name === 'Export picture' ? /\.alignment\.svg$/ : /\.alignment\.json$/);
      // A picture goes on slides: it says it carries the whole board, notes and all.
      if (name === 'Export picture') await page.getByRole('status').getByText(/The picture carries the whole board, notes and all/).waitFor();
      return;
    }
    case 'Print…': {
      const before = await page.evaluate(() => window.printed ?? 0);
      await run();
      await page.waitForFunction((n) => (window.printed ?? 0) > n, before);
      await page.evaluate(() => dispatchEvent(new Event('afterprint')));
      return;
    }
    case 'Compact cards': {
      const compact = () => page.locator('.ab-board--compact').count();
      const was = await compact();
      await run();
      await page.waitForFunction((was) => document.querySelectorAll('.ab-board--compact').length !== was, was);
      return;
    }
    default:
      await run();
      await EFFECTS[name](page);
  }
}

async function examplePage() {
  const page = await freshPage(app);
  await page.addInitScript(() => { window.print = () => { window.printed = (window.printed ?? 0) + 1; }; });
  await page.reload();
  await startExample(page);
  return page;
}

test('every command is reached through its menu with the mouse', async () => {
  const page = await examplePage();
  const toolbar = page.getByRole('navigation', { name: 'Board actions' });
  for (const name of ['Undo', 'Redo', 'Add initiative']) {
    await toolbar.getByRole('button', { name }).waitFor();
  }
  for (const [menu, items] of Object.entries(MENUS)) {
    const button = toolbar.getByRole('button', { name: menu, exact: true });
    assert.equal(await button.getAttribute('aria-haspopup'), 'menu');
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    const list = page.getByRole('menu', { name: menu });
    const names = await list.getByRole('menuitem').or(list.getByRole('menuitemcheckbox')).allTextContents();
    assert.deepEqual(names.map((n) => n.replace(/\?$/, '')), items, `the ${menu} menu`);
    // A click elsewhere closes it.
    await page.getByRole('heading', { level: 1 }).click();
    await list.waitFor({ state: 'detached' });
    await toolbar.getByRole('button', { name: menu, exact: true, expanded: false }).waitFor();
    for (const item of items) {
      await runs(page, item, () => command(page, menu, item));
    }
  }
  page.assertNoErrors();
});

test('every command is reached through its menu with the keyboard', async () => {
  const page = await examplePage();
  const focused = () => page.evaluate(() => document.activeElement?.textContent.trim());
  for (const [menu, items] of Object.entries(MENUS)) {
    for (const [index, item] of items.entries()) {
      await runs(page, item, async () => {
        await page.getByRole('button', { name: menu, exact: true }).focus();
        await page.keyboard.press('Enter');
        for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
        assert.equal((await focused()).replace(/\?$/, ''), item);
        await page.keyboard.press('Enter');
      });
    }
  }
  page.assertNoErrors();
});

test('the menu keys: arrows, Home and End, type-ahead, Escape and Tab', async () => {
  const page = await examplePage();
  const focused = () => page.evaluate(() => document.activeElement?.textContent.trim());
  const file = page.getByRole('button', { name: 'File', exact: true });
  await file.focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'Import snapshot…', '↓ on the button opens at the first command');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'New board…', '↑ goes round to the last');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'Import snapshot…', 'and ↓ round to the first');
  await page.keyboard.press('End');
  assert.equal(await focused(), 'New board…');
  await page.keyboard.press('Home');
  assert.equal(await focused(), 'Import snapshot…');
  await page.keyboard.press('e');
  assert.equal(await focused(), 'Export snapshot', 'a letter goes to the next command it begins');
  await page.keyboard.press('e');
  assert.equal(await focused(), 'Export team slice…');
  await page.keyboard.press('e');
  assert.equal(await focused(), 'Export picture');
  await page.keyboard.press('p');
  assert.equal(await focused(), 'Print…');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'File', exact: true, expanded: false }).waitFor();
  assert.equal(await focused(), 'File', 'Escape gives focus back to the button');

  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'New board…', '↑ on the button opens at the last command');
  await page.keyboard.press('Tab');
  await page.getByRole('button', { name: 'File', exact: true, expanded: false }).waitFor();
  assert.equal(await focused(), 'Settings', 'Tab leaves the menu for what follows its button');
  // The board's own shortcuts do not fire inside a menu: ? is type-ahead there.
  await page.keyboard.press('Enter');
  await page.keyboard.press('?');
  assert.equal(await page.getByRole('dialog', { name: 'Help' }).count(), 0);
  await page.keyboard.press('Escape');
  page.assertNoErrors();
});

test('a notice that comes while a menu is open leaves the menu open, with focus on its command', async () => {
  const page = await examplePage();
  const focused = () => page.evaluate(() => document.activeElement?.textContent.trim());
  await page.getByRole('button', { name: 'File', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'File' });
  const item = menu.getByRole('menuitem', { name: 'Merge team snapshots…' });
  assert.equal(await focused(), 'Merge team snapshots…');
  const before = await item.elementHandle();
  // A file too large to import, dropped from the desktop: no pointer goes down on the
  // page, so nothing but the notice could close the menu.
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(11 * 1024 * 1024)], 'huge.alignment.json', { type: 'application/json' }));
    return data;
  });
  await page.locator('.ab-app').dispatchEvent('drop', { dataTransfer: transfer });
  await page.getByRole('alert').filter({ hasText: /huge\.alignment\.json is .* refused/ }).waitFor();
  assert.ok(await menu.isVisible(), 'the menu is still open');
  assert.ok(await before.evaluate((e) => e.isConnected), 'its commands are the same elements');
  assert.equal(await focused(), 'Merge team snapshots…', 'focus stays on the command');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'Export snapshot', 'and the menu keys still work');
  await page.keyboard.press('Escape');
  assert.equal(await focused(), 'File');
  page.assertNoErrors();
});

test('the help dialog lists every command and runs it', async () => {
  const page = await examplePage();
  await command(page, 'Settings', 'Help and keyboard shortcuts…');
  const help = dialog(page, 'Help');
  await help.waitFor();
  // Add initiative, a toolbar button of its own, leads what the Add menu holds; Help does
  // not list itself.
  for (const [menu, items] of Object.entries(MENUS)) {
    const group = help.getByRole('region', { name: menu === 'Add' ? 'Add' : `${menu} menu`, exact: true });
    const expected = menu === 'Add' ? ['Add initiative', ...items] : items.filter((item) => !item.startsWith('Help'));
    assert.deepEqual(await group.getByRole('button').allTextContents(), expected);
  }
  await help.getByRole('button', { name: 'Add team…' }).click();
  await dialog(page, 'Add team').waitFor();
  assert.equal(await help.count(), 0, 'the command’s dialog takes the place of help');
  page.assertNoErrors();
});

test('compact cards show title, status and owner, and are remembered per board', async () => {
  const page = await examplePage();
  const board = page.getByRole('region', { name: 'Board' });
  const card = board.getByRole('article', { name: 'Guided setup wizard' });
  await card.getByText(/% done/).waitFor();
  const tall = (await card.boundingBox()).height;
  await command(page, 'Settings', 'Compact cards');
  await card.getByText(/% done/).waitFor({ state: 'hidden' });
  await card.getByRole('button', { name: 'Guided setup wizard' }).waitFor();
  await card.getByRole('button', { name: /^Status: / }).waitFor();
  await card.getByText('Sam Whitfield').waitFor();
  assert.ok((await card.boundingBox()).height < tall * 0.6, 'a compact card is much shorter');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  assert.equal(await page.getByRole('menuitemcheckbox', { name: 'Compact cards' }).getAttribute('aria-checked'), 'true');
  await page.keyboard.press('Escape');

  await page.reload();
  await card.waitFor();
  await card.getByText(/% done/).waitFor({ state: 'hidden' });
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':display')));
  assert.deepEqual(keys, ['alignment-board:alignment-board:display'], 'kept beside the board, under its key');
  await command(page, 'Settings', 'Compact cards');
  await card.getByText(/% done/).waitFor();

  // The same switch sits beside the filters, where a person looking at the board finds it,
  // and the two say the same.
  const beside = page.getByRole('region', { name: 'Filters' }).getByRole('checkbox', { name: 'Compact cards' });
  assert.equal(await beside.isChecked(), false);
  await beside.check();
  await card.getByText(/% done/).waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  assert.equal(await page.getByRole('menuitemcheckbox', { name: 'Compact cards' }).getAttribute('aria-checked'), 'true');
  await page.keyboard.press('Escape');
  await page.getByRole('menuitemcheckbox', { name: 'Compact cards' }).waitFor({ state: 'detached' });
  await beside.focus();
  await page.keyboard.press('Space');
  await card.getByText(/% done/).waitFor();
  assert.equal(await beside.isChecked(), false);
  page.assertNoErrors();
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds nothing on the open menus and on compact cards (${scheme})`, async () => {
    const page = await freshPage(app, { colorScheme: scheme });
    await startExample(page);
    for (const menu of Object.keys(MENUS)) {
      await page.getByRole('button', { name: menu, exact: true }).click();
      await page.getByRole('menu', { name: menu }).waitFor();
      assert.deepEqual(await audit(page), [], `the ${menu} menu open`);
      await page.keyboard.press('Escape');
    }
    await command(page, 'Settings', 'Compact cards');
    await page.locator('.ab-board--compact').waitFor();
    assert.deepEqual(await audit(page), [], 'compact cards');
  });
}

test('in a page\'s <alignment-board>, a menu closed by a click in the page\'s own field leaves focus there', async () => {
  const page = await freshPage(app);
  await page.route(`${app.url}host.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8"><title>Host</title>
<script type="module" src="./alignment-board.js"></script>
<label>Notes <input name="notes"></label>
<alignment-board style="height: 700px"></alignment-board>`,
  }));
  await page.goto(`${app.url}host.html`);
  const element = page.locator('alignment-board');
  await element.getByRole('button', { name: 'Start from example' }).click();
  await element.getByRole('region', { name: 'Board' }).waitFor();
  await element.getByRole('button', { name: 'File', exact: true }).click();
  await element.getByRole('menu', { name: 'File' }).waitFor();
  await page.getByLabel('Notes').click();
  await element.getByRole('menu', { name: 'File' }).waitFor({ state: 'hidden' });
  await page.keyboard.type('kept');
  assert.equal(await page.getByLabel('Notes').inputValue(), 'kept', 'typing goes to the page\'s field');
  page.assertNoErrors();
});
