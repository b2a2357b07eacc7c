// What the post-build steps share: the folder trunk stages a build in, and its files by
// the shape of their names (trunk adds a content hash to most of them).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk as a post_build hook: TRUNK_STAGING_DIR is not set');

/** Whether this is a release build (debug builds are left as trunk wrote them). */
export const release = process.env.TRUNK_PROFILE === 'release';

/** The path of the one staged file whose name matches `pattern`. */
export function one(pattern) {
  const found = readdirSync(staging).filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`expected one file like ${pattern}, found ${found.join(', ') || 'none'}`);
  return join(staging, found[0]);
}
