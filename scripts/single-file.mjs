// Run by scripts/post-build.mjs after minify-glue.mjs: in release builds, writes
// `alignment-board.html`, the whole board in one file — styles, the JavaScript glue, the
// WebAssembly and the example board inside — that works opened from disk (`file://`) or
// attached to a wiki page.
// The wasm travels as base64 and is handed to the glue as bytes, so nothing is fetched.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { one, release, staging } from './staging.mjs';

if (!release) process.exit(0);

const wasm = await readFile(one(/^alignment-board-[0-9a-f]+_bg\.wasm$/));
const glue = await readFile(one(/^alignment-board-[0-9a-f]+\.js$/), 'utf8');
const css = await readFile(one(/^board-[0-9a-f]+\.css$/), 'utf8');
// The example board, fetched by "Start from example" from a data: URL in the page.
const example = await readFile(one(/^example\.alignment\.json$/));
const exampleUrl = `data:application/json;base64,${example.toString('base64')}`;

// Text inside <script> and <style> must not close its element early.
const safe = (text, tag) => text.replaceAll(`</${tag}`, `<\\/${tag}`);
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Alignment Board</title>
<style>${safe(css, 'style')}</style>
<style>html, body, #app { margin: 0; height: 100%; } @page { size: landscape; margin: 10mm; }</style>
</head>
<body>
<div id="app" data-alignment-board data-example="${exampleUrl}" data-share-page=""><noscript>Alignment Board needs JavaScript and WebAssembly.</noscript></div>
<script type="module">
const url = URL.createObjectURL(new Blob([${safe(JSON.stringify(glue), 'script')}], { type: 'text/javascript' }));
const module = await import(url);
URL.revokeObjectURL(url);
await module.default({ module_or_path: Uint8Array.from(atob("${wasm.toString('base64')}"), (c) => c.charCodeAt(0)) });
</script>
</body>
</html>
`;
await writeFile(join(staging, 'alignment-board.html'), html);
