// Run by scripts/post-build.mjs after minify-glue.mjs: in release builds, writes the two
// scripts a host page loads to embed boards, under names that do not change between builds:
// - `alignment-board.js` registers the `<alignment-board>` element (wasm-bindgen cannot
//   extend HTMLElement, so a small module does) and re-exports `mount`;
// - `alignment-board-wiki.js` turns code blocks marked `alignment-board` (```alignment-board
//   in Markdown, `<pre class="alignment-board">` in HTML) holding a snapshot into read-only
//   boards in place.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk as a post_build hook: TRUNK_STAGING_DIR is not set');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const files = await readdir(staging);
const one = (pattern) => {
  const found = files.filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`expected one file like ${pattern}, found ${found.join(', ') || 'none'}`);
  return found[0];
};
const glue = one(/^alignment-board-[0-9a-f]+\.js$/);
const wasm = one(/_bg\.wasm$/);
const css = one(/\.css$/);

const element = `// <alignment-board>: a board in any page. Attributes: storage-key (where it lives in
// localStorage), readonly, view (board, health, allocation), src (the URL of a snapshot to
// show); or a snapshot inline, as a child <script type="application/json">. A board given a
// snapshot and no storage key is read-only and stores nothing. The board renders in a
// shadow root, so the page's styles and the board's do not mix. Events: ready, error.
import init, { mount as mountBoard } from './${glue}';

/**
 * Renders a board into the element: options { storageKey, readOnly, view, snapshot } (the
 * snapshot as JSON text or as the object). Call after await start(); returns a handle
 * whose destroy() removes the board.
 */
export function mount(element, options = {}) {
  const { snapshot } = options;
  const text = snapshot !== undefined && typeof snapshot !== 'string' ? JSON.stringify(snapshot) : snapshot;
  return mountBoard(element, { exampleUrl: EXAMPLE, ...options, snapshot: text });
}

let started;
/** The one WebAssembly instance every board on the page shares. */
export function start() {
  started ??= init({ module_or_path: new URL('./${wasm}', import.meta.url) });
  return started;
}

const STYLE = new URL('./${css}', import.meta.url).href;
const EXAMPLE = new URL('./example.alignment.json', import.meta.url).href;

class AlignmentBoardElement extends HTMLElement {
  static observedAttributes = ['storage-key', 'readonly', 'view', 'src'];
  #handle = null;
  #turn = 0;

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
    const response = await fetch(src);
    if (!response.ok) throw new Error(\`\${src}: \${response.status} \${response.statusText}\`);
    return response.text();
  }

  async #render() {
    const turn = (this.#turn += 1);
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!root.firstChild) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = STYLE;
      const style = document.createElement('style');
      style.textContent = ':host { display: block; contain: content; } .ab-host { height: 100%; }';
      const host = document.createElement('div');
      host.className = 'ab-host';
      root.append(link, style, host);
    }
    try {
      const [snapshot] = await Promise.all([this.#snapshot(), start()]);
      if (turn !== this.#turn) return;
      this.#handle?.destroy();
      const host = root.querySelector('.ab-host');
      host.replaceChildren();
      const options = { readOnly: this.hasAttribute('readonly'), exampleUrl: EXAMPLE };
      const key = this.getAttribute('storage-key');
      if (key) options.storageKey = key;
      const view = this.getAttribute('view');
      if (view) options.view = view;
      if (snapshot !== undefined) options.snapshot = snapshot;
      this.#handle = mount(host, options);
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
// class="language-alignment-board">), or <pre class="alignment-board"> in HTML. Blocks added
// later (a single-page app's navigation) are found too.
import './alignment-board.js';

const SELECTOR = 'pre.alignment-board, pre > code.language-alignment-board, pre > code.lang-alignment-board';

function render(block) {
  const pre = block.closest('pre') ?? block;
  if (!pre.isConnected || pre.dataset.alignmentBoard) return;
  pre.dataset.alignmentBoard = 'rendered';
  const board = document.createElement('alignment-board');
  board.setAttribute('readonly', '');
  const data = document.createElement('script');
  data.type = 'application/json';
  data.textContent = pre.textContent;
  board.append(data);
  pre.replaceWith(board);
}

function scan(root) {
  root.querySelectorAll?.(SELECTOR).forEach(render);
}

scan(document);
new MutationObserver((changes) => {
  for (const change of changes) change.addedNodes.forEach((node) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.matches(SELECTOR)) render(node);
    scan(node);
  });
}).observe(document.documentElement, { childList: true, subtree: true });
`;

await writeFile(join(staging, 'alignment-board.js'), element);
await writeFile(join(staging, 'alignment-board-wiki.js'), wiki);
