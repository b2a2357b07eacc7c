// A minimal static file server for the end-to-end tests and the benchmark: serves a
// folder (the release build) on a free port of 127.0.0.1. No dependencies. With `gzip`, it
// compresses what a browser accepts compressed, as a web server in front of a wiki does:
// the benchmark's throttled loads then move the bytes a person's browser would. With
// `precompressed`, it sends a file's `.br` or `.gz` copy from the build instead, when the
// browser accepts that encoding and the copy exists, as nginx's `brotli_static` and
// `gzip_static` do. `headers` are sent with every file (a Content-Security-Policy, say).
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `root`; resolves to `{ url, close }`. */
export async function serve(root, { gzip = false, precompressed = false, headers: extra = {} } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...extra };
      const accepted = request.headers['accept-encoding'] ?? '';
      const copy = precompressed && (await compressedCopy(file, accepted));
      if (copy) {
        response.writeHead(200, { ...headers, 'content-encoding': copy.encoding, vary: 'accept-encoding' });
        response.end(copy.body);
      } else if (gzip && /\bgzip\b/.test(accepted)) {
        response.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
        response.end(gzipSync(body));
      } else {
        response.writeHead(200, headers);
        response.end(body);
      }
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** The build's copy of `file` in the first encoding of brotli and gzip that `accepted` names. */
async function compressedCopy(file, accepted) {
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!new RegExp(`\\b${encoding}\\b`).test(accepted)) continue;
    try {
      return { encoding, body: await readFile(file + suffix) };
    } catch {
      // No copy in this encoding: try the next.
    }
  }
  return null;
}
