// Run by scripts/post-build.mjs first: builds the views module (the cargo feature
// `views-module`, src/ui/island.rs) — the health, allocation, rhythm and coordination views
// and their dialogs, which the board loads when one is first opened — and stages it beside
// the board as `alignment-board-views-<hash>.js` and its `_bg.wasm`, optimised as the
// board's wasm is (index.html's wasm-opt settings). The board's island script learns the
// name. minify-glue.mjs then shrinks both modules alike.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { release, staging } from './staging.mjs';

const root = new URL('..', import.meta.url).pathname;
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
const local = (name) => (existsSync(join(root, 'node_modules/.bin', name)) ? join(root, 'node_modules/.bin', name) : name);

const bin = 'alignment-board-views';
// The library's cdylib, built with the feature, is the module: its exports are the islands'.
run('cargo', ['build', '--locked', '--target', 'wasm32-unknown-unknown', ...(release ? ['--release'] : []),
  '--lib', '--features', 'views-module']);
const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const built = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'alignment_board.wasm');
const hash = createHash('sha256').update(await readFile(built)).digest('hex').slice(0, 16);
const name = `${bin}-${hash}`;

const out = await mkdtemp(join(tmpdir(), 'views-module-'));
try {
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', name, built]);
  const wasm = join(out, `${name}_bg.wasm`);
  if (release) {
    const [level, ...params] = /data-wasm-opt="(\w+)" data-wasm-opt-params="([^"]*)"/
      .exec(await readFile(join(root, 'index.html'), 'utf8')).slice(1);
    run(local('wasm-opt'), [`--output=${join(staging, `${name}_bg.wasm`)}`, `-O${level}`, wasm, ...params[0].split(/\s+/).filter(Boolean)]);
  } else {
    await cp(wasm, join(staging, `${name}_bg.wasm`));
  }
  await cp(join(out, `${name}.js`), join(staging, `${name}.js`));
  if (existsSync(join(out, 'snippets'))) await cp(join(out, 'snippets'), join(staging, 'snippets'), { recursive: true });
} finally {
  await rm(out, { recursive: true, force: true });
}

// The board's island script names the module it loads: beside the board's glue, into
// which a release build writes the script; from the script's own folder otherwise.
const island = await findIsland(join(staging, 'snippets'));
const source = await readFile(island, 'utf8');
const path = release ? `./${name}.js` : `${relative(dirname(island), staging)}/${name}.js`;
const named = source.replace(`'./${bin}.js'`, `'${path}'`);
if (named === source) throw new Error(`${island} does not name ./${bin}.js`);
await writeFile(island, named);

async function findIsland(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    // `parentPath` from Node 20.12, `path` before it.
    const folder = entry.parentPath ?? entry.path;
    if (entry.isFile() && entry.name === 'island.js' && folder.endsWith(join('src', 'ui'))) {
      const path = join(folder, entry.name);
      if ((await readFile(path, 'utf8')).includes(`'./${bin}.js'`)) return path;
    }
  }
  throw new Error('the board brings no island script (src/ui/island.js)');
}
