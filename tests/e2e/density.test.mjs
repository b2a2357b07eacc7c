// A denser board: an empty cell is a thin drop target that opens while a card is dragged
// over it, a column with no card is narrow, and a lane's heading takes the room its text
// needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brokenWords, command, dialog, freshPage, saved, startExample, useApp } from '../support/app.mjs';

const app = useApp();

const height = async (locator) => (await locator.boundingBox()).height;
const width = async (locator) => (await locator.boundingBox()).width;

test('a lane with nothing in it stays low, and its empty cell opens under a dragged card', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await command(page, 'Add', 'Add team…');
  const form = dialog(page, 'Add team');
  await form.getByLabel('Name').fill('Field Robotics');
  await form.getByRole('button', { name: 'Add team' }).click();
  const board = page.getByRole('region', { name: 'Board' });
  const lane = board.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Field Robotics/ }) });
  await lane.waitFor();
  const empty = lane.getByRole('group', { name: 'Field Robotics · Cut time-to-value to one day' });
  const full = board.getByRole('group', { name: /· Cut time-to-value to one day$/ }).first();
  const card = full.getByRole('article').first();
  const head = lane.getByRole('rowheader');
  assert.ok(await height(lane) <= (await height(head)) + 1, 'an empty lane is as high as its heading');
  assert.ok(await height(empty) <= 40, `an empty cell is a thin target (${await height(empty)} px)`);
  assert.ok(await height(empty) < (await height(card)) / 1.5, 'much lower than a card');
  const beside = board.getByRole('group', { name: /· Keep every customer we have$/ }).first();
  if ((await beside.getByRole('article').count()) === 0) {
    assert.ok(await height(beside) <= 40, 'thin beside cards too');
  }

  // Dragged over, an empty cell opens to take the card; once dropped, the card is in it.
  const target = board.getByRole('group', { name: /· Keep every customer we have$/ }).first();
  const targetName = await target.getAttribute('aria-label');
  assert.equal(await target.getByRole('article').count(), 0, `${targetName} starts empty`);
  await board.evaluate((region) => region.querySelector('.ab-grid').scrollTo(0, 0));
  await card.hover();
  await page.mouse.down();
  const box = await target.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2, { steps: 2 });
  await page.waitForFunction(
    (name) => [...document.querySelectorAll('.ab-cell--over')].some((cell) => cell.getAttribute('aria-label') === name && cell.getBoundingClientRect().height >= 96),
    targetName,
  );
  const opened = await target.boundingBox();
  await page.mouse.move(opened.x + opened.width / 2, opened.y + opened.height / 2, { steps: 2 });
  await page.mouse.up();
  await target.getByRole('article').waitFor();
  page.assertNoErrors();
});

test('a column with no card is narrow, and lane headings are as wide as their names', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const columns = board.getByRole('columnheader');
  const heads = board.getByRole('rowheader');
  // The example's team names are short: their headings are narrower than a card, and
  // every word fits.
  const card = board.getByRole('article').first();
  const before = await width(heads.first());
  assert.ok(before < (await width(card)) * 0.8, `a lane heading takes the room its name needs (${before} px)`);
  const fits = () => heads.evaluateAll((all) => all.every((h) => h.scrollWidth <= h.clientWidth));
  assert.ok(await fits());
  // A team with a longer name widens them all, as far as a bound.
  await command(page, 'Add', 'Add team…');
  const form = dialog(page, 'Add team');
  await form.getByLabel('Name').fill('Customer Experience Operations');
  await form.getByRole('button', { name: 'Add team' }).click();
  await board.getByRole('rowheader', { name: /Customer Experience Operations/ }).waitFor();
  const after = await width(heads.first());
  assert.ok(after > before + 20, `${before} px → ${after} px`);
  assert.ok(await fits());

  // One team shown: the columns where it has no card narrow.
  await page.getByLabel('Team', { exact: true }).selectOption({ index: 1 });
  await board.getByRole('rowheader').nth(1).waitFor({ state: 'detached' });
  const widths = await board.evaluate((region) => {
    const heads = [...region.querySelectorAll('[role=columnheader]')].slice(1);
    const cells = [...region.querySelectorAll('[role=row][data-lane] [role=cell]')];
    return heads.map((head, i) => ({
      width: head.getBoundingClientRect().width,
      cards: cells[i].querySelectorAll('article').length,
    }));
  });
  const withCards = widths.filter((w) => w.cards > 0).map((w) => w.width);
  const without = widths.filter((w) => w.cards === 0).map((w) => w.width);
  assert.ok(withCards.length > 0 && without.length > 0, JSON.stringify(widths));
  assert.ok(Math.max(...without) < Math.min(...withCards) * 0.95, JSON.stringify(widths));
  assert.deepEqual(await splitWords(board), [], 'a narrow heading breaks no word of its title');
  page.assertNoErrors();
});

// The words of the priorities' titles that a heading breaks across lines.
const splitWords = (board) => board.evaluate(brokenWords, '[role=columnheader] .ab-column-head__title');

test('a priority just added, with no initiative yet, has a narrow column that keeps its title\'s words whole', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  await command(page, 'Add', 'Add priority…');
  const form = dialog(page, 'Add priority');
  await form.getByLabel('Title').fill('Expand into EMEA');
  await form.getByLabel('Rank').fill('2');
  await form.getByRole('button', { name: 'Add priority' }).click();
  const head = board.getByRole('columnheader', { name: /^Priority 2: Expand into EMEA/ });
  await head.waitFor();
  const full = await width(board.getByRole('columnheader', { name: /^Priority 1:/ }));
  assert.ok(await width(head) < full * 0.8, `narrower than a column with cards (${await width(head)} px against ${full} px)`);
  assert.deepEqual(await splitWords(board), []);
  page.assertNoErrors();
});

test('a board opens with its cards already in their columns: nothing jumps after the first frame', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await saved(page);
  // The browser reports every movement of what it had painted (the Layout Instability API).
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value)))
      .observe({ type: 'layout-shift', buffered: true });
  });
  // A processor four times slower, as on a phone: the first render then takes longer than a
  // frame, and the browser paints the board before the work that follows the render runs.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.reload();
  const board = page.getByRole('region', { name: 'Board' });
  await board.getByRole('article').first().waitFor();
  // Frames enough for the render's follow-up work to run and be painted, and for the
  // browser to report what moved.
  const frames = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  for (let i = 0; i < 4; i++) await frames();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const shifts = await page.evaluate(() => window.__shifts);
  assert.deepEqual(shifts, [], 'the painted board moved');
  // And the columns are the board's: a card is a column wide, not the board's width.
  const card = await board.getByRole('article').first().boundingBox();
  const grid = await board.getByRole('table').boundingBox();
  assert.ok(card.width < grid.width / 3, `a card is ${card.width} px wide in a ${grid.width} px grid`);
  page.assertNoErrors();
});

test('a lane taller than the board\'s area keeps its team\'s name in view under the priorities as it scrolls by', async () => {
  // A short window: the board's scrolling area is lower than the example's tallest lane.
  const page = await freshPage(app, { viewport: { width: 1400, height: 560 } });
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const lanes = board.getByRole('row').filter({ has: page.getByRole('rowheader') });
  await lanes.first().waitFor();
  // Where, in the grid's area, the tallest lane's name is once the grid is scrolled
  // `into` pixels past the lane's top (under the priorities' heads).
  const where = (into) => board.evaluate((region, into) => {
    const grid = region.querySelector('.ab-grid');
    const rows = [...grid.querySelectorAll('.ab-grid__row[data-lane]')];
    const row = rows.reduce((a, b) => (b.offsetHeight > a.offsetHeight ? b : a));
    const heads = grid.querySelector('.ab-grid__row--head');
    grid.scrollTop = 0;
    grid.scrollTop = row.getBoundingClientRect().top - heads.getBoundingClientRect().bottom + into;
    const name = row.querySelector('[role="rowheader"] h2');
    const box = name.getBoundingClientRect();
    return {
      nameSeen: name.contains(document.elementFromPoint(box.left + Math.min(box.width / 2, 20), box.top + box.height / 2)),
      team: name.textContent,
      laneHeight: row.offsetHeight,
      areaHeight: grid.clientHeight,
      headsBottom: heads.getBoundingClientRect().bottom,
      nameTop: name.getBoundingClientRect().top,
      nameBottom: name.getBoundingClientRect().bottom,
      areaBottom: grid.getBoundingClientRect().bottom,
    };
  }, into);
  const frame = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const shown = async (into, why) => {
    const at = await where(into);
    await frame();
    const now = await where(into);
    assert.ok(at.laneHeight > at.areaHeight + 200, `the lane of ${at.team} (${at.laneHeight} px) is taller than the area (${at.areaHeight} px)`);
    assert.ok(now.nameTop >= now.headsBottom - 1 && now.nameBottom <= now.areaBottom,
      `${why}: the name of ${now.team} is in view under the priorities (name ${now.nameTop}–${now.nameBottom}, heads end at ${now.headsBottom}, area at ${now.areaBottom})`);
    assert.ok(now.nameTop - now.headsBottom <= 24, `${why}: just under them (${now.nameTop - now.headsBottom} px)`);
    assert.ok(now.nameSeen, `${why}: the name is what the page shows there`);
  };
  await shown(200, 'scrolled into the lane');
  // A priority given a longer title makes the heads taller (by a line: the screen shows a
  // title's first four): the name moves down with them.
  const before = await board.evaluate((region) => region.querySelector('.ab-grid__row--head').offsetHeight);
  await board.getByRole('button', { name: 'Offline-first mobile for technicians', exact: true }).click();
  const form = dialog(page, 'Edit priority');
  await form.getByLabel('Title').fill('Offline-first mobile for every technician in every region we serve');
  await form.getByRole('button', { name: 'Save' }).click();
  await page.waitForFunction((before) => document.querySelector('.ab-grid__row--head').offsetHeight > before + 12, before);
  await shown(200, 'with taller heads');
  page.assertNoErrors();
});

test('in its own page the board fills the window: the page does not scroll beside the board\'s grid', async () => {
  for (const viewport of [{ width: 1400, height: 900 }, { width: 1024, height: 700 }]) {
    const page = await freshPage(app, { viewport });
    await startExample(page);
    const grid = page.getByRole('region', { name: 'Board' }).locator('.ab-grid');
    const fit = await grid.evaluate((g) => ({
      page: document.scrollingElement.scrollHeight,
      window: innerHeight,
      gridBottom: g.getBoundingClientRect().bottom,
      gridScrolls: g.scrollHeight > g.clientHeight,
    }));
    const size = `${viewport.width} × ${viewport.height}`;
    assert.ok(fit.page <= fit.window, `at ${size} the page is ${fit.page} px tall in a ${fit.window} px window`);
    assert.ok(fit.gridBottom <= fit.window, `at ${size} the grid ends at ${fit.gridBottom} px, below the window`);
    assert.ok(fit.gridScrolls, `at ${size} the example board scrolls within its grid`);
    // Another view is as long as it needs: the page scrolls for it.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Health/ }).click();
    await page.getByRole('region', { name: 'Board' }).waitFor({ state: 'detached' });
    assert.ok(await page.evaluate(() => document.scrollingElement.scrollHeight > innerHeight), `at ${size} Health scrolls with the page`);
    page.assertNoErrors();
    await page.context().close();
  }
});
