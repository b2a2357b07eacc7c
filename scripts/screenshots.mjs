// Takes the README's pictures of the board from the release build in dist/ (run
// `trunk build --release` first): the example board on a desktop, light and dark, and on a
// phone. Run with `node scripts/screenshots.mjs`; it writes docs/example-board.png,
// docs/example-board-dark.png and docs/phone.png.
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/support/server.mjs';
import { launch } from '../tests/support/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await serve(`${root}dist`);
const browser = await launch();

const SHOTS = [
  { file: 'docs/example-board.png', viewport: { width: 1440, height: 900 }, colorScheme: 'light' },
  { file: 'docs/example-board-dark.png', viewport: { width: 1440, height: 900 }, colorScheme: 'dark' },
  { file: 'docs/phone.png', viewport: { width: 390, height: 844 }, colorScheme: 'light', deviceScaleFactor: 2, isMobile: true, hasTouch: true },
];

try {
  for (const { file, ...options } of SHOTS) {
    const context = await browser.newContext({ deviceScaleFactor: 1, ...options });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Start from example' }).click();
    await page.getByRole('region', { name: 'Board' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Saved in this browser' }).waitFor();
    await page.screenshot({ path: `${root}${file}` });
    await context.close();
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
  await server.close();
}
