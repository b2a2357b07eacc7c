// Run by scripts/post-build.mjs after minify-glue.mjs: in release builds, writes the two
// scripts a host page loads to embed boards, under names that do not change between builds:
// - `alignment-board.js` registers the `<alignment-board>` element (wasm-bindgen cannot
//   extend HTMLElement, so a small module does) and re-exports `mount`;
// - `alignment-board-wiki.js` turns code blocks marked `alignment-board` (```alignment-board
//   in Markdown, `<pre class="alignment-board">` in HTML) holding a snapshot into read-only
//   boards in place;
// - `alignment-board-frame.html` (with its script and styles) is the board for an iframe,
//   talking to its host page by postMessage.
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { one, release, staging } from './staging.mjs';

if (!release) process.exit(0);

const glue = basename(one(/^alignment-board-[0-9a-f]+\.js$/));
const wasm = basename(one(/^alignment-board-[0-9a-f]+_bg\.wasm$/));
const css = basename(one(/^board-[0-9a-f]+\.css$/));

const element = `// <alignment-board>: a board in any page. Attributes: storage-key (where it lives in
// localStorage), readonly, view (board, health, allocation, rhythm, coordination), theme (light, dark; otherwise
// the person's preference), src (the URL of a snapshot to
// show); or a snapshot inline, as a child <script type="application/json">. A board given a
// snapshot and no storage key is read-only and stores nothing. The board renders in a
// shadow root, so the page's styles and the board's do not mix. Events: ready, change,
// error; the element's board property is the board's handle once it is ready.
import init, { mount as mountBoard } from './${glue}';

/** The most a snapshot can be, here as everywhere else the board reads one: 10 MB. */
const MAX_BYTES = 10 * 1024 * 1024;
/** A text as a message quotes it: its first 80 characters. */
const quote = (text) => (text.length > 80 ? \`\${text.slice(0, 79)}…\` : text);
const text = (snapshot) =>
  snapshot === undefined || snapshot === null || typeof snapshot === 'string' ? snapshot ?? undefined : JSON.stringify(snapshot);
const CHANGED = 'alignment-board-changed';

/**
 * A board mounted in an element. getSnapshot() gives the board as a snapshot object (null
 * before one is started); loadSnapshot(snapshot) replaces it (the object or its JSON text;
 * throws, naming where, when it is not a snapshot); setOptions(options) mounts it again
 * with the options changed; destroy() removes it. A change event follows each change of
 * the board, its detail.snapshot read when asked for.
 */
class BoardHandle extends EventTarget {
  #element;
  #options;
  #board = null;
  #onChange = (event) => {
    event.stopPropagation();
    const handle = this;
    this.dispatchEvent(new CustomEvent('change', { detail: { get snapshot() { return handle.getSnapshot(); } } }));
  };

  constructor(element, options) {
    super();
    // The board's styles, once where the element lives: the page, or a shadow root.
    const root = element.getRootNode();
    const styles = root instanceof ShadowRoot ? root : document.head;
    if (![...styles.querySelectorAll('link[rel="stylesheet"]')].some((link) => link.href === STYLE)) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = STYLE;
      styles.append(link);
    }
    this.#element = element;
    this.#options = options;
    this.#mount();
    element.addEventListener(CHANGED, this.#onChange);
  }

  #mount() {
    const options = { exampleUrl: EXAMPLE, sharePage: FRAME, ...this.#options, snapshot: text(this.#options.snapshot) };
    this.#board = mountBoard(this.#element, options);
  }

  getSnapshot() {
    const snapshot = this.#board?.snapshot();
    return snapshot === undefined ? null : JSON.parse(snapshot);
  }

  loadSnapshot(snapshot) {
    this.#board.load(text(snapshot));
  }

  setOptions(options) {
    this.#options = { ...this.#options, ...options };
    this.#board?.destroy();
    this.#element.replaceChildren();
    this.#mount();
  }

  destroy() {
    this.#element.removeEventListener(CHANGED, this.#onChange);
    this.#board?.destroy();
    this.#board = null;
  }
}

/**
 * Renders a board into the element: options { storageKey, readOnly, view, snapshot } (the
 * snapshot as JSON text or as the object). Call after await start(); returns a BoardHandle.
 */
export function mount(element, options = {}) {
  return new BoardHandle(element, options);
}

let started;
/** The one WebAssembly instance every board on the page shares. */
export function start() {
  started ??= init({ module_or_path: new URL('./${wasm}', import.meta.url) });
  return started;
}

const STYLE = new URL('./${css}', import.meta.url).href;
const EXAMPLE = new URL('./example.alignment.json', import.meta.url).href;
// The page that opens share links: the frame page beside this script.
const FRAME = new URL('./alignment-board-frame.html', import.meta.url).href;

class AlignmentBoardElement extends HTMLElement {
  static observedAttributes = ['storage-key', 'readonly', 'view', 'theme', 'src'];
  #handle = null;
  #turn = 0;

  /** The board's handle (getSnapshot, loadSnapshot…), once it is ready. */
  get board() { return this.#handle; }

  connectedCallback() { this.#render(); }

  disconnectedCallback() {
    this.#turn += 1;
    this.#handle?.destroy();
    this.#handle = null;
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#render();
  }

  async #snapshot() {
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) return inline.textContent;
    const src = this.getAttribute('src');
    if (!src) return undefined;
    // Cookies and HTTP authentication go only to the page's own origin.
    const response = await fetch(src, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(\`\${quote(src)}: \${response.status} \${response.statusText}\`);
    // Read with a limit: a board is never larger, and an endless answer would otherwise
    // fill the page's memory.
    const tooLarge = () => new Error(\`\${quote(src)} is larger than 10 MB, more than a board can be: it was not read further.\`);
    if (Number(response.headers.get('content-length')) > MAX_BYTES) {
      response.body?.cancel();
      throw tooLarge();
    }
    if (!response.body) return '';
    const reader = response.body.getReader();
    const chunks = [];
    for (let size = 0, part = await reader.read(); !part.done; part = await reader.read()) {
      size += part.value.length;
      if (size > MAX_BYTES) {
        reader.cancel();
        throw tooLarge();
      }
      chunks.push(part.value);
    }
    return new Blob(chunks).text();
  }

  async #render() {
    const turn = (this.#turn += 1);
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!root.firstChild) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = STYLE;
      // A constructed sheet, not a <style>: pages whose Content-Security-Policy forbids
      // inline styles allow it. Every inherited property starts afresh at the element
      // (\`all\` leaves out direction), so nothing the page sets on its body, not even
      // !important, reaches the board's text; the page still sizes and places the element.
      // A text-decoration is not inherited but drawn through every block inside the one
      // that has it: it stops at an inline block, so the board's box is one.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(':host { all: initial; direction: ltr; display: block; contain: content; }'
        + ' .ab-host { display: inline-block; vertical-align: top; width: 100%; height: 100%; overflow: auto; }');
      root.adoptedStyleSheets = [sheet];
      const host = document.createElement('div');
      host.className = 'ab-host';
      root.append(link, host);
    }
    try {
      const [snapshot] = await Promise.all([this.#snapshot(), start()]);
      if (turn !== this.#turn) return;
      this.#handle?.destroy();
      const host = root.querySelector('.ab-host');
      host.replaceChildren();
      const options = { readOnly: this.hasAttribute('readonly') };
      const key = this.getAttribute('storage-key');
      if (key) options.storageKey = key;
      const view = this.getAttribute('view');
      if (view) options.view = view;
      const theme = this.getAttribute('theme');
      if (theme) options.theme = theme;
      if (snapshot !== undefined) options.snapshot = snapshot;
      this.#handle = mount(host, options);
      this.#handle.addEventListener('change', (event) => {
        this.dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true, detail: event.detail }));
      });
      this.dispatchEvent(new CustomEvent('ready', { bubbles: true, composed: true }));
    } catch (error) {
      if (turn !== this.#turn) return;
      const message = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(new CustomEvent('error', { bubbles: true, composed: true, detail: { message } }));
    }
  }
}

if (!customElements.get('alignment-board')) customElements.define('alignment-board', AlignmentBoardElement);
`;

const wiki = `// Renders every code block marked alignment-board whose text is a snapshot as a read-only
// board in its place: \`\`\`alignment-board in Markdown (rendered as <pre><code
// class="language-alignment-board">, or <pre class="language-alignment-board"> by Prism, as in
// Docusaurus), or <pre class="alignment-board"> in HTML. Blocks added later (a single-page
// app's navigation) are found too. Each board is mounted when its block comes within 200 px
// of the screen (blocks already there at once), so a long page starts only the boards its
// reader scrolls to.
import './alignment-board.js';

const SELECTOR = 'pre.alignment-board, pre.language-alignment-board, pre > code.language-alignment-board, pre > code.lang-alignment-board';

const near = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    near.unobserve(entry.target);
    render(entry.target);
  }
}, { rootMargin: '200px' });

function watch(block) {
  const pre = block.closest('pre') ?? block;
  if (pre.dataset.alignmentBoard) return;
  pre.dataset.alignmentBoard = 'waiting';
  near.observe(pre);
}

function render(pre) {
  if (!pre.isConnected || pre.dataset.alignmentBoard !== 'waiting') return;
  pre.dataset.alignmentBoard = 'rendered';
  const board = document.createElement('alignment-board');
  board.setAttribute('readonly', '');
  const data = document.createElement('script');
  data.type = 'application/json';
  data.textContent = pre.textContent;
  board.append(data);
  // A code block that a framework renders and hydrates (Docusaurus's React) keeps its own
  // nodes, or hydration would find them changed: the board shows from a shadow root on the
  // block's container, which the framework never looks into.
  const owned = pre.closest('.theme-code-block');
  if (owned && !owned.shadowRoot) owned.attachShadow({ mode: 'open' }).append(board);
  else pre.replaceWith(board);
}

function scan(root) {
  root.querySelectorAll?.(SELECTOR).forEach(watch);
}

scan(document);
new MutationObserver((changes) => {
  for (const change of changes) change.addedNodes.forEach((node) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.matches(SELECTOR)) watch(node);
    scan(node);
  });
}).observe(document.documentElement, { childList: true, subtree: true });
`;

const frame = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Alignment Board</title>
<link rel="stylesheet" href="./alignment-board-frame.css">
<script type="module" src="./alignment-board-frame.js"></script>
</head>
<body><alignment-board></alignment-board></body>
</html>
`;

const frameScript = `// The board for an iframe (alignment-board-frame.html). It takes the element's options
// from its address (?key=, ?readonly, ?view=, ?theme=, ?src=), opens share links (#board=),
// and, given ?host=<origin> (and
// ?id= to tell several frames apart), talks to the page around it with postMessage, only
// with that origin: in, { target: 'alignment-board', id, type: 'load', snapshot } and
// { ..., type: 'get' }; out, { source: 'alignment-board', id, type } with type ready,
// change (with the snapshot), loaded, snapshot (with it) or error (with a message).
import './alignment-board.js';

const params = new URLSearchParams(location.search);
const board = document.querySelector('alignment-board');
// A share link (#board=<the snapshot, raw deflate, base64url>) opens a read-only copy that
// is stored nowhere: it never replaces the board this browser keeps under a key.
const shared = location.hash.startsWith('#board=') ? location.hash.slice(7) : null;
if (shared) {
  board.remove();
  try {
    const base64 = shared.replaceAll('-', '+').replaceAll('_', '/');
    const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const data = document.createElement('script');
    data.type = 'application/json';
    // Read with a limit: a crafted link of a few kilobytes could otherwise unpack to
    // gigabytes. Boards larger than 10 MB are refused everywhere else too.
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const chunks = [];
    for (let size = 0, part = await reader.read(); !part.done; part = await reader.read()) {
      size += part.value.length;
      if (size > 10 * 1024 * 1024) throw new Error('larger than a board can be');
      chunks.push(part.value);
    }
    data.textContent = await new Blob(chunks).text();
    board.append(data);
    params.delete('key');
    params.set('readonly', '');
  } catch {
    const message = document.createElement('p');
    message.className = 'message';
    message.setAttribute('role', 'alert');
    message.textContent = 'This share link cannot be opened: part of it is missing or was changed, or it holds more than a board can. Ask for the link again, or for an exported snapshot.';
    document.body.append(message);
  }
}
for (const [param, attribute] of [['key', 'storage-key'], ['view', 'view'], ['theme', 'theme'], ['src', 'src']]) {
  const value = params.get(param);
  if (value) board.setAttribute(attribute, value);
}
if (params.has('readonly')) board.setAttribute('readonly', '');
if (shared && board.firstChild) document.body.append(board);
// Another share link pasted into the address bar changes only the fragment.
addEventListener('hashchange', () => { if (location.hash.startsWith('#board=')) location.reload(); });

const host = params.get('host');
if (host && window.parent !== window) {
  const id = params.get('id') ?? '';
  const send = (type, more = {}) => window.parent.postMessage({ source: 'alignment-board', id, type, ...more }, host);
  board.addEventListener('ready', () => send('ready'));
  board.addEventListener('change', (event) => send('change', { snapshot: event.detail.snapshot }));
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (event.origin !== host || event.source !== window.parent) return;
    if (message?.target !== 'alignment-board' || (message.id ?? '') !== id) return;
    try {
      if (message.type === 'load') {
        board.board.loadSnapshot(message.snapshot);
        send('loaded');
      } else if (message.type === 'get') {
        send('snapshot', { snapshot: board.board.getSnapshot() });
      }
    } catch (error) {
      send('error', { message: error instanceof Error ? error.message : String(error) });
    }
  });
}
`;

await writeFile(join(staging, 'alignment-board.js'), element);
await writeFile(join(staging, 'alignment-board-wiki.js'), wiki);
await writeFile(join(staging, 'alignment-board-frame.html'), frame);
await writeFile(join(staging, 'alignment-board-frame.js'), frameScript);
await writeFile(join(staging, 'alignment-board-frame.css'), `:root { color-scheme: light dark; }
html, body { margin: 0; height: 100%; }
alignment-board { height: 100%; }
.message { font: 15px/1.5 system-ui, sans-serif; max-width: 36em; margin: 64px auto; padding: 0 24px; }
`);
