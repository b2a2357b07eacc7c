// Nothing is lost: each way the browser can fail the board, in a real browser. A tab
// closed or hidden before the save's quiet time, a write that does not stick, boards
// saved by an older or a newer version, two tabs editing one board, and text that tries
// to be markup. (A full quota and missing storage are in snapshots.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dialog, freshPage, saved, startExample, useApp, command } from '../support/app.mjs';

const app = useApp();
const KEY = 'alignment-board';
// Where the board under KEY keeps its head: everything a board stores is under its prefix.
const HEAD = `alignment-board:${KEY}`;

/** Holds back the save's quiet-time timer, so only a flush can save. */
function noQuietTime() {
  const setTimer = window.setTimeout;
  window.setTimeout = (callback, ms, ...rest) => (ms === 400 ? 0 : setTimer(callback, ms, ...rest));
}

async function withoutDebounce(page) {
  await page.addInitScript(noQuietTime);
  await page.reload();
}

/**
 * Two tabs of one browser profile on the example board, which the first saved; `prepare`
 * readies the second before it opens the board.
 */
async function twoTabs(prepare) {
  const first = await freshPage(app);
  await withoutDebounce(first);
  await startExample(first);
  await first.evaluate(() => dispatchEvent(new Event('pagehide')));
  const second = await first.context().newPage();
  await prepare(second);
  await second.goto(app.url);
  await second.getByRole('region', { name: 'Board' }).waitFor();
  return [first, second];
}

async function addTeam(page, name) {
  await command(page, 'Add', 'Add team…');
  const form = dialog(page, 'Add team');
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Add team' }).click();
  await page.getByRole('rowheader').filter({ hasText: name }).waitFor();
}

async function renameTeam(page, name, to) {
  await page.getByRole('button', { name: `Edit team ${name}`, exact: true }).click();
  const form = dialog(page, 'Edit team');
  await form.getByLabel('Name').fill(to);
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('rowheader').filter({ hasText: to }).waitFor();
}

const storedTeams = (page) => page.evaluate((key) => {
  const { teams } = JSON.parse(localStorage.getItem(key)).board;
  const name = teams.columns.indexOf('name');
  return teams.rows.map((row) => row[name]);
}, HEAD);

test('a new board never says it is saved before the browser holds it', async () => {
  const page = await freshPage(app);
  // Every text the save status shows, and every write of the board's head, in order.
  await page.evaluate((head) => {
    window.__said = [];
    let last;
    new MutationObserver(() => {
      const text = document.querySelector('[role=status]')?.textContent;
      if (text !== last) window.__said.push((last = text));
    }).observe(document, { subtree: true, childList: true, characterData: true });
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === head) window.__said.push('(head written)');
      return setItem.call(this, key, value);
    };
  }, HEAD);
  await startExample(page);
  await saved(page);
  const said = (await page.evaluate(() => window.__said)).filter((text) => text !== undefined);
  const written = said.indexOf('(head written)');
  assert.ok(written >= 0, `the board is written: ${JSON.stringify(said)}`);
  assert.ok(!said.slice(0, written).includes('Saved in this browser'), `said before it was written: ${JSON.stringify(said)}`);
  page.assertNoErrors();
});

test('a change made just before the tab is hidden or closed is saved', async () => {
  const page = await freshPage(app);
  await withoutDebounce(page);
  await startExample(page);
  await addTeam(page, 'Hidden in time');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), HEAD), null, 'nothing saved yet');
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  assert.ok((await storedTeams(page)).includes('Hidden in time'), 'saved when hidden');

  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
  });
  await addTeam(page, 'Closed in time');
  const context = page.context();
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(app.url);
  await again.getByRole('rowheader').filter({ hasText: 'Closed in time' }).waitFor();
});

/**
 * Lets a test hold back the renderer's follow-up work: the page's clock runs fast, so the
 * renderer gives the browser a turn after each step of its work, and while `window.held` is
 * a list each such turn waits there until `step()` runs the oldest. The save's quiet time
 * never ends. `window.stored` counts the other tabs' saves the page has heard of.
 */
async function withHeldFollowUp(page) {
  await page.addInitScript(() => {
    const clock = Date.now;
    let ahead = 0;
    Date.now = () => clock() + (ahead += 20);
    const setTimer = window.setTimeout;
    window.held = null;
    window.setTimeout = (callback, ms, ...rest) => {
      if (ms === 400) return 0;
      if (ms === 0 && window.held) {
        window.held.push(() => callback(...rest));
        return 0;
      }
      return setTimer(callback, ms, ...rest);
    };
    window.step = () => {
      if (!window.held?.length) throw new Error('the renderer has no turn waiting');
      window.held.shift()();
    };
    window.stored = 0;
    addEventListener('storage', () => { window.stored += 1; });
    window.release = () => {
      const held = window.held;
      window.held = null;
      held.forEach((turn) => turn());
    };
  });
  await page.reload();
}

/**
 * Clicks `button` with the renderer's turns held, and runs them one at a time until `shown`
 * is on screen: what the renderer does after drawing it has not run yet.
 */
async function drawOnly(page, button, shown) {
  await page.evaluate(() => { window.held = []; });
  await button.click();
  while (!(await shown.isVisible())) await page.evaluate(() => window.step());
}

test('a change hidden before the board finishes its follow-up work is still saved', async () => {
  const page = await freshPage(app);
  await withHeldFollowUp(page);
  await startExample(page);
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
  await command(page, 'Add', 'Add team…');
  const form = dialog(page, 'Add team');
  await form.getByLabel('Name').fill('Drawn, then hidden');
  await drawOnly(page, form.getByRole('button', { name: 'Add team' }),
    page.getByRole('rowheader').filter({ hasText: 'Drawn, then hidden' }));
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
  assert.ok((await storedTeams(page)).includes('Drawn, then hidden'), 'saved when hidden');
  await page.evaluate(() => window.release());
  page.assertNoErrors();
});

test('another tab\'s save that arrives before the board finishes its follow-up work is merged with the change', async () => {
  const [first, second] = await twoTabs(withHeldFollowUp);

  await command(second, 'Settings', 'Board settings…');
  const settings = dialog(second, 'Board settings');
  await settings.getByLabel('Board title').fill('Renamed as the other tab saved');
  await drawOnly(second, settings.getByRole('button', { name: 'Save' }),
    second.getByRole('heading', { level: 1, name: 'Renamed as the other tab saved' }));
  await addTeam(first, 'Saved by the first tab');
  await first.evaluate(() => dispatchEvent(new Event('pagehide')));
  // The first tab's save reaches the second while its follow-up work still waits.
  await second.waitForFunction(() => window.stored > 0);
  await second.evaluate(() => window.release());

  await second.getByRole('status').getByText(/merged with yours/).waitFor();
  await second.getByRole('rowheader').filter({ hasText: 'Saved by the first tab' }).waitFor();
  await second.getByRole('heading', { level: 1, name: 'Renamed as the other tab saved' }).waitFor();
  await second.evaluate(() => dispatchEvent(new Event('pagehide')));
  const title = await second.evaluate((key) => JSON.parse(localStorage.getItem(key)).board.title, HEAD);
  assert.equal(title, 'Renamed as the other tab saved');
  assert.ok((await storedTeams(second)).includes('Saved by the first tab'));
});

test('a write that reports success but does not stick is a failed save, and is retried', async () => {
  const page = await freshPage(app);
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (!window.forgetWrites) setItem.call(this, key, value);
    };
  });
  await page.reload();
  await page.evaluate(() => { window.forgetWrites = true; });
  await startExample(page);
  const alert = page.getByRole('alert').filter({ hasText: 'not saved' });
  await alert.getByText(/reading it back found something else/).waitFor();
  await alert.getByRole('button', { name: 'Export snapshot' }).waitFor();
  await page.evaluate(() => { window.forgetWrites = false; });
  await addTeam(page, 'After the fault');
  await saved(page);
  assert.ok((await storedTeams(page)).includes('After the fault'));
});

test('a board saved by an older version is migrated, its original kept, and the person told', async () => {
  const page = await freshPage(app);
  const v0 = JSON.stringify({
    format: 'alignment-board',
    version: 0,
    board: {
      id: 'b-old', title: 'Plans from the draft',
      teams: [{ id: 't-1', name: 'Core' }],
      priorities: [{ id: 'p-1', title: 'Grow', rank: 1, createdAt: '2026-01-05T09:00:00Z' }],
      initiatives: [{ id: 'i-1', title: 'Onboarding', teamId: 't-1', priorityId: 'p-1', createdAt: '2026-01-05T09:00:00Z', updatedAt: '2026-01-05T09:00:00Z' }],
    },
  });
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, v0]);
  await page.reload();
  await page.getByRole('status').getByText(/saved in version 0 of the format and has been brought up to version 1/).waitFor();
  await page.getByRole('status').getByText(`“${HEAD}:version-0”`).waitFor();
  const column = page.getByRole('columnheader').filter({ hasText: 'Grow' });
  await column.waitFor();
  await page.getByRole('article').filter({ hasText: 'Onboarding' }).waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}:version-0`), HEAD), v0);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null, 'moved from the name earlier versions used');
});

test('a board saved by a newer version is shown read-only, both versions named, never overwritten', async () => {
  const page = await freshPage(app);
  const newer = JSON.stringify({
    format: 'alignment-board', version: 2,
    board: { id: 'b-new', title: 'Plans from the future', teams: [{ id: 't-1', name: 'Core' }], newThing: [1, 2] },
  });
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, newer]);
  await page.reload();
  const alert = page.getByRole('alert');
  await alert.getByText(/version 2, but this board reads versions up to 1/).waitFor();
  await alert.getByText(/shown read-only/).waitFor();
  await page.getByRole('heading', { name: 'Plans from the future' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Add', exact: true }).count(), 0);
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), HEAD), newer);
});

test('two tabs: one shows the other\'s change, and edits made in both at once are merged', async () => {
  const [first, second] = await twoTabs((page) => page.addInitScript(noQuietTime));

  // One tab's saved change shows up in the other without a reload.
  await addTeam(first, 'Made in the first tab');
  await first.evaluate(() => dispatchEvent(new Event('pagehide')));
  await second.getByRole('rowheader').filter({ hasText: 'Made in the first tab' }).waitFor();

  // Both edit before either saves: the later save merges, and nothing is lost.
  await addTeam(first, 'First again');
  await command(second, 'Settings', 'Board settings…');
  const settings = dialog(second, 'Board settings');
  await settings.getByLabel('Board title').fill('Renamed in the second tab');
  await settings.getByRole('button', { name: 'Save' }).click();
  await first.evaluate(() => dispatchEvent(new Event('pagehide')));
  await second.getByRole('status').getByText(/merged with yours/).waitFor();
  await second.getByRole('rowheader').filter({ hasText: 'First again' }).waitFor();
  await second.evaluate(() => dispatchEvent(new Event('pagehide')));
  await first.getByRole('heading', { level: 1, name: 'Renamed in the second tab' }).waitFor();
  const teams = await storedTeams(first);
  for (const name of ['Made in the first tab', 'First again']) {
    assert.ok(teams.includes(name), `${name} is saved: ${teams}`);
  }
  const title = await first.evaluate((key) => JSON.parse(localStorage.getItem(key)).board.title, HEAD);
  assert.equal(title, 'Renamed in the second tab');

  // Both change the same thing: the person is asked, and the board they keep is saved.
  // (New entities get random ids, so two tabs never add the same one: they rename one.)
  await renameTeam(first, 'First again', 'Renamed in the first tab');
  await renameTeam(second, 'First again', 'Renamed in the second tab');
  await first.evaluate(() => dispatchEvent(new Event('pagehide')));
  const conflict = second.getByRole('alert').filter({ hasText: 'Another tab changed' });
  await conflict.getByText(/team “Renamed in the (first|second) tab”/).waitFor();
  // Until the person chooses, this tab's board is not saved: leaving the tab asks first.
  const asked = new Promise((resolve) => second.once('dialog', (question) => {
    resolve(question.type());
    question.dismiss();
  }));
  await second.close({ runBeforeUnload: true });
  assert.equal(await asked, 'beforeunload');
  await conflict.getByRole('button', { name: 'Keep this tab’s' }).click();
  await second.evaluate(() => dispatchEvent(new Event('pagehide')));
  await first.getByRole('rowheader').filter({ hasText: 'Renamed in the second tab' }).waitFor();
  const kept = await storedTeams(first);
  assert.ok(kept.includes('Renamed in the second tab') && !kept.includes('Renamed in the first tab'), `${kept}`);
  first.assertNoErrors();
});

test('Undo in one tab takes back its own change and keeps what another tab saved since, or says why not', async () => {
  const [first, second] = await twoTabs((page) => page.addInitScript(noQuietTime));
  await addTeam(first, 'Added in the first tab');
  await first.evaluate(() => dispatchEvent(new Event('pagehide')));
  await second.getByRole('rowheader').filter({ hasText: 'Added in the first tab' }).waitFor();
  await addTeam(second, 'Added in the second tab');
  await second.evaluate(() => dispatchEvent(new Event('pagehide')));
  await first.getByRole('rowheader').filter({ hasText: 'Added in the second tab' }).waitFor();

  // The first tab's last change is its own team: Undo takes that back, not the other's.
  await first.getByRole('button', { name: 'Undo' }).click();
  await first.getByText('Undone: add team Added in the first tab.').waitFor();
  await first.getByRole('rowheader').filter({ hasText: 'Added in the first tab' }).waitFor({ state: 'detached' });
  await first.getByRole('rowheader').filter({ hasText: 'Added in the second tab' }).waitFor();
  await first.evaluate(() => dispatchEvent(new Event('pagehide')));
  let teams = await storedTeams(first);
  assert.ok(teams.includes('Added in the second tab') && !teams.includes('Added in the first tab'), `${teams}`);

  // Made again, then renamed in the other tab: taking it back would lose the rename.
  await first.getByRole('button', { name: 'Redo' }).click();
  await first.evaluate(() => dispatchEvent(new Event('pagehide')));
  await second.getByRole('rowheader').filter({ hasText: 'Added in the first tab' }).waitFor();
  await renameTeam(second, 'Added in the first tab', 'Renamed in the second tab');
  await second.evaluate(() => dispatchEvent(new Event('pagehide')));
  await first.getByRole('rowheader').filter({ hasText: 'Renamed in the second tab' }).waitFor();
  await first.getByRole('button', { name: 'Undo' }).click();
  await first.getByRole('status').getByText(
    'Not undone: add team Added in the first tab. Another tab has since changed team “Renamed in the second tab”; change it by hand if it should be.',
  ).waitFor();
  await first.getByRole('rowheader').filter({ hasText: 'Renamed in the second tab' }).waitFor();
  teams = await storedTeams(first);
  assert.ok(teams.includes('Renamed in the second tab') && teams.includes('Added in the second tab'), `${teams}`);
  first.assertNoErrors();
});

test('an edit form open in one tab keeps what another tab changed meanwhile, and says when its work is deleted', async () => {
  const [first, second] = await twoTabs((page) => page.addInitScript(noQuietTime));
  const card = (page) => page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'Guided setup wizard' }).first();
  // The second tab opens the card's form and changes its description only.
  await card(second).focus();
  await second.keyboard.press('Enter');
  const form = dialog(second, 'Edit initiative');
  await form.getByLabel('Description').fill('Written in the second tab');
  // Meanwhile the first tab sets the card's status and saves.
  await card(first).getByRole('button', { name: 'Status: On track' }).click();
  await first.getByRole('menu', { name: 'Status' }).getByRole('menuitemradio', { name: 'Off track' }).click();
  await first.evaluate(() => dispatchEvent(new Event('pagehide')));
  // The form follows the fields left alone, and saving it keeps both changes.
  const status = await form.getByLabel('Status', { exact: true }).elementHandle();
  await second.waitForFunction((select) => select.value === 'offTrack', status);
  assert.equal(await form.getByLabel('Description').inputValue(), 'Written in the second tab');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await card(second).getByRole('button', { name: 'Status: Off track' }).waitFor();
  await second.evaluate(() => dispatchEvent(new Event('pagehide')));
  const stored = await first.evaluate((key) => {
    const { initiatives } = JSON.parse(localStorage.getItem(key)).board;
    const row = initiatives.rows.find((r) => r[initiatives.columns.indexOf('title')] === 'Guided setup wizard');
    return [row[initiatives.columns.indexOf('status')], row[initiatives.columns.indexOf('description')]];
  }, HEAD);
  assert.deepEqual(stored, ['offTrack', 'Written in the second tab']);

  // Deleted in one tab while its form is open in the other: the form says so, and can add
  // what it holds again.
  await card(second).focus();
  await second.keyboard.press('Enter');
  await form.getByLabel('Title').waitFor();
  await card(first).focus();
  await first.keyboard.press('Enter');
  await dialog(first, 'Edit initiative').getByRole('button', { name: 'Delete' }).click();
  await dialog(first, 'Delete “Guided setup wizard”?').getByRole('button', { name: 'Delete initiative' }).click();
  await first.evaluate(() => dispatchEvent(new Event('pagehide')));
  const gone = dialog(second, 'Initiative deleted');
  await gone.getByRole('alert').getByText(/no longer on the board/).waitFor();
  assert.equal(await gone.getByRole('button', { name: 'Cancel' }).count(), 0, 'nothing to cancel: it closes');
  assert.equal(await gone.getByRole('button', { name: 'Close', exact: true }).count(), 2, 'its × and Close');
  await gone.getByRole('button', { name: 'Add again' }).click();
  await card(second).waitFor();
  first.assertNoErrors();
});

test('text that looks like markup, links or bidi controls is shown as text, and long text keeps the layout', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const hostile = [
    '<img src=x onerror="window.pwned=1">',
    '<script>window.pwned=1</script>',
    'javascript:window.pwned=1',
    '\u202Edesrever\u202C and \u2067isolated',
    // The most a title holds, of one word.
    'W'.repeat(500),
  ];
  const board = page.getByRole('region', { name: 'Board' });
  const viewport = page.viewportSize().width;
  let current = 'Guided setup wizard';
  for (const title of hostile) {
    await board.getByRole('article', { name: current, exact: true }).first()
      .getByRole('button', { name: current, exact: true }).click();
    const form = dialog(page, 'Edit initiative');
    await form.getByLabel('Title').fill(title);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    current = title;
    const card = board.getByRole('article', { name: title, exact: true }).first();
    assert.ok((await card.textContent()).includes(title), 'the title is shown as written');
    const box = await card.boundingBox();
    assert.ok(box.width < 400 && box.height < 400, `the card keeps its size: ${JSON.stringify(box)}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport + 1, `the page does not grow sideways: ${width}`);
  }
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'nothing ran');
  assert.equal(await page.locator('#app img, #app script').count(), 0, 'no element was made from the text');
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  page.assertNoErrors();
});

test('every view and dialog is there once the board shows: nothing more is fetched, even offline', async () => {
  const page = await freshPage(app);
  await startExample(page);
  // The intranet goes away once the board is on screen.
  const fetched = [];
  await page.route('**/*', (route) => {
    fetched.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  const views = page.getByRole('navigation', { name: 'Views' });
  const regions = { Health: 'Alignment score', Allocation: 'Where effort goes', Rhythm: 'Operating rhythm', Coordination: 'Coordination' };
  for (const [tab, region] of Object.entries(regions)) {
    await views.getByRole('button', { name: new RegExp(`^${tab}`) }).click();
    await page.getByRole('region', { name: region }).getByRole('heading').first().waitFor();
  }
  await views.getByRole('button', { name: /^Board/ }).click();
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'Guided setup wizard' }).first();
  await card.focus();
  await page.keyboard.press('c');
  await dialog(page, 'Check in: Guided setup wizard').getByLabel('Note').waitFor();
  assert.deepEqual(fetched, [], 'opening views and dialogs fetches nothing');
  await page.unroute('**/*');
});
