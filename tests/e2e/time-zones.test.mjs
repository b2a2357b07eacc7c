// "Today" is the person's own day. The browser runs in a time zone where the local day is
// not the UTC day, on either side of it, at New Year so that even the quarter differs:
// - Honolulu (UTC−10) at 06:00 UTC on 1 January 2027: still 31 December 2026 there;
// - Kiritimati (UTC+14) at 17:00 UTC on 31 December 2026: already 1 January 2027 there.
// What the person sees must follow their day: due and overdue marks on cards, a new board's
// period, the date in an export's file name. Dates are written in the browser's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialog, exportSnapshot, useApp, command, importFile } from '../support/app.mjs';

const app = useApp();

const ZONES = [
  { timezoneId: 'Pacific/Honolulu', now: '2027-01-01T06:00:00Z', today: '2026-12-31', yesterday: '2026-12-30', tomorrow: '2027-01-01', quarter: ['Q4 2026', '2026-10-01', '2026-12-31'] },
  { timezoneId: 'Pacific/Kiritimati', now: '2026-12-31T17:00:00Z', today: '2027-01-01', yesterday: '2026-12-31', tomorrow: '2027-01-02', quarter: ['Q1 2027', '2027-01-01', '2027-03-31'] },
];

/** A page in a fresh profile whose clock reads `now` in `timezoneId`: standing still, or
 * running (`running`) so that a test can move it on. */
async function pageAt({ timezoneId, now }, locale = 'en-US', running = false) {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, timezoneId, locale });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.assertNoErrors = () => assert.deepEqual(errors, [], 'the page logged errors');
  await (running ? page.clock.install({ time: new Date(now) }) : page.clock.setFixedTime(new Date(now)));
  await page.goto(app.url);
  return page;
}

/** A snapshot with one team and three initiatives, due yesterday, today and tomorrow there. */
async function boardDueAround(zone) {
  const at = '2026-12-01T09:00:00Z';
  const initiative = (id, title, due) => ({
    id, title, description: '', teamId: 't-1', ownerId: null, priorityIds: [], effort: 10,
    status: 'onTrack', progress: 50, confidence: null, due, createdAt: at, updatedAt: at, risks: [],
  });
  const snapshot = {
    format: 'alignment-board', version: 1, exportedAt: at,
    board: {
      id: 'b-tz', title: 'Around midnight', purpose: '', period: { label: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' },
      rhythm: { checkInDays: 7, reviewDays: 28, planningDays: 91 },
      people: [], teams: [{ id: 't-1', name: 'Platform', leadId: null }], priorities: [],
      initiatives: [
        initiative('i-1', 'Due yesterday', zone.yesterday),
        initiative('i-2', 'Due today', zone.today),
        initiative('i-3', 'Due tomorrow', zone.tomorrow),
      ],
      checkIns: [], dependencies: [], decisions: [], reviews: [],
    },
  };
  const path = join(await mkdtemp(join(tmpdir(), 'ab-tz-')), 'around-midnight.alignment.json');
  await writeFile(path, JSON.stringify(snapshot));
  return path;
}

async function importShown(page, path) {
  await importFile(page, path);
  await page.getByRole('region', { name: 'Board' }).waitFor();
}

const card = (page, title) => page.getByRole('region', { name: 'Board' }).getByRole('article', { name: title });

/** A day as a card writes it on `today` in `locale`: month and day, and the year when it is another year's. */
const written = (date, today, locale = 'en-US') => new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, {
  month: 'short', day: 'numeric', timeZone: 'UTC', ...(date.slice(0, 4) === today.slice(0, 4) ? {} : { year: 'numeric' }),
});

for (const zone of ZONES) {
  const [label, start, end] = zone.quarter;

  test(`in ${zone.timezoneId}, due and overdue marks count the person's own days`, async () => {
    const page = await pageAt(zone);
    await importShown(page, await boardDueAround(zone));
    const day = (date) => written(date, zone.today);
    // Across the turn of the year, the other year's days say which year.
    assert.ok([zone.yesterday, zone.tomorrow].some((d) => /\d{4}/.test(day(d))));
    await card(page, 'Due yesterday').getByText(`Due ${day(zone.yesterday)} (1 day overdue)`).waitFor();
    await card(page, 'Due today').getByText(`Due ${day(zone.today)} (today)`).waitFor();
    await card(page, 'Due tomorrow').getByText(`Due ${day(zone.tomorrow)} (tomorrow)`).waitFor();
    page.assertNoErrors();
  });

  test(`in ${zone.timezoneId}, a new board takes the person's quarter, and an export is named by their day`, async () => {
    const page = await pageAt(zone);
    await page.getByRole('button', { name: 'Start blank' }).click();
    await page.getByRole('region', { name: 'Board' }).waitFor();
    await command(page, 'Settings', 'Board settings…');
    const settings = dialog(page, 'Board settings');
    assert.equal(await settings.getByLabel('Period', { exact: true }).inputValue(), label);
    assert.equal(await settings.getByLabel('Period start').inputValue(), start);
    assert.equal(await settings.getByLabel('Period end').inputValue(), end);
    await settings.getByRole('button', { name: 'Cancel' }).click();
    const exported = await exportSnapshot(page);
    assert.match(exported.name, new RegExp(`-${zone.today}\\.alignment\\.json$`));
    // The snapshot itself keeps the instant in UTC.
    assert.equal(exported.json.exportedAt, zone.now);
    page.assertNoErrors();
  });
}

test('in Honolulu, the merge preview names a file\'s check-in and round by the person\'s day', async () => {
  const zone = ZONES[0];
  const page = await pageAt(zone);
  await importShown(page, await boardDueAround(zone));
  // Another board's file: its check-in and its round at 19:00 on 31 December in Honolulu,
  // already 1 January 2027 in UTC.
  const at = '2027-01-01T05:00:00Z';
  const file = JSON.parse(await readFile(await boardDueAround(zone), 'utf8'));
  file.board.id = 'b-other';
  file.board.checkIns = [{ id: 'c-1', initiativeId: 'i-2', at, status: 'atRisk', progress: 60, confidence: 4, note: 'Late review', authorId: null }];
  file.board.reviews = [{ id: 'v-1', at, kind: 'checkIn', summary: 'Round done.', score: 70, teamId: 't-1' }];
  const path = join(await mkdtemp(join(tmpdir(), 'ab-tz-')), 'other.alignment.json');
  await writeFile(path, JSON.stringify(file));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), command(page, 'File', 'Merge team snapshots…')]);
  await chooser.setFiles(path);
  const preview = dialog(page, 'Merge team snapshots');
  for (const [kind, name] of [['Check-ins', 'Due today, Dec 31'], ['Reviews', "Platform's check-in round, Dec 31"]]) {
    await preview.locator('summary', { hasText: new RegExp(`^${kind}`) }).click();
    await preview.locator('.ab-merge__item-name', { hasText: name }).waitFor();
  }
  assert.equal(await preview.getByText(/2027|Jan/).count(), 0, 'no day of UTC\'s');
  page.assertNoErrors();
});

test('dates and numbers are written in the browser\'s language', async () => {
  const zone = ZONES[1];
  const page = await pageAt(zone, 'de-DE');
  await importShown(page, await boardDueAround(zone));
  const day = written(zone.today, zone.today, 'de-DE');
  await card(page, 'Due today').getByText(`Due ${day} (today)`).waitFor();
  assert.match(day, /Jan/, 'a German month name');
  // Three initiatives of 10 % each: 0.3 of a team, with a German decimal comma.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Allocation' }).click();
  const total = page.getByRole('table', { name: 'Effort by team and priority' }).getByRole('row', { name: /^All teams/ });
  await total.getByText('0,3 of a team').first().waitFor();
  assert.equal(await total.getByText('0,3 of a team').count(), 2, 'the local work, and all work');
  page.assertNoErrors();
});

test('a board left open past the person\'s midnight counts from the new day', async () => {
  // Honolulu, 23:59:30 on 31 December: half a minute later it is 1 January there.
  const zone = ZONES[0];
  const page = await pageAt({ ...zone, now: '2027-01-01T09:59:30Z' }, 'en-US', true);
  await importShown(page, await boardDueAround(zone));
  let day = (date) => written(date, zone.today);
  await card(page, 'Due today').getByText(`Due ${day(zone.today)} (today)`).waitFor();
  await card(page, 'Due tomorrow').getByText(`Due ${day(zone.tomorrow)} (tomorrow)`).waitFor();

  await page.clock.runFor(60_000);
  // The new day is in a new year: last year's days now say which year.
  day = (date) => written(date, zone.tomorrow);
  await card(page, 'Due today').getByText(`Due ${day(zone.today)} (1 day overdue)`).waitFor();
  await card(page, 'Due tomorrow').getByText(`Due ${day(zone.tomorrow)} (today)`).waitFor();
  await card(page, 'Due yesterday').getByText(`Due ${day(zone.yesterday)} (2 days overdue)`).waitFor();
  page.assertNoErrors();
});
