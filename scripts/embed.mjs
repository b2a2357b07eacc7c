// Run by scripts/post-build.mjs after minify-glue.mjs: in release builds, writes the two
// scripts a host page loads to embed boards, under names that do not change between builds:
// - `alignment-board.js` registers the `<alignment-board>` element (wasm-bindgen cannot
//   extend HTMLElement, so a small module does) and re-exports `mount`;
// - `alignment-board-wiki.js` turns code blocks marked `alignment-board` (```alignment-board
//   in Markdown, `<pre class="alignment-board">` in HTML) holding a snapshot into read-only
//   boards in place;
// - `alignment-board-frame.html` (with its script and styles) is the board for an iframe,
//   talking by postMessage to a host page whose origin `alignment-board-hosts.json` lists
//   (trunk copies that file beside it from the repository's root).
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { one, release, staging } from './staging.mjs';

if (!release) process.exit(0);

const glue = basename(one(/^alignment-board-[0-9a-f]+\.js$/));
const wasm = basename(one(/^alignment-board-[0-9a-f]+_bg\.wasm$/));
const css = basename(one(/^board-[0-9a-f]+\.css$/));
// The loader of the board's last screen, shared with the standalone page.
const screen = await readFile(new URL('../src/screen.js', import.meta.url), 'utf8');

const element = `// <alignment-board>: a board in any page. Attributes: storage-key (where it lives in
// localStorage), readonly, view (board, health, allocation, rhythm, coordination), theme (light, dark; otherwise
// the person's preference), src (the URL of a snapshot to
// show read-only; nothing is stored); or a snapshot inline, as a child <script type="application/json">. A board given a
// snapshot and no storage key is read-only and stores nothing. The board renders in a
// shadow root, so the page's styles and the board's do not mix. Events: ready, change,
// error (a board that cannot be shown says why in its box unless a listener calls
// preventDefault); the element's board property is the board's handle once it is ready.
import init, { mount as mountBoard, openShareLink as openLink } from './${glue}';

/** The most a snapshot can be, here as everywhere else the board reads one: 10 MB. */
const MAX_BYTES = 10 * 1024 * 1024;
/** A text as a message quotes it: at most its first 40 characters, as the board's own do. */
function quote(text) {
  const start = Array.from(text.slice(0, 82));
  return start.length > 40 ? \`\${start.slice(0, 40).join('')}…\` : text;
}
const text = (snapshot) =>
  snapshot === undefined || snapshot === null || typeof snapshot === 'string' ? snapshot ?? undefined : JSON.stringify(snapshot);
const CHANGED = 'alignment-board-changed';

${screen}

/**
 * A board mounted in an element, ready for calls at once. getSnapshot() gives the board as
 * a snapshot object (null before one is started); loadSnapshot(snapshot) replaces it (the
 * object or its JSON text; throws, naming where, when it is not a snapshot);
 * setOptions(options) changes the options given (read-only, view and theme in place, keeping
 * the board and its undo; another storage key, store or snapshot starts it afresh);
 * destroy() removes it. A change event follows each change of the board, its
 * detail.snapshot read when asked for.
 */
class BoardHandle extends EventTarget {
  #element;
  #options;
  /** The snapshot's text the board was last given. */
  #text;
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
    // One board to an element: mounted again (a page that renders its part anew), the board
    // there before goes.
    MOUNTED.get(element)?.destroy();
    MOUNTED.set(element, this);
    this.#mount();
    element.addEventListener(CHANGED, this.#onChange);
  }

  /** The options as the board takes them: the snapshot as text, the page's files named. */
  static #given(options) {
    return { exampleUrl: EXAMPLE, sharePage: FRAME, ...options, snapshot: text(options.snapshot) };
  }

  #mount() {
    const given = BoardHandle.#given(this.#options);
    this.#text = given.snapshot;
    this.#board = mountBoard(this.#element, given);
  }

  getSnapshot() {
    const snapshot = this.#board?.snapshot();
    return snapshot === undefined ? null : JSON.parse(snapshot);
  }

  loadSnapshot(snapshot) {
    const given = text(snapshot);
    if (given === undefined) {
      throw new TypeError('loadSnapshot needs a snapshot: an object as getSnapshot() gives, or its JSON text');
    }
    if (!this.#board) throw new Error('this board was destroyed: mount it again to show a board');
    this.#board.load(given);
  }

  setOptions(options) {
    if (!this.#board) throw new Error('this board was destroyed: mount it again to show a board');
    optionsChecked('setOptions', options);
    // Where a snapshot came from is the element's to say (a board from src stays read-only
    // and stores nothing); a snapshot object is read as it is now only when given again.
    const { snapshotUrl, ...asked } = options;
    const next = { ...this.#options, ...asked };
    const given = 'snapshot' in asked ? BoardHandle.#given(next) : { ...BoardHandle.#given({ ...next, snapshot: undefined }), snapshot: this.#text };
    this.#board.setOptions(given);
    this.#options = next;
    this.#text = given.snapshot;
  }

  destroy() {
    this.#element.removeEventListener(CHANGED, this.#onChange);
    this.#board?.destroy();
    this.#board = null;
    if (MOUNTED.get(this.#element) === this) MOUNTED.delete(this.#element);
  }
}

/** The handle of the board mounted in each element. */
const MOUNTED = new WeakMap();

/**
 * Renders a board into the element: options { storageKey, readOnly, view, snapshot } (the
 * snapshot as JSON text or as the object). Call after await start(); returns a BoardHandle.
 */
export function mount(element, options = {}) {
  if (element?.nodeType !== Node.ELEMENT_NODE) {
    throw new TypeError('mount(element, options) needs the element of the page to show the board in, as its first argument');
  }
  optionsChecked('mount', options);
  if (!ready) throw new Error('mount() needs the board’s WebAssembly first: call it after await start()');
  return new BoardHandle(element, options);
}

/** Refuses options that are not an object of them, naming the call they were given to. */
function optionsChecked(call, options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(\`\${call} takes its options as an object, such as { storageKey: 'team-board', theme: 'dark' }, not \${options === null ? 'null' : typeof options}\`);
  }
}

let started;
/** Whether the WebAssembly instance is there: boards can be mounted. */
let ready = false;
/** The one WebAssembly instance every board on the page shares. */
export function start() {
  started ??= init({ module_or_path: new URL('./${wasm}', import.meta.url) }).then((done) => {
    ready = true;
    return done;
  });
  return started;
}

/**
 * The snapshot's text a share link carries after #board= (\`fragment\`); rejects when the link
 * cannot be opened (part of it missing or changed, or more than a board can hold).
 */
export async function openShareLink(fragment) {
  await start();
  return openLink(fragment);
}

const STYLE = new URL('./${css}', import.meta.url).href;
const EXAMPLE = new URL('./example.alignment.json', import.meta.url).href;
// The page that opens share links: the frame page beside this script.
const FRAME = new URL('./alignment-board-frame.html', import.meta.url).href;

/** The element's attributes that change the board it shows in place. */
const IN_PLACE = ['readonly', 'view', 'theme'];

class AlignmentBoardElement extends HTMLElement {
  static observedAttributes = ['storage-key', 'readonly', 'view', 'theme', 'src'];
  #handle = null;
  #turn = 0;
  /** Whether the board started (or could not): its last screen is no longer wanted. */
  #started = false;

  /** The board's handle (getSnapshot, loadSnapshot…), once it is ready. */
  get board() { return this.#handle; }

  /** A board is to be shown anew, once the callbacks of this moment have all run. */
  #asked = false;
  /** Watches for a snapshot given inline after the element came into the page. */
  #children = null;

  connectedCallback() {
    this.#checkAttributes();
    // A snapshot given inline may come after the element: its script child is still being
    // parsed (a page streamed, the module loaded async), or a page's script adds it after
    // the element. The board is shown once the page is parsed, and again when it comes.
    this.#children = new MutationObserver((records) => {
      const inline = (node) => node?.parentNode === this && node.nodeType === Node.ELEMENT_NODE
        && node.matches('script[type="application/json"]');
      const given = records.some((record) => inline(record.target) || inline(record.target.parentNode)
        || [...record.addedNodes].some(inline));
      if (given) this.#render();
    });
    this.#children.observe(this, { childList: true, subtree: true, characterData: true });
    this.#render();
  }

  disconnectedCallback() {
    this.#children?.disconnect();
    this.#turn += 1;
    this.#handle?.destroy();
    this.#handle = null;
  }

  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    // Read-only, the view and the theme change on the board shown, which keeps its undo;
    // a new key or snapshot shows the board anew.
    if (this.#handle && IN_PLACE.includes(name)) {
      try {
        this.#handle.setOptions({
          readOnly: this.hasAttribute('readonly'),
          view: this.getAttribute('view') || undefined,
          theme: this.getAttribute('theme') || undefined,
        });
        return;
      } catch {
        // Not one the board takes (a view it does not have): shown anew, it says why.
      }
    }
    this.#render();
  }

  async #snapshot() {
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) return inline.textContent;
    const src = this.getAttribute('src');
    if (!src) return undefined;
    // Cookies and HTTP authentication go only to the page's own origin.
    let response;
    try {
      response = await fetch(src, { credentials: 'same-origin' });
    } catch (error) {
      // The browser tells no more than "Failed to fetch": no answer, or one from another
      // site that does not let this page read it.
      throw new Error(\`the snapshot at \${quote(src)} could not be read (\${error.message}). Check the src address; \`
        + 'a snapshot on another site must be sent with an Access-Control-Allow-Origin header naming this page’s origin');
    }
    if (!response.ok) throw new Error(\`the snapshot at \${quote(src)} could not be read: the server answered \${response.status} \${response.statusText}. Check the src address\`);
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

  /**
   * Shows the board anew once: an element the page parsed with its attributes hears of each
   * attribute and then of its connection, all in one moment, and would otherwise fetch its
   * \`src\` once for each. While the page is still being parsed, it waits for the rest of it.
   */
  #render() {
    if (this.#asked) return;
    this.#asked = true;
    const go = () => {
      this.#asked = false;
      if (this.isConnected) this.#show();
    };
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', go, { once: true });
    } else {
      queueMicrotask(go);
    }
  }

  async #show() {
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
      // A board kept in this browser shows its last screen, once its styles are there,
      // until the board itself starts (a src board is not the one kept); any other says
      // it is opening.
      link.addEventListener('load', () => {
        if (host.firstChild || this.#started) return;
        const key = this.getAttribute('storage-key');
        const theme = this.getAttribute('theme') || undefined;
        const shown = key && !this.hasAttribute('src') && showScreen(host, key, {
          view: this.getAttribute('view') || undefined,
          theme,
          readOnly: this.hasAttribute('readonly'),
          place: 'element',
        });
        if (!shown) showOpening(host, theme);
      }, { once: true });
    }
    try {
      const [snapshot] = await Promise.all([this.#snapshot(), start()]).finally(() => {
        // Started or refused, the board's last screen has had its moment.
        this.#started = true;
      });
      if (turn !== this.#turn) return;
      this.#handle?.destroy();
      const host = root.querySelector('.ab-host');
      host.replaceChildren();
      const options = { readOnly: this.hasAttribute('readonly'), screenPlace: 'element' };
      const key = this.getAttribute('storage-key');
      if (key) options.storageKey = key;
      const view = this.getAttribute('view');
      if (view) options.view = view;
      const theme = this.getAttribute('theme');
      if (theme) options.theme = theme;
      if (snapshot !== undefined) options.snapshot = snapshot;
      // A board shown from src is read-only and stores nothing, whatever its key.
      const src = this.getAttribute('src');
      if (snapshot !== undefined && src && !this.querySelector(':scope > script[type="application/json"]')) {
        options.snapshotUrl = src;
      }
      this.#handle = mount(host, options);
      this.#handle.addEventListener('change', (event) => {
        this.dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true, detail: event.detail }));
      });
      this.dispatchEvent(new CustomEvent('ready', { bubbles: true, composed: true }));
    } catch (error) {
      if (turn !== this.#turn) return;
      const message = error instanceof Error ? error.message : String(error);
      // Said where the board would be, and in the console, unless the page takes the
      // error event over (preventDefault): a page's author sees what to fix without a
      // listener, and a reader sees more than an empty box.
      const told = this.dispatchEvent(new CustomEvent('error', { bubbles: true, composed: true, cancelable: true, detail: { message } }));
      this.#handle?.destroy();
      this.#handle = null;
      const host = root.querySelector('.ab-host');
      host.replaceChildren();
      if (told) {
        host.append(refusal(message));
        console.error(\`<alignment-board>: this board cannot be shown: \${message}\`);
      }
    }
  }

  /** Warns of attributes that look like the board's own but are not (storage_key, read-only). */
  #checkAttributes() {
    const own = (name) => name.toLowerCase().replace(/[^a-z]/g, '');
    for (const name of this.getAttributeNames()) {
      if (AlignmentBoardElement.observedAttributes.includes(name)) continue;
      const meant = AlignmentBoardElement.observedAttributes.find((known) => own(known) === own(name));
      if (meant) console.warn(\`<alignment-board>: the attribute "\${name}" is not one the board reads; did you mean "\${meant}"?\`);
    }
    // Values the board would pass over without a word.
    const theme = this.getAttribute('theme');
    if (theme && theme !== 'light' && theme !== 'dark') {
      console.warn(\`<alignment-board>: theme="\${quote(theme)}" is not light or dark; the board follows the person's preference.\`);
    }
    const readOnly = this.getAttribute('readonly');
    if (readOnly !== null && /^(false|no|0|off)$/i.test(readOnly.trim())) {
      console.warn(\`<alignment-board>: readonly="\${readOnly}" still makes the board read-only: the attribute counts when it is there at all. Remove it for a board that can be changed.\`);
    }
    const script = this.querySelector(':scope > script:not([type="application/json"])');
    if (script && !this.querySelector(':scope > script[type="application/json"]')) {
      console.warn('<alignment-board>: a snapshot inside the element goes in <script type="application/json">; this <script> is not read as one.');
    }
  }
}

/** The notice shown in place of a board that cannot be shown, saying why. */
function refusal(message) {
  const app = document.createElement('div');
  app.className = 'ab-app';
  const notice = document.createElement('div');
  notice.className = 'ab-notice ab-notice--error';
  notice.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = \`This board cannot be shown: \${message}\${/[.!?]$/.test(message) ? '' : '.'}\`;
  notice.append(text);
  app.append(notice);
  return app;
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
  const shadow = owned && !owned.shadowRoot ? owned.attachShadow({ mode: 'open' }) : null;
  // A block whose snapshot cannot be read stays in view under the board's message, so that
  // its author finds the line and column the message names.
  board.addEventListener('error', () => {
    if (shadow) shadow.append(document.createElement('slot'));
    else if (!pre.isConnected) board.after(pre);
  }, { once: true });
  if (shadow) shadow.append(board);
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
<body><p class="message waiting" role="status">The board has not started. If it stays like this: a sandboxed frame needs <code>allow-scripts</code> and <code>allow-same-origin</code> to run it, and the browser must allow JavaScript.</p><noscript><p class="message">Alignment Board needs JavaScript and WebAssembly.</p></noscript></body>
</html>
`;

const frameScript = `// The board for an iframe (alignment-board-frame.html). It takes the element's options
// from its address (?key=, ?readonly, ?view=, ?theme=, ?src=) and opens share links
// (#board=). Given ?host=<origin> (and ?id= to tell several frames apart), it talks with
// postMessage to the page around it, when that page is of this origin and the origin is
// listed in alignment-board-hosts.json beside this page: in, { target: 'alignment-board',
// id, type: 'load', snapshot } and { ..., type: 'get' }; out, { source: 'alignment-board',
// id, type } with type ready, change (with the snapshot), loaded, snapshot (with it) or
// error (with a message). A board in a host is kept under its key joined to a hash of the
// host's origin, so two hosts never share one. A host that is not listed is shown why, and
// gets no board and no message.
import { openShareLink } from './alignment-board.js';

// Running, so not stopped where the frame's page waits to say why (a sandbox, no script).
document.querySelector('.waiting')?.remove();
const params = new URLSearchParams(location.search);
const board = document.createElement('alignment-board');
let showBoard = true;
/** What a refused host is told about the list of hosts. */
const LIST = 'A deployment names the pages that may show its boards in a frame, by origin, in '
  + 'alignment-board-hosts.json beside alignment-board-frame.html: a JSON list such as ["https://wiki.example.com"].';

/** Shows \`text\` where the board would be; \`detail\`, for whoever looks after the site, under it. */
function say(text, detail) {
  showBoard = false;
  const message = document.createElement('div');
  message.className = 'message';
  message.setAttribute('role', 'alert');
  const words = document.createElement('p');
  words.textContent = text;
  message.append(words);
  if (detail) {
    const more = document.createElement('p');
    more.className = 'detail';
    more.textContent = \`For whoever looks after this site: \${detail}\`;
    message.append(more);
  }
  document.body.append(message);
}

// A share link (#board=<the snapshot, raw deflate, base64url>) opens a read-only copy that
// is stored nowhere: it never replaces the board this browser keeps under a key.
const shared = location.hash.startsWith('#board=') ? location.hash.slice(7) : null;
let sharedCopy = false;
if (shared) {
  try {
    const data = document.createElement('script');
    data.type = 'application/json';
    data.textContent = await openShareLink(shared);
    board.append(data);
    params.delete('key');
    params.set('readonly', '');
    sharedCopy = true;
  } catch (error) {
    // The link's own fault in the board's words; the board not loading at all, plainly.
    say(String(error?.message).startsWith('This share link') ? error.message
      : \`This share link cannot be opened here: the board did not load (\${error}). Try again later.\`);
    // Not a dead end: the board's own page is beside this one.
    const away = document.createElement('p');
    away.className = 'message';
    const board = document.createElement('a');
    board.href = new URL('./', location.href).href;
    board.textContent = 'Go to the board kept in this browser';
    away.append(board);
    document.body.append(away);
  }
}
for (const [param, attribute] of [['key', 'storage-key'], ['view', 'view'], ['theme', 'theme'], ['src', 'src']]) {
  const value = params.get(param);
  if (value) board.setAttribute(attribute, value);
}
if (params.has('readonly')) board.setAttribute('readonly', '');
// Another share link pasted into the address bar changes only the fragment.
addEventListener('hashchange', () => { if (location.hash.startsWith('#board=')) location.reload(); });

const host = params.get('host');
if (host !== null && showBoard) {
  const refusal = await refuse(host);
  if (refusal && window.parent === window) {
    say(refusal);
  } else if (refusal) {
    // Its reader can do nothing about it but tell someone: the how is for that someone.
    say('This board cannot be shown on this page. If you expected one here, tell whoever looks after the page.', refusal);
  } else {
    // The key the board would have had (the standalone page's, when it shows no snapshot).
    const key = board.getAttribute('storage-key') ?? (board.hasAttribute('src') || shared ? null : 'alignment-board');
    if (key) board.setAttribute('storage-key', hostKey(key, host));
    if (key && key.length > 64 - 17) {
      console.warn(\`alignment-board-frame: the key \${quote(key)} is cut to its first \${64 - 17} characters in a host's frame, so a key that differs from it only after them names the same board. Use a key of at most \${64 - 17} characters.\`);
    }
    talkTo(host);
  }
}
// Whoever opens a share link on its own is told what they see, and how to keep it (a page
// that frames the link has said what it shows itself). The note takes the board's theme.
if (showBoard && sharedCopy && window.parent === window) {
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.style.colorScheme = theme;
  const note = document.createElement('p');
  note.className = 'shared';
  note.setAttribute('role', 'note');
  const { title, made } = shown(board.firstChild.textContent);
  // The board's own page beside this one opens the same link as the person's board, after
  // asking before it replaces one.
  const keep = document.createElement('a');
  keep.href = new URL(\`./#board=\${shared}\`, location.href).href;
  keep.textContent = 'open it as your board';
  note.append(\`A read-only copy of this board as it was \${made}. It is not saved anywhere: \`
    + 'to keep it, ', keep, ' in this browser, or choose Export snapshot in the File menu to download it as a file.');
  document.body.append(note);
  if (title) document.title = \`\${title} · shared copy\`;
}
if (showBoard) document.body.append(board);

/**
 * A shared snapshot's title, for the tab, and when it was made ("on 5 December 2026", in the
 * person's language; else "when the link was made"). Read only to be shown as text: the
 * board checks the snapshot itself, and says what is wrong with it.
 */
function shown(text) {
  let snapshot = null;
  try {
    snapshot = JSON.parse(text);
  } catch {
    // Not JSON: the board says why.
  }
  const title = typeof snapshot?.board?.title === 'string' ? snapshot.board.title.trim().slice(0, 120) : '';
  const at = new Date(snapshot?.exportedAt);
  const made = Number.isNaN(at.getTime()) ? 'when the link was made' : \`on \${at.toLocaleDateString(undefined, { dateStyle: 'long' })}\`;
  return { title, made };
}

/** Why the board is not shown to \`host\` (the origin the page named), or null when it is allowed. */
async function refuse(host) {
  let origin = null;
  try {
    origin = new URL(host).origin;
  } catch {
    // Not a URL at all.
  }
  if (origin !== host || origin === 'null') {
    return \`This board is not shown: the page around it named “\${quote(host)}” as its own origin, which is not an origin such as https://wiki.example.com. \${LIST}\`;
  }
  if (window.parent === window) {
    return \`This board is shown only in a frame on a page of \${host}; opened on its own, it shows nothing.\`;
  }
  // Which page holds the frame, where the browser tells (Firefox does not): a page that
  // names another origin than its own gets nothing.
  const parent = location.ancestorOrigins?.[0];
  if (location.ancestorOrigins && parent !== host) {
    return \`This board is not shown: it was told that \${host} holds it, but it is shown by another page (\${parent}). \${LIST}\`;
  }
  let listed = [];
  let unreadable = null;
  try {
    const response = await fetch(new URL('./alignment-board-hosts.json', import.meta.url), { cache: 'no-cache', credentials: 'same-origin' });
    if (response.ok) listed = JSON.parse(await response.text());
  } catch (error) {
    // No list: no host is allowed. One that is there and is not JSON says so.
    if (error instanceof SyntaxError) unreadable = error.message;
  }
  if (unreadable !== null || !Array.isArray(listed)) {
    // The list is broken, not the host: adding the host would not help.
    return \`This board is not shown: alignment-board-hosts.json beside alignment-board-frame.html is not a JSON list of origins \`
      + \`(\${unreadable ?? 'it holds no list'}), so no host is allowed. It must read like ["https://wiki.example.com"], with \${host} among them.\`;
  }
  const allowed = Array.isArray(listed) && listed.some((entry) => {
    try {
      return new URL(entry).origin === host;
    } catch {
      return false;
    }
  });
  if (!allowed) {
    return \`This page, \${host}, is not among the hosts this deployment allows to show its boards, so no board is shown here. \`
      + \`To allow it, add "\${host}" to alignment-board-hosts.json beside alignment-board-frame.html (a JSON list of origins), \`
      + 'and to the frame-ancestors of the Content-Security-Policy header sent with that frame page.';
  }
  return null;
}

/** Answers the page around the frame, of origin \`host\`, and tells it about the board. */
function talkTo(host) {
  const id = params.get('id') ?? '';
  const send = (type, more = {}) => window.parent.postMessage({ source: 'alignment-board', id, type, ...more }, host);
  board.addEventListener('ready', () => send('ready'));
  board.addEventListener('change', (event) => send('change', { snapshot: event.detail.snapshot }));
  // A board that cannot be shown says why in the frame, and to the page around it.
  board.addEventListener('error', (event) => send('error', { message: event.detail.message }));
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

/** A text as a message quotes it: at most its first 40 characters, as the board's own do. */
function quote(text) {
  const start = Array.from(text.slice(0, 82));
  return start.length > 40 ? \`\${start.slice(0, 40).join('')}…\` : text;
}

/**
 * The key a host's board is kept under: \`<key>-<the first 16 hex digits of the SHA-256 of
 * the host's origin>\`, the key cut so that the whole is at most 64 characters.
 */
function hostKey(key, host) {
  return \`\${key.slice(0, 64 - 17)}-\${sha256(host).slice(0, 16)}\`;
}

/**
 * The SHA-256 of a text (of its UTF-8 bytes), in hex. Written out: the browser's own
 * (crypto.subtle) is there only on https pages, and a frame may be served over http.
 */
function sha256(text) {
  const bytes = new TextEncoder().encode(text);
  // The text, a 1 bit, zeros, and the text's length in bits (64 bits): whole 64-byte blocks.
  const blocks = new DataView(new ArrayBuffer(Math.ceil((bytes.length + 9) / 64) * 64));
  new Uint8Array(blocks.buffer).set(bytes);
  blocks.setUint8(bytes.length, 0x80);
  blocks.setUint32(blocks.byteLength - 8, Math.floor(bytes.length / 0x20000000));
  blocks.setUint32(blocks.byteLength - 4, (bytes.length * 8) >>> 0);
  // The first 32 bits of the fractional parts of the square roots of the first 8 primes,
  // and of the cube roots of the first 64.
  const primes = [];
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p)) primes.push(n);
  const fraction = (x) => ((x - Math.floor(x)) * 2 ** 32) | 0;
  const hash = primes.slice(0, 8).map((p) => fraction(Math.sqrt(p)));
  const k = primes.map((p) => fraction(Math.cbrt(p)));
  const rotate = (x, n) => (x >>> n) | (x << (32 - n));
  const w = new Int32Array(64);
  for (let offset = 0; offset < blocks.byteLength; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = blocks.getInt32(offset + 4 * i);
    for (let i = 16; i < 64; i++) {
      const s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, b, c, d, e, f, g, h] = hash;
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i]) | 0;
      const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      [h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    [a, b, c, d, e, f, g, h].forEach((x, i) => { hash[i] = (hash[i] + x) | 0; });
  }
  return hash.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
}
`;

await writeFile(join(staging, 'alignment-board.js'), element);
await writeFile(join(staging, 'alignment-board-wiki.js'), wiki);
await writeFile(join(staging, 'alignment-board-frame.html'), frame);
await writeFile(join(staging, 'alignment-board-frame.js'), frameScript);
await writeFile(join(staging, 'alignment-board-frame.css'), `:root { color-scheme: light dark; }
html, body { margin: 0; height: 100%; }
@page { size: landscape; margin: 10mm; }
body { display: flex; flex-direction: column; }
alignment-board { flex: 1; min-height: 0; }
.shared {
  margin: 0; padding: 8px 16px; font: 14px/1.45 system-ui, sans-serif;
  background: light-dark(#edf2ff, #1f2a44); color: light-dark(#1a1f36, #e6e9f2); border-bottom: 1px solid light-dark(#bac8ff, #3b4a6b);
}
.shared a { color: light-dark(#3b5bdb, #91a7ff); font-weight: 600; }
.message { font: 15px/1.5 system-ui, sans-serif; max-width: 36em; margin: 64px auto; padding: 0 24px; }
.message p { margin: 0 0 12px; }
.message .detail { font-size: 13px; color: light-dark(#5c6675, #a1aab8); }
/* Said only when the board has not started a few seconds on: its script removes it. */
.waiting { visibility: hidden; animation: waited 0s 4s forwards; }
@keyframes waited { to { visibility: visible; } }
`);
