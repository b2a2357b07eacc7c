// Printing: Print… renders every lane and opens the browser's print; the printed pages are
// landscape, hold the board's title, period and the date printed, every priority's title,
// and no toolbar or button. Cards never split: each card avoids a break inside it and is
// shorter than a page, which is when Chromium keeps it whole. The PDF is read back with
// poppler's pdftotext.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialog, freshPage, startExample, useApp, command } from '../support/app.mjs';

const app = useApp();

/** Prints the page to a PDF through Print… (the browser's dialog stubbed); its text and page size. */
async function printed(page, button = true) {
  if (button) {
    await command(page, 'File', 'Print…');
    await page.waitForFunction(() => window.printed > 0);
  }
  const dir = await mkdtemp(join(tmpdir(), 'ab-print-'));
  try {
    const path = join(dir, 'board.pdf');
    await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    const [, width, height] = info.match(/Page size:\s+([\d.]+) x ([\d.]+)/);
    return { text, pages: Number(info.match(/Pages:\s+(\d+)/)[1]), landscape: Number(width) > Number(height) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Without spaces and hyphens: pdftotext joins a word hyphenated at a line's end (time-to-
// value becomes time-tovalue).
const squeezed = (text) => text.replace(/[\s-]+/g, '');

async function stubbedPrintPage() {
  const page = await freshPage(app);
  await page.addInitScript(() => { window.print = () => { window.printed = (window.printed ?? 0) + 1; }; });
  await page.reload();
  return page;
}

/** Every card, in print media: it avoids breaks inside and fits a page (landscape A4 less margins: about 720 × 520 CSS px). */
async function cardsKeepWhole(page) {
  await page.emulateMedia({ media: 'print' });
  const cards = await page.locator('.ab-card').evaluateAll((all) => all.map((card) => ({
    avoid: getComputedStyle(card).breakInside,
    height: card.getBoundingClientRect().height,
  })));
  await page.emulateMedia({ media: null });
  assert.ok(cards.length > 0);
  for (const card of cards) {
    assert.equal(card.avoid, 'avoid');
    assert.ok(card.height < 520, `a card ${card.height} px tall fits a page`);
  }
  return cards.length;
}

test('the example board prints landscape with its title, period, date and every priority, without buttons', async () => {
  const page = await stubbedPrintPage();
  await startExample(page);
  const board = await page.evaluate(() => document.querySelector('.ab-header__title').textContent);
  const priorities = await page.getByRole('region', { name: 'Board' }).locator('.ab-column-head__edit')
    .evaluateAll((titles) => titles.map((t) => t.textContent.trim()));
  const { text, pages, landscape } = await printed(page);
  assert.ok(landscape, 'landscape pages');
  assert.ok(pages >= 1);
  for (const expected of [board, 'Q4 2026', ...priorities]) {
    assert.ok(squeezed(text).includes(squeezed(expected)), `the print holds “${expected}”`);
  }
  // Paper is read later: the date printed has its year.
  assert.match(text, /Printed [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  for (const command of ['Add initiative', 'Export snapshot', 'Print…', 'Needs attention']) {
    assert.ok(!text.includes(command), `no “${command}” on paper`);
  }
  await cardsKeepWhole(page);
  page.assertNoErrors();
});

test('on paper a team\'s name of one long word keeps whole, and a figure keeps its "%"', async () => {
  const page = await stubbedPrintPage();
  await startExample(page);
  await command(page, 'Add', 'Add team…');
  const form = dialog(page, 'Add team');
  await form.getByLabel('Name').fill('Operations');
  await form.getByRole('button', { name: 'Add team' }).click();
  await page.getByRole('rowheader').filter({ hasText: 'Operations' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1046, height: 720 });
  const lines = await page.locator('.ab-lane-head').evaluateAll((heads) => heads.map((head) => {
    const count = (element) => Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight));
    const name = head.querySelector('.ab-lane-head__name');
    return { name: name.textContent, nameLines: count(name), effort: head.querySelector('.ab-lane-head__effort').textContent };
  }));
  await page.emulateMedia({ media: null });
  const operations = lines.find((lane) => lane.name === 'Operations');
  assert.equal(operations.nameLines, 1, JSON.stringify(operations));
  for (const lane of lines) assert.match(lane.effort, /^Committed \d+\u00a0%/, 'the figure and "%" are joined');
  page.assertNoErrors();
});

test('a big board prints every lane, not only those near the screen', async () => {
  const page = await stubbedPrintPage();
  const snapshot = execFileSync('cargo', ['run', '--quiet', '--locked', '--example', 'generate', '--',
    '720', '24', '6', '1500', '2026-11-25'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  await page.evaluate((text) => localStorage.setItem('alignment-board:alignment-board', text), snapshot);
  await page.reload();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  const { board } = JSON.parse(snapshot);
  assert.ok(await page.locator('.ab-lane-placeholder').count() > 0, 'on screen, far lanes wait');
  await command(page, 'File', 'Print…');
  await page.waitForFunction(() => window.printed > 0);
  assert.equal(await page.locator('.ab-lane-placeholder').count(), 0, 'every lane is rendered for printing');
  const cards = await cardsKeepWhole(page);
  assert.ok(cards >= board.initiatives.length, `${cards} cards printed`);
  // A long lane is printed as rows that each fit a page under the repeated priorities, and
  // each row is headed by the lane's name: every page that holds a lane names it.
  await page.emulateMedia({ media: 'print' });
  const rows = await page.locator('.ab-grid__row:not(.ab-grid__row--head)').evaluateAll((all) => all.map((row) => ({
    avoid: getComputedStyle(row).breakInside,
    height: row.getBoundingClientRect().height,
    lane: row.querySelector('.ab-lane-head__name').textContent,
    // "(continued)" on a line of its own: how many lines the label takes.
    continued: ((label) => label && Math.round(label.getBoundingClientRect().height / (parseFloat(getComputedStyle(label).fontSize) * 1.2)))(row.querySelector('.ab-lane-head__continued')),
  })));
  await page.emulateMedia({ media: null });
  for (const row of rows) {
    assert.equal(row.avoid, 'avoid', row.lane);
    assert.ok(row.height < 560, `${row.lane}: ${row.height} px fits a page under the priorities`);
  }
  assert.ok(rows.some((row) => row.lane.endsWith('(continued)')), 'long lanes go on, named again');
  for (const row of rows.filter((r) => r.lane.endsWith('(continued)'))) assert.equal(row.continued, 1, `${row.lane}: "(continued)" whole, on one line`);
  const { text } = await printed(page, false);
  assert.ok(squeezed(text).includes("(continued)"), "the print names lanes that go on");
  const all = squeezed(text);
  for (const priority of board.priorities.filter((p) => (p.status ?? 'active') === 'active')) {
    assert.ok(all.includes(squeezed(priority.title)), `the print holds “${priority.title}”`);
  }
  for (const team of board.teams) assert.ok(all.includes(squeezed(team.name)), `the print holds the lane “${team.name}”`);
  const missing = board.initiatives.filter((i) => !all.includes(squeezed(i.title)));
  assert.deepEqual(missing.map((i) => i.title), [], 'every initiative is on paper');
  page.assertNoErrors();
});

test('the Health view prints its score and parts without buttons', async () => {
  const page = await stubbedPrintPage();
  await startExample(page);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Health/ }).click();
  const region = page.getByRole('region', { name: 'Alignment score' });
  await region.waitFor();
  const { text } = await printed(page);
  assert.match(text, /Alignment score/);
  for (const part of ['Focus', 'Coverage', 'Dependencies']) assert.ok(text.includes(part), `the print holds the part ${part}`);
  assert.ok(!text.includes('Export snapshot'));
  assert.ok(!text.includes('Open a part'), 'no instructions for the screen on paper');
  page.assertNoErrors();
});

test('a board full of hostile text prints as text, every card whole', async () => {
  const page = await stubbedPrintPage();
  const json = JSON.parse(await readFile(new URL('../../examples/example.alignment.json', import.meta.url), 'utf8'));
  const hostile = ['<script>alert(1)</script> | *bold*', '=HYPERLINK("x")', 'Left\u202Eright', 'x'.repeat(10000), 'a\nb | c'];
  json.board.initiatives.forEach((initiative, i) => { initiative.title = hostile[i % hostile.length]; });
  json.board.priorities.forEach((priority, i) => { priority.title = `${hostile[i % hostile.length]} ${i}`; });
  await page.evaluate((text) => localStorage.setItem('alignment-board:alignment-board', text), JSON.stringify(json));
  await page.reload();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  await command(page, 'File', 'Print…');
  await page.waitForFunction(() => window.printed > 0);
  await cardsKeepWhole(page);
  const { text } = await printed(page, false);
  assert.ok(text.includes('<script>alert(1)</script>'), 'markup printed as text');
  assert.equal(await page.evaluate(() => window.alerted ?? false), false);
  page.assertNoErrors();
});

test('a review summary prints with what the review did', async () => {
  const page = await stubbedPrintPage();
  await startExample(page);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Rhythm/ }).click();
  await page.getByRole('button', { name: 'Start guided review' }).click();
  const total = Number((await page.getByRole('heading', { level: 2, name: /^Guided review · 1 of / }).innerText()).match(/of (\d+)/)[1]);
  await page.keyboard.press('Control+Enter');
  for (let step = 2; step <= total; step += 1) {
    await page.getByRole('heading', { level: 2, name: `Guided review · ${step} of ${total}` }).waitFor();
    await page.keyboard.press('Alt+ArrowRight');
  }
  await page.getByRole('region', { name: 'Review summary' }).waitFor();
  const { text } = await printed(page);
  assert.match(text, /Review summary/);
  assert.match(text, new RegExp(`1 of ${total} due initiatives checked in`));
  assert.ok(!text.includes('Record review'), 'no buttons on paper');
  page.assertNoErrors();
});
