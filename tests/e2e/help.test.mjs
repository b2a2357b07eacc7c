// Help: `?` and the Help button open the list of keyboard shortcuts, grouped by where they
// work, with the versions. Every shortcut the list shows has a test: here, or in the file
// named beside it below; a shortcut added to the list without one fails the first test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dialog, freshPage, startExample, useApp, command } from '../support/app.mjs';

const app = useApp();

// Each place and shortcut the help lists, and the test that presses it.
const TESTED = {
  'Anywhere on the board (outside a text field)': {
    'Ctrl + Z (⌘ Z)': ['keys.test.mjs', 'Ctrl+Z, Shift+Ctrl+Z and Ctrl+Y work with focus on'],
    'Shift + Ctrl + Z (⇧ ⌘ Z), Ctrl + Y': ['keys.test.mjs', 'Ctrl+Z, Shift+Ctrl+Z and Ctrl+Y work with focus on'],
    '?': ['help.test.mjs', '? and the Help button open the keyboard shortcuts'],
    '1 / 2 / 3 / 4 / 5': ['keys.test.mjs', 'the digits 1 to 5 go to the views'],
  },
  'On a card (focus it with Tab)': {
    Enter: ['coordination.test.mjs', 'team A asks team B'],
    '↑ / ↓ / ← / →': ['keys.test.mjs', 'arrow keys go from card to card'],
    S: ['help.test.mjs', 'the status menu is worked from the keyboard'],
    C: ['help.test.mjs', 'C on a card opens its check-in'],
    'Alt + ← / →': ['help.test.mjs', 'a card moves every way with Alt and the arrows'],
    'Alt + ↑ / ↓': ['help.test.mjs', 'a card moves every way with Alt and the arrows'],
  },
  'On a priority\'s title': {
    Enter: ['board.test.mjs', 'priorities are re-ranked with the keyboard, the buttons and by dragging'],
    'Alt + ← / →': ['help.test.mjs', 'a priority is ranked up and down with Alt and the arrows'],
  },
  'In a card\'s status menu': {
    '↑ / ↓': ['help.test.mjs', 'the status menu is worked from the keyboard'],
    'Home / End': ['editing.test.mjs', 'status changes from its status menu, by mouse or by keyboard'],
    'A letter': ['editing.test.mjs', 'status changes from its status menu, by mouse or by keyboard'],
    Enter: ['help.test.mjs', 'the status menu is worked from the keyboard'],
    Escape: ['help.test.mjs', 'the status menu is worked from the keyboard'],
  },
  'In a check-in and in a guided review': {
    'Ctrl + Enter (⌘ Enter)': ['help.test.mjs', 'C on a card opens its check-in'],
    'Alt + →': ['rhythm.test.mjs', 'a guided review is done with the keyboard alone'],
    'Alt + ←': ['rhythm.test.mjs', 'a guided review is done with the keyboard alone'],
    Escape: ['rhythm.test.mjs', "a team lead sees their team's rhythm alone"],
  },
  'In a dialog': {
    Escape: ['help.test.mjs', '? and the Help button open the keyboard shortcuts'],
    'Ctrl + Enter (⌘ Enter)': ['help.test.mjs', 'Ctrl + Enter saves the form of a dialog from any field'],
  },
};

async function openHelpWithKey(page) {
  await page.locator('.ab-app').focus();
  await page.keyboard.press('?');
  return dialog(page, 'Help');
}

test('? and the Help button open the keyboard shortcuts, each with its test, and the versions', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const help = await openHelpWithKey(page);
  await help.getByRole('table').first().waitFor();
  const listed = await help.getByRole('table').evaluateAll((tables) => tables.map((table) => ({
    place: table.caption.textContent,
    keys: [...table.tBodies[0].rows].map((row) => row.cells[0].textContent),
  })));
  assert.deepEqual(listed.map((t) => t.place), Object.keys(TESTED), 'the places, in order');
  for (const { place, keys } of listed) {
    assert.deepEqual(keys, Object.keys(TESTED[place]), `${place}: every shortcut has a test`);
    for (const [file, name] of Object.values(TESTED[place])) {
      const source = await readFile(new URL(file, import.meta.url), 'utf8');
      assert.ok(source.includes(name), `${file} has the test "${name}"`);
    }
  }
  // A shortcut's keys break between its ways of pressing them, never inside one.
  const broken = await help.locator('.ab-help__keys').evaluateAll((parts) =>
    parts.filter((part) => part.getClientRects().length > 1).map((part) => part.textContent));
  assert.deepEqual(broken, []);
  const cargo = await readFile(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  const appVersion = cargo.match(/^version = "([^"]+)"/m)[1];
  await help.getByText(`Alignment Board ${appVersion}, reading and writing snapshots of format version 1.`).waitFor();

  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  await command(page, 'Settings', 'Help and keyboard shortcuts…');
  await dialog(page, 'Help').getByRole('button', { name: 'Close' }).click();
  await dialog(page, 'Help').waitFor({ state: 'detached' });

  // Typed into a text field, ? is a character.
  await command(page, 'Add', 'Add team…');
  const form = dialog(page, 'Add team');
  await form.getByLabel('Name').fill('What?');
  assert.equal(await page.getByRole('dialog', { name: 'Help' }).count(), 0);
  page.assertNoErrors();
});

test('the status menu is worked from the keyboard: S opens it, the arrows move, Enter chooses, Escape closes', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article').first();
  await card.focus();
  await page.keyboard.press('s');
  const menu = page.getByRole('menu', { name: 'Status' });
  await menu.waitFor();
  const focused = () => page.evaluate(() => document.activeElement.textContent.trim());
  const first = await focused();
  await page.keyboard.press('ArrowDown');
  const second = await focused();
  assert.notEqual(second, first, 'down moves to the next status');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), first, 'up moves back');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden' });
  await card.getByRole('button', { name: `Status: ${second}` }).waitFor();

  await card.focus();
  await page.keyboard.press('s');
  await menu.waitFor();
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden' });
  await card.getByRole('button', { name: `Status: ${second}` }).waitFor();
  page.assertNoErrors();
});

test('C on a card opens its check-in, and Ctrl+Enter saves it', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article').first();
  const title = await card.getAttribute('aria-label');
  await card.focus();
  await page.keyboard.press('c');
  const form = page.getByRole('dialog', { name: /^Check in/ });
  await form.waitFor();
  await form.getByLabel('Note').fill('Checked in from the keyboard');
  await page.keyboard.press('Control+Enter');
  await form.waitFor({ state: 'detached' });
  const undo = await page.getByRole('button', { name: 'Undo', exact: true }).getAttribute('title');
  assert.match(undo, /check-in|Check in/i, `${title}: ${undo}`);
  page.assertNoErrors();
});

test('a card moves every way with Alt and the arrows', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const cell = (lane, priority) => board.getByRole('group', { name: `${lane} · ${priority}` });
  const lanes = await board.getByRole('rowheader').getByRole('heading').allTextContents();
  const priorities = (await board.getByRole('columnheader', { name: /^Priority \d+:/ }).evaluateAll(
    (headers) => headers.map((h) => h.getAttribute('aria-label')),
  )).map((label) => label.replace(/^Priority \d+: /, ''));
  // A card with a team above it and a priority to its left.
  let lane = 1;
  let priority = 1;
  while ((await cell(lanes[lane], priorities[priority]).getByRole('article').count()) === 0) {
    priority += 1;
    if (priority === priorities.length) [lane, priority] = [lane + 1, 1];
  }
  const card = cell(lanes[lane], priorities[priority]).getByRole('article').first();
  const title = await card.getAttribute('aria-label');
  const at = (l, p) => cell(lanes[l], priorities[p]).getByRole('article', { name: title }).waitFor();
  await card.focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await at(lane, priority - 1);
  await page.keyboard.press('Alt+ArrowRight');
  await at(lane, priority);
  await page.keyboard.press('Alt+ArrowUp');
  await at(lane - 1, priority);
  await page.keyboard.press('Alt+ArrowDown');
  await at(lane, priority);
  page.assertNoErrors();
});

test('a priority is ranked up and down with Alt and the arrows', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const headers = page.getByRole('region', { name: 'Board' }).getByRole('columnheader', { name: /^Priority \d+:/ });
  const second = (await headers.nth(1).getAttribute('aria-label')).replace(/^Priority \d+: /, '');
  await headers.nth(1).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await page.getByRole('columnheader', { name: `Priority 3: ${second}` }).waitFor();
  await page.getByRole('columnheader', { name: `Priority 3: ${second}` }).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await page.getByRole('columnheader', { name: `Priority 2: ${second}` }).waitFor();
  page.assertNoErrors();
});

test('Ctrl + Enter saves the form of a dialog from any field', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await command(page, 'Settings', 'Board settings…');
  const settings = dialog(page, 'Board settings');
  await settings.getByLabel('Board title').fill('Saved from the keyboard');
  // From the purpose's text area, where Enter alone starts a new line.
  await settings.getByLabel('Purpose').fill('Said in two lines');
  await page.keyboard.press('Control+Enter');
  await settings.waitFor({ state: 'detached' });
  await page.getByRole('heading', { level: 1, name: 'Saved from the keyboard' }).waitFor();
  page.assertNoErrors();
});
