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

/** The extension's output for `tags` ({ input, args } as the parser gives them) on a wiki at `server`. */
function render(tags, server = 'https://wiki.example.com') {
  const out = execFileSync('php', [HARNESS], {
    input: JSON.stringify(tags),
    encoding: 'utf8',
    env: { ...process.env, ALIGNMENT_BOARD_SCRIPT: './alignment-board.js', WIKI_SERVER: server },
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

test('the MediaWiki tag takes a src on the wiki\'s own origin only, and says so on the page for any other', async () => {
  const wiki = new URL(server.url).origin;
  const accepted = [
    'example.alignment.json', '/example.alignment.json', `${wiki}/example.alignment.json`,
    `//${new URL(wiki).host}/example.alignment.json`, './boards/q4.json?rev=2',
  ];
  const refused = [
    'https://elsewhere.example/board.json', '//elsewhere.example/board.json', '/\\elsewhere.example/board.json',
    '/\t/elsewhere.example/board.json', 'https:elsewhere.example/board.json', `${wiki.replace(/:\d+$/, ':1')}/board.json`,
    `https://${new URL(wiki).host}/board.json`, `http://user@${new URL(wiki).host}/board.json`,
    'javascript:alert(1)', 'data:application/json,{}', `https://elsewhere.example/${'x'.repeat(200)}`,
  ];
  const { html, head } = render([...accepted, ...refused].map((src) => ({ input: null, args: { src } })), wiki);
  accepted.forEach((src, i) => assert.equal(html[i], `<alignment-board src="${src.replaceAll('&', '&amp;')}"></alignment-board>`));
  refused.forEach((src, i) => {
    assert.match(html[accepted.length + i], /^<strong class="error">[^<]*<\/strong>$/, `${src} is refused: ${html[accepted.length + i]}`);
  });
  assert.match(html.at(-1), /&quot;https:\/\/elsewhere\.example\/x{14}…&quot;/, 'a long address is quoted in part');
  // The same on a wiki whose address leaves the scheme to the reader's browser.
  const schemeless = render([{ input: null, args: { src: 'https://wiki.example.com/board.json' } }], '//wiki.example.com').html;
  assert.match(schemeless[0], /^<alignment-board /);

  await writeFile(join(root, 'wiki-src.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <title>Boards by address — MediaWiki</title>${head.join('')}</head>
    <body><h1>Boards by address</h1>${html[0]}${html[accepted.length]}</body></html>`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}wiki-src.html`);
  await page.locator('alignment-board').getByRole('heading', { level: 1, name: 'Fieldnote leadership board' }).waitFor();
  const message = page.getByText('https://elsewhere.example/board.json');
  assert.ok(await message.isVisible(), 'the refusal shows on the page');
  assert.match(await message.textContent(), /only .* this wiki/);
  await page.close();
});
