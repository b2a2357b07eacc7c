// The board as a person uses it: the example, adding things, moving cards by mouse and
// keyboard, re-ranking, undo and redo, deleting with confirmation, and reloading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { accessibleOf, dialog, freshPage, importFile, saved, startExample, useApp, command } from '../support/app.mjs';

const app = useApp();
const require = createRequire(import.meta.url);

test('the example board renders priorities, local work, teams and cards', async () => {
  const page = await freshPage(app);
  // The first screen's choices are named by their titles and described by the lines under them
  // (once the board has started and drawn them).
  await page.getByRole('button', { name: 'Start from example' }).waitFor();
  assert.deepEqual(await accessibleOf(page, '.ab-choice--primary'),
    { name: 'Start from example', description: 'A company with six teams, five active priorities and a quarter of work in flight.' });
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const headers = board.getByRole('columnheader');
  assert.ok((await headers.count()) >= 6, 'five ranked priorities plus Local work');
  await assert.doesNotReject(headers.filter({ hasText: 'Local work' }).waitFor());
  assert.ok((await board.getByRole('rowheader').count()) >= 5, 'teams as lanes');
  assert.ok((await board.getByRole('article').count()) >= 30, 'initiatives as cards');
  assert.ok((await page.getByText(/^Also serves/).count()) > 0, 'a card on several priorities says so');
  // What a card shows is what it says to a screen reader: its due date and risks too.
  const card = board.getByRole('article', { name: 'Query performance budget' }).first();
  const shown = await card.innerText();
  const said = await card.getAttribute('aria-description');
  const due = shown.match(/Due ([^\n]+)/)[1];
  assert.ok(said.includes(`due ${due}`), `${due} in: ${said}`);
  assert.match(shown, /1 open risk/);
  assert.ok(said.includes('1 open risk'), said);
  await saved(page);
  page.assertNoErrors();
});

test('the example board passes an accessibility audit', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await page.addScriptTag({ content: await readFile(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`), []);
});

test('a team, a priority and an initiative added by hand survive a reload', async () => {
  const page = await freshPage(app);
  await page.getByRole('button', { name: 'Start blank' }).focus();
  await page.keyboard.press('Enter');
  // The button went with the welcome screen: the keyboard starts from the board's title.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Our alignment board');

  await command(page, 'Add', 'Add team…');
  let form = dialog(page, 'Add team');
  await form.getByLabel('Name').fill('Field Robotics');
  await form.getByRole('button', { name: 'Add team' }).click();

  await command(page, 'Add', 'Add priority…');
  form = dialog(page, 'Add priority');
  await form.getByLabel('Title').fill('Ship the autonomous picker');
  await form.getByLabel('Success measure').fill('Picker live in 3 warehouses');
  await form.getByRole('button', { name: 'Add priority' }).click();

  // Nothing to filter yet: the empty board shows no filters.
  assert.equal(await page.getByRole('region', { name: 'Filters' }).count(), 0);
  await page.getByRole('button', { name: 'Add initiative' }).first().click();
  form = dialog(page, 'Add initiative');
  await form.getByLabel('Title').fill('Gripper redesign');
  await form.getByLabel('Effort (% of team)').fill('35');
  await form.getByLabel('Status').selectOption({ label: 'On track' });
  await form.getByLabel('#1 Ship the autonomous picker').check();
  await form.getByRole('button', { name: 'Add initiative' }).click();

  const cell = page.getByRole('group', { name: 'Field Robotics · Ship the autonomous picker' });
  await page.getByRole('region', { name: 'Filters' }).waitFor();
  await cell.getByRole('article', { name: 'Gripper redesign' }).waitFor();
  await saved(page);

  await page.reload();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  await page.getByRole('group', { name: 'Field Robotics · Ship the autonomous picker' })
    .getByRole('article', { name: 'Gripper redesign' }).waitFor();
  await page.getByRole('columnheader', { name: 'Priority 1: Ship the autonomous picker' }).waitFor();
  page.assertNoErrors();
});

test('a card moves to another column by drag and drop, and back with undo', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const firstLane = await board.getByRole('rowheader').first().getByRole('heading').textContent();
  const local = board.getByRole('group', { name: `${firstLane} · Local work` });
  // The example's Local work column is the last; bring it into view with a card beside it.
  await local.scrollIntoViewIfNeeded();
  const title = 'Pricing page redesign';
  const source = board.getByRole('group', { name: `${firstLane} · Win the mid-market` });
  const card = source.getByRole('article', { name: title });
  const before = await local.getByRole('article').count();

  await card.dragTo(local);
  await local.getByRole('article', { name: title }).waitFor();
  assert.equal(await local.getByRole('article').count(), before + 1);
  assert.equal(await source.getByRole('article', { name: title }).count(), 0, 'it left its old column');

  await page.getByRole('button', { name: 'Undo' }).click();
  await local.getByRole('article', { name: title }).waitFor({ state: 'detached' });
  await page.keyboard.press('Control+Shift+Z');
  await local.getByRole('article', { name: title }).waitFor();
});

test('a card moves with the keyboard and keeps focus', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const headers = await board.getByRole('columnheader').allTextContents();
  const card = board.getByRole('group').nth(0).getByRole('article').first();
  const title = await card.getAttribute('aria-label');
  const lane = await board.getByRole('rowheader').first().getByRole('heading').textContent();
  const secondPriority = await board.getByRole('columnheader', { name: /^Priority \d+:/ }).nth(1).getAttribute('aria-label');

  await card.focus();
  await page.keyboard.press('Alt+ArrowRight');
  const target = board.getByRole('group', { name: `${lane} · ${secondPriority.replace(/^Priority \d+: /, '')}` });
  const moved = target.getByRole('article', { name: title });
  await moved.waitFor();
  assert.equal(await moved.evaluate((el) => el === document.activeElement), true, 'focus follows the card');

  await page.keyboard.press('Alt+ArrowDown');
  const secondLane = await board.getByRole('rowheader').nth(1).getByRole('heading').textContent();
  await board.getByRole('group', { name: `${secondLane} · ${secondPriority.replace(/^Priority \d+: /, '')}` })
    .getByRole('article', { name: title }).waitFor();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await board.getByRole('group').nth(0).getByRole('article', { name: title }).waitFor();
  assert.ok(headers.length > 0);
});

test('a card moved by keyboard passes over a closed priority\'s column: no work moves into it', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  await board.getByRole('columnheader', { name: 'Achieved priority: SOC 2 Type II report' }).waitFor();
  const last = (await board.getByRole('columnheader', { name: /^Priority \d+:/ }).last().getAttribute('aria-label'))
    .replace(/^Priority \d+: /, '');
  const cell = board.getByRole('group', { name: / · Local work$/ }).filter({ has: page.getByRole('article') }).first();
  const lane = (await cell.getAttribute('aria-label')).replace(/ · Local work$/, '');
  const card = cell.getByRole('article').first();
  const title = await card.getAttribute('aria-label');
  await card.focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await board.getByRole('group', { name: `${lane} · ${last}`, exact: true }).getByRole('article', { name: title }).waitFor();
  assert.equal(await board.getByRole('group', { name: `${lane} · SOC 2 Type II report`, exact: true })
    .getByRole('article', { name: title }).count(), 0);
  // And back to the right, over it again, into local work.
  await page.keyboard.press('Alt+ArrowRight');
  await cell.getByRole('article', { name: title }).waitFor();
  page.assertNoErrors();
});

test('priorities are re-ranked with the keyboard, the buttons and by dragging', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const headers = page.getByRole('region', { name: 'Board' }).getByRole('columnheader', { name: /^Priority \d+:/ });
  const name = async (i) => (await headers.nth(i).getAttribute('aria-label')).replace(/^Priority \d+: /, '');
  const [first, second, third] = [await name(0), await name(1), await name(2)];

  await headers.nth(1).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await page.getByRole('columnheader', { name: `Priority 1: ${second}` }).waitFor();
  assert.equal(await name(1), first);
  const focused = async (locator) => page.waitForFunction((e) => document.activeElement === e, await locator.elementHandle(), { timeout: 5_000 });
  await focused(page.getByRole('columnheader', { name: `Priority 1: ${second}` }));

  // The first's arrow that cannot raise it says why, not a rank it cannot take.
  assert.ok(await page.getByRole('button', { name: `“${second}” is ranked first` }).isDisabled());
  await page.getByRole('button', { name: `Lower “${second}” to rank 2` }).click();
  await page.getByRole('columnheader', { name: `Priority 1: ${first}` }).waitFor();
  // Focus stays on the arrow that moved it, so Enter lowers it again; Undo puts it back.
  await focused(page.getByRole('button', { name: `Lower “${second}” to rank 3` }));
  await page.keyboard.press('Enter');
  await page.getByRole('columnheader', { name: `Priority 3: ${second}` }).waitFor();
  await page.keyboard.press('Control+z');
  await page.getByRole('columnheader', { name: `Priority 2: ${second}` }).waitFor();

  await headers.nth(2).dragTo(headers.nth(0));
  await page.getByRole('columnheader', { name: `Priority 1: ${third}` }).waitFor();
  await page.getByRole('columnheader', { name: `Priority 2: ${first}` }).waitFor();

  // Enter on a focused heading edits its priority, as on a card; focus comes back to it.
  const heading = page.getByRole('columnheader', { name: `Priority 1: ${third}` });
  await heading.focus();
  await page.keyboard.press('Enter');
  const form = dialog(page, 'Edit priority');
  assert.equal(await form.getByLabel('Title').inputValue(), third);
  await page.keyboard.press('Escape');
  await form.waitFor({ state: 'detached' });
  assert.ok(await heading.evaluate((e) => document.activeElement === e), 'focus is back on the heading');

  // A new rank given in its form: focus follows the heading to its new place.
  await page.keyboard.press('Enter');
  await form.getByLabel('Rank').fill('3');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  await focused(page.getByRole('columnheader', { name: `Priority 3: ${third}` }));
  // Ctrl + Z on the heading puts it back, and focus with it.
  await page.keyboard.press('Control+z');
  await page.getByRole('columnheader', { name: `Priority 1: ${third}` }).waitFor();
  await focused(page.getByRole('columnheader', { name: `Priority 1: ${third}` }));
  await page.keyboard.press('Alt+ArrowRight');
  await focused(page.getByRole('columnheader', { name: `Priority 2: ${third}` }));
  await page.keyboard.press('Control+z');
  await focused(page.getByRole('columnheader', { name: `Priority 1: ${third}` }));
});

test('deleting a team with initiatives says what happens and asks first', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const lanes = board.getByRole('rowheader');
  const laneCount = await lanes.count();
  const team = await lanes.first().getByRole('heading').textContent();
  const cards = await board.getByRole('article').count();

  await page.getByRole('button', { name: `Edit team ${team}` }).click();
  await dialog(page, 'Edit team').getByRole('button', { name: 'Delete' }).click();
  const confirm = dialog(page, `Delete team ${team}?`);
  await confirm.getByText(/has \d+ initiatives?/).waitFor();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await lanes.count(), laneCount, 'cancel deletes nothing');

  await dialog(page, 'Edit team').getByRole('button', { name: 'Delete' }).click();
  await confirm.getByLabel('What happens to them').selectOption({ index: 0 });
  await confirm.getByRole('button', { name: 'Delete team' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[role=rowheader]').length === n, laneCount - 1);
  assert.equal(await board.getByRole('article').count(), cards, 'the initiatives moved to another team');
  // Focus goes to the lane that took the deleted one's place, not to the board as a whole.
  const next = await lanes.first().getByRole('heading').textContent();
  await page.waitForFunction((name) => document.activeElement?.getAttribute('role') === 'rowheader'
    && document.activeElement.textContent.includes(name), next);
});

test('deleting an initiative puts focus on the card that took its place and says it was deleted', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  // A cell of two cards or more: the first goes, the second takes its place.
  const cells = board.getByRole('group').filter({ has: page.getByRole('article').nth(1) });
  const cell = board.getByRole('group', { name: await cells.first().getAttribute('aria-label'), exact: true });
  const [gone, next] = await cell.getByRole('article').evaluateAll((cards) => cards.slice(0, 2).map((c) => c.getAttribute('aria-label')));
  await cell.getByRole('article', { name: gone }).focus();
  await page.keyboard.press('Enter');
  const form = dialog(page, 'Edit initiative');
  await form.getByRole('button', { name: 'Delete' }).click();
  await dialog(page, `Delete “${gone}”?`).getByRole('button', { name: 'Delete initiative' }).click();
  await form.waitFor({ state: 'detached' });
  await page.waitForFunction((element) => element === document.activeElement,
    await cell.getByRole('article', { name: next }).elementHandle());
  assert.equal(await board.getByRole('article', { name: gone }).count(), 0);
  // The live region says what was done, not the name of the undo step.
  await page.locator('[aria-live="polite"][aria-atomic="true"]').filter({ hasText: `Deleted “${gone}”` }).waitFor();
  page.assertNoErrors();
});

test('filters narrow the board by team, owner and status', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const filters = page.getByRole('region', { name: 'Filters' });
  const all = await board.getByRole('article').count();

  await filters.getByLabel('Status').selectOption({ label: 'At risk' });
  const risky = board.getByRole('article');
  const count = await risky.count();
  assert.ok(count > 0 && count < all);
  for (const text of await risky.locator('.ab-status').allTextContents()) assert.equal(text, 'At risk');
  // A card whose new status the filter leaves out leaves the board at once; focus goes to
  // what stood beside it, and the window's foot says where the changed one went.
  const changed = await risky.first().getAttribute('aria-label');
  await risky.first().focus();
  await page.keyboard.press('s');
  // The menu is named by the work whose status it changes.
  await page.getByRole('menu', { name: `Status of ${changed}`, exact: true }).getByRole('menuitemradio', { name: 'On track' }).waitFor();
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'On track');
  await page.keyboard.press('Enter');
  await board.getByRole('article', { name: changed, exact: true }).first().waitFor({ state: 'detached' });
  assert.ok((await risky.count()) < count);
  await page.getByRole('status').filter({ hasText: `“${changed}” no longer matches the filters, so it is hidden. Clear filters to see it.` }).waitFor();
  // Said besides the change's own result, which the board's live region keeps.
  const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
  assert.match(await live.innerText(), new RegExp(`^“${changed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” is now On track`));
  // Alone in its cell under the filter, its place goes to the cell's Add button.
  await page.waitForFunction(() => document.activeElement?.matches('button.ab-cell__add'));
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /^Add initiative to /);
  // The board's keys work from where focus went: Ctrl + Z brings the card back, focused.
  await page.keyboard.press('Control+z');
  await board.getByRole('article', { name: changed, exact: true }).first().waitFor();
  await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, changed);
  // The same with the mouse, on the card's status.
  const clicked = await risky.last().getAttribute('aria-label');
  await risky.last().getByRole('button', { name: 'Status: At risk' }).click();
  await page.getByRole('menu', { name: 'Status' }).getByRole('menuitemradio', { name: 'On track' }).click();
  await board.getByRole('article', { name: clicked, exact: true }).first().waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `“${clicked}” no longer matches the filters` }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await board.getByRole('article', { name: clicked, exact: true }).first().waitFor();

  // Unfinished leaves out the work that is done or dropped, as at a period's start.
  await filters.getByLabel('Status').selectOption({ label: 'Unfinished' });
  await filters.getByText(/^Showing \d+ of \d+$/).waitFor();
  const statuses = await board.getByRole('article').locator('.ab-status').allTextContents();
  assert.ok(statuses.length > count && statuses.length < all, `${statuses.length} of ${all}`);
  assert.ok(statuses.every((s) => !['Done', 'Dropped'].includes(s)), statuses.join());
  await board.getByRole('article').locator('.ab-status', { hasText: 'Done' }).first().waitFor({ state: 'detached' });
  await filters.getByLabel('Status').selectOption({ label: 'Any status' });
  await filters.getByLabel('Team').selectOption({ index: 1 });
  assert.equal(await board.getByRole('rowheader').count(), 1);
  // Work added while the board shows one team is that team's (here not the first, which a
  // new initiative's team otherwise is), so it stays in sight.
  await filters.getByLabel('Team').selectOption({ index: 2 });
  const shownTeam = await filters.getByLabel('Team').evaluate((select) => select.selectedOptions[0].textContent);
  await page.getByRole('button', { name: 'Add initiative', exact: true }).click();
  const adding = dialog(page, 'Add initiative');
  assert.equal(await adding.getByLabel('Team', { exact: true }).evaluate((select) => select.selectedOptions[0].textContent), shownTeam);
  await adding.getByRole('button', { name: 'Cancel' }).click();
  await filters.getByLabel('Team').selectOption({ index: 1 });
  // From a filter's list, the board's keys still work: ? opens Help.
  await filters.getByLabel('Team').focus();
  await page.keyboard.press('?');
  await dialog(page, 'Help').getByRole('button', { name: 'Close' }).first().click();
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  assert.ok((await board.getByRole('rowheader').count()) > 1);
  // Clear filters goes with the filters: focus stays among them.
  assert.equal(await page.evaluate(() => document.activeElement.closest('[aria-label="Filters"]') !== null), true);
  assert.equal(await page.evaluate(() => document.activeElement.labels?.[0]?.textContent), 'Team');
});

test('a card that needs attention says why in its form, not only in a tooltip', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const flagged = page.getByRole('region', { name: 'Board' }).getByRole('article').filter({ has: page.locator('.ab-card__attention') }).first();
  const reasons = (await flagged.locator('.ab-card__attention').getAttribute('title')).split('\n');
  assert.ok(reasons.length > 0 && reasons[0].length > 0);
  // The card says what is wrong with the work in a few words ("No owner · Check-in late"),
  // not which part of the health analysis found it.
  const flags = await page.locator('.ab-card__attention').allInnerTexts();
  const parts = ['Focus', 'Coverage', 'Rank fit', 'Accountability', 'Capacity', 'Rhythm', 'Dependencies', 'Honest status'];
  for (const flag of flags) {
    for (const words of flag.replace('⚑', '').split(' · ').map((w) => w.trim())) {
      assert.ok(words.length > 0 && !parts.includes(words), `“${flag}” says what is wrong`);
    }
  }
  await flagged.focus();
  await page.keyboard.press('Enter');
  const form = dialog(page, 'Edit initiative');
  const note = form.getByRole('note', { name: 'Needs attention' });
  assert.deepEqual(await note.getByRole('listitem').allTextContents(), reasons);
  await page.keyboard.press('Escape');
  await form.waitFor({ state: 'detached' });
  // A card the analysis does not flag has no such note.
  const calm = page.getByRole('region', { name: 'Board' }).getByRole('article').filter({ hasNot: page.locator('.ab-card__attention') }).first();
  await calm.focus();
  await page.keyboard.press('Enter');
  await dialog(page, 'Edit initiative').getByLabel('Title').waitFor();
  assert.equal(await dialog(page, 'Edit initiative').getByRole('note').count(), 0);
  page.assertNoErrors();
});

test('a title in Arabic or Hebrew reads in its own direction, at its own side of the card', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const card = board.getByRole('article', { name: 'Guided setup wizard' }).first();
  await card.getByRole('button', { name: 'Guided setup wizard' }).click();
  const form = dialog(page, 'Edit initiative');
  const arabic = 'لوحة مراقبة SLA بنسبة 99.95%';
  await form.getByLabel('Title').fill(arabic);
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  // Where the text of a card's title starts and ends against its box.
  const edges = (name) => board.getByRole('article', { name }).first().locator('.ab-card__title').evaluate((title) => {
    const range = document.createRange();
    range.selectNodeContents(title);
    // The first line, whose runs of each direction are rectangles of their own.
    const rects = [...range.getClientRects()];
    const line = rects.filter((r) => Math.abs(r.top - rects[0].top) < 4);
    const box = title.getBoundingClientRect();
    return {
      left: Math.min(...line.map((r) => r.left)) - box.left,
      right: box.right - Math.max(...line.map((r) => r.right)),
    };
  });
  const rtl = await edges(arabic);
  assert.ok(rtl.right < 2 && rtl.left > 2, `right-aligned: ${JSON.stringify(rtl)}`);
  const ltr = await edges('Sample data for new workspaces');
  assert.ok(ltr.left < 2, `left-aligned: ${JSON.stringify(ltr)}`);
  page.assertNoErrors();
});

test('a focused card opens for editing with Enter', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'Guided setup wizard' }).first();
  await card.focus();
  await page.keyboard.press('Enter');
  const form = dialog(page, 'Edit initiative');
  await assert.doesNotReject(form.getByLabel('Title').waitFor());
  assert.equal(await form.getByLabel('Title').inputValue(), 'Guided setup wizard');
  await page.keyboard.press('Escape');
  await form.waitFor({ state: 'detached' });
  page.assertNoErrors();
});

test('what a form adds gets focus and comes into view, however far down the board it lands', async () => {
  const page = await freshPage(app, { viewport: { width: 1400, height: 700 } });
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  // The focused element, once it is `name`d and seen: inside the window and the board's own
  // scrolling area (to within a pixel's fraction).
  const focusedInView = (name) => page.waitForFunction((name) => {
    const e = document.activeElement;
    if (!e?.textContent.includes(name) || !e.closest('.ab-grid')) return false;
    const r = e.getBoundingClientRect();
    const grid = e.closest('.ab-grid').getBoundingClientRect();
    return r.top >= Math.max(0, grid.top) - 1 && r.bottom <= Math.min(innerHeight, grid.bottom) + 1;
  }, name);

  // A new team's lane goes last, below the screen.
  await command(page, 'Add', 'Add team…');
  let form = dialog(page, 'Add team');
  await form.getByLabel('Name').fill('Field Robotics');
  await form.getByRole('button', { name: 'Add team' }).click();
  await focusedInView('Field Robotics');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'rowheader');

  // A new initiative for that team, added with the board scrolled back to the top.
  await board.evaluate((e) => e.querySelector('.ab-grid').scrollTo(0, 0));
  await page.getByRole('button', { name: 'Add initiative', exact: true }).click();
  form = dialog(page, 'Add initiative');
  await form.getByLabel('Title').fill('Gripper redesign');
  await form.getByLabel('Team', { exact: true }).selectOption({ label: 'Field Robotics' });
  await form.getByRole('button', { name: 'Add initiative' }).click();
  await focusedInView('Gripper redesign');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Gripper redesign');

  // Edited into the first team's lane, at the top: the card is followed there.
  const first = (await board.getByRole('rowheader').first().getByRole('heading').textContent()).trim();
  await page.keyboard.press('Enter');
  form = dialog(page, 'Edit initiative');
  await form.getByLabel('Team', { exact: true }).selectOption({ label: first });
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  await focusedInView('Gripper redesign');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[role=row]').querySelector('[role=rowheader] h2').textContent), first);
  page.assertNoErrors();
});

test('a new board takes the place of the current one after a question, and Undo brings it back', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const cards = await board.getByRole('article').count();
  const title = (await page.getByRole('heading', { level: 1 }).textContent()).trim();

  await command(page, 'File', 'New board…');
  const question = dialog(page, 'Start a new board?');
  await question.getByText(`A blank board for this quarter will replace “${title}”`).waitFor();
  await question.getByText('Undo brings the current board back; to keep a copy, export it first.').waitFor();
  await question.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await board.getByRole('article').count(), cards, 'Cancel changes nothing');

  await command(page, 'File', 'New board…');
  await question.getByRole('button', { name: 'Start new board' }).click();
  await page.getByRole('status').getByText('New board started. Undo brings the previous board back.').waitFor();
  await page.getByText('Our alignment board').first().waitFor();
  assert.equal(await page.getByRole('article').count(), 0, 'the new board is blank');
  await saved(page);

  await page.getByRole('button', { name: 'Undo' }).click();
  await board.getByRole('article').first().waitFor();
  assert.equal(await board.getByRole('article').count(), cards, 'Undo brings the example back');
  page.assertNoErrors();
});

test('a long purpose takes three lines of the header, whole in its tooltip, as long as a file may make it', async () => {
  const page = await freshPage(app);
  const snapshot = JSON.parse(await readFile(new URL('../../examples/example.alignment.json', import.meta.url), 'utf8'));
  // The longest a file may give, 20,000 characters of one paragraph (laid out whole, two
  // megabytes froze the page for half a minute; a file with more is refused).
  snapshot.board.purpose = 'Become the platform teams switch to. '.repeat(540);
  const path = join(await mkdtemp(join(tmpdir(), 'ab-purpose-')), 'long.alignment.json');
  await writeFile(path, JSON.stringify(snapshot));
  await importFile(page, path);
  await page.getByRole('region', { name: 'Board' }).getByRole('article').first().waitFor();
  const purpose = page.locator('.ab-header__purpose');
  assert.ok((await purpose.textContent()).length <= 600, 'no more of it than three lines hold');
  const lines = await purpose.evaluate((p) => p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
  assert.ok(lines <= 3.1, `three lines, not ${lines}`);
  assert.match(await purpose.getAttribute('title'), /^Become the platform teams switch to\. Become/);
  // Board settings holds it whole.
  await command(page, 'Settings', 'Board settings…');
  assert.equal((await dialog(page, 'Board settings').getByLabel('Purpose').inputValue()).length, snapshot.board.purpose.length);
  page.assertNoErrors();
});
