// The board on a phone (480 px wide and less): the priorities as a list read top to bottom,
// the filters behind one button, views that fit the width, and nothing that scrolls the
// page sideways, at the widths of the smallest (320 px), small (360 px) and common (390 px) phones
// (320 px is also about what a phone leaves a board embedded in a page with margins).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { audit, command, dialog, freshPage, saved, startExample, useApp } from '../support/app.mjs';

const app = useApp();
const WIDTHS = [320, 360, 390];
const HEIGHT = 844;
const VIEWS = [/^Board/, /^Health/, /^Allocation/, /^Rhythm/, /^Coordination/];

const example = JSON.parse(await readFile(new URL('../../examples/example.alignment.json', import.meta.url), 'utf8')).board;
const top = example.priorities.filter((p) => p.status === 'active').sort((a, b) => a.rank - b.rank)[0];

async function phone(width = 390) {
  const page = await freshPage(app, { viewport: { width, height: HEIGHT } });
  await startExample(page);
  return page;
}

function view(page, name) {
  return page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name });
}

/** The page's width and how wide its content is: equal when nothing scrolls sideways. */
function widths(page) {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
}

for (const width of WIDTHS) {
  test(`at ${width} px no view scrolls the page sideways`, async () => {
    const page = await phone(width);
    for (const name of VIEWS) {
      await view(page, name).click();
      await page.locator('.ab-main h2').first().waitFor();
      // What is folded away (a health part's findings, the allocation's figures) unfolded.
      await page.evaluate(() => document.querySelectorAll('.ab-main details').forEach((d) => { d.open = true; }));
      const { scroll, client } = await widths(page);
      assert.ok(scroll <= client, `${name}: the page is ${scroll} px wide in a ${client} px window`);
      // The views' bar shows all five views, none cut off at its end.
      const bar = await page.getByRole('navigation', { name: 'Views' }).evaluate((nav) => [nav.scrollWidth, nav.clientWidth]);
      assert.ok(bar[0] <= bar[1], `${name}: the views need ${bar[0]} px of ${bar[1]} px`);
      // Nor is anything cut off at the window's edge: what is wider scrolls in a box of its own.
      const cut = await page.evaluate((client) => [...document.querySelectorAll('.ab-main *')]
        .filter((element) => element.getBoundingClientRect().right > client + 0.5)
        .filter((element) => {
          for (let box = element.parentElement; box; box = box.parentElement) {
            if (['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) return false;
          }
          return true;
        })
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`), client);
      assert.deepEqual(cut, [], `${name}: past the window's edge`);
      // The views' own bar may scroll, but the current view's tab is in sight.
      const tab = await view(page, name).boundingBox();
      assert.ok(tab.x >= 0 && tab.x + tab.width <= client, `${name}: its tab is in sight`);
    }
    page.assertNoErrors();
  });

  test(`at ${width} px every menu of the toolbar opens within the screen`, async () => {
    const page = await phone(width);
    const toolbar = page.getByRole('navigation', { name: 'Board actions' });
    for (const name of [/Undo$/, /Redo$/, /^Add initiative$/]) {
      assert.ok(await toolbar.getByRole('button', { name }).isVisible(), String(name));
    }
    for (const name of ['Add', 'File', 'Settings']) {
      await toolbar.getByRole('button', { name, exact: true }).click();
      const menu = page.getByRole('menu', { name });
      const items = menu.getByRole('menuitem').or(menu.getByRole('menuitemcheckbox'));
      assert.ok(await items.count() > 0, name);
      for (const box of [await menu.boundingBox(), ...await Promise.all((await items.all()).map((item) => item.boundingBox()))]) {
        assert.ok(box.x >= 0 && box.x + box.width <= width && box.y >= 0 && box.y + box.height <= HEIGHT, `${name}: within the screen`);
      }
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
    }
    const { scroll, client } = await widths(page);
    assert.ok(scroll <= client);
    page.assertNoErrors();
  });

  test(`at ${width} px the first screen shows the top priority and its first initiatives`, async () => {
    const page = await phone(width);
    const board = page.getByRole('region', { name: 'Board' });
    assert.equal(await board.getByRole('table').count(), 0, 'no grid');
    assert.equal(await board.getByRole('columnheader').count(), 0, 'no columns');
    assert.equal(await page.locator('.ab-cell').count(), 0, 'no drop targets');

    const heading = board.getByRole('heading', { level: 2, name: `Priority 1: ${top.title}` });
    const first = board.locator('.ab-phone__priority').first();
    assert.equal(await first.getByRole('heading', { level: 2 }).textContent(), await heading.textContent(), 'the top priority comes first');
    const cards = first.getByRole('article');
    assert.ok(await cards.count() >= 2);
    for (const element of [heading, cards.nth(0), cards.nth(1)]) {
      const box = await element.boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= HEIGHT, `${await element.textContent()} is on the first screen (${Math.round(box.y)}–${Math.round(box.y + box.height)})`);
    }
    page.assertNoErrors();
  });
}

test('on a phone the list holds every priority in rank order, its work team by team, then local work', async () => {
  const page = await phone();
  const board = page.getByRole('region', { name: 'Board' });
  const titles = await board.getByRole('heading', { level: 2 }).allTextContents();
  const ranked = example.priorities.filter((p) => p.status === 'active').sort((a, b) => a.rank - b.rank);
  assert.deepEqual(titles.slice(0, ranked.length), ranked.map((p) => `Priority ${p.rank}: ${p.title}`));
  assert.deepEqual(titles.slice(-2), ['Local work', 'Teams']);

  // Under the top priority: its initiatives, grouped under their teams' names.
  const first = board.locator('.ab-phone__priority').first();
  const teams = await first.getByRole('heading', { level: 3 }).allTextContents();
  const expected = example.teams
    .filter((t) => example.initiatives.some((i) => i.teamId === t.id && i.priorityIds.includes(top.id)))
    .map((t) => t.name);
  assert.deepEqual(teams, expected);
  for (const team of example.teams.filter((t) => expected.includes(t.name))) {
    const group = first.getByRole('group', { name: `${team.name} · ${top.title}` });
    const shown = await group.getByRole('article').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')));
    const serving = example.initiatives.filter((i) => i.teamId === team.id && i.priorityIds.includes(top.id)).map((i) => i.title);
    assert.deepEqual(shown.sort(), serving.sort(), team.name);
  }
  page.assertNoErrors();
});

test('on a phone the teams follow the priorities, each opening its form, a new team without work too', async () => {
  const page = await phone();
  const teams = page.getByRole('region', { name: 'Teams' });
  for (const team of example.teams) {
    await teams.getByRole('button', { name: `Edit team: ${team.name}` }).waitFor();
  }
  await teams.getByRole('button', { name: 'Add team' }).click();
  const add = dialog(page, 'Add team');
  await add.getByLabel('Name').fill('Security');
  await add.getByRole('button', { name: 'Add team' }).click();
  await add.waitFor({ state: 'detached' });
  await teams.getByRole('listitem').filter({ hasText: 'Security' }).getByText('No lead · 0 initiatives').waitFor();
  // A lead chosen for it once people are on the board.
  await teams.getByRole('button', { name: 'Edit team: Security' }).click();
  const edit = dialog(page, 'Edit team');
  await edit.getByLabel('Lead').selectOption({ label: example.people[0].name });
  await edit.getByRole('button', { name: 'Save' }).click();
  await edit.waitFor({ state: 'detached' });
  await teams.getByText(`Lead: ${example.people[0].name} · 0 initiatives`).waitFor();
  page.assertNoErrors();
});

test('the board turns into the list and back as the window narrows and widens', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  await board.getByRole('table').waitFor();
  await page.setViewportSize({ width: 390, height: HEIGHT });
  await board.getByRole('table').waitFor({ state: 'detached' });
  await board.getByRole('heading', { name: `Priority 1: ${top.title}` }).waitFor();
  await page.getByRole('button', { name: 'Filter', exact: true }).waitFor();
  await page.setViewportSize({ width: 1000, height: HEIGHT });
  await board.getByRole('table').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Filter', exact: true }).count(), 0, 'the filters show as fields');
  page.assertNoErrors();
});

test('on a phone the Filter button shows the filters, says how many are on, filters the list and folds on Escape', async () => {
  const page = await phone();
  const filters = page.getByRole('region', { name: 'Filters' });
  const button = filters.getByRole('button', { name: /^Filter/ });
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await filters.getByLabel('Team').isVisible(), false, 'the fields are folded away');

  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const mobile = example.teams.find((t) => t.name === 'Mobile');
  await filters.getByLabel('Team').selectOption({ label: 'Mobile' });
  await filters.getByRole('button', { name: 'Filter (1)' }).waitFor();
  const board = page.getByRole('region', { name: 'Board' });
  const groups = await board.getByRole('group').evaluateAll((all) => all.map((g) => g.getAttribute('aria-label')));
  assert.ok(groups.length > 0 && groups.every((name) => name.startsWith('Mobile · ')), groups.join(', '));
  const titles = new Set(await board.getByRole('article').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label'))));
  assert.deepEqual([...titles].sort(), example.initiatives.filter((i) => i.teamId === mobile.id).map((i) => i.title).sort());
  await filters.getByText(`Showing ${titles.size} of ${example.initiatives.length}`).waitFor();
  // Each priority's heading counts what the filter shows, and says so: a priority with
  // work for other teams only is not one with "no initiatives".
  const subs = await board.locator('.ab-phone__sub').allTextContents();
  const active = example.priorities.filter((p) => p.status === 'active').sort((a, b) => a.rank - b.rank);
  for (const [i, priority] of active.entries()) {
    const mine = example.initiatives.filter((x) => x.teamId === mobile.id && x.priorityIds.includes(priority.id)).length;
    const said = mine === 0 ? 'none shown' : mine === 1 ? '1 initiative shown' : `${mine} initiatives shown`;
    assert.ok(subs[i].endsWith(said), `${priority.title}: "${subs[i]}", expected "${said}"`);
    // The owner named is the priority's, said so (not the owner filter's).
    const owner = example.people.find((person) => person.id === priority.ownerId);
    assert.ok(subs[i].startsWith(owner ? `Owner: ${owner.name} · ` : 'No owner · '), subs[i]);
  }
  assert.ok(subs.some((s) => s.endsWith('none shown')), 'the example has a priority with no Mobile work');
  // A priority of which the filter shows nothing says so in a line, without its success
  // measure: five of them would fill the screen before the first card.
  const measures = await board.locator('.ab-phone__head').evaluateAll((heads) => heads.map((head) => ({
    none: head.querySelector('.ab-phone__sub').textContent.endsWith('none shown'),
    measure: [...head.querySelectorAll('.ab-phone__measure')].some((m) => getComputedStyle(m).display !== 'none'),
  })));
  assert.ok(measures.every(({ none, measure }) => !(none && measure)), JSON.stringify(measures));
  assert.ok(measures.some(({ none, measure }) => !none && measure), 'the others keep theirs');

  await filters.getByLabel('Status').selectOption({ label: 'At risk' });
  await filters.getByRole('button', { name: 'Filter (2)' }).waitFor();
  const atRisk = example.initiatives.filter((i) => i.teamId === mobile.id && i.status === 'atRisk').map((i) => i.title);
  const shown = new Set(await board.getByRole('article').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label'))));
  assert.deepEqual([...shown].sort(), atRisk.sort());

  // Folded again (Escape folds it too, back on its button), the count stays in the button;
  // clearing empties it.
  await filters.getByLabel('Status').focus();
  await page.keyboard.press('Escape');
  await filters.getByRole('button', { name: 'Filter (2)', expanded: false }).waitFor();
  assert.equal(await button.evaluate((b) => b === document.activeElement), true, 'focus back on the button');
  await button.click();
  await button.click();
  assert.equal(await filters.getByLabel('Team').isVisible(), false);
  await filters.getByRole('button', { name: 'Filter (2)', expanded: false }).waitFor();
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByRole('button', { name: 'Filter', exact: true }).waitFor();
  assert.equal(new Set(await board.getByRole('article').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')))).size, example.initiatives.length);
  page.assertNoErrors();
});

test('on a phone a card changes status from its menu and opens for editing', async () => {
  const page = await phone();
  const board = page.getByRole('region', { name: 'Board' });
  const card = board.getByRole('article', { name: 'Guided setup wizard' }).first();
  await card.getByRole('button', { name: 'Status: On track' }).click();
  const menu = page.getByRole('menu', { name: 'Status' });
  await menu.getByRole('menuitemradio', { name: 'At risk' }).click();
  await card.getByRole('button', { name: 'Status: At risk' }).waitFor();
  assert.equal(await page.getByRole('menu').count(), 0, 'the menu closes');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Guided setup wizard');
  // The menu is on the screen, not cut off at its edge.
  await card.getByRole('button', { name: 'Status: At risk' }).click();
  const box = await menu.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, 'the menu fits the width');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });

  // Enter on the focused card opens it; so does its title.
  await card.focus();
  await page.keyboard.press('Enter');
  let form = dialog(page, 'Edit initiative');
  assert.equal(await form.getByLabel('Title').inputValue(), 'Guided setup wizard');
  const { scroll, client } = await widths(page);
  assert.ok(scroll <= client, 'the dialog fits the width');
  await form.getByLabel('Title').fill('Guided setup wizard v2');
  await form.getByRole('button', { name: 'Save' }).click();
  await board.getByRole('article', { name: 'Guided setup wizard v2' }).first().getByRole('button', { name: 'Guided setup wizard v2' }).click();
  form = dialog(page, 'Edit initiative');
  assert.equal(await form.getByLabel('Title').inputValue(), 'Guided setup wizard v2');
  await page.keyboard.press('Escape');
  await saved(page);
  page.assertNoErrors();
});

test('on a touch screen controls are big enough for a finger, a card opens at a tap anywhere on it, and its status menu stays on the screen', async () => {
  const page = await freshPage(app, { viewport: { width: 360, height: HEIGHT }, isMobile: true, hasTouch: true });
  await startExample(page);
  // The toolbar's buttons and the menus' items: at least 40 px tall.
  const header = page.getByRole('banner');
  const heights = await header.getByRole('button').evaluateAll((buttons) => buttons.map((b) => [b.textContent.trim(), b.getBoundingClientRect().height]));
  assert.ok(heights.length >= 5);
  for (const [name, height] of heights) assert.ok(height >= 40, `${name}: ${height} px tall`);
  await header.getByRole('button', { name: 'File' }).tap();
  const items = await page.getByRole('menu', { name: 'File' }).getByRole('menuitem').evaluateAll((items) => items.map((i) => i.getBoundingClientRect().height));
  assert.ok(items.length > 0 && items.every((h) => h >= 40), `menu items ${items}`);
  await page.keyboard.press('Escape');

  // The status menu of a card near the screen's bottom opens above it, all of it in sight.
  const board = page.getByRole('region', { name: 'Board' });
  const low = await board.getByRole('article').evaluateAll((cards, bottom) => cards
    .map((c) => [c.getAttribute('aria-label'), c.getBoundingClientRect().bottom])
    .find(([, b]) => b > bottom - 150 && b < bottom)?.[0], HEIGHT);
  assert.ok(low, 'a card ends near the bottom of the first screen');
  const card = board.getByRole('article', { name: low }).first();
  await card.getByRole('button', { name: /^Status: / }).tap();
  const menu = page.getByRole('menu', { name: 'Status' });
  const box = await menu.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= HEIGHT, `the menu is on the screen: ${JSON.stringify(box)}`);
  for (const item of await menu.getByRole('menuitemradio').all()) assert.ok((await item.boundingBox()).height >= 40);
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  // A finger that lands around the small status pill, under it or above it, still opens
  // its menu: it takes taps 40 px tall.
  const pill = await card.getByRole('button', { name: /^Status: / }).boundingBox();
  for (const y of [pill.y + pill.height + 12, pill.y - 9]) {
    await page.touchscreen.tap(pill.x + pill.width / 2, y);
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  }

  // A tap on the card's body, away from its title and status, opens it.
  const cardBox = await card.boundingBox();
  await page.touchscreen.tap(cardBox.x + cardBox.width - 12, cardBox.y + cardBox.height - 8);
  const form = dialog(page, 'Edit initiative');
  assert.equal(await form.getByLabel('Title').inputValue(), low);
  // Focus is on the dialog's title, not in a field: the keyboard does not come up over a
  // card opened to be read.
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Edit initiative');
  // Its buttons: Delete and Check in… on a line, Cancel and Save together after them.
  const [cancel, save] = [await form.getByRole('button', { name: 'Cancel' }).boundingBox(), await form.getByRole('button', { name: 'Save' }).boundingBox()];
  assert.equal(Math.round(cancel.y), Math.round(save.y), 'Cancel and Save share a line');
  // So do the check-in's.
  await form.getByRole('button', { name: 'Check in…' }).tap();
  const checkIn = dialog(page, `Check in: ${low}`);
  const [stop, keep] = [await checkIn.getByRole('button', { name: 'Cancel' }).boundingBox(), await checkIn.getByRole('button', { name: 'Save check-in' }).boundingBox()];
  assert.equal(Math.round(stop.y), Math.round(keep.y), 'Cancel and Save check-in share a line');
  await checkIn.getByRole('button', { name: 'Cancel' }).tap();
  await checkIn.waitFor({ state: 'detached' });

  // The people list fits the width and opens at its title.
  await page.getByRole('banner').getByRole('button', { name: 'Add', exact: true }).tap();
  await page.getByRole('menuitem', { name: 'People…' }).tap();
  const people = dialog(page, 'People');
  await people.getByRole('button', { name: 'Add person' }).waitFor();
  assert.ok(await people.evaluate((d) => d.scrollWidth <= d.clientWidth), 'no sideways scroll');
  const edit = await people.getByRole('button', { name: /^Edit / }).first().boundingBox();
  assert.ok(edit.x + edit.width <= 360, 'Edit is in sight');
  assert.ok((await people.getByRole('heading', { name: 'People' }).boundingBox()).y >= 0, 'the title is in sight');
  // Its form's fields are a finger's height, their text big enough not to zoom the page.
  await people.getByRole('button', { name: 'Add person' }).tap();
  const name = dialog(page, 'Add person').getByLabel('Name');
  assert.ok((await name.boundingBox()).height >= 44);
  assert.ok(await name.evaluate((field) => parseFloat(getComputedStyle(field).fontSize) >= 16));
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await people.waitFor({ state: 'detached' });

  // A team's row opens its form from its second line too, and offers its slice.
  const teams = page.getByRole('region', { name: 'Teams' });
  await teams.getByRole('listitem').first().scrollIntoViewIfNeeded();
  const sub = await teams.getByRole('listitem').first().locator('.ab-phone__sub').boundingBox();
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.getAttribute('aria-label'),
    [sub.x + 10, sub.y + sub.height / 2]);
  assert.match(hit ?? '', /^Edit team: /);
  await teams.getByRole('button', { name: /^Export slice of team / }).first().tap();
  const slice = dialog(page, 'Export team slice');
  assert.equal(await slice.getByRole('checkbox', { checked: true }).count(), 1);
  await page.keyboard.press('Escape');
  await slice.waitFor({ state: 'detached' });

  // Health's table of teams: each score a finger's size.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Health/ }).tap();
  const scores = await page.locator('.ab-teams__score').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect()));
  assert.ok(scores.length > 0 && scores.every((r) => r.width >= 40 && r.height >= 40), JSON.stringify(scores[0]));
  page.assertNoErrors();
});

test('a phone held sideways gives the grid the screen\'s height, not a strip under its headings, and no keyboard tip', async () => {
  const page = await freshPage(app, { viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true });
  await startExample(page);
  const grid = page.getByRole('region', { name: 'Board' }).locator('.ab-grid');
  // It left 150 px for what is above it: 240 px, of which its headings took 129.
  const { height, cards, scrolls } = await grid.evaluate((g) => ({
    height: g.clientHeight,
    cards: g.clientHeight - g.querySelector('.ab-grid__row--head').offsetHeight,
    scrolls: g.scrollHeight > g.clientHeight + 1,
  }));
  assert.ok(height >= 390 - 16 && cards >= 200, `the grid is ${height} px tall, ${cards} px of it for cards`);
  assert.ok(scrolls, 'it scrolls within itself, its headings in place');
  assert.equal(await page.getByText(/^Tip: drag cards/).isVisible(), false, 'no keyboard tip on a touch screen');
  page.assertNoErrors();
});

test('on a phone the rhythm\'s figures go two by two, and what is due starts on the first screen', async () => {
  const page = await phone(390);
  await view(page, /^Rhythm/).click();
  const figure = (name) => page.getByRole('main').getByText(name, { exact: true }).boundingBox();
  const [due, review, planning] = [await figure('Due for a check-in'), await figure('Next review'), await figure('Next planning')];
  assert.equal(Math.round(due.y), Math.round(review.y), 'two figures share a row');
  assert.ok(planning.y > due.y, 'the next two under them');
  const first = await page.getByRole('main').getByRole('button', { name: /^Check in on / }).first().boundingBox();
  assert.ok(first.y + first.height <= HEIGHT, `the first due item's Check in is on the first screen: ${JSON.stringify(first)}`);
  page.assertNoErrors();
});

test('on a phone the guided review shows a step whole: its fields two by two, Save and next on the first screen', async () => {
  const page = await phone(390);
  await view(page, /^Rhythm/).click();
  await page.getByRole('button', { name: 'Start guided review' }).click();
  const step = page.getByRole('region', { name: /^Guided review · 1 of / });
  await step.waitFor();
  const [status, progress] = [await step.getByLabel('Status').boundingBox(), await step.getByLabel('Progress (%)').boundingBox()];
  assert.equal(Math.round(status.y), Math.round(progress.y), 'Status and Progress share a row');
  const save = await step.getByRole('button', { name: 'Save and next' }).boundingBox();
  assert.ok(save.y + save.height <= HEIGHT, `Save and next is on the first screen: ${JSON.stringify(save)}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
  page.assertNoErrors();
});

test('on a phone a table wider than the screen says there is more of it to the right, until scrolled there', async () => {
  const page = await phone(390);
  await view(page, /^Allocation/).click();
  const more = page.getByRole('region', { name: 'Where effort goes' }).getByText('More to the right →');
  await more.waitFor();
  await page.locator('.ab-table-scroll').first().evaluate((box) => { box.scrollLeft = box.scrollWidth; });
  await more.waitFor({ state: 'hidden' });
  // Wide enough for the whole table, there is no hint.
  await page.setViewportSize({ width: 1366, height: HEIGHT });
  await page.locator('.ab-table-scroll').first().evaluate((box) => { box.scrollLeft = 0; });
  assert.equal(await more.isVisible(), false);
  page.assertNoErrors();
});

test('on a phone a row of team chips wider than the screen fades out at its edge, until scrolled to its end', async () => {
  const page = await phone(320);
  await view(page, /^Rhythm/).click();
  const chips = page.getByRole('group', { name: 'Show the rhythm of' });
  await chips.getByRole('button', { name: 'All teams' }).waitFor();
  const faded = () => chips.evaluate((row) => getComputedStyle(row).maskImage.includes('gradient'));
  assert.ok(await chips.evaluate((row) => row.scrollWidth > row.clientWidth), 'the example\'s teams do not fit 320 px');
  assert.equal(await faded(), true, 'more to the right: faded');
  await chips.evaluate((row) => { row.scrollLeft = row.scrollWidth; });
  await page.waitForFunction(() => !getComputedStyle(document.querySelector('.ab-scope')).maskImage.includes('gradient'));
  // Wide enough for every chip, nothing fades.
  await page.setViewportSize({ width: 1366, height: HEIGHT });
  await chips.evaluate((row) => { row.scrollLeft = 0; });
  assert.equal(await faded(), false);
  page.assertNoErrors();
});

test('on a phone Alt + arrows still move a card, and focus follows it', async () => {
  const page = await phone();
  const board = page.getByRole('region', { name: 'Board' });
  const [product, platform] = ['Product', 'Platform'].map((name) => board.getByRole('group', { name: `${name} · ${top.title}` }));
  await product.getByRole('article', { name: 'Guided setup wizard' }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await platform.getByRole('article', { name: 'Guided setup wizard' }).waitFor();
  assert.equal(await product.getByRole('article', { name: 'Guided setup wizard' }).count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Guided setup wizard');
  page.assertNoErrors();
});

test('on a phone a priority\'s heading and the team\'s name stay in view while its work scrolls by, and a moved card stops clear of them', async () => {
  const page = await phone();
  const board = page.getByRole('region', { name: 'Board' });
  const [product, platform] = ['Product', 'Platform'].map((name) => board.getByRole('group', { name: `${name} · ${top.title}` }));
  const title = await platform.getByRole('article').first().getAttribute('aria-label');
  // Scrolled until Platform's group starts under the heading: Product's is above the screen.
  // Where the top priority's heading is, which team names sit just under it, and whether
  // each is what the page shows there (painted over the cards, not under them).
  const heads = () => board.evaluate((region) => {
    const section = region.querySelector('.ab-phone__priority');
    const head = section.querySelector('.ab-phone__head');
    const box = head.getBoundingClientRect();
    const seen = (element) => {
      const r = element.getBoundingClientRect();
      return element.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    };
    const stuck = [...section.querySelectorAll('.ab-phone__team-name')].filter((n) => {
      const r = n.getBoundingClientRect();
      return r.top < box.bottom + 2 && r.bottom > box.bottom;
    });
    return { headTop: box.top, headSeen: seen(head), stuck: stuck.map((n) => n.textContent), stuckSeen: stuck.every(seen) };
  });
  await platform.evaluate((group) => {
    const head = group.closest('.ab-phone__priority').querySelector('.ab-phone__head');
    window.scrollBy(0, group.getBoundingClientRect().top - head.offsetHeight - 4);
  });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const scrolled = await heads();
  assert.ok(Math.abs(scrolled.headTop) <= 1, `the priority's heading is at the top (${scrolled.headTop})`);
  assert.deepEqual(scrolled.stuck, ['Platform'], 'the team\'s name just under it');
  assert.ok(scrolled.headSeen && scrolled.stuckSeen, 'both painted over the cards scrolling under them');
  // A card moved with Alt + ↑ into Product's group, above the screen: focus follows it, and
  // it is brought into view below the heading and the team's name, not under them.
  await platform.getByRole('article', { name: title, exact: true }).evaluate((card) => card.focus({ preventScroll: true }));
  await page.keyboard.press('Alt+ArrowUp');
  await product.getByRole('article', { name: title, exact: true }).waitFor();
  await page.waitForFunction((title) => document.activeElement?.getAttribute('aria-label') === title, title);
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const moved = await board.evaluate((region) => {
    const head = region.querySelector('.ab-phone__head').getBoundingClientRect();
    const card = document.activeElement.getBoundingClientRect();
    const name = document.activeElement.closest('.ab-phone__team').querySelector('.ab-phone__team-name').getBoundingClientRect();
    return { clear: card.top >= Math.max(head.bottom, name.bottom) - 1, inView: card.bottom <= window.innerHeight, card: card.top, head: head.bottom, name: name.bottom };
  });
  assert.ok(moved.clear && moved.inView, `the moved card is in view, clear of the heading and name: ${JSON.stringify(moved)}`);
  page.assertNoErrors();
});

test('on a phone an initiative shown from another view stops clear of its priority\'s heading', async () => {
  const page = await phone();
  await view(page, /^Rhythm/).click();
  await page.locator('.ab-main h2').first().waitFor();
  // An initiative of the top priority that the rhythm names, clicked at the foot of the
  // page: the list built anew scrolls up to it, under the heading it must stop clear of.
  const titles = example.initiatives.filter((i) => i.priorityIds[0] === top.id).map((i) => i.title);
  const main = page.getByRole('main');
  let link = null;
  for (const title of titles) {
    const found = main.getByRole('button', { name: title, exact: true });
    if (await found.count() > 0) { link = found.last(); break; }
  }
  assert.ok(link, 'the rhythm names an initiative of the top priority');
  const title = await link.textContent();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await link.evaluate((button) => button.click());
  await page.waitForFunction((title) => document.activeElement?.getAttribute('aria-label') === title.trim(), title);
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const shown = await page.evaluate(() => {
    const card = document.activeElement;
    const head = card.closest('.ab-phone__priority').querySelector('.ab-phone__head').getBoundingClientRect();
    const name = card.closest('.ab-phone__team').querySelector('.ab-phone__team-name').getBoundingClientRect();
    const r = card.getBoundingClientRect();
    return { clear: r.top >= Math.max(head.bottom, name.bottom) - 1, inView: r.top >= 0 && r.bottom <= window.innerHeight, card: r.top, head: head.bottom, name: name.bottom };
  });
  assert.ok(shown.clear && shown.inView, `the card is in view, clear of the heading and name: ${JSON.stringify(shown)}`);
  page.assertNoErrors();
});

test('the phone layout passes an accessibility audit, light and dark', async () => {
  const page = await phone();
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    for (const name of VIEWS) {
      await view(page, name).click();
      await page.locator('.ab-main h2').first().waitFor();
      if (name === VIEWS[0]) {
        // The filters unfolded, and a card's status menu open.
        await page.getByRole('region', { name: 'Filters' }).getByRole('button', { name: 'Filter', expanded: false }).click();
        await page.getByRole('region', { name: 'Board' }).getByRole('article').first().getByRole('button', { name: /^Status/ }).click();
        await page.getByRole('menu', { name: 'Status' }).waitFor();
      }
      assert.deepEqual(await audit(page), [], `${colorScheme}, ${name}`);
      if (name === VIEWS[0]) await page.keyboard.press('Escape');
    }
  }
  // Compact cards in the list.
  await view(page, VIEWS[0]).click();
  await command(page, 'Settings', 'Compact cards');
  await page.locator('.ab-board--compact .ab-phone').waitFor();
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await audit(page), [], `${colorScheme}, compact cards`);
  }
  page.assertNoErrors();
});

test('on a phone a form field reached with the keyboard comes out from under the form’s two lines of buttons', async () => {
  const page = await phone(390);
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'Guided setup wizard' }).first();
  await card.getByRole('button', { name: 'Guided setup wizard', exact: true }).click();
  const form = dialog(page, 'Edit initiative');
  await form.getByLabel('Effort (% of team)').focus();
  await page.keyboard.press('Tab');
  const status = form.getByLabel('Status', { exact: true });
  assert.ok(await status.evaluate((e) => document.activeElement === e), 'Tab goes to Status');
  const [field, actions] = await Promise.all([
    status.evaluate((e) => e.getBoundingClientRect().bottom),
    form.locator('.ab-dialog__actions').evaluate((e) => e.getBoundingClientRect().top),
  ]);
  assert.ok(field <= actions, `the Status field (bottom ${field}) shows above the buttons (top ${actions})`);
  page.assertNoErrors();
});
