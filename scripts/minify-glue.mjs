// Run by scripts/post-build.mjs after a release build: finishes the JavaScript glue that
// wasm-bindgen writes, and updates the integrity hashes index.html gives for it.
// - The JavaScript snippets the Rust code brings (`#[wasm_bindgen(module = …)]`, such as
//   src/ui/share.js) are written into the glue instead of beside it: one file fewer to
//   fetch, and the glue stays one file for the single-file build, which imports it from
//   a blob: URL where no relative import resolves.
// - The glue is minified with terser (trunk's minifier leaves it as written: 2 KB).
// Debug builds are left readable.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';
import { release, staging } from './staging.mjs';

if (!release) process.exit(0);

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const files = await readdir(staging);
const pages = files.filter((name) => name.endsWith('.html'));

/** Replaces a file's content and the integrity hash every page gives for it. */
async function replace(name, before, after) {
  await writeFile(join(staging, name), after);
  for (const page of pages) {
    const html = await readFile(join(staging, page), 'utf8');
    const updated = html.replaceAll(sri(before), sri(after));
    if (updated !== html) await writeFile(join(staging, page), updated);
  }
}

for (const glueName of files.filter((n) => /^alignment-board-[0-9a-f]+\.js$/.test(n))) {
  const glue = await readFile(join(staging, glueName), 'utf8');
  const { code } = await minify(await inlineSnippets(glue), {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
  });
  await replace(glueName, Buffer.from(glue), Buffer.from(code));
}
await removeSnippets();

/**
 * The glue with the JavaScript snippets it imports from `./snippets/…` written into it:
 * each snippet once, as an object of its exports (its own top-level names stay its own),
 * and each import — `import { a, b as c } from …` or `import * as d from …` — bound to it.
 */
async function inlineSnippets(glue) {
  const imports = /import\s*(?:\{([^}]*)\}|\*\s*as\s+([\w$]+))\s*from\s*["']\.\/(snippets\/[^"']+)["'];?/g;
  const inlined = new Map();
  let code = glue;
  for (const [statement, names, namespace, path] of glue.matchAll(imports)) {
    let definition = '';
    if (!inlined.has(path)) {
      const source = await readFile(join(staging, path), 'utf8');
      const exported = [...source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([\w$]+)/gm)].map((m) => m[1]);
      const name = `__snippet${inlined.size}`;
      inlined.set(path, name);
      definition = `const ${name} = (() => {\n${source.replace(/^export\s+/gm, '')}\nreturn { ${exported.join(', ')} };\n})();\n`;
    }
    const object = inlined.get(path);
    const binding = namespace
      ? `const ${namespace} = ${object};`
      : `const { ${names.split(',').map((n) => n.trim().split(/\s+as\s+/)).filter(([n]) => n)
        .map(([n, alias]) => (alias && alias !== n ? `${n}: ${alias}` : n)).join(', ')} } = ${object};`;
    code = code.replace(statement, () => `${definition}${binding}\n`);
  }
  return code;
}

/** Removes the snippets' files and the pages' preload links to them, once inlined. */
async function removeSnippets() {
  await rm(join(staging, 'snippets'), { recursive: true, force: true });
  for (const page of pages) {
    const html = await readFile(join(staging, page), 'utf8');
    const updated = html.replace(/<link\b[^>]*\bsnippets\/[^>]*>/g, '');
    if (updated !== html) await writeFile(join(staging, page), updated);
  }
}
