// Coordination as teams use it: one team asks another, the other accepts, and the asking
// initiative shows the accepted request after a reload; a decision recorded and found by
// its priority, in the log and on the priority's page; a stop decision that drops work; a
// decision corrected and deleted from the log; a risk closed. Focus stays in the lists as steps and closed risks take their buttons away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { command, dialog, exportSnapshot, freshPage, isFocused, saved, startExample, useApp } from '../support/app.mjs';

const app = useApp();

async function openCoordination(page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Coordination' }).click();
  return page.getByRole('region', { name: 'Coordination' });
}

async function editInitiative(page, title) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Board' }).click();
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: title }).first();
  await card.focus();
  await page.keyboard.press('Enter');
  return dialog(page, 'Edit initiative');
}

test('team A asks team B, B accepts, and A\'s initiative shows it after a reload', async () => {
  const page = await freshPage(app);
  await startExample(page);
  // Product's "Guided setup wizard" asks Data.
  let form = await editInitiative(page, 'Guided setup wizard');
  await form.getByRole('button', { name: 'Ask another team…' }).click();
  const ask = dialog(page, 'Ask another team: Guided setup wizard');
  await ask.getByLabel('Ask').selectOption({ label: 'Data' });
  await ask.getByLabel('What is needed').fill('Setup funnel dashboard');
  await ask.getByLabel('Needed by').fill('2030-01-15');
  await ask.getByRole('button', { name: 'Send request' }).click();
  await ask.waitFor({ state: 'detached' });
  // Nothing on the card shows it: the window's foot says it was sent, and to whom.
  await page.getByRole('status').filter({ hasText: 'Asked Data for “Setup funnel dashboard”.' }).waitFor();

  // Data answers in the coordination view.
  const view = await openCoordination(page);
  await view.getByRole('group', { name: 'Show the requests of' }).getByRole('button', { name: 'Data' }).click();
  const asked = view.getByRole('region', { name: 'Asked of Data' });
  await asked.getByRole('button', { name: 'Accept: Setup funnel dashboard' }).click();
  const accept = dialog(page, 'Accept: Setup funnel dashboard');
  await accept.getByLabel('Note for the asking team').fill('Yes, in sprint 14');
  await accept.getByRole('button', { name: 'Accept', exact: true }).click();
  await accept.waitFor({ state: 'detached' });
  await asked.getByText(/“Yes, in sprint 14”/).waitFor();
  // Each step takes its button away: focus goes to the request's next step, so the
  // keyboard carries on where it was.
  await isFocused(page, asked.getByRole('button', { name: 'Mark delivered: Setup funnel dashboard' }));
  // A delivery that fell short is reopened from the list of what Data delivered while the
  // asking work goes on.
  await page.keyboard.press('Enter');
  const delivered = asked.getByRole('list', { name: 'Delivered by Data' });
  // It says when it was delivered, on the person's day, and in time for the date needed.
  const today = await page.evaluate(() => new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }).format(new Date()));
  await delivered.getByText(`asked by Product for “Guided setup wizard” · needed by Jan 15, 2030 · “Yes, in sprint 14” · delivered ${today}`).waitFor();
  await delivered.getByRole('button', { name: 'Reopen: Setup funnel dashboard' }).click();
  const reopen = dialog(page, 'Reopen: Setup funnel dashboard');
  assert.equal(await reopen.getByLabel('Deliver by').inputValue(), '2030-01-15', 'the date to keep or change');
  await reopen.getByRole('button', { name: 'Reopen', exact: true }).click();
  await reopen.waitFor({ state: 'detached' });
  await asked.getByRole('button', { name: 'Mark delivered: Setup funnel dashboard' }).waitFor();
  await delivered.waitFor({ state: 'detached' });
  await asked.getByText(/“Yes, in sprint 14”/).waitFor();
  await saved(page);

  // A reload opens the view the address names, Coordination.
  await page.reload();
  await page.getByRole('region', { name: 'Coordination' }).waitFor();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Board' }).click();
  form = await editInitiative(page, 'Guided setup wizard');
  const requests = form.getByRole('region', { name: 'Requests to other teams' });
  await requests.getByText('Setup funnel dashboard').waitFor();
  await requests.getByText('asked of Data · accepted · “Yes, in sprint 14”').waitFor();
  const exported = (await exportSnapshotAfterClosing(page, form)).json.board;
  const request = exported.dependencies.find((d) => d.need === 'Setup funnel dashboard');
  assert.equal(request.state, 'accepted');
  assert.equal(request.answerNote, 'Yes, in sprint 14');
  assert.ok(request.answeredAt);
  assert.equal(request.deliveredAt, undefined, 'a delivery reopened is not delivered');
  page.assertNoErrors();
});


async function exportSnapshotAfterClosing(page, form) {
  await page.keyboard.press('Escape');
  await form.waitFor({ state: 'detached' });
  return exportSnapshot(page);
}

/**
 * The example board, and Coordination's form recording a stop decision titled `title` about
 * the top priority, open: the board before, the top priority, the view and the form.
 */
async function stopAboutTheTopPriority(title) {
  const page = await freshPage(app);
  await startExample(page);
  const before = (await exportSnapshot(page)).json.board;
  const first = before.priorities.filter((p) => p.status === 'active').sort((a, b) => a.rank - b.rank)[0];
  const view = await openCoordination(page);
  await view.getByRole('button', { name: 'Record decision' }).click();
  const form = dialog(page, 'Record a decision');
  await form.getByLabel('Decision').fill(title);
  await form.getByLabel('Kind').selectOption({ label: 'Stop' });
  await form.getByLabel(`#1 ${first.title}`).check();
  return { page, before, first, view, form };
}

test('a decision is recorded and found by its priority; a stop decision drops the work it stops', async () => {
  const { page, before, first, view, form } = await stopAboutTheTopPriority('Stop the job templates library');
  // Each with its team: the same title could be two teams' work.
  const stops = form.getByRole('checkbox', { name: /^Job templates library · / });
  assert.equal(await stops.count(), 1);
  const team = before.teams.find((t) => t.id === before.initiatives.find((i) => i.title === 'Job templates library').teamId);
  assert.equal(await stops.getAttribute('aria-label') ?? await stops.evaluate((box) => box.labels[0].textContent), `Job templates library · ${team.name}`);
  await stops.check();
  await form.getByLabel('Rationale').fill(`Templates can wait for the wizard. ${'The wizard needs every engineer this quarter. '.repeat(20)}`);
  await form.getByRole('button', { name: 'Record decision' }).click();
  await form.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: `Recorded “Stop the job templates library”; dropped “Job templates library” (${team.name}).` }).waitFor();

  const log = view.getByRole('list', { name: 'Decision log' });
  await view.getByLabel('Priority', { exact: true }).selectOption({ label: `#1 ${first.title}` });
  await log.getByText('Stop the job templates library').waitFor();
  // A long rationale shows its start in the log (its form holds it whole), so the row's
  // title and its Edit stay together.
  const row = await log.getByRole('listitem').filter({ hasText: 'Stop the job templates library' }).innerText();
  assert.ok(row.includes('Templates can wait for the wizard. The wizard needs') && row.includes('…') && row.length < 600, row);
  // It keeps the work it stopped: the log names it.
  assert.ok(row.includes('stopped “Job templates library”'), row);
  const others = before.priorities.filter((p) => p.status === 'active' && p.id !== first.id);
  const unrelated = others.find((p) => !before.decisions.some((d) => d.priorityIds.includes(p.id)));
  if (unrelated) {
    await view.getByLabel('Priority', { exact: true }).selectOption({ label: `#${unrelated.rank} ${unrelated.title}` });
    await log.getByText('No decision matches.').waitFor();
  }
  const after = (await exportSnapshot(page)).json.board;
  assert.equal(after.decisions.at(-1).kind, 'stop');
  const stopped = after.initiatives.find((i) => i.title === 'Job templates library');
  assert.equal(stopped.status, 'dropped');
  assert.deepEqual(after.decisions.at(-1).initiativeIds, [stopped.id]);

  // The priority's page (its dialog, from its column's title) lists the decision too.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Board/ }).click();
  await page.getByRole('region', { name: 'Board' }).getByRole('button', { name: first.title, exact: true }).click();
  const decided = dialog(page, 'Edit priority').getByRole('region', { name: 'Decisions about this priority' });
  await decided.getByText('Stop the job templates library').waitFor();
  assert.match(await decided.innerText(), /Stop[\s\S]*Templates can wait for the wizard/);
  await dialog(page, 'Edit priority').getByRole('button', { name: 'Cancel' }).click();

  // The dropped work says which decision stopped it, and why.
  const card = page.getByRole('region', { name: 'Board' }).getByRole('article', { name: 'Job templates library' }).first();
  await card.getByRole('button', { name: 'Job templates library', exact: true }).click();
  const work = dialog(page, 'Edit initiative');
  await work.getByRole('note').filter({ hasText: /^The decision “Stop the job templates library”, .+, stopped this work: Templates can wait for the wizard\./ }).waitFor();
  // Deleting the work would leave the decision without it: the question says so.
  await work.getByRole('button', { name: 'Delete' }).click();
  const question = dialog(page, 'Delete “Job templates library”?');
  await question.getByText('The decision that stopped it will no longer name it.').waitFor();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await work.getByRole('button', { name: 'Cancel' }).click();
  // The decision, opened again, says what it stopped: its record, not a choice again.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Coordination/ }).click();
  await log.getByRole('button', { name: 'Stop the job templates library' }).click();
  const again = dialog(page, 'Edit decision');
  await again.getByText(`It stopped “Job templates library” (${team.name}) when it was recorded.`).waitFor();
  assert.equal(await again.getByRole('group', { name: 'Work it stops (marked dropped)' }).count(), 0);
  // Corrected, it keeps it.
  await again.getByLabel('Decision').fill('Stop the templates library for now');
  await again.getByRole('button', { name: 'Save' }).click();
  await again.waitFor({ state: 'detached' });
  const corrected = (await exportSnapshot(page)).json.board.decisions.at(-1);
  assert.deepEqual([corrected.title, corrected.initiativeIds], ['Stop the templates library for now', [stopped.id]]);
  page.assertNoErrors();
});

test('work ticked for a stop, then hidden by unticking its priority, is not stopped', async () => {
  const { page, before, first, form } = await stopAboutTheTopPriority('Stop nothing after all');
  await form.getByRole('checkbox', { name: /^Job templates library · / }).check();
  await form.getByLabel(`#1 ${first.title}`).uncheck();
  await form.getByRole('checkbox', { name: /^Job templates library · / }).waitFor({ state: 'detached' });
  await form.getByRole('button', { name: 'Record decision' }).click();
  await form.waitFor({ state: 'detached' });
  const after = (await exportSnapshot(page)).json.board;
  assert.equal(after.initiatives.find((i) => i.title === 'Job templates library').status,
    before.initiatives.find((i) => i.title === 'Job templates library').status, 'left as it was');
  assert.equal(after.decisions.at(-1).initiativeIds, undefined, 'the decision stopped nothing');
  page.assertNoErrors();
});

test('a decision is recorded from the board through the Add menu, and Coordination\'s log holds it', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await command(page, 'Add', 'Record decision…');
  const form = dialog(page, 'Record a decision');
  await form.getByLabel('Decision').fill('Hire a second support engineer');
  // A revisit date before the decision (a year typed one too low) is refused at its field.
  const revisit = form.getByLabel('Revisit on');
  const year = await page.evaluate(() => new Date().getFullYear());
  await revisit.fill(`${year - 1}-01-15`);
  await form.getByRole('button', { name: 'Record decision' }).click();
  await page.waitForFunction(() => document.activeElement?.labels?.[0]?.textContent.startsWith('Revisit on'));
  assert.equal(await revisit.getAttribute('aria-invalid'), 'true');
  assert.match(await page.evaluate(() => document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent),
    /is before the decision, taken on .*: revisit it on a later day$/);
  await revisit.fill('');
  await form.getByRole('button', { name: 'Record decision' }).click();
  await form.waitFor({ state: 'detached' });
  // Nothing on the board shows a decision: the window's foot says it was recorded.
  await page.getByRole('status').filter({ hasText: 'Recorded “Hire a second support engineer”.' }).waitFor();
  // The board stays, with focus back on the menu's button.
  await page.getByRole('region', { name: 'Board' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Add');
  const view = await openCoordination(page);
  await view.getByRole('list', { name: 'Decision log' }).getByRole('button', { name: 'Hire a second support engineer' }).waitFor();
  page.assertNoErrors();
});

test('a recorded decision is corrected from its title in the log, and deleted after a question that Undo answers', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const before = (await exportSnapshot(page)).json.board;
  const decision = before.decisions.find((d) => d.kind === 'commit' && d.revisitOn);
  const view = await openCoordination(page);
  const log = view.getByRole('list', { name: 'Decision log' });
  await log.getByRole('button', { name: decision.title }).click();
  let form = dialog(page, 'Edit decision');
  // The form holds the decision as recorded.
  assert.equal(await form.getByLabel('Decision').inputValue(), decision.title);
  assert.equal(await form.getByLabel('Revisit on').inputValue(), decision.revisitOn);
  assert.equal(await form.getByLabel('Rationale').inputValue(), decision.rationale);
  await form.getByLabel('Decision').fill(`${decision.title} (with two pilots)`);
  await form.getByLabel('Kind').selectOption({ label: 'Defer' });
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  await log.getByRole('button', { name: `${decision.title} (with two pilots)` }).waitFor();
  await saved(page);
  const edited = (await exportSnapshot(page)).json.board.decisions.find((d) => d.id === decision.id);
  assert.equal(edited.title, `${decision.title} (with two pilots)`);
  assert.equal(edited.kind, 'defer');
  // When it was decided does not move with a correction.
  assert.equal(edited.decidedAt, decision.decidedAt);
  assert.equal((await exportSnapshot(page)).json.board.decisions.length, before.decisions.length);

  // Delete asks first; Cancel goes back to the form, draft and all.
  await log.getByRole('button', { name: `${decision.title} (with two pilots)` }).click();
  form = dialog(page, 'Edit decision');
  await form.getByLabel('Decision').fill('A draft kept through the question');
  await form.getByRole('button', { name: 'Delete' }).click();
  let question = dialog(page, 'Delete this decision?');
  await question.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await form.getByLabel('Decision').inputValue(), 'A draft kept through the question');
  assert.equal(await form.getByRole('button', { name: 'Delete' }).evaluate((b) => b === document.activeElement), true,
    'focus back on Delete');
  await form.getByRole('button', { name: 'Delete' }).click();
  question = dialog(page, 'Delete this decision?');
  assert.match(await question.innerText(), /Undo brings it back/);
  await question.getByRole('button', { name: 'Delete decision' }).click();
  await question.waitFor({ state: 'detached' });
  await log.getByRole('button', { name: `${decision.title} (with two pilots)` }).waitFor({ state: 'detached' });
  // Its button went with it: focus goes to Record decision, not to the page.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Record decision');
  assert.equal((await exportSnapshot(page)).json.board.decisions.length, before.decisions.length - 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await log.getByRole('button', { name: `${decision.title} (with two pilots)` }).waitFor();
  page.assertNoErrors();
});

test('the asking team corrects a request: a date agreed anew, another team while unanswered, deleted after a question', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const example = (await exportSnapshot(page)).json.board;
  const teamOf = (initiativeId) => example.initiatives.find((i) => i.id === initiativeId).teamId;
  const name = (teamId) => example.teams.find((t) => t.id === teamId).name;
  const unanswered = example.dependencies.find((d) => d.state === 'requested' && d.due);
  const accepted = example.dependencies.find((d) => d.state === 'accepted' && d.answerNote);
  const view = await openCoordination(page);
  const chips = view.getByRole('group', { name: 'Show the requests of' });
  const open = async (request) => {
    const asking = name(teamOf(request.fromInitiativeId));
    await chips.getByRole('button', { name: asking, exact: true }).click();
    const waits = view.getByRole('region', { name: `${asking} waits on` });
    await waits.getByRole('button', { name: `Edit request: ${request.need}` }).click();
    return { waits, form: dialog(page, `Edit request: ${request.need}`) };
  };
  const later = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  // Unanswered: what, by when and of whom may all change.
  let { waits, form } = await open(unanswered);
  assert.equal(await form.getByLabel('What is needed').inputValue(), unanswered.need);
  assert.equal(await form.getByLabel('Needed by').inputValue(), unanswered.due);
  const other = example.teams.find((t) => t.id !== unanswered.toTeamId && t.id !== teamOf(unanswered.fromInitiativeId));
  await form.getByLabel('Ask').selectOption({ label: other.name });
  await form.getByLabel('Needed by').fill(later(unanswered.due, 21));
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  const row = waits.getByRole('listitem').filter({ has: page.getByRole('button', { name: unanswered.need, exact: true }) });
  await row.filter({ hasText: `asked of ${other.name}` }).waitFor();
  let saved = (await exportSnapshot(page)).json.board.dependencies.find((d) => d.id === unanswered.id);
  assert.deepEqual([saved.toTeamId, saved.due, saved.state, saved.fromInitiativeId],
    [other.id, later(unanswered.due, 21), 'requested', unanswered.fromInitiativeId]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await row.filter({ hasText: `asked of ${name(unanswered.toTeamId)}` }).waitFor();

  // Answered: the team that answered stays; a date agreed anew keeps the answer.
  ({ waits, form } = await open(accepted));
  assert.equal(await form.getByLabel('Ask').count(), 0, 'no other team to choose');
  await form.getByText(`Asked of ${name(accepted.toTeamId)}, which has accepted it: to ask another team, delete this request and ask anew.`).waitFor();
  const agreed = later(accepted.due, 14);
  await form.getByLabel('Needed by').fill(agreed);
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  saved = (await exportSnapshot(page)).json.board.dependencies.find((d) => d.id === accepted.id);
  assert.deepEqual([saved.due, saved.state, saved.answerNote], [agreed, 'accepted', accepted.answerNote]);

  // Deleted after a question; Undo brings it back.
  ({ waits, form } = await open(accepted));
  await form.getByRole('button', { name: 'Delete' }).click();
  const question = dialog(page, 'Delete this request?');
  assert.match(await question.innerText(), /Undo brings it back/);
  await question.getByRole('button', { name: 'Delete request' }).click();
  await question.waitFor({ state: 'detached' });
  await waits.getByRole('button', { name: accepted.need, exact: true }).waitFor({ state: 'detached' });
  // Its Edit… went with it: focus goes to the Edit… of the request in its place, not the page.
  await page.waitForFunction(() => /^Edit request: /.test(document.activeElement?.getAttribute('aria-label') ?? ''));
  assert.notEqual(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), `Edit request: ${accepted.need}`);
  assert.equal((await exportSnapshot(page)).json.board.dependencies.length, example.dependencies.length - 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await waits.getByRole('button', { name: accepted.need, exact: true }).waitFor();
  page.assertNoErrors();
});

test('a read-only board lists its decisions and requests without a way to change them', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await saved(page);
  await page.goto(`${app.url}?readonly`);
  const view = await openCoordination(page);
  const log = view.getByRole('list', { name: 'Decision log' });
  await log.getByText('Pause the partner portal').waitFor();
  assert.equal(await log.getByRole('button').count(), 0);
  assert.equal(await view.getByRole('button', { name: 'Record decision' }).count(), 0);
  // The first team's requests are listed, none with a way to edit it.
  await view.getByRole('region', { name: / waits on$/ }).getByRole('button', { name: 'Auth API v2 in staging', exact: true }).waitFor();
  assert.equal(await view.getByRole('button', { name: /^Edit request: / }).count(), 0);
  page.assertNoErrors();
});

test("a cell of who asks whom chooses its asking team, marks its requests there, and leads to the list that answers them", async () => {
  const page = await freshPage(app);
  await startExample(page);
  const example = (await exportSnapshot(page)).json.board;
  const teamOf = (initiativeId) => example.initiatives.find((i) => i.id === initiativeId).teamId;
  // A request of a team other than the first, which the lists show at first.
  const request = example.dependencies.find((d) => teamOf(d.fromInitiativeId) !== example.teams[0].id);
  const asking = example.teams.find((t) => t.id === teamOf(request.fromInitiativeId));
  const asked = example.teams.find((t) => t.id === request.toTeamId);
  const view = await openCoordination(page);
  const cell = view.getByRole('table', { name: 'Requests between teams' })
    .getByRole('button', { name: new RegExp(` — ${asking.name} asks ${asked.name}: \\d+ requests?, \\d+ open, \\d+ stuck, \\d+ misaligned$`) });
  await cell.click();
  const chips = view.getByRole('group', { name: 'Show the requests of' });
  await chips.getByRole('button', { name: asking.name, pressed: true }).waitFor();
  assert.equal(await cell.getAttribute('aria-pressed'), 'true', 'the cell says it is the one chosen');
  const waits = view.getByRole('region', { name: `${asking.name} waits on` });
  const row = waits.getByRole('listitem').filter({ has: page.getByRole('button', { name: request.need, exact: true }) });
  const marked = waits.getByRole('listitem').filter({ hasText: 'in the chosen cell' });
  assert.match(await row.innerText(), /in the chosen cell/, "the cell's request is marked, in words too");
  assert.ok(await marked.count() >= 1);
  for (const other of await marked.allInnerTexts()) {
    assert.match(other, new RegExp(`asked of ${asked.name} `), 'only the requests of the chosen cell are marked');
  }
  // Chosen again, the cell lets go of its mark.
  await cell.click();
  assert.equal(await cell.getAttribute('aria-pressed'), 'false');
  assert.equal(await marked.count(), 0);
  await cell.click();

  // The team asked answers them in its own list, a button away.
  await view.getByRole('button', { name: `Show what ${asked.name} is asked` }).click();
  await chips.getByRole('button', { name: asked.name, pressed: true }).waitFor();
  await view.getByRole('region', { name: `Asked of ${asked.name}` }).getByRole('button', { name: request.need, exact: true }).waitFor();
  assert.equal(await cell.getAttribute('aria-pressed'), 'false');
  assert.equal(await view.getByRole('listitem').filter({ hasText: 'in the chosen cell' }).count(), 0, 'nothing marked once a team is chosen');
  page.assertNoErrors();
});

test('a request past its date is accepted for the date the providing team can keep, beside the date asked, and is late no longer', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const request = (await exportSnapshot(page)).json.board.dependencies.find((d) => d.need === 'Analytics SDK in the mobile app');
  const view = await openCoordination(page);
  await view.getByRole('group', { name: 'Show the requests of' }).getByRole('button', { name: 'Mobile' }).click();
  const asked = view.getByRole('region', { name: 'Asked of Mobile' });
  const row = asked.getByRole('listitem').filter({ hasText: 'Analytics SDK in the mobile app' });
  await row.getByText(/needed by/).waitFor();
  await row.getByRole('button', { name: 'Accept: Analytics SDK in the mobile app' }).click();
  const accept = dialog(page, 'Accept: Analytics SDK in the mobile app');
  const date = accept.getByLabel('Deliver by');
  assert.equal(await date.inputValue(), request.due, 'the date asked for, to keep or change');
  const hint = () => date.evaluate((field) => document.getElementById(field.getAttribute('aria-describedby')).textContent);
  assert.match(await hint(), /^Needed by .+ \(\d+ days? overdue\): give the date you can deliver by\.$/);
  const later = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
  await date.fill(later);
  assert.match(await hint(), /: the asking team sees both dates\. That is \d+ days later than needed\.$/);
  await accept.getByRole('button', { name: 'Accept', exact: true }).click();
  await accept.waitFor({ state: 'detached' });
  // The window's foot says what was done, beyond "Saved".
  await page.getByRole('status').filter({ hasText: 'Accepted “Analytics SDK in the mobile app”.' }).waitFor();
  await saved(page);
  const answered = (await exportSnapshot(page)).json.board.dependencies.find((d) => d.id === request.id);
  assert.equal(answered.state, 'accepted');
  assert.equal(answered.due, request.due, 'what the asking team needed stays');
  assert.equal(answered.promised, later);
  assert.equal(await row.getByText(/overdue/).count(), 0, 'no longer late');
  await row.getByText(/needed by .+ · promised for .+ \(\d+ days later than needed\)/).waitFor();
  page.assertNoErrors();
});

test('a request answered, undone or redone from the keyboard leaves focus on the request, or on the one in its place', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const view = await openCoordination(page);
  const teams = view.getByRole('group', { name: 'Show the requests of' });
  // Reopening a declined request gives it the steps of a new one.
  await teams.getByRole('button', { name: 'Product' }).click();
  let asked = view.getByRole('region', { name: 'Asked of Product' });
  await asked.getByRole('button', { name: 'Reopen: Referral links inside the app' }).focus();
  await page.keyboard.press('Enter');
  await isFocused(page, asked.getByRole('button', { name: 'Accept: Referral links inside the app' }));
  // Undone from the keyboard, the answer's steps go and focus stays in the request's row, on
  // its name, not on the page's top.
  await page.keyboard.press('Control+z');
  await asked.getByRole('button', { name: 'Reopen: Referral links inside the app' }).waitFor();
  await isFocused(page, asked.getByRole('button', { name: 'Referral links inside the app', exact: true }));
  // Redo until there is nothing more to redo: focus goes to Undo, which the change enabled.
  await page.getByRole('button', { name: 'Redo', exact: true }).focus();
  await page.keyboard.press('Enter');
  await asked.getByRole('button', { name: 'Accept: Referral links inside the app' }).waitFor();
  await isFocused(page, page.getByRole('button', { name: 'Undo', exact: true }));
  // A request's name shows the work that asks for it, and says so before it is pressed.
  assert.equal(await asked.getByRole('button', { name: 'Referral links inside the app', exact: true }).getAttribute('title'),
    'Show the work that asks for it on the board');
  // A delivered request leaves the list: focus goes to the name of the request now in its
  // place, not to its steps, which one more Enter would take.
  await teams.getByRole('button', { name: 'Data' }).click();
  // Another view and back: Coordination opens on the team it showed.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Board' }).click();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  await openCoordination(page);
  await view.getByRole('region', { name: 'Asked of Data' }).waitFor();
  asked = view.getByRole('region', { name: 'Asked of Data' });
  await asked.getByRole('button', { name: 'Mark delivered: A churn risk signal per account' }).focus();
  await page.keyboard.press('Enter');
  await isFocused(page, asked.getByRole('button', { name: 'Trial funnel events in the warehouse', exact: true }));
  assert.equal(await asked.getByRole('list').first().getByRole('listitem').count(), 1);
  // It waits under what Data delivered, where it can be reopened.
  await asked.getByRole('list', { name: 'Delivered by Data' })
    .getByRole('button', { name: 'Reopen: A churn risk signal per account' }).waitFor();
  page.assertNoErrors();
});

test('a risk is closed from the open risks', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const before = (await exportSnapshot(page)).json.board;
  const openBefore = before.initiatives.flatMap((i) => i.risks.filter((r) => r.open));
  assert.ok(openBefore.length >= 2);
  const view = await openCoordination(page);
  const risks = view.getByRole('region', { name: 'Open risks' });
  // The most severe comes first.
  const first = risks.getByRole('listitem').first();
  assert.match(await first.innerText(), /High/);
  const close = first.getByRole('button', { name: /^Close risk: / });
  const text = (await close.getAttribute('aria-label')).replace('Close risk: ', '');
  const next = await risks.getByRole('button', { name: /^Close risk: / }).nth(1).getAttribute('aria-label');
  await close.focus();
  await page.keyboard.press('Enter');
  await risks.getByText(text).waitFor({ state: 'detached' });
  // Its button went with the risk: focus is on the risk now in its place, on its
  // initiative's name, not on its Close, which one more Enter would take.
  const inPlace = risks.getByRole('listitem').filter({ has: page.getByRole('button', { name: next }) });
  await isFocused(page, inPlace.getByRole('button').first());
  const after = (await exportSnapshot(page)).json.board;
  const risk = after.initiatives.flatMap((i) => i.risks).find((r) => r.text === text);
  assert.equal(risk.open, false);
  page.assertNoErrors();
});

test('the rhythm and coordination views pass an accessibility audit', async () => {
  const { readFile } = await import('node:fs/promises');
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const page = await freshPage(app);
  await startExample(page);
  await page.addScriptTag({ content: await readFile(require.resolve('axe-core/axe.min.js'), 'utf8') });
  for (const view of [/^Rhythm/, 'Coordination']) {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`), [], String(view));
  }
});
