// The health and allocation views on the example board: every figure on screen is the
// core's analysis of the same snapshot at the same instant (computed natively by
// `cargo run --example analyse`), and every item leads to its place on the board.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { accessibleOf, addPriority, addTeam, dialog, exportSnapshot, freshPage, startExample, useApp } from '../support/app.mjs';

const app = useApp();
const require = createRequire(import.meta.url);
const run = promisify(execFile);

const PARTS = {
  focus: 'Focus', coverage: 'Coverage', rankFit: 'Rank fit', accountability: 'Accountability',
  capacity: 'Capacity', rhythm: 'Rhythm', dependencies: 'Dependencies', honestStatus: 'Honest status',
};

/** The core's analysis of a snapshot file at `now`, run natively. */
async function coreAnalysis(path, now) {
  const { stdout } = await run('cargo', ['run', '--quiet', '--example', 'analyse', '--', path, now],
    { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout);
}

/** Starts the example, exports it, opens the health view and runs the core's analysis
 *  of the exported snapshot at the instant the view states. */
async function analysedExample(page) {
  await startExample(page);
  const snapshot = await exportSnapshot(page);
  const health = await openHealth(page);
  const now = await health.locator('time').getAttribute('datetime');
  return { snapshot, health, expected: await coreAnalysis(snapshot.path, now) };
}

async function openHealth(page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Health/ }).click();
  return page.getByRole('region', { name: 'Alignment score' });
}

test('the health view shows the core analysis of the same snapshot, part by part and team by team', async () => {
  const page = await freshPage(app);
  const { snapshot, health, expected } = await analysedExample(page);

  assert.ok(expected.board.score > 0 && expected.board.score < 100, 'the example has drift to show');
  await health.getByText(`${expected.board.score} out of 100`).waitFor();
  const tab = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Health/ });
  assert.match(await tab.innerText(), new RegExp(`^Health\\s*${expected.board.score}$`), 'the tab carries the score');

  const parts = health.getByRole('list').first().locator(':scope > li');
  assert.equal(await parts.count(), 8, 'eight parts');
  for (const part of expected.board.parts) {
    const label = PARTS[part.kind];
    const summary = health.locator('summary').filter({ has: page.getByText(label, { exact: true }) });
    const shown = (await summary.locator('.ab-part__score').innerText()).replace(/\s*out of 100|: nothing to measure yet/, '').trim();
    assert.equal(shown, part.score === null ? 'n/a' : String(part.score), `${label} score`);
    const count = part.findings.length;
    if (count > 0) {
      await assert.doesNotReject(summary.getByText(count === 1 ? '1 item' : `${count} items`, { exact: true }).waitFor(),
        `${label} says how many items cost it points`);
      const details = summary.locator('..');
      if (!(await details.getAttribute('open'))) await summary.click();
      const items = health.getByRole('list', { name: `${label}: items` }).getByRole('listitem');
      assert.equal(await items.count(), count, `${label} lists every item`);
      for (let i = 0; i < count; i += 1) {
        assert.ok((await items.nth(i).innerText()).includes(part.findings[i].reason), `${label} item ${i}`);
      }
    }
    assert.ok(await health.getByText(part.summary, { exact: true }).count() >= 1, `${label} summary`);
  }

  // The first part in the list is the one that costs the most points.
  const weights = { focus: 20, coverage: 15, rankFit: 10, accountability: 10, capacity: 10, rhythm: 15, dependencies: 10, honestStatus: 10 };
  const lost = (p) => (p.score === null ? 0 : weights[p.kind] * (100 - p.score));
  const worst = [...expected.board.parts].sort((a, b) => lost(b) - lost(a))[0];
  assert.ok((await parts.first().innerText()).startsWith(PARTS[worst.kind]), 'the costliest part comes first');

  // Every team's figures, as the core computed them.
  const table = health.getByRole('table');
  for (const [teamId, teamHealth] of expected.teams) {
    const name = snapshot.json.board.teams.find((t) => t.id === teamId).name;
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `Show ${name}'s figures` }) });
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.equal(cells[0], String(teamHealth.score), `${name}'s score`);
  }

  // The trend: one point per review with a score, then now.
  const trend = health.getByRole('img', { name: /^Alignment score over time/ });
  const label = await trend.getAttribute('aria-label');
  const scored = snapshot.json.board.reviews.filter((r) => r.score !== null);
  assert.equal(label.split(', ').length, scored.length + 1);
  assert.ok(label.endsWith(`Now ${expected.board.score}`));
  // The axis's dates have no year: the caption says where the line starts, with its year
  // when it is not this one.
  const first = label.replace(/^Alignment score over time: /, '').split(', ')[0].replace(/ \d+$/, '');
  await health.getByText(`Score at each review since ${first}, and now`, { exact: true }).waitFor();
  page.assertNoErrors();
});

test('a team\'s figures and a clicked item lead to the item on the board', async () => {
  const page = await freshPage(app);
  const { snapshot, health, expected } = await analysedExample(page);

  // A team's own figures.
  const [teamId, teamHealth] = expected.teams[1];
  const team = snapshot.json.board.teams.find((t) => t.id === teamId);
  await health.getByRole('button', { name: team.name, exact: true }).click();
  const teamView = page.getByRole('region', { name: `${team.name}: alignment score` });
  await teamView.getByText(`${teamHealth.score} out of 100`).waitFor();
  // Said as well, for a reader who hears only that the chip is pressed.
  const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
  const said = (words) => live.filter({ hasText: new RegExp(`^${words}$`) }).waitFor();
  await said(`${team.name}: ${teamHealth.score} out of 100`);
  // Coverage and Rank fit do not apply to a team: the parts that apply share their weight,
  // so the points the parts cost add up to what the team's score lost.
  const costs = (await teamView.locator('.ab-part__cost').allInnerTexts())
    .map((text) => text.match(/^−(\d+(?:\.\d)?) points$/)?.[1]).filter(Boolean).map(Number);
  const lostInAll = costs.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(lostInAll - (100 - teamHealth.score)) <= 0.5 + 0.05 * costs.length,
    `the costs ${costs} add up to ${100 - teamHealth.score}`);
  const coverage = teamView.locator('summary').filter({ has: page.getByText('Coverage', { exact: true }) });
  await coverage.click();
  await teamView.getByText('Counts for 15 % of the score when it applies; the parts that apply share it now.').waitFor();
  // The trend beside it is the board's (reviews record no team's score), and says so.
  await teamView.getByRole('img', { name: /^The whole board's alignment score over time: / }).waitFor();
  await teamView.getByText(/^The whole board's score at each review since \w+ \d+, and now: reviews record the board's score, not a team's$/).waitFor();

  // A part's score in the teams table opens that team's items of that part.
  await teamView.getByRole('button', { name: 'Whole board' }).click();
  await said(`Whole board: ${expected.board.score} out of 100`);
  const [otherId, otherHealth] = expected.teams.find(([, h]) => h.parts.some((p) => p.findings.length > 0));
  const part = otherHealth.parts.find((p) => p.findings.length > 0);
  const otherName = snapshot.json.board.teams.find((t) => t.id === otherId).name;
  await health.getByRole('button', { name: `${otherName}, ${PARTS[part.kind]}: ${part.score}, show the items` }).click();
  const otherView = page.getByRole('region', { name: `${otherName}: alignment score` });
  await otherView.getByText(`${otherHealth.score} out of 100`).waitFor();
  const items = otherView.getByRole('list', { name: `${PARTS[part.kind]}: items` }).getByRole('listitem');
  assert.equal(await items.count(), part.findings.length, "the team's items of that part are listed");
  assert.ok(await otherView.locator('summary').filter({ has: page.getByText(PARTS[part.kind], { exact: true }) })
    .evaluate((el) => el === document.activeElement), 'the part has focus');
  await otherView.getByRole('button', { name: 'Whole board' }).click();

  // An initiative that is late for a check-in.
  const rhythm = expected.board.parts.find((p) => p.kind === 'rhythm');
  const late = rhythm.findings.find((f) => f.subject.kind === 'initiative');
  const title = snapshot.json.board.initiatives.find((i) => i.id === late.subject.id).title;
  const summary = health.locator('summary').filter({ has: page.getByText('Rhythm', { exact: true }) });
  if (!(await summary.locator('..').getAttribute('open'))) await summary.click();
  const item = health.getByRole('list', { name: 'Rhythm: items' }).getByRole('button', { name: title, exact: true });
  // A screen reader hears the reason with the name, and where the button goes.
  assert.equal(await item.getAttribute('aria-description'), `initiative: ${late.reason}. Show this initiative on the board`);
  await item.click();

  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: title }).first();
  await card.waitFor();
  assert.ok(await card.evaluate((el) => el === document.activeElement), 'the card has focus');
  assert.match(await card.innerText(), /Check-in late/, 'the card carries the reason it needs attention');

  // A priority named by rank fit leads to its column heading.
  const rankFit = expected.board.parts.find((p) => p.kind === 'rankFit');
  if (rankFit.findings.length > 0) {
    const health2 = await openHealth(page);
    const priority = snapshot.json.board.priorities.find((p) => p.id === rankFit.findings[0].subject.id);
    const fitSummary = health2.locator('summary').filter({ has: page.getByText('Rank fit', { exact: true }) });
    if (!(await fitSummary.locator('..').getAttribute('open'))) await fitSummary.click();
    await health2.getByRole('list', { name: 'Rank fit: items' }).getByRole('button', { name: priority.title, exact: true }).click();
    const heading = page.getByRole('columnheader', { name: new RegExp(`^Priority ${priority.rank}:`) });
    assert.ok(await heading.evaluate((el) => el.contains(document.activeElement)), 'the priority heading has focus');
  }
  page.assertNoErrors();
});

test('a request among the items opens Coordination on the team it asks, marked, with focus on it', async () => {
  const page = await freshPage(app);
  const { snapshot, health, expected } = await analysedExample(page);
  const board = snapshot.json.board;
  const part = expected.board.parts.find((p) => p.kind === 'dependencies');
  const { subject } = part.findings.find((f) => f.subject.kind === 'dependency');
  const request = board.dependencies.find((d) => d.id === subject.id);
  const asked = board.teams.find((t) => t.id === request.toTeamId).name;
  const summary = health.locator('summary').filter({ has: page.getByText('Dependencies', { exact: true }) });
  if (!(await summary.locator('..').getAttribute('open'))) await summary.click();
  await health.getByRole('list', { name: 'Dependencies: items' }).getByRole('button', { name: request.need, exact: true }).click();

  const views = page.getByRole('navigation', { name: 'Views' });
  assert.equal(await views.getByRole('button', { name: 'Coordination' }).getAttribute('aria-current'), 'page');
  const list = page.getByRole('region', { name: `Asked of ${asked}` });
  const row = list.getByRole('listitem').filter({ has: page.getByRole('button', { name: request.need, exact: true }) });
  assert.equal(await row.getAttribute('aria-current'), 'true', 'the request is marked as the one shown');
  await page.waitForFunction((el) => el === document.activeElement, await row.elementHandle(), { timeout: 5_000 });
  assert.equal(await page.getByRole('group', { name: 'Show the requests of' }).getByRole('button', { pressed: true }).innerText(), asked);

  // Its name there shows the asking initiative on the board.
  const asking = board.initiatives.find((i) => i.id === request.fromInitiativeId).title;
  await row.getByRole('button', { name: request.need, exact: true }).click();
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: asking }).first();
  await card.waitFor();
  assert.ok(await card.evaluate((el) => el === document.activeElement), 'the asking card has focus');

  // Opened from its tab, Coordination marks no request.
  await views.getByRole('button', { name: 'Coordination' }).click();
  await page.getByRole('heading', { name: 'Coordination', level: 2 }).waitFor();
  assert.equal(await page.locator('[aria-current="true"]').count(), 0);
  page.assertNoErrors();
});

test('back in Health from an item, the item is focused in its open part, to take the next one', async () => {
  const page = await freshPage(app);
  const { snapshot, health, expected } = await analysedExample(page);
  const rhythm = expected.board.parts.find((p) => p.kind === 'rhythm');
  const late = rhythm.findings.filter((f) => f.subject.kind === 'initiative')
    .map((f) => snapshot.json.board.initiatives.find((i) => i.id === f.subject.id).title);
  assert.ok(late.length >= 2, 'two initiatives late for a check-in');
  const summary = health.locator('summary').filter({ has: page.getByText('Rhythm', { exact: true }) });
  if (!(await summary.locator('..').getAttribute('open'))) await summary.click();
  const items = health.getByRole('list', { name: 'Rhythm: items' });
  await items.getByRole('button', { name: late[0], exact: true }).click();
  await page.getByRole('region', { name: 'Board' }).getByRole('article', { name: late[0] }).first().waitFor();

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Health/ }).click();
  const item = items.getByRole('button', { name: late[0], exact: true });
  await page.waitForFunction((e) => document.activeElement === e, await item.elementHandle(), { timeout: 5_000 });
  assert.ok(await summary.locator('..').getAttribute('open') !== null, 'its part is open');
  // Followed by a mouse, focus shows no ring: the item's row is marked for the eye a moment.
  assert.ok(await item.evaluate((e) => e.closest('li').getAnimations().length > 0), 'its row is marked');
  // The mark goes with its animation: the row may show another item later.
  await page.waitForFunction(() => !document.querySelector('.ab-finding--back'), null, { timeout: 10_000 });
  // The next item is a Tab away.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), late[1]);

  // Dealt with (checked in on), an item leaves the list: back in Health, the one now in its
  // place has focus.
  await page.keyboard.press('Enter');
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: late[1] }).first();
  await page.waitForFunction((e) => document.activeElement === e, await card.elementHandle(), { timeout: 5_000 });
  await page.keyboard.press('c');
  const form = dialog(page, `Check in: ${late[1]}`);
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await form.waitFor({ state: 'detached' });
  // Back by Health's digit this time, as by its tab.
  await page.keyboard.press('2');
  const next = late[2] ?? late[0];
  await page.waitForFunction((e) => document.activeElement === e,
    await items.getByRole('button', { name: next, exact: true }).elementHandle(), { timeout: 5_000 });
  assert.equal(await items.getByRole('button', { name: late[1], exact: true }).count(), 0, 'the item checked in on has left');

  // Left by another view's tab, Health opens afresh: no item focused.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Allocation' }).click();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Health/ }).click();
  await health.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.closest('.ab-findings')), null, 'no item has focus');
  page.assertNoErrors();
});

test('the allocation view matches the core and lists a cell\'s initiatives', async () => {
  const page = await freshPage(app);
  const { snapshot, expected } = await analysedExample(page);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Allocation' }).click();
  const view = page.getByRole('region', { name: 'Where effort goes' });
  const table = view.getByRole('table').first();
  const { allocation } = expected;
  // Figures as a person in the browser's locale reads them: one decimal, when it has one
  // (ordinary rounding of the number as written: 0.975 is 0.98 of a team).
  const fmt = (n) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(n);

  // Every team × column figure, as the core computed it.
  for (const [row, teamId] of allocation.teams.entries()) {
    const name = snapshot.json.board.teams.find((t) => t.id === teamId).name;
    const cells = await table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
      .getByRole('cell').allInnerTexts();
    const want = allocation.cells[row].map((c) => (c.initiatives.length ? fmt(c.effort) : '·'));
    assert.deepEqual(cells.slice(0, want.length), want, `${name}'s row`);
    // Over capacity is said, not only coloured.
    const over = allocation.teamEffort[row] > 100 ? ' · over capacity' : '';
    assert.equal(cells[want.length], `${fmt(allocation.teamEffort[row])} %${over}`);
  }
  // The last row adds the teams up in teams: 100 % of one team's capacity is one team.
  const teams = (n) => {
    const text = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n / 100);
    if (n / 100 < 0.005) return 'none';
    return Math.abs(n / 100 - 1) < 0.005 ? '1 team' : n < 100 ? `${text} of a team` : `${text} teams`;
  };
  const totals = await table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'All teams', exact: true }) })
    .getByRole('cell').allInnerTexts();
  assert.deepEqual(totals.map((t) => t.split('\n')[0]), [...allocation.columnEffort.map(teams), teams(allocation.totalEffort)]);

  // Select the busiest cell: its initiatives are listed and lead to the board.
  let best = [0, 0];
  allocation.cells.forEach((r, i) => r.forEach((c, j) => { if (c.effort > allocation.cells[best[0]][best[1]].effort) best = [i, j]; }));
  const cell = allocation.cells[best[0]][best[1]];
  const teamName = snapshot.json.board.teams.find((t) => t.id === allocation.teams[best[0]]).name;
  await table.getByRole('button', { name: new RegExp(`^${teamName}, .*: ${fmt(cell.effort)} % effort`) }).click();
  const detail = view.getByRole('region', { name: new RegExp(`^${teamName} · `) });
  const titles = cell.initiatives.map((i) => snapshot.json.board.initiatives[i].title);
  assert.deepEqual(await detail.getByRole('button').allInnerTexts(), titles);
  await detail.getByRole('button', { name: titles[0], exact: true }).click();
  const card = page.getByRole('article', { name: titles[0] }).first();
  await card.waitFor();
  assert.ok(await card.evaluate((el) => el === document.activeElement), 'the card has focus');

  // Rank against effort: one bar per active priority, and the figures as a table.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Allocation' }).click();
  const bars = view.getByRole('group', { name: 'Priority rank against effort' }).getByRole('img');
  assert.equal(await bars.count(), allocation.priorities.length);
  page.assertNoErrors();
});

test('the health and allocation views pass an accessibility audit', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await page.addScriptTag({ content: await readFile(require.resolve('axe-core/axe.min.js'), 'utf8') });
  for (const view of [/^Health/, /^Allocation/]) {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    if (String(view).includes('Health')) {
      // A part's name starts with its name: the mark that turns as it opens is not read.
      const { name } = await accessibleOf(page, '.ab-part summary');
      assert.match(name, /^[A-Z]/, name);
    }
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`), [], String(view));
  }
});

test('the board filters down to the cards that need attention', async () => {
  const page = await freshPage(app);
  const { snapshot, expected } = await analysedExample(page);
  // Work its team reports off track, unfinished work past its due date (the person's
  // day), and every card a finding is about.
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
  const active = (i) => !['done', 'dropped'].includes(i.status);
  const flagged = new Set(snapshot.json.board.initiatives
    .filter((i) => i.status === 'offTrack' || (active(i) && i.due && i.due < today)).map((i) => i.id));
  assert.ok(flagged.size > 0, 'the example has work off track');
  for (const part of expected.board.parts) {
    for (const { subject } of part.findings) {
      if (subject.kind === 'initiative') flagged.add(subject.id);
      if (subject.kind === 'dependency') {
        flagged.add(snapshot.json.board.dependencies.find((d) => d.id === subject.id).fromInitiativeId);
      }
    }
  }
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Board' }).click();
  const filter = page.getByRole('checkbox', { name: `Needs attention (${flagged.size})` });
  await filter.check();
  const total = snapshot.json.board.initiatives.length;
  await page.getByText(`Showing ${flagged.size} of ${total}`).waitFor();
  const titles = new Set(await page.getByRole('region', { name: 'Board' }).getByRole('article')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label'))));
  const want = new Set(snapshot.json.board.initiatives.filter((i) => flagged.has(i.id)).map((i) => i.title));
  assert.deepEqual([...titles].sort(), [...want].sort());
  // With a team chosen, the count is of that team's work that needs attention.
  const platform = snapshot.json.board.teams.find((t) => t.name === 'Platform');
  const theirs = snapshot.json.board.initiatives.filter((i) => i.teamId === platform.id && flagged.has(i.id)).length;
  assert.ok(theirs > 0 && theirs < flagged.size);
  await page.getByRole('region', { name: 'Filters' }).getByLabel('Team').selectOption({ label: 'Platform' });
  await page.getByRole('checkbox', { name: `Needs attention (${theirs})` }).waitFor();
  await page.getByText(`Showing ${theirs} of ${total}`).waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByText(`${total} initiatives`, { exact: true }).waitFor();
  page.assertNoErrors();
});

test('following an item clears the filters that hide it, where the person sees it said, and keeps those that do not', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const snapshot = (await exportSnapshot(page)).json.board;
  const board = page.getByRole('region', { name: 'Board' });
  const team = page.getByRole('region', { name: 'Filters' }).getByLabel('Team');
  const chosen = () => team.evaluate((select) => select.selectedOptions[0].textContent);
  const cleared = page.getByRole('status').filter({ hasText: /Showing .* on the board: the filters set before are cleared so that nothing hides it\./ });
  const follow = async () => {
    const health = await openHealth(page);
    const rhythm = health.locator('summary').filter({ has: page.getByText('Rhythm', { exact: true }) });
    if (!(await rhythm.locator('..').getAttribute('open'))) await rhythm.click();
    const item = health.getByRole('list', { name: 'Rhythm: items' }).getByRole('button').first();
    const title = await item.innerText();
    await item.click();
    await board.waitFor();
    const teamId = snapshot.initiatives.find((i) => i.title === title).teamId;
    return [snapshot.teams.find((t) => t.id === teamId).name, title];
  };
  // Filtered to another team than the item's: cleared, and said.
  const [itsTeam] = await follow();
  await team.selectOption({ label: snapshot.teams.find((t) => t.name !== itsTeam).name });
  await follow();
  await cleared.waitFor();
  assert.equal(await chosen(), 'All teams');
  await page.getByRole('region', { name: 'Notice' }).getByRole('button', { name: 'Dismiss' }).click();

  // Filtered to its own team: the filter stays, and nothing is said of it.
  await team.selectOption({ label: itsTeam });
  const [, title] = await follow();
  await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, title);
  assert.equal(await chosen(), itsTeam);
  assert.equal(await cleared.count(), 0);
  page.assertNoErrors();
});

test('a board started blank has no score until work is under way, and no review is overdue on its first day', async () => {
  const page = await freshPage(app);
  await page.getByRole('button', { name: 'Start blank' }).click();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  const views = page.getByRole('navigation', { name: 'Views' });
  const tab = views.getByRole('button', { name: /^Health/ });
  assert.equal((await tab.textContent()).trim(), 'Health—', 'no score on the tab');
  await views.getByRole('button', { name: 'Health no score yet' }).waitFor();
  await tab.click();
  const health = page.getByRole('region', { name: 'Alignment score' });
  await health.getByText('No score yet').waitFor();
  assert.equal(await health.getByText(/late/).count(), 0, 'nothing is late');

  await views.getByRole('button', { name: /^Rhythm/ }).click();
  const rhythm = page.getByRole('region', { name: 'Operating rhythm' });
  await rhythm.getByText('Nothing is due yet: check-ins and reviews fall due once work is on the board.').waitFor();
  const fact = (name) => rhythm.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd');
  assert.equal(await fact('Next review').textContent(), 'no date yet');

  // A team and a priority are not yet work under way: still no score, and no red mark for
  // what the board has not added yet; Coverage already says the priority has nothing behind it.
  await addTeam(page, 'Field Robotics');
  await addPriority(page, 'Ship the autonomous picker');
  await tab.click();
  await health.getByText('No score yet').waitFor();
  await health.getByText('The score starts with the first initiative: add the initiatives that serve the priorities, and it measures how well the work serves them.').waitFor();
  assert.equal((await tab.textContent()).trim(), 'Health—');
  // Coverage costs the most, so it is the part shown open.
  await health.getByText('Rank 1: no active initiative serves it').waitFor();

  // The first initiative under way brings the score.
  await views.getByRole('button', { name: 'Board' }).click();
  await page.getByRole('button', { name: 'Add initiative' }).first().click();
  const form = dialog(page, 'Add initiative');
  await form.getByLabel('Title').fill('Gripper redesign');
  await form.getByLabel('Status').selectOption({ label: 'On track' });
  await form.getByLabel('#1 Ship the autonomous picker').check();
  await form.getByRole('button', { name: 'Add initiative' }).click();
  await form.waitFor({ state: 'detached' });
  await page.waitForFunction(() => /^Health\d+$/.test(
    [...document.querySelectorAll('nav[aria-label="Views"] button')].find((b) => b.textContent.startsWith('Health')).textContent.trim()));

  // A first review recorded today, and now: two points of one day, side by side, each
  // label clear of the other.
  await views.getByRole('button', { name: /^Rhythm/ }).click();
  await rhythm.getByRole('button', { name: 'Record review' }).click();
  await page.getByRole('status').filter({ hasText: /^Review recorded/ }).waitFor();
  await tab.click();
  const trend = health.getByRole('img', { name: /^Alignment score over time: / });
  assert.equal((await trend.getAttribute('aria-label')).split(', ').length, 2);
  const boxes = await trend.locator('.ab-chart__axis').evaluateAll((all) => all.map((t) => { const b = t.getBBox(); return { x: b.x, width: b.width }; }));
  assert.equal(boxes.length, 2, 'both points are labelled');
  assert.ok(boxes[0].x + boxes[0].width < boxes[1].x, `the labels do not overlap: ${JSON.stringify(boxes)}`);
  const dots = await trend.locator('circle').evaluateAll((all) => all.map((c) => Number(c.getAttribute('cx'))));
  assert.ok(dots[1] - dots[0] > 100, `the dots stand apart: ${dots}`);
  page.assertNoErrors();
});
