// Run by scripts/post-build.mjs after a release build: shrinks what wasm-bindgen
// leaves as written, and updates the integrity hashes index.html gives for the files.
// - The names the wasm and its JavaScript glue know each other by are long and carry
//   hashes (`__wbg_appendChild_dbf7ad2f48413560`, `…closures_____invoke__h74e4…`), are
//   written in both files, and do not compress: about 180 of them cost 3 KB gzipped.
//   Each one the glue uses in a single, recognisable place becomes a short name, the same
//   in both files; a name used any other way is left as it is.
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

const escape = (text) => text.replace(/[$]/g, '\\$&');
/** Where the glue names an export: `wasm.name`, and nowhere else. */
const exportUses = (name) => new RegExp(`(?<![\\w$])wasm\\.${escape(name)}(?![\\w$])`, 'g');

for (const wasmName of files.filter((n) => n.endsWith('_bg.wasm'))) {
  const glueName = wasmName.replace(/_bg\.wasm$/, '.js');
  if (!files.includes(glueName)) throw new Error(`${wasmName} has no glue ${glueName}`);
  const wasm = await readFile(join(staging, wasmName));
  const glue = await readFile(join(staging, glueName), 'utf8');
  const count = (text, pattern) => text.split(pattern).length - 1;
  let code = await inlineSnippets(glue);
  const bytes = renameNames(wasm, {
    // An import of the glue's own module (not a snippet's) is named once in the glue: as
    // a key of the imports object.
    import: (module, name) => /^\.\/[^/]+_bg\.js$/.test(module) && count(glue, name) === 1,
    export: (name) => count(glue, name) > 0
      && (glue.match(exportUses(name)) ?? []).length === count(glue, name),
    renamed(kind, long, short) {
      code = kind === 'import'
        ? code.replace(long, short)
        : code.replace(exportUses(long), `wasm.${short}`);
    },
  });
  ({ code } = await minify(code, {
    module: true,
    ecma: 2020,
    // The glue's import functions never use `this` nor are constructed: arrows and
    // methods are shorter and behave the same.
    compress: { passes: 2, unsafe_arrows: true, unsafe_methods: true },
    mangle: true,
  }));
  await replace(wasmName, wasm, bytes);
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

/**
 * Renames the function imports and the exports `rename` accepts to short names (`_a`,
 * `_b`… for imports, `$a`… for exports, which no wasm-bindgen name starts with): the
 * import and export sections are read and written again, every other section is kept
 * byte for byte. Returns the new bytes.
 */
function renameNames(wasm, rename) {
  let at = 8;
  const uleb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= wasm.length) throw new Error('the wasm file ends inside a number');
      const byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return value;
    }
  };
  const encode = (value) => {
    const out = [];
    do {
      let byte = value % 128;
      value = Math.floor(value / 128);
      if (value > 0) byte |= 0x80;
      out.push(byte);
    } while (value > 0);
    return Buffer.from(out);
  };
  const readName = () => {
    const length = uleb();
    const text = wasm.subarray(at, at + length).toString('utf8');
    at += length;
    return text;
  };
  const writeName = (text) => {
    const bytes = Buffer.from(text, 'utf8');
    return [encode(bytes.length), bytes];
  };
  const limits = () => {
    const flags = wasm[at++];
    uleb();
    if (flags & 1) uleb();
  };
  const counters = { import: 0, export: 0 };
  const short = (kind) => {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    let n = counters[kind]++;
    let text = '';
    do {
      text = letters[n % letters.length] + text;
      n = Math.floor(n / letters.length) - 1;
    } while (n >= 0);
    return (kind === 'import' ? '_' : '$') + text;
  };
  const chunks = [wasm.subarray(0, 8)];
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    const size = uleb();
    const end = at + size;
    if (id !== 2 && id !== 7) {
      chunks.push(wasm.subarray(start, end));
      at = end;
      continue;
    }
    const out = [];
    const entries = uleb();
    out.push(encode(entries));
    for (let i = 0; i < entries; i++) {
      if (id === 2) {
        const module = readName();
        let name = readName();
        const described = at;
        const kind = wasm[at++];
        if (kind === 0) uleb(); // a function: its type
        else if (kind === 1) { at++; limits(); } // a table: element type, limits
        else if (kind === 2) limits(); // a memory
        else if (kind === 3) at += 2; // a global: value type, mutability
        else throw new Error(`import kind ${kind} is not known`);
        if (kind === 0 && rename.import(module, name)) {
          const to = short('import');
          rename.renamed('import', name, to);
          name = to;
        }
        out.push(...writeName(module), ...writeName(name), wasm.subarray(described, at));
      } else {
        let name = readName();
        const described = at;
        at++; // the kind
        uleb(); // its index
        if (rename.export(name)) {
          const to = short('export');
          rename.renamed('export', name, to);
          name = to;
        }
        out.push(...writeName(name), wasm.subarray(described, at));
      }
    }
    if (at !== end) throw new Error(`section ${id} was not read to its end`);
    const body = Buffer.concat(out);
    chunks.push(Buffer.from([id]), encode(body.length), body);
  }
  return Buffer.concat(chunks);
}
