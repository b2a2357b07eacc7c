// The big-board part of the benchmark (scripts/measure.mjs): the generated board of the
// performance issue — 2,000 initiatives, 40 teams, 12 priorities, 20,000 check-ins — saved in
// a fresh browser profile, then:
//   - first render: from wasm instantiation to the board's first screen (a big board renders
//     the lanes near the screen only), against a raw-DOM baseline in the same page and run:
//     plain DOM calls building all the board's card nodes with the same text;
//   - edit latency: change a card's status, move a card, type a character in a title; from
//     the event to the DOM being updated (the render the event causes has run);
//   - capacity: the largest board with a realistic history that the browser's localStorage
//     takes in the board's layout.
import { execFileSync } from 'node:child_process';

export const BIG = { initiatives: 2000, teams: 40, priorities: 12, checkIns: 20000 };
// The head of the board under the default storage key, `alignment-board`.
const KEY = 'alignment-board:alignment-board';

/** The generated board as a snapshot text (`cargo run --example generate`). */
export function bigSnapshot({ initiatives, teams, priorities, checkIns }, date = '2026-11-25') {
  return execFileSync('cargo', ['run', '--quiet', '--release', '--locked', '--example', 'generate', '--',
    String(initiatives), String(teams), String(priorities), String(checkIns), date], {
    encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'],
  });
}

// In the page, before its scripts: the board under the default key (once), and marks for
// wasm instantiation and for the moment all `cards` cards are in the document.
function probe({ key, text, cards }) {
  if (text && localStorage.getItem(key) === null) localStorage.setItem(key, text);
  const marks = (window.__abMarks = {});
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const result = await original.apply(WebAssembly, args);
      marks.instantiated ??= performance.now();
      return result;
    };
  }
  // Let go once the board is there: counting cards after every change of the page would
  // add to the edits timed later.
  const observer = new MutationObserver(() => {
    const shown = document.getElementsByClassName('ab-card').length;
    if (shown >= cards) {
      marks.rendered = performance.now();
      marks.cards = shown;
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

// In the page: the description of every card of the big board (tag, attributes, children),
// taken lane by lane: a big board renders only the lanes near the screen, so each lane is
// scrolled into view and read once its cards are there.
async function describeAllCards() {
  const settle = () => new Promise((ok) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => ok();
    channel.port2.postMessage(0);
  });
  const describe = (node) => node.nodeType === Node.TEXT_NODE
    ? node.data
    : {
      tag: node.tagName.toLowerCase(),
      attrs: [...node.attributes].map((a) => [a.name, a.value]),
      children: [...node.childNodes].map(describe),
    };
  const cards = [];
  const limit = performance.now() + 60000;
  for (const lane of document.querySelectorAll('[data-lane]')) {
    const team = lane.getAttribute('data-lane');
    const row = () => document.querySelector(`[data-lane="${CSS.escape(team)}"]`);
    row().scrollIntoView();
    while (row().querySelector('.ab-lane-placeholder') && performance.now() < limit) {
      await new Promise((ok) => requestAnimationFrame(ok));
      await settle();
    }
    if (row().querySelector('.ab-lane-placeholder')) throw new Error(`the lane ${team} did not render`);
    cards.push(...[...row().getElementsByClassName('ab-card')].map(describe));
  }
  document.querySelector('.ab-grid')?.scrollTo?.(0, 0);
  window.__abCards = cards;
  return cards.length;
}

// In the page: builds every card's DOM with plain calls (createElement, setAttribute,
// createTextNode, appendChild) into a board-sized container, from the descriptions taken
// before the clock starts, and returns the milliseconds that took.
function rawDomBaseline() {
  const cards = window.__abCards;
  const build = (d) => {
    if (typeof d === 'string') return document.createTextNode(d);
    const element = document.createElement(d.tag);
    for (const [name, value] of d.attrs) element.setAttribute(name, value);
    for (const child of d.children) element.appendChild(build(child));
    return element;
  };
  const host = document.createElement('div');
  document.body.appendChild(host);
  const start = performance.now();
  for (const card of cards) host.appendChild(build(card));
  const ms = performance.now() - start;
  host.remove();
  return { ms, cards: cards.length, nodes: cards.reduce(function count(n, d) { return typeof d === 'string' ? n + 1 : d.children.reduce(count, n + 1); }, 0) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const summary = (xs) => ({ median: median(xs), p95: p95(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs });

/** First render of the big board and the raw-DOM baseline, `runs` page loads. */
export async function firstRender(browser, url, text, runs) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // The first render is the board's first screen: a big board renders the lanes near it
  // and the rest as they come into view. The baseline builds every card of the board.
  await page.addInitScript(probe, { key: KEY, text, cards: 1 });
  const app = [];
  const firstCards = [];
  const fromNavigation = [];
  const baseline = [];
  let nodes = 0;
  let cards = 0;
  for (let run = 0; run < runs; run++) {
    if (run === 0) await page.goto(url); else await page.reload();
    await page.waitForFunction(() => window.__abMarks?.rendered, null, { timeout: 120000 });
    const marks = await page.evaluate(() => window.__abMarks);
    app.push(marks.rendered - marks.instantiated);
    fromNavigation.push(marks.rendered);
    firstCards.push(marks.cards);
    cards = await page.evaluate(describeAllCards);
    const raw = await page.evaluate(rawDomBaseline);
    baseline.push(raw.ms);
    nodes = raw.nodes;
  }
  await context.close();
  const ratio = median(app) / median(baseline);
  // A card per priority an initiative serves: more cards than initiatives.
  return { cards, firstScreenCards: median(firstCards), nodes, app: summary(app), fromNavigation: summary(fromNavigation), rawDom: summary(baseline), ratio };
}

// In the page: runs `times` edits of one kind and returns each one's milliseconds (`out`), from the
// event to the DOM showing its result. "After the event" means after every task and
// microtask it queued has run: a message posted to ourselves arrives only then. Each edit
// starts once what came before it (focusing the card, opening the dialog, picking a
// status) is on screen, as a person sees it before acting: the frames that paint it are
// not the edit's.
async function edits({ kind, times }) {
  const settle = () => new Promise((ok) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => ok();
    channel.port2.postMessage(0);
  });
  const painted = async () => {
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    await settle();
  };
  // Yields until `done()` holds (checked after each settling), for at most ten seconds.
  const until = async (done, what) => {
    const limit = performance.now() + 10000;
    do {
      await settle();
      if (done()) return;
    } while (performance.now() < limit);
    throw new Error(`waited ten seconds for ${what}`);
  };
  // The element `selector` finds, once it is there.
  const opened = async (selector, what) => {
    await until(() => document.querySelector(selector), what);
    return document.querySelector(selector);
  };
  const cards = () => [...document.getElementsByClassName('ab-card')];
  const out = [];
  // The same card each time: the 40th on the first screen (the 60th for the other edits).
  const picked = cards()[kind === 'move' ? 40 : 60].getAttribute('aria-label');
  const named = () => cards().find((c) => c.getAttribute('aria-label') === picked);
  const key = (target, init) => target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  // Beside each edit's time, what it is made of: when the DOM first showed the result (an
  // observer of the card's own subtree, or of the cell it leaves), and whether the browser
  // drew a frame before the check above saw it. The check runs after the edit's tasks, and
  // the browser may draw first: then the frame's layout and paint are in the edit's time.
  // The frame is asked for only once the edit has changed the DOM, which asks for one
  // anyway: asked for sooner, it could make a frame come before the check that would not.
  const shownAt = [];
  const framed = [];
  const watch = (node, shows) => {
    const seen = { dom: null, frame: null, asked: false };
    const observer = new MutationObserver(() => {
      if (!seen.asked) {
        seen.asked = true;
        requestAnimationFrame(() => { seen.frame = performance.now(); });
      }
      if (seen.dom === null && shows()) seen.dom = performance.now();
    });
    observer.observe(node, { childList: true, subtree: true, characterData: true });
    return (start, end) => {
      observer.disconnect();
      shownAt.push((seen.dom ?? end) - start);
      framed.push(seen.frame !== null && seen.frame < end);
    };
  };
  for (let i = 0; i < times; i++) {
    if (kind === 'move') {
      // Alt + ↓ moves the focused card to the next team's lane, Alt + ↑ back.
      const card = named();
      const cell = card.closest('.ab-cell').getAttribute('aria-label');
      card.focus();
      await painted();
      const left = card.closest('.ab-cell');
      const done = watch(left, () => !left.contains(card));
      const start = performance.now();
      key(card, { key: i % 2 ? 'ArrowUp' : 'ArrowDown', altKey: true });
      await until(() => named()?.closest('.ab-cell').getAttribute('aria-label') !== cell, `the card "${picked}" to move`);
      const end = performance.now();
      out.push(end - start);
      done(start, end);
    } else if (kind === 'status') {
      // The card's status menu: the status button, then the next status in the menu.
      named().querySelector('button.ab-status').click();
      const menu = await opened('.ab-status-menu:popover-open', 'the status menu to open');
      const items = [...menu.querySelectorAll('[role="menuitemradio"]')].slice(0, 4);
      const next = items[(items.findIndex((item) => item.getAttribute('aria-checked') === 'true') + 1) % items.length];
      const label = next.textContent.trim();
      await painted();
      const card = named();
      const done = watch(card, () => card.querySelector('.ab-status')?.textContent.trim() === label);
      const start = performance.now();
      next.click();
      const shown = () => named()?.querySelector('.ab-status')?.textContent.trim();
      await until(() => shown() === label, `the card to show "${label}"`);
      const end = performance.now();
      out.push(end - start);
      done(start, end);
    } else if (kind === 'type') {
      named().querySelector('.ab-card__title').click();
      const dialog = await opened('dialog[open]', 'the edit dialog to open');
      const field = (label) => [...dialog.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith(label))?.control;
      const title = field('Title');
      await painted();
      const start = performance.now();
      title.value += 'x';
      title.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'x', inputType: 'insertText' }));
      await settle();
      out.push(performance.now() - start);
      [...dialog.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Cancel')?.click();
      await settle();
    }
  }
  return { out, shownAt, framed };
}

/** Edit latency on the big board: `times` edits of each kind in one page, on a person's
 * first visit (a fresh profile, nothing cached) and again on a later one (`returning`). */
export async function editLatency(browser, url, text, times) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(probe, { key: KEY, text, cards: 1 });
  // Edits are measured as a person makes them: on cards of the first screen, with the
  // lanes near the screen rendered (a big board renders no others).
  const visit = async () => {
    await page.waitForFunction(() => window.__abMarks?.rendered, null, { timeout: 120000 });
    const out = {};
    for (const kind of ['status', 'move', 'type']) {
      const timed = await page.evaluate(edits, { kind, times });
      out[kind] = summary(timed.out);
      if (timed.shownAt.length) {
        out[kind].shownAt = summary(timed.shownAt);
        out[kind].framed = timed.framed;
      }
    }
    return out;
  };
  await page.goto(url);
  const out = await visit();
  // A later visit: the browser keeps the module, and with it the code it optimised while
  // the first visit's edits ran (Chromium caches a module's compiled code beside it, a
  // little after the code is made). The pause stands for the time between two visits.
  await page.waitForTimeout(3000);
  await page.reload();
  out.returning = await visit();
  await context.close();
  return out;
}

// The largest boards a page can give: a snapshot near the 10 MB limit, inline in an
// <alignment-board> element (too large for localStorage, so shown read-only from memory),
// against one a quarter of its size. Rendering time per megabyte that stays about the same
// shows a rendering linear in the board's size (people, teams and initiatives are found by
// id through an index, not by searching their lists for every card).
export const HUGE = { initiatives: 5000, teams: 100, priorities: 20, checkIns: 50000 };
export const QUARTER = { initiatives: 1250, teams: 25, priorities: 20, checkIns: 12500 };

/** From navigation to the first card of an inline snapshot's board, `runs` page loads. */
export async function inlineRender(browser, url, text, runs) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const escaped = text.replaceAll('<', '\\u003c');
  await page.route(`${url}inline-board.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8"><title>Inline board</title>
<script type="module" src="./alignment-board.js"></script>
<alignment-board style="height: 800px"><script type="application/json">${escaped}</script></alignment-board>`,
  }));
  const shown = [];
  for (let run = 0; run < runs; run++) {
    if (run === 0) await page.goto(`${url}inline-board.html`); else await page.reload();
    const ms = await page.evaluate(() => new Promise((ok) => {
      const check = () => {
        const card = document.querySelector('alignment-board')?.shadowRoot?.querySelector('.ab-card');
        if (card) ok(performance.now()); else requestAnimationFrame(check);
      };
      check();
    }));
    shown.push(ms);
  }
  await context.close();
  return summary(shown);
}
