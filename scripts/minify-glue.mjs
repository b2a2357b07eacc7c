// Trunk's post-build hook (Trunk.toml): in release builds, minifies wasm-bindgen's
// JavaScript glue, which trunk's own minifier leaves as written (about 2 KB gzipped of the
// 250 KB budget), and updates the integrity hash index.html gives for it. Debug builds are
// left readable.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk as a post_build hook: TRUNK_STAGING_DIR is not set');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const pages = (await readdir(staging)).filter((name) => name.endsWith('.html'));
for (const name of (await readdir(staging)).filter((n) => n.endsWith('.js'))) {
  const path = join(staging, name);
  const before = await readFile(path);
  const { code } = await minify(before.toString('utf8'), { module: true, compress: true, mangle: true });
  await writeFile(path, code);
  for (const page of pages) {
    const html = await readFile(join(staging, page), 'utf8');
    const updated = html.replaceAll(sri(before), sri(Buffer.from(code)));
    if (updated !== html) await writeFile(join(staging, page), updated);
  }
}
