// A team of teams through snapshot files, in separate browser profiles: the leadership
// board hands three teams their slices, each team changes its slice on its own board, and
// the leadership board merges the three files at once after a preview in which one
// conflict is settled; undo brings the board back. Also: files refused in the preview
// while the others merge, the same file merged twice, matches undone and made by hand, and
// axe on the preview in light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  audit, brokenWords, command, dialog, exportSnapshot, freshPage, importFile, saved, startExample, useApp,
} from '../support/app.mjs';

const app = useApp();

/** Saves the download `run` starts; returns its path, name and JSON. */
async function download(page, run) {
  const [file] = await Promise.all([page.waitForEvent('download'), run()]);
  const dir = await mkdtemp(join(tmpdir(), 'ab-team-'));
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename(), json: JSON.parse(await readFile(path, 'utf8')) };
}

/** Exports the slice of `team` with the File menu's command. */
async function exportSlice(page, team) {
  await command(page, 'File', 'Export team slice…');
  const form = dialog(page, 'Export team slice');
  await form.getByRole('checkbox', { name: team, exact: true }).check();
  const file = await download(page, () => form.getByRole('button', { name: 'Export slice' }).click());
  await form.waitFor({ state: 'detached' });
  return file;
}

/** Writes `json` as the file `name` in a new folder; returns its path. */
async function fileOf(name, json) {
  const dir = await mkdtemp(join(tmpdir(), 'ab-file-'));
  const path = join(dir, name);
  await writeFile(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
}

/** Opens the merge preview of `paths` with the File menu's command. */
async function mergePreview(page, paths) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    command(page, 'File', 'Merge team snapshots…'),
  ]);
  assert.ok(chooser.isMultiple(), 'the picker takes several files');
  await chooser.setFiles(paths);
  const preview = dialog(page, 'Merge team snapshots');
  await preview.waitFor();
  return preview;
}

/** The section of the preview about the file `name`. */
function fileSection(preview, name) {
  return preview.locator('section').filter({ has: preview.page().getByRole('heading', { name, exact: true }) });
}

/** Opens the list of a kind (`Initiatives`) in a file's section. */
async function openKind(section, plural) {
  const details = section.locator('details')
    .filter({ has: section.page().locator('summary', { hasText: new RegExp(`^${plural}`) }) });
  await details.locator('summary').click();
  await details.locator('.ab-merge__lists').waitFor();
  return details;
}

async function editInitiative(page, title) {
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: title }).first();
  await card.getByRole('button', { name: title, exact: true }).click();
  return dialog(page, 'Edit initiative');
}

async function setStatus(page, title, status) {
  const form = await editInitiative(page, title);
  await form.getByLabel('Status').selectOption({ label: status });
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
}

async function addInitiative(page, team, title) {
  await page.getByRole('button', { name: new RegExp(`^Add initiative to ${team} · `) }).first().click();
  const form = dialog(page, 'Add initiative');
  await form.getByLabel('Title').fill(title);
  await form.getByRole('button', { name: 'Add initiative' }).click();
  await form.waitFor({ state: 'detached' });
}

async function checkIn(page, title, note) {
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: title }).first();
  await card.focus();
  await page.keyboard.press('c');
  const form = dialog(page, `Check in: ${title}`);
  await form.getByLabel('Note').fill(note);
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await form.waitFor({ state: 'detached' });
}

async function accept(page, team, need) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Coordination' }).click();
  const view = page.getByRole('region', { name: 'Coordination' });
  await view.getByRole('group', { name: 'Show the requests of' }).getByRole('button', { name: team }).click();
  await view.getByRole('region', { name: `Asked of ${team}` }).getByRole('button', { name: `Accept: ${need}` }).click();
  const form = dialog(page, `Accept: ${need}`);
  await form.getByRole('button', { name: 'Accept', exact: true }).click();
  await form.waitFor({ state: 'detached' });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Board' }).click();
}

/** A team's own browser profile: imports its slice, runs `edit`, exports its board. */
async function teamWork(slice, edit) {
  const page = await freshPage(app);
  await importFile(page, slice.path);
  await page.getByRole('region', { name: 'Board' }).waitFor();
  await edit(page);
  await saved(page);
  const exported = await exportSnapshot(page);
  page.assertNoErrors();
  await page.context().close();
  return exported;
}

const byTitle = (board, title) => board.initiatives.filter((i) => i.title === title);

test('three teams edit their slices apart and the leadership board merges them back, one conflict settled, undone in one step', async () => {
  const lead = await freshPage(app);
  await startExample(lead);
  const title = await lead.getByRole('banner').getByRole('heading', { level: 1 }).textContent();
  // Mobile's slice from its lane, Growth's and Data's from the File menu.
  await lead.getByRole('button', { name: 'Export slice of team Mobile' }).click();
  const mobileForm = dialog(lead, 'Export team slice');
  assert.ok(await mobileForm.getByRole('checkbox', { name: 'Mobile', exact: true }).isChecked(), 'the lane’s team is chosen');
  const mobileSlice = await download(lead, () => mobileForm.getByRole('button', { name: 'Export slice' }).click());
  const growthSlice = await exportSlice(lead, 'Growth');
  const dataSlice = await exportSlice(lead, 'Data');
  assert.match(mobileSlice.name, /-mobile-slice-\d{4}-\d{2}-\d{2}\.alignment\.json$/);
  assert.equal(mobileSlice.json.version, 1);
  assert.equal(mobileSlice.json.board.title, `${title}: Mobile`);
  const teamIds = Object.fromEntries(mobileSlice.json.board.teams.map((t) => [t.name, t.id]));
  assert.ok(mobileSlice.json.board.initiatives.every((i) => i.teamId === teamIds.Mobile
    || mobileSlice.json.board.dependencies.some((d) => d.fromInitiativeId === i.id || d.toInitiativeId === i.id)),
  'a slice holds its team’s work and the other end of its requests');

  // Each team in its own browser profile.
  const mobile = await teamWork(mobileSlice, async (page) => {
    await addInitiative(page, 'Mobile', 'Tablet layout');
    await checkIn(page, 'Offline job queue', 'Queue replays after a day offline');
    await setStatus(page, 'Mobile onboarding tour', 'On track');
    await accept(page, 'Mobile', 'Analytics SDK in the mobile app');
  });
  const growth = await teamWork(growthSlice, async (page) => {
    await addInitiative(page, 'Growth', 'Pricing experiments');
    await checkIn(page, 'Self-serve trial to paid', 'Trial conversion up two points');
    await setStatus(page, 'Brand webinar series', 'On track');
  });
  const data = await teamWork(dataSlice, async (page) => {
    await addInitiative(page, 'Data', 'Event schema registry');
    await checkIn(page, 'Time-to-value dashboard', 'First cut shared with Product');
    await setStatus(page, 'Warehouse cost reduction', 'At risk');
    await accept(page, 'Data', 'Trial funnel events in the warehouse');
  });
  assert.notEqual(mobile.name, growth.name, 'each team’s file is named after its slice');

  // Meanwhile the leadership board gives Brand webinar series another owner: a conflict.
  const webinar = byTitle(growthSlice.json.board, 'Brand webinar series')[0];
  const people = growthSlice.json.board.people;
  const newOwner = people.find((p) => p.id !== webinar.ownerId && p.teamId === teamIds.Growth) ?? people.find((p) => p.id !== webinar.ownerId);
  const form = await editInitiative(lead, 'Brand webinar series');
  await form.getByLabel('Owner').selectOption({ label: newOwner.name });
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  // And moves on Warehouse cost reduction, whose status Data changed: both sides since the
  // cut, another conflict. (What a team alone changed is taken without asking.)
  const warehouse = await editInitiative(lead, 'Warehouse cost reduction');
  await warehouse.getByLabel('Progress (%)').fill('61');
  await warehouse.getByRole('button', { name: 'Save' }).click();
  await warehouse.waitFor({ state: 'detached' });
  await saved(lead);
  const before = (await exportSnapshot(lead)).json.board;

  // A preview cancelled changes nothing.
  const cancelled = await mergePreview(lead, [mobile.path, growth.path, data.path]);
  await cancelled.getByRole('button', { name: 'Cancel' }).click();
  await cancelled.waitFor({ state: 'detached' });
  assert.deepEqual((await exportSnapshot(lead)).json.board, before, 'the preview changes nothing');

  const preview = await mergePreview(lead, [mobile.path, growth.path, data.path]);
  for (const file of [mobile, growth, data]) {
    await fileSection(preview, file.name).getByText('A copy or slice of this board').waitFor();
  }
  const growthPart = fileSection(preview, growth.name);
  const decide = growthPart.locator('.ab-merge__decide');
  const conflict = decide.getByRole('listitem').filter({ hasText: 'Brand webinar series' });
  const table = conflict.getByRole('table', { name: 'How the initiative “Brand webinar series” differs' });
  // Files merge in the order of their names: Growth's meets the board as Data's left it,
  // and says so.
  assert.ok(data.name < growth.name);
  await table.getByRole('columnheader', { name: 'This board, with the files above' }).waitFor();
  await conflict.getByRole('radio', { name: /^Keep the board’s, with the files above/ }).waitFor();
  // The first file's own differences are with the board as it is.
  const dataDecide = fileSection(preview, data.name).locator('.ab-merge__decide');
  const first = dataDecide.getByRole('table').first();
  await first.getByRole('columnheader', { name: 'This board', exact: true }).waitFor();
  // Asked: Warehouse cost reduction, which both sides changed, and the request Data
  // accepted (a request edited on the board stamps no time, so a merge cannot tell who
  // changed it).
  const asked = await dataDecide.getByRole('listitem').evaluateAll((items) => items.map((i) => i.textContent));
  assert.equal(asked.length, 2, asked.join(' | '));
  assert.ok(asked.some((t) => t.includes('Warehouse cost reduction')) && asked.some((t) => t.includes('Trial funnel events in the warehouse')), asked.join(' | '));
  await dataDecide.getByRole('listitem').filter({ hasText: 'Warehouse cost reduction' }).getByRole('radio', { name: /Take the file’s/ }).check();
  const ownerRow = table.getByRole('row', { name: /^owner/ });
  await ownerRow.getByRole('cell', { name: newOwner.name }).waitFor();
  await table.getByRole('row', { name: /^status/ }).getByRole('cell', { name: 'On track' }).waitFor();
  // The leadership board's change is the newer: its side is the default. Take the team's.
  const sides = conflict.getByRole('group', { name: 'Which initiative “Brand webinar series” to keep' });
  assert.ok(await sides.getByRole('radio', { name: /Keep the board’s/ }).isChecked());
  await sides.getByRole('radio', { name: /Take the file’s/ }).check();
  assert.ok(await sides.getByRole('radio', { name: /Take the file’s/ }).isChecked());
  // New things are listed by name.
  const initiatives = await openKind(fileSection(preview, mobile.name), 'Initiatives');
  await initiatives.getByRole('listitem').filter({ hasText: 'Tablet layout' }).waitFor();
  await preview.getByRole('button', { name: 'Merge', exact: true }).click();
  await preview.waitFor({ state: 'detached' });
  await lead.getByRole('status').filter({ hasText: /Merged 3 files: .*Undo brings the board back/ }).waitFor();
  await saved(lead);

  const after = (await exportSnapshot(lead)).json.board;
  for (const added of ['Tablet layout', 'Pricing experiments', 'Event schema registry']) {
    assert.equal(byTitle(after, added).length, 1, `${added} is on the board once`);
  }
  assert.equal(byTitle(after, 'Tablet layout')[0].teamId, teamIds.Mobile);
  const notes = ['Queue replays after a day offline', 'Trial conversion up two points', 'First cut shared with Product'];
  for (const note of notes) assert.equal(after.checkIns.filter((c) => c.note === note).length, 1, note);
  assert.equal(after.checkIns.length, before.checkIns.length + 3, 'only the three new check-ins');
  assert.equal(byTitle(after, 'Mobile onboarding tour')[0].status, 'onTrack');
  assert.equal(byTitle(after, 'Warehouse cost reduction')[0].status, 'atRisk');
  const merged = byTitle(after, 'Brand webinar series')[0];
  assert.equal(merged.status, 'onTrack', 'the file’s side was taken');
  assert.equal(merged.ownerId, webinar.ownerId);
  const need = (text) => after.dependencies.find((d) => d.need === text);
  assert.equal(need('Analytics SDK in the mobile app').state, 'accepted');
  assert.equal(need('Trial funnel events in the warehouse').state, 'accepted');
  // Nothing duplicated, nothing outside the three teams changed.
  assert.equal(new Set(after.initiatives.map((i) => i.id)).size, after.initiatives.length);
  assert.equal(after.initiatives.length, before.initiatives.length + 3);
  for (const list of ['teams', 'people', 'priorities', 'decisions', 'reviews']) {
    assert.deepEqual(after[list], before[list], `${list} unchanged`);
  }
  const others = new Set([teamIds.Mobile, teamIds.Growth, teamIds.Data]);
  const outside = (board) => board.initiatives.filter((i) => !others.has(i.teamId));
  assert.deepEqual(outside(after), outside(before), 'the other teams’ work is unchanged');
  assert.equal(after.title, before.title);

  // Undo brings the board back as it was, in one step.
  const undo = lead.getByRole('button', { name: 'Undo' });
  const step = await undo.getAttribute('title');
  assert.match(step, /^Undo: merge 3 files: /, 'one undo step');
  for (const file of [mobile, growth, data]) assert.ok(step.includes(file.name), `it names ${file.name}`);
  await undo.click();
  await saved(lead);
  assert.deepEqual((await exportSnapshot(lead)).json.board, before);
  lead.assertNoErrors();
});

test('files that are not a snapshot, of a newer version or broken are refused by name and path while the others merge; the same file twice adds nothing', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const exported = await exportSnapshot(page);
  const board = exported.json.board;
  const growth = board.teams.find((t) => t.name === 'Growth');
  const file = structuredClone(exported.json);
  file.board.initiatives.push({
    ...board.initiatives.find((i) => i.teamId === growth.id),
    id: 'i-growth0new0001',
    title: 'Referral landing page',
  });
  const good = await fileOf('growth.alignment.json', file);
  const notSnapshot = await fileOf('notes.json', '{"hello": "world"}');
  const newer = await fileOf('newer.alignment.json', { ...exported.json, version: 99 });
  const broken = structuredClone(exported.json);
  broken.board.initiatives[2].teamId = 't-nowhere';
  const brokenPath = await fileOf('broken.alignment.json', broken);

  const preview = await mergePreview(page, [good, notSnapshot, newer, brokenPath]);
  const refusedBroken = fileSection(preview, 'broken.alignment.json');
  await refusedBroken.getByText(/^Refused: /).waitFor();
  await refusedBroken.getByText('board.initiatives[2].teamId', { exact: true }).waitFor();
  await fileSection(preview, 'notes.json').getByText(/^Refused: .+/).waitFor();
  const refusedNewer = fileSection(preview, 'newer.alignment.json');
  await refusedNewer.getByText(/^Refused: .*version 99/).waitFor();
  await preview.getByText(/3 files cannot be merged; the others can/).waitFor();
  await fileSection(preview, 'growth.alignment.json').getByText('1 new', { exact: false }).first().waitFor();
  await preview.getByRole('button', { name: 'Merge', exact: true }).click();
  await preview.waitFor({ state: 'detached' });
  await saved(page);
  const once = (await exportSnapshot(page)).json.board;
  assert.equal(byTitle(once, 'Referral landing page').length, 1);
  assert.equal(once.initiatives.length, board.initiatives.length + 1);

  // The same file again: nothing new, and nothing to merge.
  const again = await mergePreview(page, [good]);
  await again.getByRole('status').filter({ hasText: 'Nothing new: this file holds nothing this board lacks.' }).waitFor();
  assert.equal(await again.getByRole('button', { name: 'Merge', exact: true }).count(), 0);
  await again.getByRole('button', { name: 'Close' }).last().click();
  await again.waitFor({ state: 'detached' });
  assert.deepEqual((await exportSnapshot(page)).json.board, once);

  // Several files dropped at once open the preview too.
  const transfer = await page.evaluateHandle(([a, b]) => {
    const data = new DataTransfer();
    data.items.add(new File([a], 'growth.alignment.json', { type: 'application/json' }));
    data.items.add(new File([b], 'notes.json', { type: 'application/json' }));
    return data;
  }, [await readFile(good, 'utf8'), '{"hello": "world"}']);
  const target = page.locator('.ab-app');
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
  const dropped = dialog(page, 'Merge team snapshots');
  await fileSection(dropped, 'notes.json').getByText(/^Refused/).waitFor();
  await dropped.getByRole('button', { name: 'Close' }).last().click();
  page.assertNoErrors();
});

test('in the preview a match is undone and another made by hand, and axe finds nothing in light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await freshPage(app, { colorScheme: scheme });
    await startExample(page);
    const exported = await exportSnapshot(page);
    const board = exported.json.board;
    // Another board of the same organisation: its own id, so it matches by name.
    const other = structuredClone(exported.json);
    other.board.id = 'b-another0board1';
    const platform = other.board.teams.find((t) => t.name === 'Platform');
    platform.name = 'Platform Ops';
    const webinar = other.board.initiatives.find((i) => i.title === 'Brand webinar series');
    webinar.status = 'done';
    webinar.updatedAt = '2030-01-01T00:00:00Z';
    const path = await fileOf('platform-ops.alignment.json', other);

    const preview = await mergePreview(page, [path]);
    const part = fileSection(preview, 'platform-ops.alignment.json');
    await part.getByText('From another board').waitFor();
    await part.locator('.ab-merge__decide').getByRole('listitem').filter({ hasText: 'Brand webinar series' }).waitFor();
    assert.deepEqual(await audit(page), [], `the preview in ${scheme}`);

    // Platform Ops is new, and its work with it; matched by hand to Platform, its work matches too.
    const teams = await openKind(part, 'Teams');
    await teams.getByRole('button', { name: 'Match by hand: team Platform Ops' }).click();
    await teams.getByRole('combobox', { name: 'Match the file’s team “Platform Ops” to' }).selectOption({ label: 'Platform' });
    assert.deepEqual(await audit(page), [], `matching by hand in ${scheme}`);
    await teams.getByRole('button', { name: 'Match', exact: true }).click();
    await teams.getByRole('listitem').filter({ hasText: 'Platform Ops' }).getByText('matched by hand').waitFor();
    // Keep one initiative apart: it comes in as a second one.
    const initiatives = await openKind(part, 'Initiatives');
    await initiatives.getByRole('button', { name: 'Keep apart: initiative Self-serve trial to paid' }).click();
    await initiatives.getByRole('listitem').filter({ hasText: 'Self-serve trial to paid' }).getByText('kept apart').waitFor();
    assert.deepEqual(await audit(page), [], `lists open in ${scheme}`);
    await preview.getByRole('button', { name: 'Merge', exact: true }).click();
    await preview.waitFor({ state: 'detached' });
    await saved(page);

    const after = (await exportSnapshot(page)).json.board;
    assert.equal(after.teams.length, board.teams.length, 'Platform Ops is Platform');
    assert.equal(after.teams.find((t) => t.id === platform.id).name, 'Platform', 'a team keeps the board’s name by default');
    assert.equal(after.initiatives.length, board.initiatives.length + 1, 'only the initiative kept apart is added');
    const trials = byTitle(after, 'Self-serve trial to paid');
    assert.equal(trials.length, 2);
    assert.notEqual(trials[0].id, trials[1].id);
    assert.equal(byTitle(after, 'Brand webinar series')[0].status, 'done', 'the newer side by default');
    page.assertNoErrors();
    await page.context().close();
  }
});

test('a slice sent back asks about work both sides changed since it was cut and about another team’s work, and says what it is in the team’s browser', async () => {
  const lead = await freshPage(app);
  await startExample(lead);
  const slice = await exportSlice(lead, 'Platform');
  assert.ok(slice.json.board.slice.cutAt, 'the file says when it was cut');
  const progress = async (page, title, value) => {
    const form = await editInitiative(page, title);
    await form.getByLabel('Progress (%)').fill(String(value));
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
  };
  const team = await teamWork(slice, async (page) => {
    await page.getByRole('banner').getByText(/^Platform’s slice of the board, cut .*: other teams show only the work that meets theirs, .* To send it back, File › Export snapshot\.$/).waitFor();
    // Its rhythm is Platform's: reviews are the whole board's, other teams' work is not due.
    const views = page.getByRole('navigation', { name: 'Views' });
    await views.getByRole('button', { name: /^Rhythm/ }).click();
    const rhythm = page.getByRole('region', { name: 'Operating rhythm' });
    await rhythm.getByText('Reviews are kept on the whole board').waitFor();
    assert.equal(await rhythm.getByRole('definition').filter({ hasText: 'kept on the whole board' }).count(), 3, 'next review, next planning, last review');
    assert.equal(await rhythm.getByText('Guided setup wizard').count(), 0, 'Product’s work is not due here');
    await rhythm.getByText('Query performance budget', { exact: true }).waitFor();
    // Planning is the whole board's, and a guided review of the slice is Platform's
    // check-in round, not a review of the whole board made from a part of it.
    assert.equal(await rhythm.getByRole('button', { name: 'Start next period…' }).count(), 0);
    await rhythm.getByRole('button', { name: 'Start guided review of Platform' }).click();
    await page.getByRole('heading', { name: /^Platform's check-in round · 1 of / }).waitFor();
    await page.getByRole('button', { name: 'End review' }).click();
    await page.getByRole('region', { name: 'Check-in round summary' }).getByRole('button', { name: 'Record check-in round' }).click();
    await page.getByRole('status').filter({ hasText: "Platform's check-in round recorded." }).waitFor();
    await views.getByRole('button', { name: 'Board' }).click();
    // Any team can be asked for something, Data too, though none of its work meets Platform's.
    const form = await editInitiative(page, 'Multi-region failover');
    await form.getByRole('button', { name: 'Ask another team…' }).click();
    const ask = dialog(page, 'Ask another team: Multi-region failover');
    await ask.getByLabel('Ask').selectOption({ label: 'Data' });
    await ask.getByLabel('What is needed').fill('A review of the failover database setup');
    await ask.getByRole('button', { name: 'Send request' }).click();
    await ask.waitFor({ state: 'detached' });
    await progress(page, 'Multi-region failover', 70);
    // Product's initiative, in the slice as the other end of a request.
    await progress(page, 'Guided setup wizard', 99);
  });
  // Meanwhile the leadership board moves the same Platform initiative on.
  await progress(lead, 'Multi-region failover', 65);
  await saved(lead);
  const reviewsBefore = (await exportSnapshot(lead)).json.board.reviews;
  const preview = await mergePreview(lead, [team.path]);
  const decide = fileSection(preview, team.name).locator('.ab-merge__decide');
  const both = decide.getByRole('listitem').filter({ hasText: 'Multi-region failover' });
  await both.getByText(/^Changed in the slice and on this board .* since the slice was cut/).waitFor();
  await both.getByRole('table').getByRole('row', { name: /^progress/ }).getByRole('cell', { name: '70' }).waitFor();
  const other = decide.getByRole('listitem').filter({ hasText: 'Guided setup wizard' });
  await other.getByText('Product’s work, changed in a slice cut for other teams').waitFor();
  // On a phone's width the tables keep every word whole ("progre ss" was broken).
  await lead.setViewportSize({ width: 390, height: 844 });
  for (const table of [both.getByRole('table'), other.getByRole('table')]) {
    assert.deepEqual(await table.evaluate(brokenWords, 'th, td'), [], 'words broken across lines');
  }
  await lead.setViewportSize({ width: 1400, height: 900 });
  assert.ok(await other.getByRole('radio', { name: /Keep this board’s/ }).isChecked(), 'another team’s work stays by default');
  // What it brings counts the differences that keep the board's side.
  await preview.getByText('Merging this file brings 2 new items. 2 other differences keep this board’s side.').waitFor();
  await both.getByRole('radio', { name: /Take the file’s/ }).check();
  await preview.getByText('Merging this file brings 2 new items and 1 change. 1 other difference keeps this board’s side.').waitFor();
  await preview.getByRole('button', { name: 'Merge', exact: true }).click();
  await preview.waitFor({ state: 'detached' });
  await saved(lead);
  const after = (await exportSnapshot(lead)).json.board;
  assert.equal(byTitle(after, 'Multi-region failover')[0].progress, 70, 'the team’s value, picked');
  assert.equal(byTitle(after, 'Guided setup wizard')[0].progress, byTitle(slice.json.board, 'Guided setup wizard')[0].progress, 'Product’s work as it was');
  assert.equal(after.slice, undefined, 'the board stays whole');
  const platform = after.teams.find((t) => t.name === 'Platform').id;
  assert.deepEqual(after.reviews.filter((r) => !reviewsBefore.some((b) => b.id === r.id)).map((r) => [r.kind, r.teamId]),
    [['checkIn', platform]], 'the slice’s round came back as Platform’s, not as a review of the whole board');
  const data = after.teams.find((t) => t.name === 'Data').id;
  assert.ok(after.dependencies.some((d) => d.toTeamId === data && d.need === 'A review of the failover database setup'), 'the request to Data came back');
  // The same file again: Product's work still differs and stays, and the preview says so
  // rather than that the file holds nothing new.
  const again = await mergePreview(lead, [team.path]);
  await again.getByText('As it stands nothing changes: 1 difference below keeps this board’s side.').waitFor();
  await again.getByRole('button', { name: 'Close', exact: true }).last().click();
  await again.waitFor({ state: 'detached' });
  lead.assertNoErrors();
});

