// Run by scripts/post-build.mjs after minify-glue.mjs: in release builds, moves the module
// script that trunk writes inline into index.html (it imports the glue and starts the
// WebAssembly) into a file of its own, `index-<hash>.js`, which the page loads with an
// integrity hash. With no inline script (and no inline style: styles/page.css), the
// standalone page runs under a Content-Security-Policy that allows none, as the element does.
// The WebAssembly module's preload loses the integrity hash that no browser checks there.
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { release, staging } from './staging.mjs';

if (!release) process.exit(0);

const page = join(staging, 'index.html');
const html = await readFile(page, 'utf8');
const inline = [...html.matchAll(/<script type="?module"?>([\s\S]*?)<\/script>/g)];
if (inline.length !== 1) throw new Error(`expected one inline module script in index.html, found ${inline.length}`);
const [tag, code] = inline[0];
// The page's files are where the script imports the glue from (trunk's public URL).
const base = code.match(/from\s*["']([^"']*)alignment-board-[0-9a-f]+\.js["']/)?.[1];
if (base === undefined) throw new Error('the inline module script of index.html imports no glue');
const name = `index-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
await writeFile(join(staging, name), code);
// The module's preload keeps no integrity hash: Chromium ignores one on a preload of a fetch
// (nothing checked the module against it) and warned so in the page's console at every load.
const preload = /<link\b[^>]*\brel="?preload"?[^>]*>/g;
const unhashed = (link) => (link.includes('.wasm') ? link.replace(/\s+integrity=("[^"]*"|[^\s>]*)/, '') : link);
await writeFile(page, html
  .replace(tag, () => `<script type=module src="${base}${name}" integrity="${integrity}" crossorigin></script>`)
  .replace(preload, unhashed));
