// The browser's Back and Forward on the board's own page: each view the person goes to is an
// entry in the history, named in the address (`?view=`), so Back shows the view before
// instead of leaving the board. A board embedded in another page leaves that page's address
// and history alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, dialog, exportSnapshot, freshPage, startExample } from '../support/app.mjs';
import { serve } from '../support/server.mjs';
import { launch } from '../support/browser.mjs';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const app = { url: '', browser: null };
let server;
before(async () => {
  const root = await mkdtemp(join(tmpdir(), 'ab-history-'));
  await cp(DIST, root, { recursive: true });
  await cp(EXAMPLES, root, { recursive: true });
  server = await serve(root);
  app.url = server.url;
  app.browser = await launch();
});
after(async () => {
  await app.browser?.close();
  await server?.close();
});

const views = (scope) => scope.getByRole('navigation', { name: 'Views' });
const tab = (scope, name) => views(scope).getByRole('button', { name: new RegExp(`^${name}`) });
const viewIn = (page) => new URL(page.url()).searchParams.get('view');

/** Waits until `name`'s tab is the current view's and has focus. */
async function onTab(page, name) {
  const handle = await tab(page, name).elementHandle();
  await page.waitForFunction((t) => t.getAttribute('aria-current') === 'page' && document.activeElement === t, handle,
    { timeout: 5_000 });
}

test('Back and Forward go between the views of the board\'s own page, and the address names the view', async () => {
  const page = await freshPage(app);
  await startExample(page);
  assert.equal(viewIn(page), null, 'the board is the page itself');

  await tab(page, 'Health').click();
  await page.getByRole('region', { name: 'Alignment score' }).waitFor();
  assert.equal(viewIn(page), 'health');
  await tab(page, 'Rhythm').click();
  await page.getByRole('heading', { name: 'Operating rhythm' }).waitFor();
  assert.equal(viewIn(page), 'rhythm');

  await page.goBack();
  await page.getByRole('region', { name: 'Alignment score' }).waitFor();
  await onTab(page, 'Health');
  assert.equal(viewIn(page), 'health');
  assert.equal(await page.title(), 'Health · Alignment Board', 'the history names the view');
  await page.goBack();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  await onTab(page, 'Board');
  assert.equal(viewIn(page), null);
  assert.equal(await page.title(), 'Alignment Board');
  await page.goForward();
  await onTab(page, 'Health');

  // The address opens the view it names, and keeps what else it says.
  await page.goto(`${app.url}?theme=dark&view=allocation&embedded`);
  await tab(page, 'Allocation').and(page.locator('[aria-current="page"]')).waitFor();
  await tab(page, 'Board').click();
  assert.equal(new URL(page.url()).search, '?theme=dark&embedded', 'the board needs no view in the address');
  await tab(page, 'Rhythm').click();
  assert.equal(new URL(page.url()).search, '?theme=dark&embedded&view=rhythm', 'the rest as it was written');
  await page.goBack();
  await page.goBack();
  await tab(page, 'Allocation').and(page.locator('[aria-current="page"]')).waitFor();
  // One that names no view shows the board, and is put right in the same entry: Back goes to
  // the page before it.
  await page.goto(`${app.url}?view=Health`);
  await page.getByRole('region', { name: 'Board' }).waitFor();
  await page.waitForFunction(() => location.search === '');
  await page.goBack();
  await page.waitForURL(/\?theme=dark&view=allocation&embedded$/);
  page.assertNoErrors();
});

test('the board\'s filters are kept in the address: a reload or a shared address opens the board filtered as it was', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const filters = page.getByRole('region', { name: 'Filters' });
  const search = () => new URL(page.url()).searchParams;
  const count = filters.getByText(/^Showing \d+ of \d+$/);
  const chosen = (label) => filters.getByLabel(label).evaluate((select) => select.selectedOptions[0].textContent.trim());
  await filters.getByLabel('Team').selectOption({ label: 'Platform' });
  await filters.getByLabel('Status').selectOption({ label: 'At risk' });
  await filters.getByRole('checkbox', { name: /Needs attention/ }).check();
  const shown = await count.textContent();
  const team = await filters.getByLabel('Team').inputValue();
  assert.deepEqual([search().get('team'), search().get('status'), search().has('attention')], [team, 'atRisk', true]);
  // One entry of the history for the board, whatever its filters: Back goes to the page before.
  const length = await page.evaluate(() => history.length);

  await page.reload();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  assert.equal(await filters.getByLabel('Team').inputValue(), team);
  assert.equal(await chosen('Status'), 'At risk');
  assert.equal(await filters.getByRole('checkbox', { name: /Needs attention/ }).isChecked(), true);
  assert.equal(await count.textContent(), shown);

  // Another view and back: the filters go along.
  await tab(page, 'Health').click();
  await page.getByRole('region', { name: 'Alignment score' }).waitFor();
  assert.equal(search().get('team'), team);
  await page.goBack();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  assert.equal(await filters.getByLabel('Team').inputValue(), team);
  await filters.getByLabel('Team').selectOption({ label: 'All teams' });
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('team'));
  assert.equal(await page.evaluate(() => history.length), length + 1, 'Health only');

  // An address names what a board may not have: what this board has not is left out.
  await page.goto(`${app.url}?team=t-nowhere&owner=none&status=sideways&attention&view=board`);
  await page.getByRole('region', { name: 'Board' }).waitFor();
  assert.deepEqual([await chosen('Team'), await chosen('Owner'), await chosen('Status')], ['All teams', 'No owner', 'Any status']);
  await page.waitForFunction(() => location.search === '?owner=none&attention');
  page.assertNoErrors();
});

test('the team whose figures Health or Rhythm shows is kept in its address: a reload or a shared address shows them', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const search = () => new URL(page.url()).searchParams;
  await tab(page, 'Health').click();
  const chips = page.getByRole('group', { name: 'Show the figures of' });
  await chips.getByRole('button', { name: 'Mobile', exact: true }).click();
  await page.getByRole('region', { name: 'Mobile: alignment score' }).waitFor();
  const mobile = search().get('of');
  assert.ok(mobile, 'the team is named in the address');
  assert.equal(search().get('view'), 'health');

  await page.reload();
  await page.getByRole('region', { name: 'Mobile: alignment score' }).waitFor();
  await chips.getByRole('button', { name: 'Mobile', exact: true, pressed: true }).waitFor();

  // An item of the team's followed out of Health, then Health's tab (not Back): the team's
  // figures again, and the new entry's address names the team.
  const mobileRegion = page.getByRole('region', { name: 'Mobile: alignment score' });
  await mobileRegion.getByRole('list', { name: /: items$/ }).first().getByRole('button').first().click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('view') !== 'health');
  assert.equal(search().has('of'), false);
  await tab(page, 'Health').click();
  await mobileRegion.waitFor();
  await page.waitForFunction((team) => new URLSearchParams(location.search).get('of') === team, mobile);

  // Each view has its own: Rhythm opens on all teams, and keeps the team chosen there.
  await tab(page, 'Rhythm').click();
  const rhythmChips = page.getByRole('group', { name: 'Show the rhythm of' });
  await rhythmChips.getByRole('button', { name: 'All teams', exact: true, pressed: true }).waitFor();
  assert.equal(search().has('of'), false);
  await rhythmChips.getByRole('button', { name: 'Mobile', exact: true }).click();
  await page.waitForFunction((team) => new URLSearchParams(location.search).get('of') === team, mobile);
  // The board's address names none, and Back comes to each view's team again.
  await tab(page, 'Board').click();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  assert.equal(search().has('of'), false);
  await page.goBack();
  await rhythmChips.getByRole('button', { name: 'Mobile', exact: true, pressed: true }).waitFor();
  await rhythmChips.getByRole('button', { name: 'All teams', exact: true }).click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('of'));
  await page.goBack();
  await page.getByRole('region', { name: 'Mobile: alignment score' }).waitFor();
  await chips.getByRole('button', { name: 'Whole board', exact: true }).click();
  await page.getByRole('region', { name: 'Alignment score' }).waitFor();
  assert.equal(search().has('of'), false);

  // A team the board does not have shows the whole board, and leaves the address, which
  // then says what is shown.
  await page.goto(`${app.url}?view=health&of=t-nowhere`);
  await page.getByRole('region', { name: 'Alignment score' }).waitFor();
  await chips.getByRole('button', { name: 'Whole board', exact: true, pressed: true }).waitFor();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('of'));
  assert.equal(search().get('view'), 'health');
  page.assertNoErrors();
});

test('a board filtered to a team opens each view and the slice on that team, until a view is turned to another', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await page.getByRole('region', { name: 'Filters' }).getByLabel('Team').selectOption({ label: 'Mobile' });
  await tab(page, 'Health').click();
  const figures = page.getByRole('group', { name: 'Show the figures of' });
  await figures.getByRole('button', { name: 'Mobile', exact: true, pressed: true }).waitFor();
  await tab(page, 'Rhythm').click();
  const rhythm = page.getByRole('group', { name: 'Show the rhythm of' });
  await rhythm.getByRole('button', { name: 'Mobile', exact: true, pressed: true }).waitFor();
  await tab(page, 'Coordination').click();
  const requests = page.getByRole('group', { name: 'Show the requests of' });
  await requests.getByRole('button', { name: 'Mobile', exact: true, pressed: true }).waitFor();
  // Health turned to Data keeps Data; the others still follow the board.
  await tab(page, 'Health').click();
  await figures.getByRole('button', { name: 'Data', exact: true }).click();
  await tab(page, 'Board').click();
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Export team slice…' }).click();
  const slice = dialog(page, 'Export team slice');
  assert.ok(await slice.getByRole('checkbox', { name: 'Mobile', exact: true }).isChecked(), 'the filtered team is ticked');
  assert.equal(await slice.getByRole('checkbox', { checked: true }).count(), 1);
  await slice.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('region', { name: 'Filters' }).getByLabel('Team').selectOption({ label: 'Growth' });
  await tab(page, 'Health').click();
  await figures.getByRole('button', { name: 'Data', exact: true, pressed: true }).waitFor();
  await tab(page, 'Rhythm').click();
  await rhythm.getByRole('button', { name: 'Growth', exact: true, pressed: true }).waitFor();
  // The filter cleared: Rhythm, which followed it, shows all teams; Coordination always
  // shows one, and keeps the last.
  await tab(page, 'Board').click();
  await page.getByRole('region', { name: 'Filters' }).getByLabel('Team').selectOption({ label: 'All teams' });
  await tab(page, 'Rhythm').click();
  await rhythm.getByRole('button', { name: 'All teams', exact: true, pressed: true }).waitFor();
  await tab(page, 'Coordination').click();
  await requests.getByRole('button', { name: 'Growth', exact: true, pressed: true }).waitFor();
  page.assertNoErrors();
});

test('the team whose requests Coordination shows is kept in its address: a reload or a shared address shows them', async () => {
  const page = await freshPage(app);
  await startExample(page);
  const search = () => new URL(page.url()).searchParams;
  await tab(page, 'Coordination').click();
  const view = page.getByRole('region', { name: 'Coordination' });
  const teams = view.getByRole('group', { name: 'Show the requests of' });
  // It opens on the first team, named in the address as the view's.
  await teams.getByRole('button', { name: 'Product', exact: true, pressed: true }).waitFor();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('of'));
  const product = search().get('of');
  await teams.getByRole('button', { name: 'Data', exact: true }).click();
  await view.getByRole('region', { name: 'Asked of Data' }).waitFor();
  await page.waitForFunction((first) => new URLSearchParams(location.search).get('of') !== first, product);
  const data = search().get('of');
  assert.equal(search().get('view'), 'coordination');

  await page.reload();
  await teams.getByRole('button', { name: 'Data', exact: true, pressed: true }).waitFor();
  // Another view's entry names its own team, and Back comes to Coordination's again.
  await tab(page, 'Health').click();
  await page.getByRole('region', { name: 'Alignment score' }).waitFor();
  assert.equal(search().has('of'), false);
  await page.goBack();
  await teams.getByRole('button', { name: 'Data', exact: true, pressed: true }).waitFor();
  assert.equal(search().get('of'), data);

  // An address naming a team the board lacks opens on the first team, and says so.
  await page.goto(`${app.url}?view=coordination&of=t-nowhere`);
  await teams.getByRole('button', { name: 'Product', exact: true, pressed: true }).waitFor();
  await page.waitForFunction((first) => new URLSearchParams(location.search).get('of') === first, product);
  page.assertNoErrors();
});

test('Back from an item followed out of Health goes back to it, focused, and a guided review waits meanwhile, asking before the page is left', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await tab(page, 'Health').click();
  const health = page.getByRole('region', { name: 'Alignment score' });
  const summary = health.locator('summary').filter({ has: page.getByText('Rhythm', { exact: true }) });
  if (!(await summary.locator('..').getAttribute('open'))) await summary.click();
  const item = health.getByRole('list', { name: 'Rhythm: items' }).getByRole('button').first();
  const title = await item.textContent();
  await item.click();
  await page.getByRole('region', { name: 'Board' }).getByRole('article', { name: title }).first().waitFor();
  assert.equal(viewIn(page), null);

  await page.goBack();
  const again = health.getByRole('list', { name: 'Rhythm: items' }).getByRole('button', { name: title, exact: true });
  await page.waitForFunction((e) => document.activeElement === e, await again.elementHandle(), { timeout: 5_000 });
  // In view: the browser's own scrolling back does not take the page away from it.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const box = await again.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 900, `the item is in view (at ${box.y})`);

  // A guided review left by Back goes on where it was when Forward comes back to it.
  await tab(page, 'Rhythm').click();
  await page.getByRole('button', { name: /^Start guided review/ }).click();
  const note = page.getByRole('textbox', { name: /Note/ });
  await note.fill('Waiting on legal');
  await page.goBack();
  await onTab(page, 'Health');
  await page.goForward();
  await onTab(page, 'Rhythm');
  assert.equal(await page.getByRole('textbox', { name: /Note/ }).inputValue(), 'Waiting on legal');
  assert.equal(await dialog(page, 'Replace your board?').count(), 0);
  page.assertNoErrors();

  // Leaving the page (a reload, the tab closed) asks first while a step holds what was typed,
  // on screen or skipped; once nothing typed is left, it does not.
  const leave = async () => {
    const asked = new Promise((resolve) => {
      page.once('dialog', (question) => {
        resolve(question.type());
        question.dismiss();
      });
      page.once('close', () => resolve('closed without asking'));
    });
    await page.close({ runBeforeUnload: true });
    return asked;
  };
  assert.equal(await leave(), 'beforeunload');
  await page.getByRole('button', { name: 'Skip', exact: true }).click();
  assert.equal(await leave(), 'beforeunload');
  await page.getByRole('button', { name: 'Previous' }).click();
  assert.equal(await page.getByRole('textbox', { name: /Note/ }).inputValue(), 'Waiting on legal');
  await page.getByRole('textbox', { name: /Note/ }).fill('');
  assert.equal(await leave(), 'closed without asking');
});

test('Back with a dialog open asks it to close and keeps the view; an open menu closes as its view goes', async () => {
  const page = await freshPage(app);
  await startExample(page);
  await tab(page, 'Health').click();
  await tab(page, 'Board').click();

  // A dialog with nothing changed closes, and the board stays.
  await page.getByRole('button', { name: 'Add initiative', exact: true }).click();
  const form = dialog(page, 'Add initiative');
  await form.waitFor();
  await page.goBack();
  await form.waitFor({ state: 'detached' });
  assert.equal(await tab(page, 'Board').getAttribute('aria-current'), 'page');
  assert.equal(viewIn(page), null, 'the address names the view still shown');
  const opener = await page.getByRole('button', { name: 'Add initiative', exact: true }).elementHandle();
  await page.waitForFunction((b) => document.activeElement === b, opener, { timeout: 5_000 });

  // One with changes asks first, and stays.
  await page.getByRole('button', { name: 'Add initiative', exact: true }).click();
  await form.getByLabel(/^Title/).fill('Partner portal');
  await page.goBack();
  await form.getByRole('group', { name: 'Your changes are not saved. Discard them?' }).waitFor();
  assert.equal(await form.getByLabel(/^Title/).inputValue(), 'Partner portal');
  assert.equal(viewIn(page), null);
  await form.getByRole('button', { name: 'Discard changes' }).click();
  await form.waitFor({ state: 'detached' });

  // Back now goes to Health; an open menu goes with the view.
  await page.getByRole('button', { name: 'File' }).click();
  const menu = page.getByRole('menu', { name: 'File' });
  await menu.waitFor();
  await page.goBack();
  await onTab(page, 'Health');
  await menu.waitFor({ state: 'hidden' });
  // With no menu open, nothing else is closed: what a command did is still told at the
  // window's foot (a popover that stays open).
  await page.goForward();
  await onTab(page, 'Board');
  await exportSnapshot(page);
  await page.getByRole('status').filter({ hasText: /^Exported/ }).waitFor();
  page.assertNoErrors();
});

test('a board embedded in another page leaves that page\'s address and history alone', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${app.url}plain.html`);
  const element = page.locator('alignment-board');
  await element.getByRole('button', { name: 'Start from example' }).click();
  await element.getByRole('region', { name: 'Board' }).waitFor();
  const before = { url: page.url(), length: await page.evaluate(() => history.length) };
  await tab(element, 'Health').click();
  await element.getByRole('region', { name: 'Alignment score' }).waitFor();
  await tab(element, 'Coordination').click();
  assert.deepEqual({ url: page.url(), length: await page.evaluate(() => history.length) }, before);
  await context.close();
});
