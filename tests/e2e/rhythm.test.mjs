// The operating rhythm as people use it: a whole guided review done from the keyboard
// alone, kept across a reload; checking in from a card; comparing the board with an
// older exported snapshot; starting the next period.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { addTeam, dialog, exportSnapshot, freshPage, importFile, isFocused, saved, startExample, useApp } from '../support/app.mjs';

const app = useApp();

/** `text` for a regular expression that matches it as it is. */
const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openRhythm(page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Rhythm/ }).click();
  const rhythm = page.getByRole('region', { name: 'Operating rhythm' });
  await rhythm.waitFor();
  return rhythm;
}

/** Starts a guided review from Rhythm; how many steps it has. */
async function startReview(page) {
  const rhythm = await openRhythm(page);
  await rhythm.getByRole('button', { name: 'Start guided review' }).click();
  return Number((await page.getByRole('heading', { level: 2, name: /^Guided review · 1 of / }).innerText()).match(/of (\d+)/)[1]);
}

/** Whether leaving the page now would be asked about (the browser's own question). */
function leavingAsks(page) {
  return page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
}

/** The element that has focus, by its accessible role and name as far as tests need. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, text: el.textContent.trim(), label: el.getAttribute('aria-label') ?? '' };
  });
}

test('a review that only records check-ins says so, and never that nothing differs', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const rhythm = await openRhythm(page);
  await rhythm.getByRole('button', { name: 'Start guided review' }).click();
  const total = Number((await page.getByRole('heading', { level: 2, name: /^Guided review · 1 of / }).innerText()).match(/of (\d+)/)[1]);
  let first;
  for (let step = 1; step <= 3; step += 1) {
    await page.getByRole('heading', { level: 2, name: `Guided review · ${step} of ${total}` }).waitFor();
    if (step === 1) first = await page.getByRole('region', { name: /^Guided review · / }).getByRole('article').getAttribute('aria-label');
    await page.keyboard.press('Control+Enter'); // as it was: the same status and progress
    if (step === 1) {
      // Then its status changed on the board, out of the review: the summary says so.
      await page.getByRole('heading', { level: 2, name: `Guided review · 2 of ${total}` }).waitFor();
      const views = page.getByRole('navigation', { name: 'Views' });
      await views.getByRole('button', { name: 'Board' }).click();
      const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: first }).first();
      const status = (await card.getByRole('button', { name: /^Status: / }).getAttribute('aria-label')).replace('Status: ', '');
      await card.getByRole('button', { name: /^Status: / }).click();
      await page.getByRole('menuitemradio', { name: status === 'Off track' ? 'At risk' : 'Off track' }).click();
      await page.getByRole('menu').waitFor({ state: 'detached' });
      await views.getByRole('button', { name: /^Rhythm/ }).click();
      await page.getByRole('heading', { level: 2, name: `Guided review · 2 of ${total}` }).click();
    }
  }
  for (let step = 4; step <= total; step += 1) {
    const heading = page.getByRole('heading', { level: 2, name: `Guided review · ${step} of ${total}` });
    await heading.waitFor();
    // A click on the step's text, not on a field, leaves the keys working.
    if (step === 4) await heading.click();
    // The last step's button says the review ends with it.
    if (step === total) await page.getByRole('button', { name: 'Save and finish' }).waitFor();
    await page.keyboard.press('Alt+ArrowRight');
  }
  const summary = page.getByRole('region', { name: 'Review summary' });
  await summary.getByText(new RegExp(`3 of ${total} due initiatives checked in`)).waitFor();
  assert.equal(await summary.getByRole('list', { name: 'Check-ins recorded' }).getByRole('listitem').count(), 3);
  assert.equal(await summary.getByText(/^No differences/).count(), 0, 'the check-ins are the difference');
  // What the check-ins set is theirs; the status set on the board after is the board's.
  await summary.getByRole('heading', { name: 'Initiatives · 0 added, 0 removed, 1 changed' }).waitFor();
  await summary.getByRole('listitem').filter({ hasText: first }).filter({ hasText: /status: / }).waitFor();
  // What each check-in said reads on one line beside its initiative, not in a narrow column.
  const said = summary.getByRole('list', { name: 'Check-ins recorded' }).locator('.ab-finding__reason').first();
  const line = await said.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
  assert.ok((await said.boundingBox()).height < line * 1.5, 'one line');
  page.assertNoErrors();
});

test("a team lead sees their team's rhythm alone, and reviews only its due work", async () => {
  const page = await freshPage(app);
  await startExample(page);
  const rhythm = await openRhythm(page);
  const all = await rhythm.getByRole('button', { name: /^Check in on / }).count();
  const groups = rhythm.getByRole('region', { name: /^Due in / });
  assert.ok(await groups.count() > 1, 'several teams have work due');
  const team = (await groups.nth(1).getAttribute('aria-label')).replace('Due in ', '');
  const theirs = await groups.nth(1).getByRole('button', { name: /^Check in on / }).count();
  const changes = rhythm.getByRole('list', { name: 'Changes since the last review' }).getByRole('listitem');
  const everyChange = await changes.allInnerTexts();
  const chips = rhythm.getByRole('group', { name: 'Show the rhythm of' });
  await chips.getByRole('button', { name: team, exact: true }).click();
  await chips.getByRole('button', { name: team, exact: true, pressed: true }).waitFor();
  await rhythm.getByRole('heading', { name: `What is due in ${team}` }).waitFor();
  // What changed since the review is the team's too: some of the board's changes.
  await rhythm.getByRole('heading', { name: `Since the last review, in ${team}` }).waitFor();
  const teamChanges = await changes.allInnerTexts();
  assert.ok(teamChanges.length > 0 && teamChanges.length < everyChange.length, `${teamChanges.length} of ${everyChange.length}`);
  assert.ok(teamChanges.every((row) => everyChange.includes(row)));
  assert.deepEqual(await groups.evaluateAll((all) => all.map((g) => g.getAttribute('aria-label'))), [`Due in ${team}`]);
  assert.equal(await rhythm.getByRole('button', { name: /^Check in on / }).count(), theirs);
  await rhythm.getByText(new RegExp(`^${theirs} of \\d+ active initiatives$`)).waitFor();
  // The guided review walks this team's due work only.
  const fact = (name) => rhythm.locator('dt', { hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd[1]').textContent();
  const lastReview = () => fact('Last review');
  const before = await lastReview();
  assert.equal(await fact('Last check-in round'), 'none yet');
  await rhythm.getByRole('button', { name: `Start guided review of ${team}` }).click();
  await page.getByRole('heading', { level: 2, name: `${team}'s check-in round · 1 of ${theirs}` }).waitFor();
  assert.ok(theirs < all);
  // Escape with nothing typed asks too: the summary cannot go back to the steps left.
  await page.keyboard.press('Escape');
  const ending = page.getByRole('group', { name: 'End the review here? The steps left are not checked in.' });
  await isFocused(page, ending.getByRole('button', { name: 'Keep reviewing' }));
  await page.keyboard.press('Escape');
  await ending.waitFor({ state: 'detached' });
  // A note typed and not saved; the person looks at the board and comes back.
  await page.getByLabel('Note').fill('Waiting on legal');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Board' }).click();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Rhythm/ }).click();
  await page.getByRole('heading', { level: 2, name: `${team}'s check-in round · 1 of ${theirs}` }).waitFor();
  // Ending the review asks before the note goes: kept, the review goes on.
  await page.getByRole('button', { name: 'End review' }).click();
  const question = page.getByRole('group', { name: /^What you typed in this review is not saved/ });
  await isFocused(page, question.getByRole('button', { name: 'Keep reviewing' }));
  await page.keyboard.press('Enter');
  await isFocused(page, page.getByRole('button', { name: 'End review' }));
  assert.equal(await page.getByLabel('Note').inputValue(), 'Waiting on legal');
  // Escape ends the review as it closes a dialog: it asks too, and a second Escape keeps it.
  await page.keyboard.press('Escape');
  await isFocused(page, question.getByRole('button', { name: 'Keep reviewing' }));
  await page.keyboard.press('Escape');
  await isFocused(page, page.getByRole('button', { name: 'End review' }));
  await page.keyboard.press('Enter');
  await question.getByRole('button', { name: 'End and discard' }).click();
  // Recorded, it is still the team's check-in round, though another view was shown
  // meanwhile: the board's last review stays as it was.
  await page.getByRole('region', { name: 'Check-in round summary' }).waitFor();
  await page.getByText(new RegExp(`^${escaped(team)}'s check-in round: 0 of ${theirs} due initiatives checked in`)).waitFor();
  await page.getByRole('button', { name: 'Record check-in round' }).click();
  await page.getByRole('status').filter({ hasText: `${team}'s check-in round recorded.` }).waitFor();
  assert.equal(await lastReview(), before);
  // The team's own figures keep it; the file names the team.
  await rhythm.getByRole('heading', { name: `What is due in ${team}` }).waitFor();
  assert.match(await fact('Last check-in round'), /^\w+ \d+ \(today\)$/);
  const file = (await exportSnapshot(page)).json.board;
  const round = file.reviews.find((r) => r.kind === 'checkIn' && r.summary.startsWith(`${team}'s check-in round`));
  assert.equal(round.teamId, file.teams.find((t) => t.name === team).id);
  assert.ok(file.reviews.filter((r) => r !== round).every((r) => !('teamId' in r)), 'other reviews are written as before');
  // Health's trend names the round's team.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Health/ }).click();
  await page.getByRole('region', { name: 'Alignment score' }).getByRole('cell', { name: `${team}'s check-in round` }).waitFor();
  page.assertNoErrors();
});

test('checked in from the list of what is due until none is left, focus rests on what says so', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const rhythm = await openRhythm(page);
  // The team with the least work due.
  const groups = rhythm.getByRole('region', { name: /^Due in / });
  const counts = await groups.evaluateAll((all) => all.map((g) => [g.getAttribute('aria-label').replace('Due in ', ''),
    g.querySelectorAll('button[data-check-in]').length]));
  const [team] = counts.sort((a, b) => a[1] - b[1])[0];
  const chips = rhythm.getByRole('group', { name: 'Show the rhythm of' });
  await chips.getByRole('button', { name: team, exact: true }).click();
  await rhythm.getByRole('heading', { name: `What is due in ${team}` }).waitFor();
  const buttons = rhythm.getByRole('button', { name: /^Check in on / });
  for (let left = await buttons.count(); left > 0; left--) {
    const title = (await buttons.first().getAttribute('aria-label')).replace('Check in on ', '');
    await buttons.first().click();
    const form = page.getByRole('dialog', { name: /^Check in: / });
    await form.getByRole('button', { name: 'Save check-in' }).click();
    await form.waitFor({ state: 'detached' });
    // The work leaves the list; the window's foot says it was checked in on.
    await page.getByRole('status').filter({ hasText: `Checked in on “${title}”.` }).waitFor();
  }
  const empty = rhythm.getByText(`Nothing is due in ${team}: all its active work was checked in on, or added, within the rhythm.`);
  await page.waitForFunction((element) => element === document.activeElement, await empty.elementHandle());
  // A team's rhythm records no review of the whole board.
  assert.equal(await rhythm.getByRole('button', { name: 'Record review' }).count(), 0);
  page.assertNoErrors();
});

test('a board with nothing due records its review at once, the starting point of what changes since', async () => {
  const page = await freshPage(app);
  await page.getByRole('button', { name: 'Start blank' }).click();
  await addTeam(page, 'Platform');
  await page.getByRole('button', { name: 'Add initiative', exact: true }).click();
  const form = dialog(page, 'Add initiative');
  await form.getByLabel('Title').fill('Fewer pages at night');
  await form.getByRole('button', { name: 'Add initiative' }).click();
  await form.waitFor({ state: 'detached' });
  const rhythm = await openRhythm(page);
  await rhythm.getByText('Nothing is due: all active work was checked in on, or added, within the rhythm.').waitFor();
  assert.equal(await rhythm.getByRole('button', { name: 'Start guided review' }).count(), 0);
  await rhythm.getByText('No review recorded yet: the first guided review sets the starting point.').waitFor();
  await rhythm.getByRole('button', { name: 'Record review' }).click();
  await page.getByRole('status').filter({ hasText: /^Review recorded/ }).waitFor();
  assert.equal(await rhythm.getByText('No review recorded yet', { exact: false }).count(), 0);
  page.assertNoErrors();
});

test('a guided review is done with the keyboard alone and is kept after a reload', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const before = (await exportSnapshot(page)).json.board;
  const rhythm = await openRhythm(page);
  const due = await rhythm.getByRole('button', { name: /^Check in on / }).count();
  assert.ok(due >= 5, `the example has work due (${due})`);
  // Why each is due: since its last check-in, or since it was added when it has none.
  await rhythm.getByText(/^last check-in \d+ days ago, \d+ days? late$/).first().waitFor();
  await rhythm.getByText(/^no check-in yet, added \d+ days ago, \d+ days? late$/).first().waitFor();

  const healthTab = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Health/ });
  const scoreBefore = (await healthTab.textContent()).replace(/\D/g, '');
  // From here on, only the keyboard.
  await rhythm.getByRole('button', { name: 'Start guided review' }).focus();
  await page.keyboard.press('Enter');
  const review = page.getByRole('region', { name: /^Guided review · 1 of / });
  await review.waitFor();
  const total = Number((await review.getByRole('heading', { level: 2 }).innerText()).match(/of (\d+)/)[1]);
  assert.equal(total, due);

  // The board's one live region: a review's steps are said there, as its changes are; the
  // save status is shown, not spoken.
  const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
  assert.equal(await review.locator('[aria-live], [role="status"], [role="alert"]').count(), 0, 'the review has no live region of its own');
  await live.filter({ hasText: new RegExp(`^Guided review started\\. 1 of ${total}: “`) }).waitFor();
  assert.equal(await page.getByRole('banner').getByRole('status').getAttribute('aria-live'), 'off');
  let checkedIn = 0;
  for (let step = 1; step <= total; step += 1) {
    await page.getByRole('heading', { level: 2, name: `Guided review · ${step} of ${total}` }).waitFor();
    assert.equal((await focused(page)).tag, 'SELECT', 'the status field has focus');
    if (step === 2) {
      // Skip one, go back to it, and skip it again for good.
      await page.keyboard.press('Alt+ArrowRight');
      await page.getByRole('heading', { level: 2, name: `Guided review · 3 of ${total}` }).waitFor();
      // Focus stays in the form: the board's live region says which initiative is now shown.
      const current = page.getByRole('region', { name: /^Guided review · / });
      const shown = await current.getByRole('article').getAttribute('aria-label');
      await live.filter({ hasText: new RegExp(`^3 of ${total}: “${escaped(shown)}”, `) }).waitFor();
      await page.keyboard.press('Alt+ArrowLeft');
      await page.getByRole('heading', { level: 2, name: `Guided review · 2 of ${total}` }).waitFor();
      await page.keyboard.press('Alt+ArrowRight');
      continue;
    }
    if (step === 3) {
      // Back to the first, saved before: it says so, shows what was said, and saving it
      // again corrects that check-in instead of adding another.
      await page.keyboard.press('Alt+ArrowLeft');
      await page.keyboard.press('Alt+ArrowLeft');
      await page.getByRole('heading', { level: 2, name: `Guided review · 1 of ${total}` }).waitFor();
      const first = page.getByRole('region', { name: /^Guided review · / });
      await first.getByText('Checked in during this review: saving again corrects that check-in.').waitFor();
      // It is said too, and its previous check-in is the one before the review's, not itself.
      await live.filter({ hasText: /^1 of \d+: “.*Checked in during this review: saving again corrects that check-in$/ }).waitFor();
      assert.doesNotMatch(await first.locator('.ab-check-in__previous').innerText(), /Reviewed step 1/);
      // Its bar says what the steps taken were.
      assert.equal(await first.getByRole('progressbar', { name: 'Review progress' }).getAttribute('aria-valuetext'),
        `1 checked in and 1 skipped, of ${total}`);
      assert.equal(await first.getByLabel('Note').inputValue(), 'Reviewed step 1');
      await first.getByLabel('Note').fill('Reviewed step 1, corrected');
      await page.keyboard.press('Control+Enter');
      await page.getByRole('heading', { level: 2, name: `Guided review · 2 of ${total}` }).waitFor();
      // Skipped on a later visit, a step saved before stays saved (the summary counts it).
      await page.keyboard.press('Alt+ArrowLeft');
      await page.getByRole('heading', { level: 2, name: `Guided review · 1 of ${total}` }).waitFor();
      await page.getByRole('region', { name: /^Guided review · / }).getByLabel('Status').focus();
      await page.keyboard.press('Alt+ArrowRight');
      await page.getByRole('heading', { level: 2, name: `Guided review · 2 of ${total}` }).waitFor();
      await page.keyboard.press('Alt+ArrowRight');
      await page.getByRole('heading', { level: 2, name: `Guided review · 3 of ${total}` }).waitFor();
    }
    if (step === 1) await page.keyboard.press('ArrowDown'); // a status change on the first
    await page.keyboard.press('Tab'); // Progress
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(40 + step));
    await page.keyboard.press('Tab'); // Confidence
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); // Checked in by: the owner
    await page.keyboard.press('Tab'); // Note
    await page.keyboard.type(`Reviewed step ${step}`);
    if (step === 4) {
      // Alt + ← in the note (Option + ← moves by word on a Mac) neither leaves the step nor
      // the page: what is typed next goes on in the note.
      await page.keyboard.press('Alt+ArrowLeft');
      await page.keyboard.press('End');
      await page.keyboard.type(', kept');
      assert.equal(await page.getByRole('region', { name: 'Guided review · 4 of ' + total }).getByLabel('Note').inputValue(), 'Reviewed step 4, kept');
    }
    const title = await page.getByRole('region', { name: /^Guided review · / }).getByRole('article').getAttribute('aria-label');
    await page.keyboard.press('Control+Enter');
    checkedIn += 1;
    // Saved and moved on: one announcement says both, so no screen reader cuts either short.
    if (step < total) {
      await page.getByRole('heading', { level: 2, name: `Guided review · ${step + 1} of ${total}` }).waitFor();
      await live.filter({ hasText: new RegExp(`^Checked in on “${escaped(title)}”\\. ${step + 1} of ${total}: “`) }).waitFor();
    }
  }

  const summary = page.getByRole('region', { name: 'Review summary' });
  await summary.waitFor();
  assert.equal((await focused(page)).text, 'Review summary', 'focus moves to the summary');
  await live.filter({ hasText: new RegExp(`\\. The review's summary: ${checkedIn} of ${total} checked in$`) }).waitFor();
  await summary.getByText(new RegExp(`${checkedIn} of ${total} due initiatives checked in`)).waitFor();
  assert.equal(await summary.getByRole('list', { name: 'Not checked in' }).getByRole('listitem').count(), 1);
  assert.equal(await summary.getByRole('list', { name: 'Check-ins recorded' }).getByRole('listitem').count(), checkedIn);
  // Each check-in says what it moved, and the board's comparison does not list it again.
  await summary.getByRole('list', { name: 'Check-ins recorded' }).getByText(/^checked in: .+, \d+ % → \d+ % done, confidence .+: Reviewed step 4, kept$/).waitFor();
  assert.equal(await summary.getByRole('heading', { name: /^Initiatives · / }).count(), 0, 'nothing listed twice');
  const scoreNow = (await healthTab.textContent()).replace(/\D/g, '');
  await summary.getByText(scoreNow === scoreBefore
    ? `Alignment score now: ${scoreNow}, as it began.`
    : `Alignment score now: ${scoreNow} (${scoreBefore} as it began).`, { exact: true }).waitFor();
  // Tab to "Record review" and press Enter.
  for (let i = 0; i < 60 && (await focused(page)).text !== 'Record review'; i += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText(/^Review recorded with an alignment score of \d+\.$/).waitFor();
  assert.equal(await live.textContent(), '', 'said once, by the notice');
  // The button went with the review: the keyboard carries on from the view's heading.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Operating rhythm');
  assert.equal((await focused(page)).tag, 'H2');
  await saved(page);

  // A reload opens the view the address names, Rhythm.
  await page.reload();
  await page.getByRole('heading', { name: 'Operating rhythm' }).waitFor();
  const after = (await exportSnapshot(page)).json.board;
  assert.equal(after.checkIns.length, before.checkIns.length + checkedIn, 'every check-in is kept');
  const notes = after.checkIns.filter((c) => c.note.startsWith('Reviewed step'));
  assert.equal(notes.length, checkedIn);
  assert.ok(notes.every((c) => c.progress === 40 + Number(c.note.match(/step (\d+)/)[1])));
  assert.ok(notes.some((c) => c.note === 'Reviewed step 1, corrected'), 'a step saved again corrects its check-in');
  assert.equal(after.reviews.length, before.reviews.length + 1);
  const entry = after.reviews.at(-1);
  assert.equal(entry.kind, 'review');
  assert.ok(Number.isInteger(entry.score), 'the review records the score');
  assert.match(entry.summary, new RegExp(`${checkedIn} of ${total} due initiatives checked in`));
  // The review just happened, so nothing has changed since.
  const rhythmAgain = await openRhythm(page);
  await rhythmAgain.getByText(/^Nothing has changed since the review of /).waitFor();
  page.assertNoErrors();
});

test('"Changed since review" marks the work a review should look at again, not every card checked in since', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  // Weekly check-ins since a review four weeks ago touched nearly every card: a third or more
  // of them stay unmarked (a card that also serves other priorities shows in each column).
  const cards = await board.getByRole('article').count();
  const marked = await board.getByRole('article').filter({ hasText: 'Changed since review' }).count();
  assert.ok(marked > 0 && marked <= (cards * 2) / 3, `${marked} of ${cards} cards marked`);
  // Checked in since the review and on track throughout: not marked, until its status moves.
  const card = board.getByRole('article', { name: 'Guided setup wizard' }).first();
  assert.equal(await card.getByText('Changed since review').count(), 0);
  await card.getByRole('button', { name: 'Status: On track' }).click();
  await page.getByRole('menu', { name: 'Status' }).getByRole('menuitemradio', { name: 'At risk' }).click();
  await card.getByText('Changed since review').waitFor();
  page.assertNoErrors();
});

test('the guided review goes through the due work in the order the list of what is due shows it', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const rhythm = await openRhythm(page);
  const listed = (await rhythm.getByRole('button', { name: /^Check in on / }).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label'))))
    .map((label) => label.replace('Check in on ', ''));
  await rhythm.getByRole('button', { name: 'Start guided review' }).click();
  const walked = [];
  for (let step = 1; step <= listed.length; step += 1) {
    const review = page.getByRole('region', { name: `Guided review · ${step} of ${listed.length}` });
    walked.push(await review.getByRole('article').getAttribute('aria-label'));
    await review.getByRole('button', { name: 'Skip', exact: true }).click();
  }
  await page.getByRole('region', { name: 'Review summary' }).waitFor();
  assert.deepEqual(walked, listed);
  page.assertNoErrors();
});

test('a guided review ended early says where it is, and one closed without recording says so', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const rhythm = await openRhythm(page);
  const total = await rhythm.getByRole('button', { name: /^Check in on / }).count();
  await rhythm.getByRole('button', { name: 'Start guided review' }).click();
  const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
  await page.getByRole('button', { name: 'End review' }).click();
  await page.getByRole('region', { name: 'Review summary' }).waitFor();
  await live.filter({ hasText: `The review's summary: 0 of ${total} checked in` }).waitFor();
  // Closing keeps the check-ins, and the summary says so before the person chooses.
  await page.getByRole('region', { name: 'Review summary' }).getByText('The check-ins are saved either way.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Close without recording' }).click();
  await rhythm.getByRole('button', { name: 'Start guided review' }).waitFor();
  await live.filter({ hasText: 'Review closed without recording it; its check-ins are kept' }).waitFor();
  page.assertNoErrors();
});

test('a guided review left for another view goes on where it was, with what was typed, and so does its summary', async () => {
  const page = await freshPage(app);
  await startExample(page);
  let rhythm = await openRhythm(page);
  await rhythm.getByRole('button', { name: 'Start guided review' }).click();
  const total = Number((await page.getByRole('heading', { level: 2, name: /^Guided review · 1 of / }).innerText()).match(/of (\d+)/)[1]);
  await page.getByRole('button', { name: 'Save and next' }).click();
  const second = page.getByRole('region', { name: `Guided review · 2 of ${total}` });
  await second.getByLabel('Note').fill('Typed, not saved yet');
  await second.getByLabel('Progress (%)').fill('45');
  const title = await second.getByRole('article').getAttribute('aria-label');

  const views = page.getByRole('navigation', { name: 'Views' });
  await views.getByRole('button', { name: 'Board' }).click();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  await views.getByRole('button', { name: /^Rhythm/ }).click();
  await second.getByRole('article', { name: title }).waitFor();
  // Said, with focus left on the tab the person chose.
  const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
  await live.filter({ hasText: `Guided review resumed. 2 of ${total}: “${title}”` }).waitFor();
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^Rhythm/);
  assert.equal(await second.getByLabel('Note').inputValue(), 'Typed, not saved yet');
  assert.equal(await second.getByLabel('Progress (%)').inputValue(), '45');
  assert.equal(await second.getByRole('progressbar', { name: 'Review progress' }).getAttribute('value'), '1', 'the first step is still saved');

  // Saved, what was typed is not kept beside it: with the check-in undone, the step starts
  // afresh.
  await page.getByRole('button', { name: 'Save and next' }).click();
  await page.getByRole('heading', { level: 2, name: `Guided review · 3 of ${total}` }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Previous' }).click();
  await second.getByRole('article', { name: title }).waitFor();
  assert.equal(await second.getByLabel('Note').inputValue(), '', 'nothing typed is kept');
  assert.notEqual(await second.getByLabel('Progress (%)').inputValue(), '45');
  await second.getByLabel('Note').fill('Saved this time');
  await page.getByRole('button', { name: 'Save and next' }).click();
  await page.getByRole('heading', { level: 2, name: `Guided review · 3 of ${total}` }).waitFor();
  // A step saved and then undone is not counted as checked in.
  const third = await page.getByRole('region', { name: `Guided review · 3 of ${total}` }).getByRole('article').getAttribute('aria-label');
  await page.getByRole('button', { name: 'Save and next' }).click();
  await page.getByRole('heading', { level: 2, name: `Guided review · 4 of ${total}` }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();

  // The summary is kept too, until it is recorded.
  await page.getByRole('button', { name: 'End review' }).click();
  const summary = page.getByRole('region', { name: 'Review summary' });
  await summary.waitFor();
  await summary.getByRole('list', { name: 'Not checked in' }).getByText(third, { exact: true }).waitFor();
  await views.getByRole('button', { name: /^Health/ }).click();
  await page.getByRole('region', { name: 'Alignment score' }).waitFor();
  await views.getByRole('button', { name: /^Rhythm/ }).click();
  await summary.getByText(`2 of ${total} due initiatives checked in`, { exact: false }).waitFor();
  await summary.getByRole('button', { name: 'Record review' }).click();
  await page.getByRole('status').filter({ hasText: 'Review recorded' }).waitFor();

  // Recorded, Rhythm opens on its overview.
  await views.getByRole('button', { name: 'Board' }).click();
  rhythm = await openRhythm(page);
  await rhythm.getByRole('button', { name: 'Start guided review' }).click();
  await page.getByRole('button', { name: 'Save and next' }).click();

  // Another board in its place (the same board's older file, imported): the review is let go.
  const { path, json } = await exportSnapshot(page);
  json.board.title = 'An older copy';
  await writeFile(path, JSON.stringify(json));
  await views.getByRole('button', { name: 'Board' }).click();
  await importFile(page, path);
  await dialog(page, 'Replace this board?').getByRole('button', { name: 'Replace board' }).click();
  await page.getByRole('banner').getByRole('heading', { level: 1, name: 'An older copy' }).waitFor();
  rhythm = await openRhythm(page);
  await rhythm.getByRole('button', { name: 'Start guided review' }).waitFor();
  page.assertNoErrors();
});

test('checking in from a card shows the previous check-in and the history, and records who checked in, remembered in this browser for their team\'s work when not the owner', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  /** Who the check-in form of `title` names as its author at first. */
  const author = async (title) => {
    await board.getByRole('article', { name: title }).first().focus();
    await page.keyboard.press('c');
    const ask = dialog(page, `Check in: ${title}`);
    const name = await ask.getByLabel('Checked in by').evaluate((select) => select.selectedOptions[0].textContent);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    return name;
  };
  // Before anyone checks in from this browser: work with no owner names its team's lead.
  assert.equal(await author('Churn interviews'), 'Hannah Kim');
  assert.equal(await author('Pricing page redesign'), 'Dana Ortiz');
  const card = board.getByRole('article', { name: 'Guided setup wizard' }).first();
  await card.focus();
  await page.keyboard.press('c');
  const form = dialog(page, 'Check in: Guided setup wizard');
  await form.getByText('Previous check-in').waitFor();
  const history = form.getByRole('list', { name: 'Check-ins, newest first' }).getByRole('listitem');
  const count = await history.count();
  assert.ok(count >= 2, 'the timeline lists earlier check-ins');
  await form.getByLabel('Status').selectOption({ label: 'At risk' });
  await form.getByLabel('Progress (%)').fill('61');
  await form.getByLabel('Note').fill('Vendor slipped a week');
  // Who checks in is the owner unless the person says otherwise.
  const by = form.getByLabel('Checked in by');
  assert.equal(await by.evaluate((select) => select.selectedOptions[0].textContent), 'Sam Whitfield');
  await by.selectOption({ label: 'Jonas Berg' });
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await form.waitFor({ state: 'detached' });
  await assert.doesNotReject(card.getByText('At risk').waitFor());
  await card.getByText('61 % done').waitFor();
  await card.focus();
  await page.keyboard.press('c');
  const again = dialog(page, 'Check in: Guided setup wizard');
  await again.getByText(/At risk · 61 %( · confidence \d+)? · by Jonas Berg/).first().waitFor();
  assert.equal(await again.getByRole('list', { name: 'Check-ins, newest first' }).getByRole('listitem').count(), count + 1);
  await page.keyboard.press('Escape');
  await again.waitFor({ state: 'detached' });
  const file = (await exportSnapshot(page)).json.board;
  const jonas = file.people.find((p) => p.name === 'Jonas Berg').id;
  assert.equal(file.checkIns.find((c) => c.note === 'Vendor slipped a week').authorId, jonas, 'the file names the author');
  // Work with an owner names its owner, whoever checked in last from this browser: the
  // owner gives the update, also when one person types every team's in a review.
  assert.equal(await author('Offline job queue'), 'Mei Chen');
  // Work with no owner of their own team (Platform) names whoever checked in from this
  // browser, before its lead and after a reload, until they say otherwise; the board itself
  // does not hold it. Another team's names that team's lead: on a shared screen, the last
  // person to check in is seldom the one speaking for another team.
  assert.equal(await author('Churn interviews'), 'Hannah Kim');
  await saved(page);
  await page.reload();
  await board.waitFor();
  assert.equal(await author('SAML single sign-on'), 'Jonas Berg');
  assert.equal(await author('Pricing page redesign'), 'Dana Ortiz');
  // A check-in saved under the work's owner, as the form starts, says nothing of who is
  // typing (a guided review types every owner's): Noah Fischer's leaves Jonas Berg named.
  await board.getByRole('article', { name: 'Multi-region failover' }).first().focus();
  await page.keyboard.press('c');
  const owners = dialog(page, 'Check in: Multi-region failover');
  assert.equal(await owners.getByLabel('Checked in by').evaluate((select) => select.selectedOptions[0].textContent), 'Noah Fischer');
  await owners.getByRole('button', { name: 'Save check-in' }).click();
  await owners.waitFor({ state: 'detached' });
  assert.equal(await author('SAML single sign-on'), 'Jonas Berg');
  assert.ok(!JSON.stringify((await exportSnapshot(page)).json).includes('checksInAs'));
  page.assertNoErrors();
});

test('the board compared with an older exported snapshot lists what changed', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const older = await exportSnapshot(page);
  // Change things: a check-in flips a status, a new initiative, a deleted one.
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'Guided setup wizard' }).first();
  await card.focus();
  await page.keyboard.press('c');
  const form = dialog(page, 'Check in: Guided setup wizard');
  await form.getByLabel('Status').selectOption({ label: 'Off track' });
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await page.getByRole('button', { name: 'Add initiative' }).first().click();
  const add = dialog(page, 'Add initiative');
  await add.getByLabel('Title').fill('Field audit');
  await add.getByRole('button', { name: 'Add initiative' }).click();
  await add.waitFor({ state: 'detached' });

  const rhythm = await openRhythm(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    rhythm.getByRole('button', { name: 'Choose a snapshot to compare…' }).click(),
  ]);
  await chooser.setFiles(older.path);
  const compared = rhythm.getByRole('region', { name: `Compared with ${older.name}` });
  await compared.waitFor();
  const initiatives = compared.getByRole('region', { name: 'initiatives: 1 added, 0 removed, 1 changed' });
  await initiatives.waitFor();
  await initiatives.getByText('Field audit').waitFor();
  await initiatives.getByText(/status: On track → Off track/).waitFor();
  assert.equal(await compared.getByRole('region', { name: /^priorities/ }).count(), 0, 'priorities did not change');
  page.assertNoErrors();
});

test('starting the next period carries over what was chosen and keeps the history', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const before = (await exportSnapshot(page)).json.board;
  const rhythm = await openRhythm(page);
  await rhythm.getByRole('button', { name: 'Start next period…' }).click();
  const form = dialog(page, 'Start the next period');
  const first = before.priorities.filter((p) => p.status === 'active').sort((a, b) => a.rank - b.rank)[0];
  const stranded = () => form.getByRole('status').filter({ hasText: /carried over would serve no priority of the new period/ });
  assert.equal(await stranded().count(), 0, 'every carried priority still goes on');
  assert.equal(await form.locator('p[role="status"].ab-field__hint--warn').textContent(), '', 'the warning\'s live region waits, empty');
  await form.getByLabel(`#1 ${first.title}`).selectOption({ label: 'Achieved' });
  // Unfinished work that served only the achieved priority would be local work next period.
  const unfinished = before.initiatives.filter((i) => !['done', 'dropped'].includes(i.status));
  const activeOther = (id) => id !== first.id && before.priorities.find((p) => p.id === id).status === 'active';
  const only = unfinished.filter((i) => i.priorityIds.includes(first.id) && !i.priorityIds.some(activeOther));
  const also = unfinished.filter((i) => i.priorityIds.includes(first.id) && i.priorityIds.some(activeOther));
  assert.ok(only.length > 0 && also.length > 0, 'the example has work of both kinds');
  const warned = await stranded().textContent();
  for (const initiative of only) assert.ok(warned.includes(initiative.title), `${initiative.title} is named: ${warned}`);
  for (const initiative of also) assert.ok(!warned.includes(initiative.title), `${initiative.title} serves another priority: ${warned}`);
  assert.match(warned, only.length === 1 ? /Carry over a priority it serves, give it a priority/ : /Carry over a priority they serve, give them a priority/);
  // The carry list goes team by team; Carry none and Carry all choose at once.
  const firstTeam = before.teams.find((t) => unfinished.some((i) => i.teamId === t.id));
  const teamWork = unfinished.filter((i) => i.teamId === firstTeam.id);
  const group = form.getByRole('group', { name: `${firstTeam.name} (${teamWork.length} of ${teamWork.length} carried)` });
  assert.deepEqual(
    (await group.getByRole('checkbox').all()).length,
    teamWork.length,
    'the team\'s unfinished work is in its group',
  );
  // The initiatives' own boxes, not the one that moves due dates.
  const carriedBoxes = () => form.getByRole('checkbox', { checked: true, name: /^(?!Move \d)/ }).count();
  assert.equal(await carriedBoxes(), unfinished.length, 'all carried at first');
  await form.getByText('Every unfinished initiative carries over.').waitFor();
  await form.getByRole('button', { name: 'Carry none' }).click();
  await form.getByRole('group', { name: `${firstTeam.name} (0 of ${teamWork.length} carried)` }).waitFor();
  assert.equal(await form.getByRole('checkbox', { checked: true }).count(), 0, 'nothing carried, no due date to move');
  await form.getByText(`${unfinished.length} initiatives not carried over will be marked dropped`).waitFor();
  await form.getByRole('button', { name: 'Carry all' }).click();
  await group.waitFor();
  assert.equal(await carriedBoxes(), unfinished.length);
  // Two left behind, one of them with a risk still marked open.
  const left = ['Pricing page redesign', 'Lifecycle emails for trials'];
  for (const title of left) await form.getByRole('checkbox', { name: new RegExp(`^${title}`) }).uncheck();
  const label = await form.getByLabel(/^Period/).inputValue();
  assert.match(label, /^Q\d \d{4}$/);
  // An end before the start is refused at the end's field, which takes focus.
  const ends = form.getByLabel('Ends');
  const end = await ends.inputValue();
  await ends.fill(await form.getByLabel('Starts').inputValue().then((start) => `${Number(start.slice(0, 4)) - 1}${start.slice(4)}`));
  await form.getByRole('button', { name: `Start ${label}` }).click();
  await page.waitForFunction(() => document.activeElement?.labels?.[0]?.textContent.startsWith('Ends'));
  assert.equal(await ends.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent), 'The end comes after the start');
  await ends.fill(end);
  // Carried work due before the period starts is offered the period's end as its due date,
  // not given it unasked: the moved date would hide that the work slipped.
  const starts = await form.getByLabel('Starts').inputValue();
  const carried = unfinished.filter((i) => !left.includes(i.title));
  const late = carried.filter((i) => i.due && i.due < starts);
  assert.ok(late.length > 0 && late.length < carried.length, 'the example carries work due before the period and in it');
  const moveDue = form.getByRole('checkbox', {
    name: new RegExp(`^Move ${late.length} carried initiatives?'s? due dates? to .*${end.slice(0, 4)}, the new period's last day$`),
  });
  assert.equal(await moveDue.isChecked(), false, 'offered, not ticked');
  // What would move is named, and read out with the box.
  const named = await page.evaluate((id) => document.getElementById(id).textContent, await moveDue.getAttribute('aria-describedby'));
  assert.match(named, /^Due before the period starts, so overdue on its first day until given a new date: /);
  // A few by name, in board order, and how many more.
  assert.ok(late.length > 6, 'the example has more than a few');
  for (const initiative of late.slice(0, 5)) assert.ok(named.includes(initiative.title), initiative.title);
  assert.ok(!named.includes(late[5].title), late[5].title);
  assert.match(named, new RegExp(` and ${late.length - 5} more\\.$`));
  await moveDue.check();
  await form.getByText(/^Due before the period starts: /).waitFor();
  await form.getByRole('button', { name: `Start ${label}` }).click();
  await form.waitFor({ state: 'detached' });
  await page.getByText(label, { exact: true }).first().waitFor();

  const after = (await exportSnapshot(page)).json.board;
  assert.equal(after.period.label, label);
  assert.equal(after.priorities.find((p) => p.id === first.id).status, 'achieved');
  const active = after.priorities.filter((p) => p.status === 'active').map((p) => p.rank).sort();
  assert.deepEqual(active, active.map((_, i) => i + 1), 'carried priorities are ranked from 1');
  for (const title of left) assert.equal(after.initiatives.find((i) => i.title === title).status, 'dropped');
  const dueAfter = (initiative) => after.initiatives.find((i) => i.id === initiative.id).due;
  for (const initiative of late) assert.equal(dueAfter(initiative), end, `${initiative.title} is due at the period's end`);
  for (const initiative of carried.filter((i) => !late.includes(i))) assert.equal(dueAfter(initiative), initiative.due, `${initiative.title} keeps its date`);
  assert.equal(after.checkIns.length, before.checkIns.length, 'check-ins stay as history');
  assert.equal(after.reviews.at(-1).kind, 'planning');

  // What earlier periods finished is left out of the board, said so, shown when asked, and
  // still left out after a reload (the board records when it started the period).
  assert.ok(after.period.startedAt, 'the board records when it started the period');
  const finished = (i) => ['done', 'dropped'].includes(i.status);
  const earlier = after.initiatives.filter((i) => finished(i) && i.updatedAt <= after.period.startedAt);
  assert.ok(earlier.some((i) => i.title === 'Pricing page redesign') && earlier.some((i) => i.status === 'done'));
  const notShown = `${after.initiatives.length - earlier.length} initiatives (${earlier.length} from earlier periods not shown)`;
  const board = page.getByRole('region', { name: 'Board' });
  const card = (title) => board.getByRole('article', { name: title, exact: true });
  for (const again of [false, true]) {
    if (again) {
      await saved(page);
      await page.reload();
    } else {
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Board/ }).click();
    }
    await page.getByText(notShown).waitFor();
    for (const initiative of earlier) assert.equal(await card(initiative.title).count(), 0, `${initiative.title} is left out`);
  }
  // Filtered to Done, the board says how much more earlier periods finished, and shows it
  // at a click.
  const done = earlier.filter((i) => i.status === 'done');
  const filters = page.getByRole('region', { name: 'Filters' });
  await filters.getByLabel('Status').selectOption({ label: 'Done' });
  const doneNow = after.initiatives.filter((i) => i.status === 'done').length - done.length;
  await filters.getByText(`Showing ${doneNow} of ${after.initiatives.length - earlier.length}`).waitFor();
  await filters.getByRole('button', { name: `${done.length} more from earlier periods` }).click();
  await filters.getByRole('checkbox', { name: `Earlier periods' work (${earlier.length})`, checked: true }).waitFor();
  for (const initiative of done) await card(initiative.title).first().waitFor();
  await filters.getByLabel('Status').selectOption({ label: 'Any status' });
  await page.getByText(`Showing ${after.initiatives.length} of ${after.initiatives.length}`).waitFor();
  for (const initiative of earlier) await card(initiative.title).first().getByText('From an earlier period').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByText(notShown).waitFor();
  // Work left behind runs no risk any more: Coordination lists none of its open risks.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Coordination/ }).click();
  const risks = page.getByRole('region', { name: 'Open risks' });
  await risks.getByRole('button', { name: 'Job templates library' }).waitFor();
  assert.equal(await risks.getByRole('button', { name: 'Lifecycle emails for trials' }).count(), 0);
  page.assertNoErrors();
});

test('keys and drops inside a view reach the board: Ctrl+Z undoes a check-in made there, a dropped file asks to be imported', async () => {
  const page = await freshPage(app);
  await startExample(page);
  // After a reload the board's own controls are numbered as they are for a returning visitor.
  await saved(page);
  await page.reload();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  const exported = await exportSnapshot(page);
  const before = exported.json.board;
  // A view before: its buttons do what they say and nothing of the board's.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Health/ }).click();
  const chip = page.getByRole('button', { name: before.teams[0].name, exact: true, pressed: false });
  await chip.click();
  await page.getByRole('button', { name: before.teams[0].name, exact: true, pressed: true }).waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0, 'no dialog of the board opened');
  const rhythm = await openRhythm(page);
  const first = rhythm.getByRole('button', { name: /^Check in on / }).first();
  const title = (await first.getAttribute('aria-label')).replace('Check in on ', '');
  await first.click();
  const form = dialog(page, `Check in: ${title}`);
  await form.getByLabel('Note').fill('Checked in from the rhythm view');
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await form.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /Undo/ }).and(page.locator(':enabled')).waitFor();
  // Checked in, the initiative leaves what is due, and its button with it: focus goes to the
  // Check in button now in its place, not to the start of the board.
  await rhythm.getByRole('button', { name: `Check in on ${title}` }).waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Check in on '));
  assert.equal((await exportSnapshot(page)).json.board.checkIns.length, before.checkIns.length + 1);

  await rhythm.getByRole('button', { name: 'Start guided review' }).focus();
  await page.keyboard.press('Control+z');
  await page.getByRole('button', { name: /Redo/ }).and(page.locator(':enabled')).waitFor();
  assert.equal((await exportSnapshot(page)).json.board.checkIns.length, before.checkIns.length);

  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.alignment.json', { type: 'application/json' }));
    return data;
  }, (await readFile(exported.path, 'utf8')).replace(before.title, 'Dropped board'));
  const target = rhythm.getByRole('heading', { name: 'Operating rhythm' });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
  await dialog(page, /^Replace this board/).waitFor();
  page.assertNoErrors();
});

test('what changed since the last review counts an edit after the last check-in, and ends at the card as it is', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'Multi-region failover' }).first();
  await card.getByRole('button', { name: 'Multi-region failover', exact: true }).click();
  const form = dialog(page, 'Edit initiative');
  await form.getByLabel('Progress (%)').fill('70');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  const rhythm = await openRhythm(page);
  const row = rhythm.getByRole('list', { name: 'Changes since the last review' }).getByRole('listitem').filter({ hasText: 'Multi-region failover' });
  await row.getByText(/\d+ check-ins?, \d+ % → 70 %; edited since its last check-in/).waitFor();
  page.assertNoErrors();
});

test("a check-in since the last review that leaves work at 100 % says its status: first check-ins, and progress come to 100 % as it stood", async () => {
  const page = await freshPage(app);
  await startExample(page);
  const rhythm = await openRhythm(page);
  // Never checked in: there is no status before to compare, so the status it has is said
  // (a card at 100 % is not Done until it says so).
  await rhythm.getByRole('button', { name: 'Check in on SAML single sign-on' }).click();
  const form = dialog(page, 'Check in: SAML single sign-on');
  await form.getByLabel('Status').selectOption({ label: 'At risk' });
  await form.getByLabel('Progress (%)').fill('100');
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await form.waitFor({ state: 'detached' });
  const row = rhythm.getByRole('list', { name: 'Changes since the last review' }).getByRole('listitem').filter({ hasText: 'SAML single sign-on' });
  await row.getByText(/^1 check-in, now At risk, 100 %/).waitFor();
  // Checked in before the review, then its card set to 100 % with its status as it was:
  // said too.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Board/ }).click();
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'Multi-region failover' }).first();
  await card.getByRole('button', { name: 'Multi-region failover', exact: true }).click();
  const edit = dialog(page, 'Edit initiative');
  await edit.getByLabel('Progress (%)').fill('100');
  await edit.getByRole('button', { name: 'Save' }).click();
  await edit.waitFor({ state: 'detached' });
  const again = await openRhythm(page);
  const failover = again.getByRole('list', { name: 'Changes since the last review' }).getByRole('listitem').filter({ hasText: 'Multi-region failover' });
  await failover.getByText(/^\d+ check-ins, still On track, \d+ % → 100 %/).waitFor();
  page.assertNoErrors();
});

test('leaving the page with a review checked in but not recorded asks first; once recorded it does not', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const total = await startReview(page);
  await page.keyboard.press('Control+Enter');
  for (let step = 2; step <= total; step += 1) {
    await page.getByRole('heading', { level: 2, name: `Guided review · ${step} of ${total}` }).waitFor();
    await page.keyboard.press('Alt+ArrowRight');
  }
  const summary = page.getByRole('region', { name: 'Review summary' });
  // A reload would lose the summary and its Record review: the browser asks first.
  assert.ok(await leavingAsks(page), 'leaving is asked about');
  await summary.getByRole('button', { name: 'Record review' }).click();
  await page.getByRole('region', { name: 'Operating rhythm' }).getByRole('button', { name: 'Start guided review' }).waitFor();
  assert.equal(await leavingAsks(page), false, 'recorded, nothing is lost by leaving');
  page.assertNoErrors();
});

test('a review where every step is skipped says nothing changed during it, not that two boards are the same', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const total = await startReview(page);
  for (let step = 1; step <= total; step += 1) {
    const heading = page.getByRole('heading', { level: 2, name: `Guided review · ${step} of ${total}` });
    await heading.waitFor();
    if (step === 1) {
      // A note begun, then the step skipped: nothing to save once the review is over.
      await page.getByLabel('Note').fill('Half a thought');
      await heading.click();
    }
    await page.keyboard.press('Alt+ArrowRight');
  }
  const summary = page.getByRole('region', { name: 'Review summary' });
  await summary.getByText('Nothing on the board changed during the review.').waitFor();
  assert.equal(await summary.getByText(/two boards/).count(), 0);
  assert.equal(await leavingAsks(page), false, 'nothing checked in, nothing typed that can be saved: leaving does not ask');
  page.assertNoErrors();
});
