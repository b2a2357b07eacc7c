// Undo and redo from the keyboard wherever focus is in the board: a view button, a toolbar
// button, a card, the board itself. Inside a text field the field's own undo runs instead.
// The first Tab's stop, Skip to content, goes past the toolbar to the first card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addTeam, dialog, freshPage, startExample, useApp, command } from '../support/app.mjs';

const app = useApp();

const undoTitle = (page) => page.getByRole('button', { name: 'Undo', exact: true }).getAttribute('title');
const redoTitle = (page) => page.getByRole('button', { name: 'Redo', exact: true }).getAttribute('title');


const teamShown = (page, name) => page.getByRole('rowheader').filter({ hasText: name });

test('a decision recorded in Coordination is undone with Ctrl+Z after clicking the Board view button', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const views = page.getByRole('navigation', { name: 'Views' });
  await views.getByRole('button', { name: 'Coordination' }).click();
  // A view chosen by its tab is said, as one chosen by its digit is.
  await page.locator('[aria-live="polite"][aria-atomic="true"]').filter({ hasText: /^Coordination view$/ }).waitFor();
  const view = page.getByRole('region', { name: 'Coordination' });
  await view.getByRole('button', { name: 'Record decision' }).click();
  const form = dialog(page, 'Record a decision');
  await form.getByLabel('Decision').fill('Pause the partner portal');
  await form.getByRole('button', { name: 'Record decision' }).click();
  await form.waitFor({ state: 'detached' });
  assert.match(await undoTitle(page), /^Undo: .*Pause the partner portal/);

  await views.getByRole('button', { name: /^Board/ }).click();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !document.querySelector('[title^="Undo: "][title*="Pause the partner portal"]'));
  assert.match(await redoTitle(page), /^Redo: .*Pause the partner portal/);
  page.assertNoErrors();
});

for (const [where, focus] of [
  ['a view button', (page) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Health' }).focus()],
  ['a toolbar button', (page) => page.getByRole('button', { name: 'File', exact: true }).focus()],
  ['a card', (page) => page.getByRole('region', { name: 'Board' }).getByRole('article').first().focus()],
  ['the board itself', (page) => page.locator('.ab-app').focus()],
]) {
  test(`Ctrl+Z, Shift+Ctrl+Z and Ctrl+Y work with focus on ${where}`, async () => {
    const page = await freshPage(app);
    await startExample(page);
    await addTeam(page, 'Keys team');
    await teamShown(page, 'Keys team').waitFor();

    await focus(page);
    await page.keyboard.press('Control+z');
    await teamShown(page, 'Keys team').waitFor({ state: 'detached' });
    await focus(page);
    await page.keyboard.press('Control+Shift+Z');
    await teamShown(page, 'Keys team').waitFor();
    await focus(page);
    await page.keyboard.press('Control+z');
    await teamShown(page, 'Keys team').waitFor({ state: 'detached' });
    await focus(page);
    await page.keyboard.press('Control+y');
    await teamShown(page, 'Keys team').waitFor();
    page.assertNoErrors();
  });
}

test('inside a text field Ctrl+Z is the field\'s own, and the board is left as it was', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await addTeam(page, 'Kept team');
  await command(page, 'Add', 'Add team…');
  const form = dialog(page, 'Add team');
  await form.getByLabel('Name').focus();
  await page.keyboard.type('abc');
  await page.keyboard.press('Control+z');
  assert.notEqual(await form.getByLabel('Name').inputValue(), 'abc', 'the field undid its typing');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await teamShown(page, 'Kept team').waitFor();
  assert.match(await undoTitle(page), /^Undo: /, 'the board\'s undo step is still there');
  page.assertNoErrors();
});

test('the live region says where a card moved from the keyboard went, and its new status', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
  const board = page.getByRole('region', { name: 'Board' });
  const lane = (await board.getByRole('rowheader').first().getByRole('heading').textContent()).trim();
  const second = (await board.getByRole('columnheader', { name: /^Priority \d+:/ }).nth(1).getAttribute('aria-label'))
    .replace(/^Priority (\d+): (.*)$/, '#$1 $2');
  const card = board.getByRole('group').nth(0).getByRole('article').first();
  const title = await card.getAttribute('aria-label');
  await card.focus();
  await page.keyboard.press('Alt+ArrowRight');
  await live.filter({ hasText: `“${title}” moved to ${second}, ${lane}` }).waitFor();

  const moved = board.getByRole('article', { name: title }).first();
  await moved.focus();
  await page.keyboard.press('s');
  const menu = page.getByRole('menu', { name: 'Status' });
  await menu.waitFor();
  const current = await menu.locator('[aria-checked="true"]').textContent();
  const other = ['On track', 'At risk'].find((s) => s !== current.trim());
  await menu.getByRole('menuitemradio', { name: other }).focus();
  await page.keyboard.press('Enter');
  await live.filter({ hasText: `“${title}” is now ${other}` }).waitFor();
  page.assertNoErrors();
});

test('undoing a keyboard move puts focus on the card, home again; the Undo button keeps it', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
  const firstCell = board.getByRole('group').nth(0);
  const card = firstCell.getByRole('article').first();
  const title = await card.getAttribute('aria-label');
  const home = await firstCell.getAttribute('aria-label');
  const focusedCard = () => page.evaluate(() => document.activeElement?.closest('[role=group]')?.getAttribute('aria-label')
    + ' / ' + document.activeElement?.getAttribute('aria-label'));
  await card.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await live.filter({ hasText: `“${title}” moved to` }).waitFor();
  assert.notEqual(await focusedCard(), `${home} / ${title}`, 'the card moved away');

  await page.keyboard.press('Control+z');
  // The step's name, then where the card is now: two undos in a row do not say the same.
  // Shown at the window's foot, where a sighted person sees what the key took back, and
  // said there once: the board's live region stays quiet.
  const said = (text) => page.getByRole('status').filter({ hasText: text });
  await said(`Undone: move “${title}”. “${title}” is now in `).waitFor();
  assert.ok(await said('Undone: move').isVisible(), 'seen, not only heard');
  assert.equal(await live.innerText(), '', 'said once, not twice');
  await page.waitForFunction((expected) => document.activeElement?.closest('[role=group]')?.getAttribute('aria-label')
    + ' / ' + document.activeElement?.getAttribute('aria-label') === expected, `${home} / ${title}`);
  await page.keyboard.press('Control+y');
  await said(`Redone: move “${title}”. “${title}” is now in `).waitFor();
  await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, title);
  assert.notEqual(await focusedCard(), `${home} / ${title}`, 'redone, the card is focused where it went');

  // A move with nowhere to go says why instead of doing nothing silently, where a sighted
  // person sees it too: the notice at the window's foot, a status region.
  const top = board.getByRole('group').nth(0).getByRole('article').first();
  const topTitle = await top.getAttribute('aria-label');
  await top.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await said(`“${topTitle}” cannot move there: it is in the first team`).waitFor();
  await page.keyboard.press('Alt+ArrowLeft');
  await said(`“${topTitle}” cannot move there: it is under the first priority`).waitFor();
  assert.equal(await live.innerText(), '', 'said once, not twice');
  assert.ok(await top.evaluate((e) => document.activeElement === e), 'focus stays on the card');
  await board.getByRole('article', { name: title }).first().focus();

  // Pressed with the keyboard, the toolbar's Undo keeps focus for a second press (while
  // there is something left to undo).
  await page.keyboard.press('Alt+ArrowDown');
  await live.filter({ hasText: `“${title}” moved to` }).waitFor();
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.focus();
  await page.keyboard.press('Enter');
  await said('Undone').waitFor();
  assert.ok(await undo.evaluate((e) => document.activeElement === e), 'focus stays on Undo');
  page.assertNoErrors();
});

test('a card moved out of its cell leaves the other cards and their controls as they were', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
  // The first cell with two cards or more: the second one moves down a lane.
  const cells = board.getByRole('group');
  let cell;
  for (let at = 0; at < await cells.count(); at++) {
    if (await cells.nth(at).getByRole('article').count() >= 2) { cell = cells.nth(at); break; }
  }
  assert.ok(cell, 'the example board has a cell with two cards');
  const first = await cell.getByRole('article').nth(0).elementHandle();
  const second = cell.getByRole('article').nth(1);
  const title = await second.getAttribute('aria-label');
  await second.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await live.filter({ hasText: `“${title}” moved to` }).waitFor();
  assert.ok(await first.evaluate((e) => e.isConnected), 'the card before it is the same element');

  // Opening and closing a card's status menu keeps its status button.
  const card = board.getByRole('article', { name: title }).first();
  const button = await card.getByRole('button', { name: /^Status: / }).elementHandle();
  await card.focus();
  await page.keyboard.press('s');
  await page.getByRole('menu', { name: 'Status' }).waitFor();
  assert.ok(await button.evaluate((e) => e.isConnected), 'the status button stays while the menu is open');
  await page.keyboard.press('Escape');
  await page.getByRole('menu', { name: 'Status' }).waitFor({ state: 'detached' });
  assert.ok(await button.evaluate((e) => e.isConnected), 'and after it closes');
  page.assertNoErrors();
});

test('focus comes back to where a dialog was opened from, and the shortcuts keep working', async () => {
  const page = await freshPage(app);
  await startExample(page);
  // Started from the welcome screen, whose button goes: the board's title has focus.
  const focused = (locator) => locator.evaluate((e) => e.getRootNode().activeElement === e);
  const title = page.getByRole('heading', { level: 1 });
  await page.waitForFunction((element) => element === document.activeElement, await title.elementHandle());
  await page.keyboard.press('?');
  await dialog(page, 'Help').waitFor();
  await page.keyboard.press('Escape');
  await dialog(page, 'Help').waitFor({ state: 'detached' });
  assert.ok(await focused(title), 'back on the title after Help');

  // A toolbar button, a menu's command and a card, each closed another way.
  const add = page.getByRole('button', { name: 'Add initiative', exact: true });
  await add.click();
  await page.keyboard.press('Escape');
  await dialog(page, 'Add initiative').waitFor({ state: 'detached' });
  assert.ok(await focused(add), 'back on Add initiative after Escape');

  await command(page, 'Add', 'Add team…');
  await dialog(page, 'Add team').getByRole('button', { name: 'Cancel' }).click();
  await dialog(page, 'Add team').waitFor({ state: 'detached' });
  assert.ok(await focused(page.getByRole('button', { name: 'Add', exact: true })), 'back on the Add menu\'s button after Cancel');

  const card = page.getByRole('region', { name: 'Board' }).getByRole('article').first();
  await card.focus();
  await page.keyboard.press('Enter');
  await dialog(page, 'Edit initiative').getByRole('button', { name: 'Close' }).click();
  await dialog(page, 'Edit initiative').waitFor({ state: 'detached' });
  assert.ok(await focused(card), 'back on the card after ×');

  // And the board's shortcuts work without a click first.
  await addTeam(page, 'After dialogs');
  await page.keyboard.press('Control+z');
  await teamShown(page, 'After dialogs').waitFor({ state: 'detached' });
  page.assertNoErrors();
});

test("a keyboard's first stop skips past the toolbar, the views and the filters to the first card", async () => {
  const page = await freshPage(app);
  await startExample(page);
  const skip = page.getByRole('button', { name: 'Skip to content' });
  // Out of sight until it has focus.
  assert.ok((await skip.boundingBox()).width <= 1, 'hidden while it has no focus');
  // A page just opened: the first Tab starts at the top of the document.
  await page.reload();
  await page.getByRole('region', { name: 'Board' }).getByRole('article').first().waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await skip.evaluate((b) => b === document.activeElement), true, 'the first Tab reaches it');
  const box = await skip.boundingBox();
  assert.ok(box.width > 80 && box.height > 20, `shown once focused (${box.width}×${box.height})`);
  await page.keyboard.press('Enter');
  const first = page.getByRole('region', { name: 'Board' }).getByRole('article').first();
  assert.equal(await first.evaluate((card) => card === document.activeElement), true, 'focus on the first card');
  // In a view without cards, it goes to the view's heading.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Coordination' }).click();
  await skip.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Coordination');
  page.assertNoErrors();
});

test('the digits 1 to 5 go to the views from a card, a view or a check box, and not from a list or a dialog', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const views = page.getByRole('navigation', { name: 'Views' });
  const current = () => views.locator('[aria-current="page"]').textContent();
  const onTab = (name) => page.waitForFunction((n) => document.activeElement?.closest('nav')?.getAttribute('aria-label') === 'Views'
    && document.activeElement.textContent.startsWith(n), name);
  await page.getByRole('region', { name: 'Board' }).getByRole('article').first().focus();
  await page.keyboard.press('2');
  await onTab('Health');
  await page.locator('.ab-health').waitFor();
  assert.match(await current(), /^Health/);
  await page.keyboard.press('5');
  await onTab('Coordination');
  assert.equal(await current(), 'Coordination');
  await page.keyboard.press('1');
  await onTab('Board');
  const filters = page.getByRole('region', { name: 'Filters' });
  await filters.getByRole('checkbox', { name: /^Needs attention/ }).focus();
  await page.keyboard.press('4');
  await onTab('Rhythm');
  await page.keyboard.press('1');
  await onTab('Board');
  // In a list a digit is the list's (it picks an option); in a dialog's field it is text.
  await filters.getByLabel('Owner').focus();
  await page.keyboard.press('3');
  assert.equal(await current(), 'Board');
  await page.getByRole('button', { name: 'Add initiative' }).first().click();
  const form = dialog(page, 'Add initiative');
  await form.getByLabel('Title').fill('');
  await page.keyboard.type('2');
  assert.equal(await form.getByLabel('Title').inputValue(), '2');
  assert.equal(await current(), 'Board');
  page.assertNoErrors();
});

test('the focus ring of a view\'s tab reached with Tab is drawn whole, not cut by the tabs\' row', async () => {
  const page = await freshPage(app, { viewport: { width: 1366, height: 768 } });
  await startExample(page);
  await page.keyboard.press('2');
  await page.getByRole('region', { name: 'Alignment score' }).waitFor();
  const tabs = page.getByRole('navigation', { name: 'Views' });
  await tabs.getByRole('button', { name: /^Rhythm/ }).focus();
  await page.keyboard.press('Tab');
  const ring = await tabs.evaluate((row) => {
    const tab = document.activeElement;
    const style = getComputedStyle(tab);
    const out = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    const [box, clip] = [tab.getBoundingClientRect(), row.getBoundingClientRect()];
    return { name: tab.textContent, visible: tab.matches(':focus-visible') && style.outlineStyle !== 'none', top: box.top - out >= clip.top, bottom: box.bottom + out <= clip.bottom };
  });
  assert.deepEqual(ring, { name: 'Coordination', visible: true, top: true, bottom: true });
  page.assertNoErrors();
});

test('the keys work as the page opens, before anything has focus', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await page.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
  await page.reload();
  await page.locator('.ab-app:not([data-ab-screen])').getByRole('region', { name: 'Board' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BODY');
  await page.keyboard.press('?');
  const help = dialog(page, 'Help');
  await help.waitFor();
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('2');
  await page.getByRole('region', { name: 'Alignment score' }).waitFor();
  page.assertNoErrors();
});

test('arrow keys go from card to card, below, above and beside, clear of the sticky heads', async () => {
  // A short window: going down soon takes the board's area past the screen.
  const page = await freshPage(app, { viewport: { width: 1400, height: 600 } });
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const first = board.getByRole('article', { name: 'Guided setup wizard' }).first();
  await first.focus();
  const focused = () => page.evaluate(() => {
    const card = document.activeElement;
    const box = card.getBoundingClientRect();
    const heads = document.querySelector('.ab-grid__row--head').getBoundingClientRect();
    const area = document.querySelector('.ab-grid').getBoundingClientRect();
    const lane = card.closest('.ab-grid__row').querySelector('[role="rowheader"] h2').textContent;
    return { name: card.getAttribute('aria-label'), lane, left: box.left, right: box.right, top: box.top, bottom: box.bottom, headsBottom: heads.bottom, areaBottom: area.bottom };
  });
  const start = await focused();
  await page.keyboard.press('ArrowDown');
  const below = await focused();
  assert.notEqual(below.name, start.name);
  assert.ok(below.left < start.right && below.right > start.left, 'the same column');
  assert.ok(below.top >= below.headsBottom - 1, `in view under the heads (${below.top} against ${below.headsBottom})`);
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused()).name, start.name);
  await page.keyboard.press('ArrowRight');
  const beside = await focused();
  assert.ok(beside.left >= start.right - 1, `${beside.name} is to the right of ${start.name}`);
  assert.equal(beside.lane, start.lane, 'right keeps to the lane, which has a card that way');
  await page.keyboard.press('ArrowLeft');
  const back = await focused();
  assert.ok(back.right <= beside.left + 1, `${back.name} is to the left of ${beside.name}`);
  // Nothing above the board's first card: focus stays where it is.
  await first.focus();
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused()).name, start.name);
  // Down and down, into lanes below the screen: each card stops in sight, under the heads.
  let last = start;
  for (let step = 0; step < 6; step++) {
    await page.keyboard.press('ArrowDown');
    await page.evaluate(() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame))));
    const now = await focused();
    assert.notEqual(now.name, last.name, `step ${step} moved on from ${last.name}`);
    assert.ok(now.top >= now.headsBottom - 1 && now.top < now.areaBottom,
      `step ${step}: ${now.name} is in sight under the heads (top ${now.top}, heads ${now.headsBottom}, area ends ${now.areaBottom})`);
    last = now;
  }
  page.assertNoErrors();
});
