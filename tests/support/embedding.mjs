// The pages of the embedding tests: the release build and examples/*.html copied to a
// folder of their own (the tests write host pages beside them), served twice, the second
// server standing for another origin that the frame page's list of hosts allows.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './app.mjs';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

/**
 * Serves the pages for the tests of one file. Its fields are set before the first test:
 * `root` (the folder served), `server`, `neighbour` (the other origin) and `browser`;
 * `open(path)` is a page of the first server at `path` that fails the test on any error.
 */
export function useEmbedding() {
  const site = {
    root: '',
    server: null,
    neighbour: null,
    browser: null,
    async open(path) {
      const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
      page.assertNoErrors = () => assert.deepEqual(errors, [], 'the page logged errors');
      await page.goto(site.server.url + path);
      return page;
    },
  };
  before(async () => {
    site.root = await mkdtemp(join(tmpdir(), 'ab-embed-'));
    await cp(DIST, site.root, { recursive: true });
    await cp(EXAMPLES, site.root, { recursive: true });
    site.server = await serve(site.root);
    site.neighbour = await serve(site.root);
    // The frame page talks to the host pages its deployment lists: here, the same files
    // reached by another name (another site) and from another port (another origin).
    await writeFile(join(site.root, 'alignment-board-hosts.json'), JSON.stringify([
      `http://localhost:${new URL(site.server.url).port}`,
      new URL(site.neighbour.url).origin,
    ]));
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
    await site.neighbour?.close();
  });
  return site;
}
