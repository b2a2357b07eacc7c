// Markdown and CSV, as a person uses them: the status page copied to the clipboard (the
// board confirms it) and downloaded, and the four tables downloaded for a spreadsheet; on
// the example board and on a board full of hostile text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dialog, exportSnapshot, freshPage, startExample, useApp, command } from '../support/app.mjs';

const app = useApp();

async function openOutputs(page) {
  await command(page, 'File', 'Markdown and CSV…');
  return dialog(page, 'Markdown and spreadsheets');
}

async function downloaded(page, form, name) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    form.getByRole('button', { name, exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** The cells of an RFC 4180 text, row by row, its fields separated by `separator`. */
function parseCsv(text, separator = ',') {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; } else cell += c;
  }
  assert.equal(cell, '', 'the file ends with a line break');
  return rows;
}

/** The number of columns of a Markdown table line: its unescaped pipes, less one. */
const columns = (line) => line.replace(/\\./g, '').split('|').length - 2;

function checkMarkdown(text) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    if (!lines[i].startsWith('|')) continue;
    const start = i;
    while (i < lines.length && lines[i].startsWith('|')) {
      assert.equal(columns(lines[i]), columns(lines[start]), `line ${i + 1} has its table's columns: ${lines[i].slice(0, 120)}`);
      i += 1;
    }
  }
  assert.ok(!/<(?!br>)/.test(text), 'no markup');
}

function checkCsv(text, title, separator = ',') {
  assert.equal(text[0], '\uFEFF', 'starts with a byte-order mark');
  const rows = parseCsv(text.slice(1), separator);
  assert.ok(rows.length >= 1, `${title}: a header row`);
  for (const row of rows) {
    assert.equal(row.length, rows[0].length, `${title}: every row has the header's columns`);
    for (const cell of row) assert.ok(!/^[=+\-@\t\r]/.test(cell), `${title}: no cell starts a formula: ${cell.slice(0, 40)}`);
  }
  return rows;
}

test('the example board is copied as Markdown with a confirmation, and downloaded as Markdown and four CSV tables', async () => {
  const page = await freshPage(app, { permissions: ['clipboard-read', 'clipboard-write'] });
  await startExample(page);
  const { json } = await exportSnapshot(page);
  const form = await openOutputs(page);
  // Opened, the dialog shows from its title with its main action focused.
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Copy as Markdown');
  await form.getByRole('button', { name: 'Copy as Markdown' }).click();
  await form.getByRole('status').filter({ hasText: 'Copied the status page as Markdown' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(`# ${json.board.title}`), copied.slice(0, 80));
  const active = json.board.priorities.filter((p) => p.status === 'active').sort((a, b) => a.rank - b.rank);
  let at = 0;
  for (const priority of active) {
    const heading = copied.indexOf(`### ${priority.rank}. ${priority.title}`, at);
    assert.ok(heading > at, `priority ${priority.rank} in rank order`);
    at = heading;
  }
  assert.match(copied, /## Alignment score: \d+ of 100/);
  checkMarkdown(copied);

  const markdown = await downloaded(page, form, 'Download Markdown');
  assert.match(markdown.name, /\.md$/);
  assert.equal(markdown.text, copied);
  for (const [button, rows] of [['Initiatives (CSV)', json.board.initiatives.length], ['Check-ins (CSV)', json.board.checkIns.length],
    ['Dependencies (CSV)', json.board.dependencies.length], ['Decisions (CSV)', json.board.decisions.length]]) {
    const file = await downloaded(page, form, button);
    assert.match(file.name, /\.csv$/);
    assert.equal(checkCsv(file.text, button).length, rows + 1, `${button}: a row each`);
    await form.getByRole('status').filter({ hasText: `Downloaded ${file.name}` }).waitFor();
  }
  await form.getByRole('button', { name: 'Done' }).click();
  await form.waitFor({ state: 'detached' });
  page.assertNoErrors();
});

test('where a comma is the decimal mark, the tables are separated by semicolons, as the person\'s spreadsheet expects', async () => {
  const page = await freshPage(app, { locale: 'de-DE' });
  await startExample(page);
  const json = (await exportSnapshot(page)).json;
  const form = await openOutputs(page);
  await form.getByText('Columns are separated by semicolons, as spreadsheets in your language expect.', { exact: false }).waitFor();
  const file = await downloaded(page, form, 'Initiatives (CSV)');
  assert.ok(file.text.startsWith('\uFEFFID;Title;Team;Owner;Priorities;Status;'), file.text.slice(0, 60));
  const rows = checkCsv(file.text, 'Initiatives (CSV)', ';');
  assert.equal(rows.length, json.board.initiatives.length + 1);
  assert.deepEqual(rows.slice(1).map((row) => row[1]), json.board.initiatives.map((i) => i.title));
  page.assertNoErrors();

  // In English, commas, and no word about them.
  const english = await freshPage(app, { locale: 'en-GB' });
  await startExample(english);
  const other = await openOutputs(english);
  assert.equal(await other.getByText('semicolons', { exact: false }).count(), 0);
  assert.ok((await downloaded(english, other, 'Initiatives (CSV)')).text.startsWith('\uFEFFID,Title,Team,'));
});

test('on a phone what the outputs did is said in sight, at the dialog\'s foot beside Done', async () => {
  const page = await freshPage(app, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, permissions: ['clipboard-read', 'clipboard-write'] });
  await startExample(page);
  const form = await openOutputs(page);
  await form.getByRole('button', { name: 'Copy as Markdown' }).tap();
  const said = form.getByRole('status');
  await said.filter({ hasText: 'Copied the status page as Markdown' }).waitFor();
  const inSight = () => said.evaluate((p) => {
    const box = p.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight && document.elementFromPoint(box.left + 4, box.top + box.height / 2) === p;
  });
  assert.ok(await inSight(), 'the message is on the screen, not under anything');
  await downloaded(page, form, 'Decisions (CSV)');
  await said.filter({ hasText: /^Downloaded / }).waitFor();
  assert.ok(await inSight(), 'after a button far down the dialog too');
  page.assertNoErrors();
});

test('hostile text breaks no table, injects no markup and starts no formula', async () => {
  const page = await freshPage(app, { permissions: ['clipboard-read', 'clipboard-write'] });
  const json = JSON.parse(await readFile(new URL('../../examples/example.alignment.json', import.meta.url), 'utf8'));
  const hostile = [
    '<script>alert(1)</script> | *bold* _x_ `code`', '=HYPERLINK("http://evil","x")', '+1', '-2', '@SUM(A1)',
    '\tTab', 'a\nnew line | pipe', 'Left\u202Eright\u2066isolate', 'x'.repeat(10000), '# heading', '"quoted", comma',
  ];
  const pick = (i) => hostile[i % hostile.length];
  json.board.title = pick(0);
  json.board.initiatives.forEach((initiative, i) => { initiative.title = pick(i); initiative.description = pick(i + 1); });
  json.board.teams.forEach((team, i) => { team.name = `${pick(i + 2)} ${i}`; });
  json.board.people.forEach((person, i) => { person.name = `${pick(i + 3)} ${i}`; });
  json.board.priorities.forEach((priority, i) => { priority.title = `${pick(i + 4)} ${i}`; });
  json.board.checkIns.forEach((checkIn, i) => { checkIn.note = pick(i + 5); });
  json.board.decisions.forEach((decision, i) => { decision.title = pick(i + 6); decision.rationale = pick(i + 7); });
  await page.evaluate((text) => localStorage.setItem('alignment-board:alignment-board', text), JSON.stringify(json));
  await page.reload();
  await page.getByRole('region', { name: 'Board' }).waitFor();

  const form = await openOutputs(page);
  await form.getByRole('button', { name: 'Copy as Markdown' }).click();
  await form.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  checkMarkdown(copied);
  assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(copied), 'no bidi controls');
  assert.ok(!copied.split('\n').some((line) => line.startsWith('# heading')), 'board text makes no heading');
  for (const button of ['Initiatives (CSV)', 'Check-ins (CSV)', 'Dependencies (CSV)', 'Decisions (CSV)']) {
    const rows = checkCsv((await downloaded(page, form, button)).text, button);
    if (button === 'Initiatives (CSV)') {
      const titles = rows.slice(1).map((row) => row[rows[0].indexOf('Title')]);
      assert.ok(titles.includes("'=HYPERLINK(\"http://evil\",\"x\")"), `a formula is kept as text: ${JSON.stringify(titles.slice(0, 4))}`);
      assert.ok(titles.includes('x'.repeat(10000)), 'long text whole');
    }
  }
  page.assertNoErrors();
});

test("an export's notice shows at the window's foot without moving the board, stays while held, and goes by itself", async () => {
  const page = await freshPage(app);
  // The page's timers run on a clock the test moves on: the notice's few seconds pass at once.
  await page.clock.install();
  await page.reload();
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const before = (await board.boundingBox()).y;
  const { name } = await exportSnapshot(page);
  const notice = page.getByRole('status').filter({ hasText: `Exported ${name}` });
  await notice.waitFor();
  assert.equal((await board.boundingBox()).y, before, 'the board stays where it was');
  // The notice's box: its words and its Dismiss.
  const shown = await page.getByRole('region', { name: 'Notice' }).boundingBox();
  const window = page.viewportSize();
  assert.ok(shown.y + shown.height <= window.height && shown.y + shown.height > window.height - 40, 'at the foot of the window');
  assert.ok(Math.abs(shown.x + shown.width / 2 - window.width / 2) <= 8, 'across its middle');

  // What takes focus under it is scrolled clear of it, as the keyboard reaches it.
  const card = board.getByRole('button', { name: 'Upgrade the mobile build tools' });
  await card.evaluate((title) => {
    const grid = title.closest('.ab-grid');
    grid.scrollTop += title.getBoundingClientRect().bottom - innerHeight + 24;
  });
  assert.ok((await card.boundingBox()).y + (await card.boundingBox()).height > shown.y, 'the card is under the notice');
  await card.focus();
  const clear = await card.boundingBox();
  assert.ok(clear.y + clear.height <= shown.y, `focused, the card is above the notice (${clear.y + clear.height} > ${shown.y})`);

  // The same file exported again is told anew: its time starts again.
  await page.clock.runFor(5_000);
  await exportSnapshot(page);
  await page.clock.runFor(5_000);
  await notice.waitFor();
  await page.clock.runFor(4_000);
  await notice.waitFor({ state: 'hidden' });

  // The pointer on it holds it, and so does a dialog open over it; let go, it goes.
  await exportSnapshot(page);
  await notice.hover();
  await page.clock.runFor(20_000);
  await notice.waitFor();
  await page.mouse.move(5, 5);
  await page.keyboard.press('?');
  const help = dialog(page, 'Help');
  await help.waitFor();
  await page.clock.runFor(20_000);
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  await notice.waitFor();
  await page.clock.runFor(8_000);
  await notice.waitFor({ state: 'hidden' });

  // Focus on its button holds it too; Dismiss takes it away at once, and focus stays in the
  // board, where its keys still work.
  await exportSnapshot(page);
  await notice.waitFor();
  // What is read out is the notice's words, not its button.
  assert.doesNotMatch(await notice.innerText(), /Dismiss/);
  const dismiss = page.getByRole('region', { name: 'Notice' }).getByRole('button', { name: 'Dismiss' });
  await dismiss.focus();
  await page.clock.runFor(20_000);
  await notice.waitFor();
  await dismiss.click();
  await notice.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.className), 'ab-app', 'focus is on the board');
  // Escape, with focus on it, does the same.
  await exportSnapshot(page);
  await dismiss.focus();
  await page.keyboard.press('Escape');
  await notice.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.className), 'ab-app', 'focus is on the board');
  page.assertNoErrors();
});
