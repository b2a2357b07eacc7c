// Takes docs/merge-preview.png (README, Team of teams) from the release build in dist/: the
// example board merging three teams' slices, changed, and a file that is not a snapshot.
// node scripts/merge-preview-screenshot.mjs [out.png] [light|dark]
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../tests/support/server.mjs';
import { launch } from '../tests/support/browser.mjs';
import { DIST, command, dialog, startExample, exportSnapshot } from '../tests/support/app.mjs';

const out = process.argv[2] ?? 'docs/merge-preview.png';
const scheme = process.argv[3] ?? 'light';
const server = await serve(DIST);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1100, height: 1000 }, deviceScaleFactor: 1.5, acceptDownloads: true, colorScheme: scheme });
const page = await context.newPage();
await page.goto(server.url);
await startExample(page);
const base = (await exportSnapshot(page)).json;
const b = base.board;
const team = (name) => b.teams.find((t) => t.name === name).id;
const now = new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
const initiative = (teamName, id, title, extra = {}) => ({
  ...b.initiatives.find((i) => i.teamId === team(teamName)), id, title, status: 'notStarted', progress: 0,
  createdAt: now, updatedAt: now, risks: [], priorityIds: [], ...extra,
});
const checkIn = (id, title, note, status) => {
  const of = b.initiatives.find((i) => i.title === title);
  return { id, initiativeId: of.id, at: now, status, progress: of.progress + 10, confidence: 7, note, authorId: of.ownerId };
};
const slices = {};
for (const name of ['Mobile', 'Growth', 'Data']) {
  await command(page, 'File', 'Export team slice…');
  const form = dialog(page, 'Export team slice');
  await form.getByRole('checkbox', { name, exact: true }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Export slice' }).click()]);
  slices[name] = JSON.parse(await readFile(await download.path(), 'utf8'));
}
function file(name, change) {
  const json = structuredClone(slices[name]);
  change(json.board);
  return json;
}
const set = (board, title, fields) => Object.assign(board.initiatives.find((i) => i.title === title), { updatedAt: now, ...fields });
const stem = 'fieldnote-leadership-board';
const files = {
  [`${stem}-mobile-2026-12-03.alignment.json`]: file('Mobile', (board) => {
    board.initiatives.push(initiative('Mobile', 'i-tablet0layout1', 'Tablet layout'));
    board.checkIns.push(checkIn('c-mobile0check01', 'Offline job queue', 'Queue replays after a day offline', 'onTrack'));
    set(board, 'Mobile onboarding tour', { status: 'onTrack', progress: 10 });
  }),
  [`${stem}-growth-2026-12-03.alignment.json`]: file('Growth', (board) => {
    board.initiatives.push(initiative('Growth', 'i-pricing0exper1', 'Pricing experiments'));
    board.checkIns.push(checkIn('c-growth0check01', 'Self-serve trial to paid', 'Trial conversion up two points', 'onTrack'));
    set(board, 'Brand webinar series', { status: 'onTrack', progress: 35, updatedAt: '2026-11-20T10:00:00Z' });
  }),
  [`${stem}-data-2026-12-03.alignment.json`]: file('Data', (board) => {
    board.initiatives.push(initiative('Data', 'i-event0schema01', 'Event schema registry'));
    set(board, 'Warehouse cost reduction', { status: 'atRisk' });
    Object.assign(board.dependencies.find((d) => d.need === 'Trial funnel events in the warehouse'), { state: 'accepted', answeredAt: now, answerNote: 'Yes, by the 4th' });
  }),
  'meeting-notes.json': '{"agenda": ["Q4 review"]}',
};
const dir = await mkdtemp(join(tmpdir(), 'ab-shot-'));
const paths = [];
for (const [name, json] of Object.entries(files)) {
  const path = join(dir, name);
  await writeFile(path, typeof json === 'string' ? json : JSON.stringify(json));
  paths.push(path);
}
// The leadership board gives Brand webinar series another owner: a conflict.
const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'Brand webinar series' }).first();
await card.getByRole('button', { name: 'Brand webinar series', exact: true }).click();
const form = dialog(page, 'Edit initiative');
await form.getByLabel('Owner').selectOption({ label: b.people.find((p) => p.id === 'p-8').name });
await form.getByRole('button', { name: 'Save' }).click();
await form.waitFor({ state: 'detached' });

const [chooser] = await Promise.all([page.waitForEvent('filechooser'), command(page, 'File', 'Merge team snapshots…')]);
await chooser.setFiles(paths);
const preview = dialog(page, 'Merge team snapshots');
await preview.waitFor();
const first = preview.locator('section').first();
await first.locator('summary', { hasText: /^Initiatives/ }).click();
await page.evaluate(() => document.activeElement?.blur());
await page.mouse.move(0, 0);
await preview.evaluate((d) => { d.scrollTop = 0; });
await preview.screenshot({ path: out });
console.log('saved', out, await preview.evaluate((d) => [d.scrollHeight, d.clientHeight]));
await browser.close();
await server.close();
