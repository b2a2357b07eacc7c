// The single-file build (dist/alignment-board.html): opened straight from disk, with no
// server and nothing fetched, it is the whole board and keeps what is made in it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DIST } from '../support/app.mjs';
import { launch } from '../support/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the single file opened from disk is the whole board with its views, and keeps a board across a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const url = pathToFileURL(join(DIST, 'alignment-board.html')).href;
  await page.goto(url);
  await page.getByRole('button', { name: 'Start from example' }).click();
  const board = page.getByRole('region', { name: 'Board' });
  await board.waitFor();
  assert.ok((await board.getByRole('article').count()) > 10, 'the example board is shown');
  // No frame page travels with the one file, so it offers no share link that would lead nowhere.
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Export picture' }).waitFor();
  assert.equal(await page.getByRole('menuitem', { name: 'Share link' }).count(), 0);
  await page.keyboard.press('Escape');
  await page.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
  await page.reload();
  await page.getByRole('region', { name: 'Board' }).waitFor();
  // Every view is inside the file too.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Rhythm/ }).click();
  await page.getByRole('region', { name: 'Operating rhythm' }).getByRole('button', { name: 'Start guided review' }).waitFor();
  assert.deepEqual(
    requests.filter((address) => !/^(file|blob|data):/.test(address)),
    [],
    'nothing is fetched from anywhere',
  );
  assert.deepEqual(errors, []);
  await context.close();
});
