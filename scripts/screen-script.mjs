// Run first by scripts/post-build.mjs, in every build: the loader that shows the board's last
// screen while the board starts (src/screen.js) goes beside the standalone page as
// `alignment-board-screen.js`, which index.html loads before the board's own script.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { staging } from './staging.mjs';

await copyFile(new URL('../src/screen.js', import.meta.url), join(staging, 'alignment-board-screen.js'));
