// The MediaWiki extension of examples/mediawiki: the HTML its <alignment-board> tag produces
// (run by PHP against stand-ins for the parser, tests/support/mediawiki.php), checked as
// text and then shown in a page beside the release build, as a wiki would serve it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from '../support/app.mjs';
import { serve } from '../support/server.mjs';
import { launch } from '../support/browser.mjs';

const HARNESS = fileURLToPath(new URL('../support/mediawiki.php', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/example.alignment.json', import.meta.url));

/** The extension's output for `tags` ({ input, args } as the parser gives them). */
function render(tags) {
  const out = execFileSync('php', [HARNESS], {
    input: JSON.stringify(tags),
    encoding: 'utf8',
    env: { ...process.env, ALIGNMENT_BOARD_SCRIPT: './alignment-board.js' },
  });
  return JSON.parse(out);
}

let root;
let server;
let browser;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'ab-mediawiki-'));
  await cp(DIST, root, { recursive: true });
  server = await serve(root);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the MediaWiki tag becomes the board element, escaped, with the script once, and the boards work', async () => {
  const snapshot = JSON.parse(await readFile(EXAMPLE, 'utf8'));
  snapshot.board.title = 'Wiki board </script><script>window.hit = 1</script>';
  const { html, head } = render([
    { input: null, args: { 'storage-key': 'wiki-team', onclick: 'window.hit = 2', theme: '"><img src=x onerror="window.hit = 3">' } },
    { input: `\n${JSON.stringify(snapshot, null, 2)}\n`, args: { readonly: '' } },
  ]);
  assert.deepEqual(head, ['<script type="module" src="./alignment-board.js"></script>'], 'the script, once');
  assert.equal(html[0], '<alignment-board storage-key="wiki-team" theme="&quot;&gt;&lt;img src=x onerror=&quot;window.hit = 3&quot;&gt;"></alignment-board>');
  assert.doesNotMatch(html[1], /<\/script><script>/, 'the snapshot cannot close its element');
  assert.match(html[1], /^<alignment-board readonly><script type="application\/json">\{/);

  await writeFile(join(root, 'wiki.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <title>Team page — MediaWiki</title>${head.join('')}</head>
    <body><h1>Team page</h1>${html.join('\n<p>Between the boards.</p>\n')}</body></html>`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => { errors.push(`a dialog: ${dialog.message()}`); dialog.dismiss(); });
  await page.goto(`${server.url}wiki.html`);
  const [kept, shown] = [page.locator('alignment-board').nth(0), page.locator('alignment-board').nth(1)];
  await kept.getByRole('button', { name: 'Start from example' }).waitFor();
  await shown.getByRole('heading', { level: 1, name: snapshot.board.title }).waitFor();
  assert.equal(await shown.getByRole('button', { name: 'Add initiative', exact: true }).count(), 0, 'read-only');
  assert.equal(await page.evaluate(() => window.hit), undefined, 'no text ran as script');
  assert.deepEqual(errors, []);
  await page.close();
});
