// Run by scripts/post-build.mjs last: in release builds, writes a brotli (`.br`) and a gzip
// (`.gz`) copy beside each of the app's files, compressed as hard as each format goes, for
// web servers that send a file's compressed copy when the browser accepts it (nginx's
// `gzip_static` and `brotli_static`, Caddy's `precompressed`). Served brotli, the whole app
// is about a fifth smaller than gzipped, and the board shows about half a second sooner on a
// slow mobile link (README, "Budgets"). The deployment's list of hosts gets no copies: it is
// edited after a build, and a stale copy would be served instead.
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { release, staging } from './staging.mjs';

if (!release) process.exit(0);

const toBrotli = promisify(brotliCompress);
const toGzip = promisify(gzip);

await Promise.all(
  readdirSync(staging)
    .filter((name) => /\.(wasm|js|css|html|json)$/.test(name) && name !== 'alignment-board-hosts.json')
    .map(async (name) => {
      const path = join(staging, name);
      const bytes = await readFile(path);
      const [br, gz] = await Promise.all([
        toBrotli(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
        toGzip(bytes, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
    }),
);
