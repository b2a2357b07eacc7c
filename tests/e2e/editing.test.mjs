// Editing what is already on the board: every field of an initiative (risks included), a
// priority with linked work deleted only after the board says what will happen, people, and
// the board's own settings. Each change is checked on screen and again after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessibleOf, dialog, exportSnapshot, freshPage, saved, startExample, useApp, command } from '../support/app.mjs';

const app = useApp();

async function reload(page) {
  await saved(page);
  await page.reload();
  await page.getByRole('region', { name: 'Board' }).waitFor();
}

test('a card\'s status changes from its status menu, by mouse or by keyboard, and focus comes back to the card', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const card = board.getByRole('article', { name: 'Guided setup wizard' }).first();
  await card.getByRole('button', { name: 'Status: On track' }).click();
  const menu = page.getByRole('menu', { name: 'Status' });
  assert.equal(await menu.getByRole('menuitemradio', { checked: true }).textContent(), 'On track');
  await menu.getByRole('menuitemradio', { name: 'At risk' }).click();
  await card.getByRole('button', { name: 'Status: At risk' }).waitFor();
  assert.equal(await page.getByRole('menu').count(), 0, 'the menu closes');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Guided setup wizard');

  // From the keyboard: S on the focused card, arrows, Enter; Escape leaves it as it was.
  await page.keyboard.press('s');
  await menu.waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await card.getByRole('button', { name: 'Status: Off track' }).waitFor();
  // Home, End and a status's first letter reach the choices as in every menu.
  await page.keyboard.press('s');
  await menu.waitFor();
  const chosen = () => page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('End');
  assert.equal(await chosen(), 'Dropped');
  await page.keyboard.press('ArrowDown');
  assert.equal(await chosen(), 'Not started', 'down from the last goes round to the first');
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  assert.equal(await chosen(), 'Not started');
  await page.keyboard.press('d');
  assert.equal(await chosen(), 'Done');
  await page.keyboard.press('d');
  assert.equal(await chosen(), 'Dropped');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Guided setup wizard');
  await card.getByRole('button', { name: 'Status: Off track' }).waitFor();

  // A click elsewhere closes the menu and keeps the focus it gave; keys in the menu are
  // the menu's (Alt + ↓ there does not move the card).
  const cell = () => card.evaluate((element) => element.closest('.ab-cell').getAttribute('aria-label'));
  const where = await cell();
  await page.keyboard.press('s');
  await menu.waitFor();
  await page.keyboard.press('Alt+ArrowDown');
  await page.getByLabel('Team', { exact: true }).click();
  await menu.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SELECT');
  await page.keyboard.press('Escape');
  assert.equal(await cell(), where, 'not moved');

  await reload(page);
  await board.getByRole('article', { name: 'Guided setup wizard' }).first().getByRole('button', { name: 'Status: Off track' }).waitFor();
  page.assertNoErrors();
});

test('work set to Done is all done: its status menu, its form and a check-in fill in 100 %, and Undo takes it back', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const card = board.getByRole('article', { name: 'Guided setup wizard' }).first();
  const progress = () => card.getByRole('progressbar', { name: 'Progress' }).getAttribute('aria-valuenow');
  const before = await progress();
  assert.notEqual(before, '100');

  // From the status menu, in one step: Undo brings back the status and the progress.
  await card.getByRole('button', { name: 'Status: On track' }).click();
  await page.getByRole('menu', { name: 'Status' }).getByRole('menuitemradio', { name: 'Done' }).click();
  await card.getByRole('button', { name: 'Status: Done' }).waitFor();
  assert.equal(await progress(), '100');
  await card.getByText('100 % done').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await card.getByRole('button', { name: 'Status: On track' }).waitFor();
  assert.equal(await progress(), before);

  // In the edit form the field says 100 at once, and the person may still change it.
  await card.getByRole('button', { name: 'Guided setup wizard' }).click();
  const form = dialog(page, 'Edit initiative');
  await form.getByLabel('Status').selectOption({ label: 'Done' });
  assert.equal(await form.getByLabel('Progress (%)').inputValue(), '100');
  // Done passed on the way to another status (arrows in a closed select choose each one)
  // gives back what the field held.
  await form.getByLabel('Status').selectOption({ label: 'Dropped' });
  assert.equal(await form.getByLabel('Progress (%)').inputValue(), before);
  await form.getByLabel('Status').selectOption({ label: 'Done' });
  await form.getByLabel('Progress (%)').fill('95');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  assert.equal(await progress(), '95');

  // A check-in that says Done says 100 %.
  await card.focus();
  await page.keyboard.press('c');
  const checkIn = dialog(page, 'Check in: Guided setup wizard');
  await checkIn.getByLabel('Status').selectOption({ label: 'At risk' });
  assert.equal(await checkIn.getByLabel('Progress (%)').inputValue(), '95', 'another status keeps the progress');
  await checkIn.getByLabel('Status').selectOption({ label: 'Done' });
  assert.equal(await checkIn.getByLabel('Progress (%)').inputValue(), '100');
  await checkIn.getByLabel('Status').selectOption({ label: 'Off track' });
  assert.equal(await checkIn.getByLabel('Progress (%)').inputValue(), '95');
  await checkIn.getByLabel('Status').selectOption({ label: 'Done' });
  assert.equal(await checkIn.getByLabel('Progress (%)').inputValue(), '100');
  await checkIn.getByRole('button', { name: 'Save check-in' }).click();
  await checkIn.waitFor({ state: 'detached' });
  await card.getByText('100 % done').waitFor();
  page.assertNoErrors();
});

test('every field of an initiative can be edited, risks included, and the card shows it', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  // A click anywhere on the card opens it, as its title does; one on its status opens
  // the status menu alone.
  const wizard = board.getByRole('article', { name: 'Guided setup wizard' });
  await wizard.getByRole('button', { name: /^Status: / }).click();
  await page.getByRole('menu').waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0);
  // A click on the card while its menu is open closes the menu, and opens nothing.
  await wizard.getByText(/% done$/).click();
  await page.getByRole('menu').waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('dialog').count(), 0);
  await wizard.getByText(/% done$/).click();
  const form = dialog(page, 'Edit initiative');
  await form.getByLabel('Title').fill('Guided setup wizard v2');
  await form.getByLabel('Description').fill('Now with calendar import.');
  await form.getByLabel('Owner').selectOption({ label: 'Dana Ortiz' });
  await form.getByLabel('Effort (% of team)').fill('40');
  await form.getByLabel('Status').selectOption({ label: 'At risk' });
  await form.getByLabel('Progress (%)').fill('60');
  await form.getByLabel('Confidence').selectOption('4');
  await form.getByLabel('Due date').fill('2027-01-29');
  await form.getByLabel('#2 Keep every customer we have').check();
  const first = await form.getByRole('textbox', { name: 'Risk 1', exact: true }).elementHandle();
  await form.getByRole('button', { name: 'Add risk' }).click();
  // Focus goes to the new risk's text; each risk's fields are a group named for it.
  await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT'
    && document.activeElement.closest('[role="group"]')?.getAttribute('aria-label') === 'Risk 2');
  await page.keyboard.type('Calendar vendor changes its API');
  assert.ok(await first.evaluate((e) => e.isConnected), "a risk added leaves the first risk's field in place");
  await form.getByRole('group', { name: 'Risk 2', exact: true }).getByLabel('Severity').selectOption({ label: 'High' });
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });

  const check = async () => {
    const card = board.getByRole('group', { name: 'Product · Keep every customer we have' })
      .getByRole('article', { name: 'Guided setup wizard v2' });
    await card.waitFor();
    await card.getByText('At risk').waitFor();
    await card.getByText('Dana Ortiz').waitFor();
    await card.getByText('60 % done').waitFor();
    await card.getByText('Effort 40 %').waitFor();
    await card.getByText('Due Jan 29').waitFor();
    await card.getByText('2 open risks · high').waitFor();
    await card.getByText(/Also serves #1 Cut time-to-value/).waitFor();
  };
  await check();
  await reload(page);
  await check();

  await board.getByRole('article', { name: 'Guided setup wizard v2' }).first()
    .getByRole('button', { name: 'Guided setup wizard v2' }).click();
  const again = dialog(page, 'Edit initiative');
  assert.equal(await again.getByLabel('Description').inputValue(), 'Now with calendar import.');
  assert.equal(await again.getByLabel('Confidence').inputValue(), '4');
  await again.getByRole('button', { name: 'Remove risk 1' }).click();
  await again.getByRole('button', { name: 'Save' }).click();
  await board.getByRole('article', { name: 'Guided setup wizard v2' }).first().getByText('1 open risk · high').waitFor();
  page.assertNoErrors();
});

test('an initiative form refuses an empty title and keeps what was typed', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await page.getByRole('button', { name: 'Add initiative' }).first().click();
  const form = dialog(page, 'Add initiative');
  // A title holds what a snapshot may (500 characters), a description more: a paste of a
  // page into the title keeps its start, and nothing typed is refused by an import later.
  // The field says so, as its description: the browser cuts a paste unsaid.
  await form.getByLabel('Title').focus();
  await page.keyboard.insertText('x'.repeat(600));
  assert.equal((await form.getByLabel('Title').inputValue()).length, 500);
  await form.getByText('At most 500 characters.').waitFor();
  assert.match(await form.getByLabel('Title').getAttribute('aria-describedby'), /-note$/);
  await form.getByLabel('Description').focus();
  await page.keyboard.insertText('y'.repeat(20_100));
  assert.equal((await form.getByLabel('Description').inputValue()).length, 20_000);
  await form.getByText('At most 20,000 characters.').waitFor();
  await form.getByLabel('Title').fill('');
  await form.getByText('At most 500 characters.').waitFor({ state: 'detached' });

  await form.getByLabel('Description').fill('Half-written idea');
  await form.getByRole('button', { name: 'Add initiative' }).click();
  await form.getByText(/title/i).first().waitFor();
  assert.equal(await form.getByLabel('Description').inputValue(), 'Half-written idea');
  await form.getByLabel('Title').fill('Field pilot logistics');
  await form.getByRole('button', { name: 'Add initiative' }).click();
  await page.getByRole('article', { name: 'Field pilot logistics' }).waitFor();
});

test('a date begun but not finished, or with its year typed short, is refused, not dropped', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const card = board.getByRole('article', { name: 'Guided setup wizard' }).first();
  const dueBefore = await card.getByText(/^Due /).textContent();
  await card.getByRole('button', { name: 'Guided setup wizard' }).click();
  const form = dialog(page, 'Edit initiative');
  const due = form.getByLabel('Due date');
  const kept = await due.inputValue();
  assert.match(kept, /^\d{4}-\d{2}-\d{2}$/);
  const note = () => due.evaluate((field) => document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent);
  // The year cleared (month, day, then year: en-US): the field's value is empty, yet it
  // holds a date begun.
  await due.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Backspace');
  assert.equal(await due.evaluate((field) => field.validity.badInput), true);
  await form.getByRole('button', { name: 'Save' }).click();
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-invalid') === 'true');
  assert.equal(await note(), 'This date is not complete: give its day, month and year, or clear it');
  assert.equal(await due.evaluate((field) => field.validity.badInput), true, 'what was typed stays');
  // A year of two digits is the year 26 to a date field: refused too.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('26');
  assert.equal(await due.inputValue(), `0026-${kept.slice(5)}`);
  await form.getByRole('button', { name: 'Save' }).click();
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-describedby') && document.getElementById(document.activeElement.getAttribute('aria-describedby'))?.textContent.startsWith('The year 26'));
  assert.equal(await note(), 'The year 26 looks cut short: give all four of its digits');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await form.waitFor({ state: 'detached' });
  assert.equal(await card.getByText(/^Due /).textContent(), dueBefore, 'the card keeps its date');
  page.assertNoErrors();
});

test('a due date outside the board\'s period is taken, with a word that it falls outside', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const { period } = (await exportSnapshot(page)).json.board;
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'Guided setup wizard' }).first();
  await card.getByRole('button', { name: 'Guided setup wizard' }).click();
  const form = dialog(page, 'Edit initiative');
  const due = form.getByLabel('Due date');
  const note = () => due.evaluate((field) => document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? null);
  assert.equal(await note(), null, 'a date within the period says nothing');
  // A year typed one too low, as happens in the first days of January.
  const early = `${Number(period.start.slice(0, 4)) - 1}${period.start.slice(4)}`;
  await due.fill(early);
  assert.match(await note(), /^Before the period starts \(.+\)\.$/);
  const late = `${Number(period.end.slice(0, 4)) + 1}${period.end.slice(4)}`;
  await due.fill(late);
  assert.match(await note(), /^After the period ends \(.+\)\.$/);
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  await saved(page);
  const saved_ = (await exportSnapshot(page)).json.board.initiatives.find((i) => i.title === 'Guided setup wizard');
  assert.equal(saved_.due, late, 'the date is taken as given');
  page.assertNoErrors();
});

test('unfinished work past its due date needs attention, whatever its status', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'Guided setup wizard' }).first();
  await card.getByRole('button', { name: 'Guided setup wizard' }).click();
  const form = dialog(page, 'Edit initiative');
  const yesterday = await page.evaluate(() => new Date(Date.now() - 86400000).toLocaleDateString('en-CA'));
  await form.getByLabel('Due date').fill(yesterday);
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  await card.getByText(/^Due .+ \(1 day overdue\)$/).waitFor();
  assert.match(await card.locator('.ab-card__attention').getAttribute('title'), /^Overdue: due yesterday$/m);
  assert.match(await card.getAttribute('aria-description') ?? await card.innerText(), /Overdue/);
  page.assertNoErrors();
});

test('an owner is chosen among the team\'s lead and people first, then everyone else', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const { people, teams } = (await exportSnapshot(page)).json.board;
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'Guided setup wizard' }).first();
  await card.getByRole('button', { name: 'Guided setup wizard' }).click();
  const form = dialog(page, 'Edit initiative');
  const groups = () => form.getByLabel('Owner').evaluate((select) =>
    [...select.querySelectorAll('optgroup')].map((g) => [g.label, [...g.children].map((o) => o.textContent)]));
  const byName = (a, b) => (a < b ? -1 : 1);
  // The team's lead first (who may be of another team), then its people by name.
  const of = (team) => [
    ...people.filter((p) => p.id === team.leadId).map((p) => p.name),
    ...people.filter((p) => p.teamId === team.id && p.id !== team.leadId).map((p) => p.name).sort(byName),
  ];
  const rest = (team) => people.filter((p) => p.teamId !== team.id && p.id !== team.leadId).map((p) => p.name).sort(byName);
  const product = teams.find((t) => t.name === 'Product');
  assert.deepEqual(await groups(), [['Product', of(product)], ['Everyone else', rest(product)]]);
  // Two owners picked one after the other, then another team chosen: its people come
  // first, and the owner last picked stays picked.
  const owner = form.getByLabel('Owner');
  const [first, second] = rest(product);
  await owner.selectOption({ label: first });
  await owner.selectOption({ label: second });
  await form.getByLabel('Team', { exact: true }).selectOption({ label: 'Data' });
  const data = teams.find((t) => t.name === 'Data');
  assert.deepEqual((await groups())[0], ['Data', of(data)]);
  assert.equal(await owner.locator('option:checked').textContent(), second, 'the owner stays as chosen');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  await saved(page);
  const ownerId = (await exportSnapshot(page)).json.board.initiatives.find((i) => i.title === 'Guided setup wizard').ownerId;
  assert.equal(people.find((p) => p.id === ownerId).name, second);

  // A new team led by someone of another team, with no people yet: its lead is its group.
  await command(page, 'Add', 'Add team…');
  const team = dialog(page, 'Add team');
  await team.getByLabel('Name').fill('Operations');
  await team.getByLabel('Lead').selectOption({ label: second });
  await team.getByRole('button', { name: 'Add team' }).click();
  await team.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Add initiative' }).first().click();
  const add = dialog(page, 'Add initiative');
  await add.getByLabel('Team', { exact: true }).selectOption({ label: 'Operations' });
  const added = await add.getByLabel('Owner').evaluate((select) => [...select.querySelectorAll('optgroup')].map((g) => g.label));
  assert.deepEqual(added, ['Operations', 'Everyone else']);
  assert.equal(await add.getByLabel('Owner').evaluate((select) => select.querySelector('optgroup').children[0].textContent), second);
  page.assertNoErrors();
});

test("an initiative's effort says what its team is committed to without it and with it", async () => {
  const page = await freshPage(app);
  await startExample(page);
  const example = (await exportSnapshot(page)).json.board;
  const active = new Set(['notStarted', 'onTrack', 'atRisk', 'offTrack']);
  const committed = (teamId) => example.initiatives.filter((i) => i.teamId === teamId && active.has(i.status))
    .reduce((sum, i) => sum + i.effort, 0);
  const [first, second] = example.teams;
  await page.getByRole('button', { name: 'Add initiative' }).first().click();
  const form = dialog(page, 'Add initiative');
  await form.getByLabel('Team', { exact: true }).selectOption({ label: first.name });
  const hint = (text) => form.getByText(text, { exact: true });
  const said = (team, others, effort) => `${team.name} has ${others} % committed besides this; ${others + effort} % with it${others + effort > 100 ? ', over capacity' : ''}`;
  // A new initiative starts at 20 %: the person sees what that does before saving.
  await hint(said(first, committed(first.id), 20)).waitFor();
  await form.getByLabel('Effort (% of team)').fill('5');
  await hint(said(first, committed(first.id), 5)).waitFor();
  await form.getByLabel('Team', { exact: true }).selectOption({ label: second.name });
  await hint(said(second, committed(second.id), 5)).waitFor();
  // Work that is done counts for nothing.
  await form.getByLabel('Status', { exact: true }).selectOption({ label: 'Done' });
  await hint(`${second.name} has ${committed(second.id)} % committed besides this`).waitFor();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await form.waitFor({ state: 'detached' });

  // An initiative already on the board counts once: its team without it, then with it.
  const wizard = example.initiatives.find((i) => i.title === 'Guided setup wizard');
  const team = example.teams.find((t) => t.id === wizard.teamId);
  await page.getByRole('region', { name: 'Board' }).getByRole('article', { name: wizard.title }).first()
    .getByRole('button', { name: wizard.title }).click();
  const edit = dialog(page, 'Edit initiative');
  await edit.getByText(said(team, committed(team.id) - wizard.effort, wizard.effort), { exact: true }).waitFor();
  page.assertNoErrors();
});

test('a dialog holding changes asks before Escape, a click beside it, × or leaving the page throws them away', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const open = () => board.getByRole('article', { name: 'Guided setup wizard' }).first()
    .getByRole('button', { name: 'Guided setup wizard' }).click();
  const focusedName = () => page.evaluate(() => document.activeElement?.textContent || document.activeElement?.getAttribute('aria-label'));
  const form = dialog(page, 'Edit initiative');
  const question = form.getByRole('group', { name: 'Your changes are not saved. Discard them?' });
  const description = form.getByLabel('Description');

  // Nothing changed: Escape closes at once.
  await open();
  await page.keyboard.press('Escape');
  await form.waitFor({ state: 'detached' });

  // Escape asks, with focus on keeping the changes; Escape again keeps them, and focus goes
  // back to the field.
  await open();
  await description.fill('Half a thought');
  await page.keyboard.press('Escape');
  await question.waitFor();
  assert.match(await question.textContent(), /Your changes are not saved/);
  assert.equal(await focusedName(), 'Keep editing');
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  assert.equal(await description.inputValue(), 'Half a thought');
  assert.ok(await description.evaluate((e) => document.activeElement === e), 'focus is back in the field');

  // A click beside the dialog asks too; Keep editing keeps the draft, and the person is back
  // in the field they were in.
  await page.mouse.click(4, 4);
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await question.waitFor({ state: 'detached' });
  assert.equal(await description.inputValue(), 'Half a thought');
  assert.ok(await description.evaluate((e) => document.activeElement === e), 'focus is back in the field');

  // Escape on the delete question goes back to the form, draft and all; a question about
  // the draft does not stay over the delete question.
  await page.keyboard.press('Escape');
  await question.waitFor();
  await form.getByRole('button', { name: 'Delete' }).click();
  const deleting = page.getByRole('alertdialog', { name: 'Delete “Guided setup wizard”?' });
  await deleting.getByText('This removes the initiative').waitFor();
  // What it says is read with its name, its buttons are not.
  const read = (await accessibleOf(page, 'dialog[open][role="alertdialog"]')).description;
  assert.match(read, /^This removes the initiative .*Undo brings it back/);
  assert.doesNotMatch(read, /Cancel|Delete$/);
  assert.equal(await question.count(), 0, 'the question about the draft has gone');
  await page.evaluate(() => {
    window.focusedTags = [];
    document.addEventListener('focusin', (event) => window.focusedTags.push(event.target.tagName));
  });
  await page.keyboard.press('Escape');
  await description.waitFor();
  assert.equal(await description.inputValue(), 'Half a thought');
  assert.equal(await question.count(), 0, 'and does not come back with the form');
  const deleteButton = form.getByRole('button', { name: 'Delete' });
  assert.ok(await deleteButton.evaluate((e) => document.activeElement === e), 'focus is back on Delete');
  // Once: not in the form's first field on the way, where a screen reader would name it.
  assert.deepEqual(await page.evaluate(() => window.focusedTags), ['BUTTON']);

  // Leaving the page asks as well (the browser's own question); staying keeps the draft.
  const asked = new Promise((resolve) => page.once('dialog', (question) => {
    resolve(question.type());
    question.dismiss();
  }));
  await page.close({ runBeforeUnload: true });
  assert.equal(await asked, 'beforeunload');
  assert.equal(await description.inputValue(), 'Half a thought');

  // A file dropped on the form is refused, not read: its question would take the form's
  // place. (Too large to import, it would be refused at once with a notice.)
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(11 * 1024 * 1024)], 'huge.alignment.json', { type: 'application/json' }));
    return data;
  });
  await form.dispatchEvent('drop', { dataTransfer: transfer });
  await page.keyboard.press('Escape');
  await question.waitFor();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'huge.alignment.json' }).count(), 0, 'the drop is not read');
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });

  // × asks; Discard changes closes, and the initiative is as it was.
  await form.getByRole('button', { name: 'Close' }).click();
  await question.getByRole('button', { name: 'Discard changes' }).click();
  await form.waitFor({ state: 'detached' });
  await open();
  assert.notEqual(await description.inputValue(), 'Half a thought');
  // Cancel says what it does: it closes at once.
  await description.fill('Another thought');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await form.waitFor({ state: 'detached' });

  // Going on to a check-in from an edited form saves the edit first; a check-in with a
  // note asks as well.
  await open();
  const first = form.getByText('Check in… and Ask another team… save your changes first.');
  assert.equal(await first.count(), 0, 'nothing to save yet');
  await form.getByLabel('Title').fill('Guided setup wizard, phase 2');
  // The form says that the buttons that go on save first, beside its buttons.
  await first.waitFor();
  await form.getByRole('button', { name: 'Check in…' }).click();
  const checkIn = dialog(page, 'Check in: Guided setup wizard, phase 2');
  await checkIn.getByLabel('Note').fill('Waiting on the calendar vendor');
  await page.keyboard.press('Escape');
  await checkIn.getByRole('group', { name: 'Your changes are not saved. Discard them?' }).getByRole('button', { name: 'Keep editing' }).waitFor();
  assert.equal(await focusedName(), 'Keep editing');
  await page.keyboard.press('Escape');
  await checkIn.getByRole('button', { name: 'Save check-in' }).click();
  await checkIn.waitFor({ state: 'detached' });
  page.assertNoErrors();

  // With a form open but nothing changed, the page closes without a question.
  await open();
  await description.click();
  let questioned = false;
  page.on('dialog', (question) => { questioned = true; question.accept(); });
  const closed = new Promise((resolve) => page.once('close', resolve));
  await page.close({ runBeforeUnload: true });
  await closed;
  assert.equal(questioned, false);
});

test('deleting a priority with linked work says what happens, asks, moves the ranks up, and leaves focus on the column in its place', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  await board.getByRole('button', { name: 'Keep every customer we have', exact: true }).click();
  const form = dialog(page, 'Edit priority');
  await form.getByRole('button', { name: 'Delete' }).click();
  const ask = dialog(page, 'Delete priority “Keep every customer we have”?');
  await ask.getByText(/initiatives serve it/).waitFor();
  await ask.getByText(/will become local work/).waitFor();
  await ask.getByText(/decisions? will no longer name it/).waitFor();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  // Back in the form, on the button that asked.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Delete');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await board.getByRole('columnheader', { name: 'Priority 2: Keep every customer we have' }).waitFor();

  const localBefore = await board.getByRole('group', { name: 'Customer Success · Local work' }).getByRole('article').count();
  await board.getByRole('button', { name: 'Keep every customer we have', exact: true }).click();
  await dialog(page, 'Edit priority').getByRole('button', { name: 'Delete' }).click();
  await ask.getByRole('button', { name: 'Delete priority' }).click();
  await board.getByRole('columnheader', { name: 'Priority 2: Offline-first mobile for technicians' }).waitFor();
  assert.equal(await board.getByRole('columnheader', { name: /Keep every customer/ }).count(), 0);
  // Focus goes to the priority that took its rank.
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Priority 2: Offline-first mobile for technicians');
  const localAfter = await board.getByRole('group', { name: 'Customer Success · Local work' }).getByRole('article').count();
  assert.ok(localAfter > localBefore, 'work that served only this priority became local work');

  await page.getByRole('button', { name: 'Undo' }).click();
  await board.getByRole('columnheader', { name: 'Priority 2: Keep every customer we have' }).waitFor();

  // An achieved priority, a column while it has cards: focus goes to the column before it.
  await board.getByRole('button', { name: 'SOC 2 Type II report', exact: true }).click();
  await dialog(page, 'Edit priority').getByRole('button', { name: 'Delete' }).click();
  await dialog(page, 'Delete priority “SOC 2 Type II report”?').getByRole('button', { name: 'Delete priority' }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Priority 5: Make the platform boringly reliable');
  page.assertNoErrors();
});

test('people are added to a team, offered as owners, and kept', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await command(page, 'Add', 'People…');
  const list = dialog(page, 'People');
  await list.getByRole('rowheader', { name: 'Dana Ortiz' }).waitFor();
  // The list opens on its main action, and each way back to it lands on the button used.
  const focused = (locator) => locator.evaluate((e) => document.activeElement === e);
  const addPerson = list.getByRole('button', { name: 'Add person' });
  assert.ok(await focused(addPerson), 'the list opens on Add person');
  await page.keyboard.press('Enter');
  const form = dialog(page, 'Add person');
  await form.getByRole('button', { name: 'Back' }).click();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Add person');
  await addPerson.click();
  await form.getByLabel('Name').fill('Yusuf Aydın');
  await form.getByLabel('Team', { exact: true }).selectOption({ label: 'Data' });
  await form.getByRole('button', { name: 'Add person' }).click();
  await list.getByRole('rowheader', { name: 'Yusuf Aydın' }).waitFor();
  assert.ok(await focused(list.getByRole('button', { name: 'Edit Yusuf Aydın' })), 'focus is on the new person');
  // What a new person does not have yet is said in words, not a dash.
  const row = list.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Yusuf Aydın' }) });
  assert.deepEqual((await row.getByRole('cell').allInnerTexts()).slice(0, 2), ['Data', 'Nothing yet']);
  await page.keyboard.press('Escape');
  await list.waitFor({ state: 'detached' });

  const filters = page.getByRole('region', { name: 'Filters' });
  await filters.getByLabel('Owner').selectOption({ label: 'Yusuf Aydın' });
  await filters.getByText('Showing 0 of 34').waitFor();
  await reload(page);
  await command(page, 'Add', 'People…');
  await dialog(page, 'People').getByRole('rowheader', { name: 'Yusuf Aydın' }).waitFor();

  // Someone in no team made a new team's lead joins it, as the form says before.
  await dialog(page, 'People').getByRole('button', { name: 'Add person' }).click();
  await form.getByLabel('Name').fill('Rosa Delgado');
  await form.getByRole('button', { name: 'Add person' }).click();
  const rosa = list.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Rosa Delgado' }) });
  assert.equal(await rosa.getByRole('cell').first().innerText(), 'No team');
  await page.keyboard.press('Escape');
  await command(page, 'Add', 'Add team…');
  const team = dialog(page, 'Add team');
  await team.getByLabel('Name').fill('Field Ops');
  await team.getByLabel('Lead').selectOption({ label: 'Rosa Delgado' });
  await team.getByText('Rosa Delgado is in no team yet, and joins this one.').waitFor();
  await team.getByRole('button', { name: 'Add team' }).click();
  await team.waitFor({ state: 'detached' });
  await command(page, 'Add', 'People…');
  assert.deepEqual((await rosa.getByRole('cell').allInnerTexts()).slice(0, 2), ['Field Ops', 'leads Field Ops']);
  page.assertNoErrors();
});

test('a person renamed is renamed at once on the priority they own, their cards and the owner filter', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const board = page.getByRole('region', { name: 'Board' });
  const heading = board.getByRole('columnheader', { name: /^Priority 1:/ });
  const owner = (await heading.locator('.ab-column-head__owner').textContent()).trim();
  assert.notEqual(owner, 'No owner', "the example's first priority has an owner");
  await command(page, 'Add', 'People…');
  await dialog(page, 'People').getByRole('button', { name: `Edit ${owner}` }).click();
  const form = dialog(page, 'Edit person');
  await form.getByLabel('Name').fill('Renamed Owner');
  await form.getByRole('button', { name: 'Save' }).click();
  await dialog(page, 'People').getByRole('rowheader', { name: 'Renamed Owner' }).waitFor();
  assert.ok(await dialog(page, 'People').getByRole('button', { name: 'Edit Renamed Owner' }).evaluate((e) => document.activeElement === e),
    'focus is back on the Edit button used');
  await page.keyboard.press('Escape');
  await dialog(page, 'People').waitFor({ state: 'detached' });
  await heading.getByText('Renamed Owner').waitFor();
  assert.equal(await board.getByText(owner, { exact: true }).count(), 0, 'no card or heading keeps the old name');
  const filter = page.getByRole('region', { name: 'Filters' }).getByLabel('Owner');
  assert.ok((await filter.locator('option').allTextContents()).includes('Renamed Owner'));
  page.assertNoErrors();
});

test('the board title, purpose, period and rhythm are edited in board settings', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await command(page, 'Settings', 'Board settings…');
  const form = dialog(page, 'Board settings');
  await form.getByLabel('Board title').fill('Fieldnote operating board');
  await form.getByLabel('Purpose').fill('Every team pulling the same way.');
  await form.getByLabel('Period', { exact: true }).fill('Winter 2026');
  await form.getByLabel('Check-in every').fill('14');
  await form.getByRole('button', { name: 'Save' }).click();

  const check = async () => {
    const header = page.getByRole('banner');
    await header.getByRole('heading', { level: 1, name: 'Fieldnote operating board' }).waitFor();
    await header.getByText('Every team pulling the same way.').waitFor();
    await header.getByText('Winter 2026').waitFor();
    await header.getByText(/Check-ins every 14 days/).waitFor();
  };
  await check();
  await reload(page);
  await check();
  page.assertNoErrors();
});

test('a form that refuses what was typed puts focus in the field it names, which says what to change', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await command(page, 'Add', 'Add priority…');
  const form = dialog(page, 'Add priority');
  const focusedField = () => page.evaluate(() => {
    const field = document.activeElement;
    const note = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    return { label: field.labels?.[0]?.textContent.replace('*', '').trim(), note: note?.textContent, invalid: field.getAttribute('aria-invalid') };
  });
  await form.getByRole('button', { name: 'Add priority' }).click();
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-invalid') === 'true');
  assert.deepEqual(await focusedField(), { label: 'Title', note: 'Give the priority a title', invalid: 'true' });
  // Refused again for the same reason, from further down the form: focus goes back to it.
  await form.getByLabel('Description').fill('Somewhere further down');
  await form.getByRole('button', { name: 'Add priority' }).click();
  await page.waitForFunction(() => document.activeElement.labels?.[0]?.textContent.startsWith('Title'));
  assert.deepEqual(await focusedField(), { label: 'Title', note: 'Give the priority a title', invalid: 'true' });

  await form.getByLabel('Title').fill('Expand into EMEA');
  await form.getByLabel('Rank').fill('0');
  await form.getByRole('button', { name: 'Add priority' }).click();
  await page.waitForFunction(() => document.activeElement.labels?.[0]?.textContent.startsWith('Rank'));
  assert.deepEqual(await focusedField(), { label: 'Rank', note: 'Ranks start at 1', invalid: 'true' });
  // Asked again from the refused field itself (Ctrl+Enter in it): focus stays there, which
  // a screen reader does not read again, so the dialog says the field and its refusal.
  const said = form.locator('[aria-live="assertive"]');
  assert.equal(await said.textContent(), '');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((region) => region.textContent === 'Rank: Ranks start at 1', await said.elementHandle());
  assert.deepEqual(await focusedField(), { label: 'Rank', note: 'Ranks start at 1', invalid: 'true' });
  // Changed, the field no longer says its refusal, but its hint; sent again as it was, it does.
  await page.keyboard.press('Backspace');
  await page.keyboard.type('2');
  assert.deepEqual(await focusedField(), { label: 'Rank', note: '1 is the most important; others move to make room', invalid: 'false' });
  await page.keyboard.press('Backspace');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-invalid') === 'true');
  assert.deepEqual(await focusedField(), { label: 'Rank', note: 'Ranks start at 1', invalid: 'true' });
  // Changed and refused for another reason, with Enter: the new refusal shows at once, in
  // the field, and is said.
  await page.keyboard.press('Backspace');
  await page.keyboard.type('100000');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^At most/.test(document.getElementById(document.activeElement.getAttribute('aria-describedby'))?.textContent));
  const refused = await focusedField();
  assert.equal(refused.label, 'Rank');
  assert.equal(refused.invalid, 'true');
  await page.waitForFunction(([region, note]) => region.textContent === `Rank: ${note}`, [await said.elementHandle(), refused.note]);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await form.waitFor({ state: 'detached' });

  // Two fields refused at once: focus goes to the first, so the messages are met in order.
  await command(page, 'Settings', 'Board settings…');
  const settings = dialog(page, 'Board settings');
  await settings.getByLabel('Check-in every').fill('0');
  await settings.getByLabel('Planning every').fill('0');
  await settings.getByRole('button', { name: 'Save' }).click();
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-invalid') === 'true');
  assert.equal((await focusedField()).label, 'Check-in every');
  await settings.getByRole('button', { name: 'Cancel' }).click();
  await settings.waitFor({ state: 'detached' });

  // A decision without a title: the same, in its Decision field.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Coordination' }).click();
  await page.getByRole('button', { name: 'Record decision' }).click();
  const decision = dialog(page, 'Record a decision');
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-invalid') === 'true');
  assert.deepEqual(await focusedField(), { label: 'Decision', note: 'Give the decision a title', invalid: 'true' });
  page.assertNoErrors();
});

test('a new initiative added while the board shows one team goes to that team, from the toolbar and from a phone’s priority', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Platform' });
  await page.getByRole('button', { name: 'Add initiative', exact: true }).click();
  const form = dialog(page, 'Add initiative');
  assert.equal(await form.getByLabel('Team', { exact: true }).evaluate((select) => select.selectedOptions[0].textContent), 'Platform');
  // New work is offered the active priorities, not those of periods gone by; work that
  // served a finished one still shows it in its form.
  const serves = form.getByRole('group', { name: 'Serves priorities' });
  assert.deepEqual(await serves.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.labels[0].textContent)),
    ['#1 Cut time-to-value to one day', '#2 Keep every customer we have', '#3 Offline-first mobile for technicians', '#4 Win the mid-market', '#5 Make the platform boringly reliable']);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await form.waitFor({ state: 'detached' });
  const soc = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'SOC 2 evidence automation' }).first();
  await soc.focus();
  await page.keyboard.press('Enter');
  const edit = dialog(page, 'Edit initiative');
  await edit.getByRole('group', { name: 'Serves priorities' }).getByRole('checkbox', { name: 'SOC 2 Type II report (not active)', checked: true }).waitFor();
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await edit.waitFor({ state: 'detached' });
  // So does new work added in that priority's column.
  await page.getByRole('button', { name: /^Add initiative to Platform · SOC 2 Type II report/ }).click();
  const added = dialog(page, 'Add initiative');
  await added.getByRole('group', { name: 'Serves priorities' }).getByRole('checkbox', { name: 'SOC 2 Type II report (not active)', checked: true }).waitFor();
  await added.getByRole('button', { name: 'Cancel' }).click();
  await added.waitFor({ state: 'detached' });
  // On a phone a priority's "+" names no team: the one the board shows.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: /^Add initiative to .*Make the platform boringly reliable/ }).click();
  const phone = dialog(page, 'Add initiative');
  assert.equal(await phone.getByLabel('Team', { exact: true }).evaluate((select) => select.selectedOptions[0].textContent), 'Platform');
  await phone.getByLabel('Title').fill('Load-test the sync service');
  await phone.getByRole('button', { name: 'Add initiative' }).click();
  await phone.waitFor({ state: 'detached' });
  await page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'Load-test the sync service' }).waitFor();
  page.assertNoErrors();
});

test('closing a priority that unfinished work serves says what becomes of that work before it is saved', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const heading = page.getByRole('columnheader', { name: 'Priority 5: Make the platform boringly reliable' });
  await heading.focus();
  await page.keyboard.press('Enter');
  const form = dialog(page, 'Edit priority');
  const note = form.getByText(/unfinished initiatives? still serves? it\./);
  assert.equal(await note.count(), 0, 'nothing to say while it is active');
  await form.getByLabel('Status').selectOption({ label: 'Achieved' });
  await form.getByText(/^\d+ unfinished initiatives? still serves? it\. Once it is achieved, work that serves no other active priority counts as local work/).waitFor();
  await form.getByLabel('Status').selectOption({ label: 'Dropped' });
  await form.getByText(/Once it is dropped,/).waitFor();
  await form.getByLabel('Status').selectOption({ label: 'Active' });
  await note.waitFor({ state: 'detached' });
  // Only active priorities are ranked: a closed one's form shows no rank until it is made
  // active again, and then it comes after the active ones.
  await form.getByLabel('Status').selectOption({ label: 'Achieved' });
  await form.getByLabel('Rank').waitFor({ state: 'detached' });
  await form.getByRole('button', { name: 'Cancel' }).click();
  await form.waitFor({ state: 'detached' });
  const closed = page.getByRole('columnheader', { name: 'Achieved priority: SOC 2 Type II report' });
  await closed.focus();
  await page.keyboard.press('Enter');
  const achieved = dialog(page, 'Edit priority');
  assert.equal(await achieved.getByLabel('Rank').count(), 0, 'an achieved priority shows no rank');
  await achieved.getByLabel('Status').selectOption({ label: 'Active' });
  const active = await page.getByRole('columnheader', { name: /^Priority \d+:/ }).count();
  assert.equal(await achieved.getByLabel('Rank').inputValue(), String(active + 1));
  await achieved.getByRole('button', { name: 'Save' }).click();
  await achieved.waitFor({ state: 'detached' });
  await page.getByRole('columnheader', { name: `Priority ${active + 1}: SOC 2 Type II report` }).waitFor();
  page.assertNoErrors();
});
