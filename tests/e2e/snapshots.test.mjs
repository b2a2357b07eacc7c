// Snapshots in and out, and storage that fails: export, import into a fresh profile,
// refusal of broken files with a path-naming message, drop to import, and boards whose
// storage is full or missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { dialog, exportSnapshot, freshPage, saved, startExample, useApp, command, importFile } from '../support/app.mjs';
import { validateSnapshot } from '../support/schema.mjs';

const app = useApp();


/** Imports `path` into a fresh browser profile and checks it brings `exported`'s board, unchanged. */
async function importsUnchanged(path, exported) {
  const page = await freshPage(app);
  await importFile(page, path);
  await page.getByRole('region', { name: 'Board' }).waitFor();
  await saved(page);
  const again = await exportSnapshot(page);
  assert.deepEqual(again.json.board, exported.json.board);
  page.assertNoErrors();
}

test('an export imports into a fresh browser profile unchanged', async () => {
  const first = await freshPage(app);
  await startExample(first);
  const exported = await exportSnapshot(first);
  assert.match(exported.name, /^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.alignment\.json$/);
  const check = validateSnapshot(exported.json);
  assert.ok(check.ok, `the export matches the JSON Schema: ${JSON.stringify(check.errors)}`);
  assert.equal(exported.json.format, 'alignment-board');
  assert.equal(exported.json.version, 1);

  await importsUnchanged(exported.path, exported);
  first.assertNoErrors();
});

test('a picture of the board shows as an image without scripts and imports as the same board', async () => {
  const first = await freshPage(app);
  await startExample(first);
  const exported = await exportSnapshot(first);
  const [download] = await Promise.all([
    first.waitForEvent('download'),
    command(first, 'File', 'Export picture'),
  ]);
  assert.match(download.suggestedFilename(), /^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.alignment\.svg$/);
  const dir = await mkdtemp(join(tmpdir(), 'ab-picture-'));
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  const svg = await readFile(path, 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);

  // A wiki page that allows no scripts at all: the picture is an image, with the cards drawn.
  const wiki = await first.context().newPage();
  await wiki.setContent(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:">
    <img alt="The board" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`);
  const size = await wiki.getByRole('img', { name: 'The board' }).evaluate(async (img) => {
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  });
  assert.ok(size[0] > 1000 && size[1] > 600, `the picture has the board's size: ${size}`);
  const short = exported.json.board.initiatives.filter((i) => i.title.length <= 20).slice(0, 3);
  assert.equal(short.length, 3);
  for (const card of short) assert.ok(svg.includes(`>${card.title}</text>`), card.title);
  await wiki.close();

  // The picture imports into a fresh profile as the board it shows.
  await importsUnchanged(path, exported);
  first.assertNoErrors();
});

test('a share link is copied with one click and opens a read-only copy of the board that says what it is, leaving the board in this browser alone', async () => {
  const page = await freshPage(app, { permissions: ['clipboard-read', 'clipboard-write'] });
  await startExample(page);
  await saved(page);
  const title = await page.getByRole('banner').getByRole('heading', { level: 1 }).textContent();
  await command(page, 'File', 'Share link…');
  const share = dialog(page, 'Share link');
  const field = share.getByRole('textbox', { name: 'Share link' });
  const link = await field.inputValue();
  assert.match(link, /\/alignment-board-frame\.html#board=[\w-]+$/);
  await share.getByText(`${link.length.toLocaleString('en-US')} characters.`).waitFor();
  await share.getByText(/Some places cut links longer than about 2,000 characters/).waitFor();
  // The place where it will say what Copy link did is one line, not an empty block.
  const said = await share.getByRole('status').boundingBox();
  assert.ok(said.height < 30, `the status line is ${said.height} px tall`);
  // The dialog opens on its main action: Copy link puts the link on the clipboard and says so.
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Copy link');
  await share.getByRole('button', { name: 'Copy link' }).click();
  await share.getByRole('status').filter({ hasText: 'Copied the link' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await field.focus();
  assert.equal(await field.evaluate((input) => input.selectionEnd - input.selectionStart), link.length, 'focus selects the link');
  await share.getByRole('button', { name: 'Done' }).click();

  // Opened in the same browser, where the board is kept under the default key: a copy.
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const copy = await page.context().newPage();
  await copy.goto(link);
  const board = copy.locator('alignment-board');
  await board.getByRole('heading', { level: 1, name: title }).waitFor();
  await board.getByRole('article').first().waitFor();
  assert.equal(await board.getByRole('button', { name: 'Add initiative' }).count(), 0, 'read-only');
  // A card opens to be read: no field marked required, no capacity sum to make.
  await board.getByRole('article').first().getByRole('button').first().click();
  const card = board.getByRole('dialog', { name: 'Initiative' });
  await card.getByRole('button', { name: 'Close', exact: true }).last().waitFor();
  assert.equal(await card.locator('[aria-required="true"], [required], .ab-field__required').count(), 0);
  assert.equal(await card.getByText(/ committed/).count(), 0);
  // Its values read as text, not as fields that look editable.
  const titleField = card.getByLabel('Title');
  assert.ok(await titleField.isDisabled());
  assert.equal(await titleField.evaluate((field) => getComputedStyle(field).borderTopColor), 'rgba(0, 0, 0, 0)');
  await card.getByRole('button', { name: 'Close', exact: true }).last().click();
  await card.waitFor({ state: 'detached' });
  // The person who opened the link is told it is a copy, and how to keep one.
  const made = await copy.evaluate(() => new Date().toLocaleDateString(undefined, { dateStyle: 'long' }));
  await copy.getByRole('note').filter({ hasText: `A read-only copy of this board as it was on ${made}. It is not saved anywhere: to keep it, open it as your board in this browser, or choose Export snapshot in the File menu to download it as a file.` }).waitFor();
  assert.equal(await copy.title(), `${title} · shared copy`, 'the tab names the board');
  await board.getByRole('button', { name: 'File' }).click();
  await board.getByRole('menuitem', { name: 'Export snapshot' }).waitFor();
  await copy.keyboard.press('Escape');
  assert.equal(await copy.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), stored, 'nothing written');

  // A link cut short, pasted into the same tab (only the fragment changes), says so and
  // shows no board.
  await copy.goto(link.slice(0, link.length - 40));
  await copy.getByRole('alert').filter({ hasText: 'This share link cannot be opened' }).waitFor();
  assert.equal(await copy.locator('alignment-board').count(), 0);
  // Not a dead end: the board this browser keeps is a link away.
  await copy.getByRole('link', { name: 'Go to the board kept in this browser' }).click();
  await copy.getByRole('banner').getByRole('heading', { level: 1, name: title }).waitFor();

  // A crafted link that unpacks to more than a board can hold is refused the same way.
  const bomb = deflateRawSync(Buffer.alloc(11 * 1024 * 1024, 32)).toString('base64url');
  await copy.goto(`${link.slice(0, link.indexOf('#'))}#board=${bomb}`);
  await copy.getByRole('alert').filter({ hasText: 'This share link cannot be opened' }).waitFor();
  assert.equal(await copy.locator('alignment-board').count(), 0);
  page.assertNoErrors();
});

test('a shared copy opens as the person\'s own board from its note, always asking first', async () => {
  const sharer = await freshPage(app);
  await startExample(sharer);
  const title = await sharer.getByRole('banner').getByRole('heading', { level: 1 }).textContent();
  await command(sharer, 'File', 'Share link…');
  const link = await dialog(sharer, 'Share link').getByRole('textbox', { name: 'Share link' }).inputValue();
  const fragment = link.slice(link.indexOf('#board='));
  const heading = (page, name) => page.getByRole('banner').getByRole('heading', { level: 1, name });

  // Someone with a board of their own opens the link, and then the copy as their board.
  const page = await freshPage(app);
  await page.getByRole('button', { name: 'Start blank' }).click();
  await saved(page);
  const own = await page.getByRole('banner').getByRole('heading', { level: 1 }).textContent();
  await page.goto(link);
  const note = page.getByRole('note');
  await note.getByText(/to keep it, open it as your board in this browser, or choose Export snapshot/).waitFor();
  await note.getByRole('link', { name: 'open it as your board' }).click();
  const replace = dialog(page, 'Replace this board?');
  await replace.getByText(`“${title}” from the share link`, { exact: false }).waitFor();
  // The blank board it replaces has nothing to lose: nothing to export first, no red button.
  await replace.getByText(/\(nothing on it yet\)\.$/).waitFor();
  assert.equal(await replace.getByRole('button', { name: 'Export current board' }).count(), 0);
  assert.ok(!(await replace.getByRole('button', { name: 'Replace board' }).getAttribute('class')).includes('danger'));
  await page.waitForFunction(() => document.activeElement?.textContent === 'Cancel');
  assert.equal(new URL(page.url()).hash, '', 'the link is taken off the address');
  await replace.getByRole('button', { name: 'Replace board' }).click();
  await heading(page, title).waitFor();
  const done = page.getByText('Opened the shared board. Undo brings the previous board back.');
  await done.waitFor();
  await page.getByRole('button', { name: /Undo/ }).click();
  await heading(page, own).waitFor();
  await done.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /Redo/ }).click();
  await heading(page, title).waitFor();
  await saved(page);
  // Opened again, the page has no link to offer: the board shows, and the next frame no
  // question.
  await page.reload();
  await heading(page, title).waitFor();
  await page.evaluate(() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame))));
  assert.equal(await replace.count(), 0, 'a reload does not ask again');

  // Opened again with the board as the link has it: there is nothing to answer.
  await page.goto(link);
  await page.getByRole('note').getByRole('link', { name: 'open it as your board' }).click();
  const same = dialog(page, 'Nothing would change');
  await same.getByText('is the same as your board, so opening it would change nothing.').waitFor();
  await same.getByRole('button', { name: 'OK' }).click();
  await same.waitFor({ state: 'detached' });
  await heading(page, title).waitFor();
  // One card moved, the board is no longer the shared one.
  await page.getByRole('region', { name: 'Board' }).getByRole('article').first().focus();
  await page.keyboard.press('Alt+ArrowDown');
  await saved(page);

  // Asked again, and answered Cancel: the board stays as it is.
  await page.goto(link);
  await page.getByRole('note').getByRole('link', { name: 'open it as your board' }).click();
  await replace.getByRole('button', { name: 'Cancel' }).click();
  await replace.waitFor({ state: 'detached' });
  await heading(page, title).waitFor();
  // The link has left the address: the board says how to find the shared copy again.
  await page.getByText("The shared board was not opened: the browser's Back button returns to it.").waitFor();
  await page.goBack();
  await page.getByRole('note').getByRole('link', { name: 'open it as your board' }).waitFor();
  await page.goto(app.url);
  await heading(page, title).waitFor();

  // The link pasted into the address bar of the open board (only the fragment changes).
  await command(page, 'File', 'New board…');
  await dialog(page, 'Start a new board?').getByRole('button', { name: 'Start new board' }).click();
  await heading(page, own).waitFor();
  await page.goto(`${app.url}${fragment}`);
  await replace.getByRole('button', { name: 'Replace board' }).click();
  await heading(page, title).waitFor();

  // In a browser with no board yet, the copy is kept too, once the person says so: a link
  // may come from anywhere.
  const fresh = await freshPage(app);
  await fresh.goto(link);
  await fresh.getByRole('note').getByRole('link', { name: 'open it as your board' }).click();
  const keep = dialog(fresh, 'Keep this board?');
  await keep.getByText(`“${title}” from the share link`, { exact: false }).waitFor();
  await keep.getByText('will be the board this browser keeps.', { exact: false }).waitFor();
  assert.equal(await fresh.evaluate(() => localStorage.length), 0, 'nothing kept before the answer');
  await keep.getByRole('button', { name: 'Keep board' }).click();
  await heading(fresh, title).waitFor();
  await fresh.getByText('Opened the shared board.', { exact: true }).waitFor();
  await saved(fresh);

  // A link cut short, opened on the board's page, says so and changes nothing.
  await page.goto('about:blank');
  await page.goto(`${app.url}${fragment.slice(0, -40)}`);
  await page.getByText(/This share link cannot be opened: part of it is missing or was changed/).waitFor();
  await heading(page, title).waitFor();
  // A board that cannot change here does not take one.
  await page.goto('about:blank');
  await page.goto(`${app.url}?readonly${fragment}`);
  await heading(page, title).waitFor();
  await page.evaluate(() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame))));
  await page.getByText('This board cannot be changed here, so the share link was not opened.').waitFor();
  assert.equal(await replace.count(), 0, 'a read-only board is not offered the link');
  for (const p of [sharer, page, fresh]) p.assertNoErrors();
});

test('a share link the browser will not copy is selected instead, with a word on how to copy it', async () => {
  const page = await freshPage(app);
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await page.reload();
  await startExample(page);
  await command(page, 'File', 'Share link…');
  const share = dialog(page, 'Share link');
  const field = share.getByRole('textbox', { name: 'Share link' });
  await share.getByRole('button', { name: 'Copy link' }).click();
  await share.getByRole('status').filter({ hasText: 'Could not copy: the browser did not allow it. The link is selected: copy it with Ctrl+C (⌘C on a Mac).' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Share link');
  const link = await field.inputValue();
  assert.equal(await field.evaluate((input) => input.selectionEnd - input.selectionStart), link.length, 'the whole link is selected');
  page.assertNoErrors();

  // A page served over plain http has no clipboard at all: the same, and no error thrown.
  const plain = await freshPage(app);
  await plain.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await plain.reload();
  await startExample(plain);
  await command(plain, 'File', 'Share link…');
  const again = dialog(plain, 'Share link');
  await again.getByRole('button', { name: 'Copy link' }).click();
  await again.getByRole('status').filter({ hasText: 'Could not copy: the browser allows copying only on pages served over https.' }).waitFor();
  plain.assertNoErrors();
});

test('importing over a board asks first, and undo brings the old board back', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const title = await page.getByRole('banner').getByRole('heading', { level: 1 }).textContent();
  const dir = await mkdtemp(join(tmpdir(), 'ab-import-'));
  const path = join(dir, 'other.alignment.json');
  await writeFile(path, JSON.stringify({
    format: 'alignment-board', version: 1, exportedAt: '2026-11-01T10:00:00Z',
    board: { id: 'b-9', title: 'Imported board', teams: [{ id: 't-1', name: 'Solo' }] },
  }));
  await importFile(page, path);
  const ask = dialog(page, 'Replace this board?');
  await ask.getByText('(0 priorities, 1 team, 0 initiatives)', { exact: false }).waitFor();
  await ask.getByRole('button', { name: 'Export current board' }).waitFor();
  assert.equal(await ask.getByText('What was done in between is not in the file.', { exact: false }).count(), 0, 'a file of no dates is not called older');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();

  await importFile(page, path);
  await ask.getByRole('button', { name: 'Replace board' }).click();
  await page.getByRole('heading', { level: 1, name: 'Imported board' }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
});

test('a file older than the board\'s own work says so before it replaces it', async () => {
  const page = await freshPage(app);
  await startExample(page);
  // Sent out, then worked on: the file imported again by mistake would take that work away.
  const { path } = await exportSnapshot(page);
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article').first();
  await card.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await saved(page);
  await importFile(page, path);
  const ask = dialog(page, 'Replace this board?');
  await ask.getByText(/^This board has changes up to .*; the file's latest is from .*\. What was done in between is not in the file\.$/).waitFor();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  page.assertNoErrors();
});

test('the board\'s own export imported again changes nothing and leaves Undo with the step before', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article').first();
  await card.focus();
  await page.keyboard.press('Alt+ArrowDown');
  const undo = page.getByRole('button', { name: 'Undo' });
  const step = await undo.getAttribute('title');
  const { path, name } = await exportSnapshot(page);
  await importFile(page, path);
  const told = dialog(page, 'Nothing would change');
  await told.getByText(`from ${name} (`).waitFor();
  await told.getByText('is the same as your board, so importing it would change nothing.').waitFor();
  assert.equal(await page.getByRole('dialog', { name: 'Replace this board?' }).count(), 0, 'no question to answer');
  await told.getByRole('button', { name: 'OK' }).click();
  await told.waitFor({ state: 'detached' });
  assert.equal(await undo.getAttribute('title'), step, 'Undo still takes back the move');
  page.assertNoErrors();
});

test('a board kept with a text longer than a file holds says so at export, and makes no share link nobody could open', async () => {
  // A team name of 150 characters, typed before names had a longest length: the board
  // opens as it was kept, but a board reading its file would refuse it.
  const page = await freshPage(app);
  const json = JSON.parse(await readFile(new URL('../../examples/example.alignment.json', import.meta.url), 'utf8'));
  const long = `Platform ${'n'.repeat(141)}`;
  json.board.teams[1].name = long;
  await page.evaluate((text) => localStorage.setItem('alignment-board:alignment-board', text), JSON.stringify(json));
  await page.reload();
  await page.getByRole('rowheader').filter({ hasText: 'Platform nnn' }).waitFor();

  const exported = await exportSnapshot(page);
  assert.equal(exported.json.board.teams[1].name, long, 'the file holds the board as it is');
  const alert = page.getByRole('alert').filter({ hasText: `Exported ${exported.name}, but a board would not open it` });
  await alert.getByText('board.teams[1].name: too long: 150 characters, where at most 100 are allowed', { exact: false }).waitFor();
  await alert.getByText('Shorten that text, then export again.', { exact: false }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Export snapshot' }).count(), 0, 'it does not offer to export again');
  // What it says is what an import of the file says.
  const other = await freshPage(app);
  await importFile(other, exported.path);
  await dialog(other, 'Import failed').getByText(/^board\.teams\[1\]\.name: too long: 150 characters, where at most 100 are allowed \(in “Platform n+…”\)$/).waitFor();

  await command(page, 'File', 'Share link…');
  await page.getByRole('alert').filter({ hasText: /^No share link: a board would not open it: board\.teams\[1\]\.name: too long/ }).waitFor();
  assert.equal(await dialog(page, 'Share link').count(), 0, 'no link is offered');

  // Shortened, the same board exports as any other.
  await page.getByRole('button', { name: `Edit team ${long}`, exact: true }).click();
  const form = dialog(page, 'Edit team');
  await form.getByLabel('Name').fill('Platform');
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Edit team Platform', exact: true }).waitFor();
  const again = await exportSnapshot(page);
  await page.getByRole('status').filter({ hasText: `Exported ${again.name}` }).waitFor();
  assert.ok(validateSnapshot(again.json).ok);
  page.assertNoErrors();
  other.assertNoErrors();
});

test('a broken file is refused with the path of the problem and the board is untouched', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await saved(page);
  const cards = await page.getByRole('article').count();
  const good = await exportSnapshot(page);
  const broken = structuredClone(good.json);
  broken.board.initiatives[3].teamId = 't-9';
  const dir = await mkdtemp(join(tmpdir(), 'ab-broken-'));
  const path = join(dir, 'broken.alignment.json');
  await writeFile(path, JSON.stringify(broken));

  await importFile(page, path);
  const refusal = dialog(page, 'Import failed');
  // The place, then the initiative's title, which a person finds sooner than the fourth of a list.
  await refusal.getByText(`board.initiatives[3].teamId: no team "t-9" (in “${broken.board.initiatives[3].title}”)`).waitFor();
  await refusal.getByText('Your board is unchanged.').waitFor();
  await refusal.getByRole('button', { name: 'OK' }).click();
  assert.equal(await page.getByRole('article').count(), cards);

  const notJson = join(dir, 'notes.alignment.json');
  await writeFile(notJson, '{"format": "alignment-board", "version": 1, "board": ');
  await importFile(page, notJson);
  await refusal.getByText(/not valid JSON.*line 1/).waitFor();
  await refusal.getByRole('button', { name: 'OK' }).click();

  const newer = join(dir, 'newer.alignment.json');
  await writeFile(newer, JSON.stringify({ ...good.json, version: 3 }));
  await importFile(page, newer);
  await refusal.getByText(/version 3.*versions up to 1/).waitFor();
  await refusal.getByRole('button', { name: 'OK' }).click();
  assert.equal(await page.getByRole('article').count(), cards);
  page.assertNoErrors();
});

test('a file refused on the welcome screen leaves the person on the button they used', async () => {
  const page = await freshPage(app);
  const dir = await mkdtemp(join(tmpdir(), 'ab-welcome-'));
  const path = join(dir, 'notes.alignment.json');
  await writeFile(path, '{"format": "alignment-board", "version": 1, "board": ');
  const button = page.getByRole('button', { name: 'Import snapshot' });
  await button.focus();
  await importFile(page, path);
  const refusal = dialog(page, 'Import failed');
  await refusal.getByText(/not valid JSON/).waitFor();
  // There is no board yet to be unchanged.
  await refusal.getByText('Nothing was imported. Try another file, or choose Start from example or Start blank.').waitFor();
  await page.keyboard.press('Enter');
  await refusal.waitFor({ state: 'hidden' });
  assert.ok(await button.evaluate((element) => element === document.activeElement), 'focus is back on Import snapshot');
  // The next file, a good one, takes the welcome screen's place, and focus goes to the board.
  const source = await freshPage(app);
  await startExample(source);
  const good = await exportSnapshot(source);
  await importFile(page, good.path);
  await page.getByRole('region', { name: 'Board' }).waitFor();
  assert.ok(await page.locator('.ab-app').evaluate((root) => root.contains(document.activeElement)), 'focus is in the board');
  page.assertNoErrors();
});

test('dropping a snapshot file on an empty board imports it', async () => {
  const source = await freshPage(app);
  await startExample(source);
  const exported = await exportSnapshot(source);
  const page = await freshPage(app);
  const text = await readFile(exported.path, 'utf8');
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.alignment.json', { type: 'application/json' }));
    return data;
  }, text);
  const target = page.locator('.ab-app');
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
  await page.getByRole('region', { name: 'Board' }).waitFor();
  assert.equal(await page.getByRole('article').count(), await source.getByRole('article').count());
});

test('a full storage quota is reported, the board keeps working, and export is offered', async () => {
  const page = await freshPage(app);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.reload();
  await startExample(page);
  const alert = page.getByRole('alert').filter({ hasText: 'not saved' });
  await alert.waitFor();
  await alert.getByText(/storage for this site is full/).waitFor();
  await alert.getByRole('button', { name: 'Export snapshot' }).waitFor();
  assert.ok((await page.getByRole('article').count()) > 0);
  await command(page, 'Add', 'Add team…');
  await dialog(page, 'Add team').getByLabel('Name').fill('Still works');
  await dialog(page, 'Add team').getByRole('button', { name: 'Add team' }).click();
  await page.getByRole('rowheader').filter({ hasText: 'Still works' }).waitFor();
});

test('missing localStorage still gives a working board that says it will not persist', async () => {
  const page = await freshPage(app);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.reload();
  const said = 'Nothing will be kept after this tab closes: this browser gives the board no storage here. Export a snapshot to keep your work.';
  await page.getByRole('alert').getByText(said).waitFor();
  await startExample(page);
  assert.ok((await page.getByRole('article').count()) > 0);
  // Said once, in plain words (the browser's own error stays in the console), with export.
  await page.getByRole('alert').getByRole('button', { name: 'Export snapshot' }).waitFor();
  assert.deepEqual(await page.getByRole('alert').allTextContents(), [`${said}Export snapshot`]);
  await page.getByText('Not saved', { exact: true }).waitFor();
});

test('a huge or deeply nested file is refused before it is parsed, and the tab stays responsive', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const cards = await page.getByRole('article').count();
  const dir = await mkdtemp(join(tmpdir(), 'ab-hostile-'));
  const refusal = dialog(page, 'Import failed');

  const huge = join(dir, 'huge.alignment.json');
  await writeFile(huge, `{"format":"alignment-board","version":1,"board":{"id":"b","title":"${'x'.repeat(11 * 1024 * 1024)}"}}`);
  await importFile(page, huge);
  await page.getByRole('alert').getByText(/huge\.alignment\.json is 11\.\d MB; snapshots larger than 10\.0 MB are refused/).waitFor();

  const deep = join(dir, 'deep.alignment.json');
  await writeFile(deep, `{"format":"alignment-board","version":1,"board":${'['.repeat(100000)}${']'.repeat(100000)}}`);
  await importFile(page, deep);
  await refusal.getByText(/nested more than 128 levels deep/).waitFor();
  await refusal.getByRole('button', { name: 'OK' }).click();

  // A title of a megabyte would be laid out on every screen (it held the page for seconds):
  // it is refused at its place, in a message of a line.
  const example = JSON.parse(await readFile(new URL('../../examples/example.alignment.json', import.meta.url), 'utf8'));
  example.board.initiatives[2].title = 'lorem ipsum '.repeat(90_000);
  const long = join(dir, 'long.alignment.json');
  await writeFile(long, JSON.stringify(example));
  await importFile(page, long);
  await refusal.getByText(/board\.initiatives\[2\]\.title: too long: 1080000 characters, where at most 500 are allowed \(in “lorem ipsum lorem/).waitFor();
  await refusal.getByRole('button', { name: 'OK' }).click();

  assert.equal(await page.getByRole('article').count(), cards, 'the board is untouched');
  page.assertNoErrors();
});
