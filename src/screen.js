// The board's last screen, shown while the board starts (src/ui/screen.rs keeps it): on a
// slow link the WebAssembly takes seconds to arrive, and a person sees their board at once,
// inert and marked as opening, until the board itself replaces it (mount::mount_with).
// Loaded as a classic script by the standalone page (index.html) and written into the
// <alignment-board> element's script by scripts/embed.mjs.
//
// What localStorage holds is not trusted: the screen is shown only when it is the board's
// own record of the board saved now (same revision), of the person's day today and shown
// as the page asks, and only the board's elements and attributes are taken from it.

/** Elements a screen may hold: what the board renders (no script, frame, form, link). */
const SCREEN_ELEMENTS = new Set(['DIV', 'SPAN', 'P', 'H1', 'H2', 'H3', 'H4', 'HEADER', 'MAIN', 'NAV',
  'SECTION', 'ARTICLE', 'ASIDE', 'FOOTER', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'TABLE', 'THEAD', 'TBODY',
  'TFOOT', 'TR', 'TH', 'TD', 'CAPTION', 'BUTTON', 'LABEL', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP',
  'TEXTAREA', 'STRONG', 'EM', 'B', 'I', 'SMALL', 'ABBR', 'TIME', 'MARK', 'DEL', 'INS', 'BR', 'HR',
  'DETAILS', 'SUMMARY', 'PROGRESS', 'METER', 'OUTPUT', 'FIELDSET', 'LEGEND', 'KBD', 'CODE', 'PRE',
  'svg', 'g', 'path', 'rect', 'circle', 'line', 'polyline', 'polygon', 'text', 'tspan', 'title', 'desc']);

/** Attributes a screen may keep: none that runs, loads or links anything. */
function screenAttribute(name) {
  return name === 'class' || name === 'id' || name === 'role' || name === 'tabindex' || name === 'title'
    || name === 'hidden' || name === 'popover' || name === 'type' || name === 'value'
    || name === 'disabled' || name === 'checked' || name === 'selected' || name === 'for' || name === 'lang'
    || name === 'dir' || name === 'datetime' || name === 'colspan' || name === 'rowspan' || name === 'scope'
    || name === 'max' || name === 'min' || name === 'placeholder' || name === 'open'
    || name.startsWith('aria-') || name.startsWith('data-')
    || /^(viewBox|xmlns|d|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|width|height|fill|stroke|stroke-width|stroke-dasharray|stroke-linecap|transform|points|opacity|text-anchor|dominant-baseline|font-size|font-weight|focusable|preserveAspectRatio)$/.test(name);
}

/** The theme a board takes from what a page asks: light, dark, or the person's own (null). */
function themeAsked(theme) {
  return theme === 'light' || theme === 'dark' ? theme : null;
}

/** The person's day, as the board writes it: 2026-12-06. */
function screenDay(now = new Date()) {
  const two = (n) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/**
 * Shows the last screen of the board under `key` in `container`, when it may be shown as
 * `asked` ({ view, theme, readOnly, filtered, place }: `page` or `element`, as the board
 * recorded where it showed): a screen is of a board that may be changed, so a read-only one
 * shows none, and of the whole board, so one asked for filtered shows none.
 * A browser without WebAssembly shows none: no board would come to replace it. Returns whether it did; anything unexpected (no storage, a
 * record not the board's, a page's policy refusing HTML) shows nothing.
 */
function showScreen(container, key, asked) {
  try {
    const record = JSON.parse(localStorage.getItem(`alignment-board:${key}:screen`) ?? 'null');
    const revision = localStorage.getItem(`alignment-board:${key}:revision`);
    if (!record || record.format !== 'alignment-board-screen' || typeof record.html !== 'string'
      || !revision || record.revision !== revision || record.day !== screenDay()
      || record.view !== (asked.view ?? 'board') || (record.theme ?? null) !== themeAsked(asked.theme)
      || record.place !== asked.place || asked.readOnly || asked.filtered || typeof WebAssembly !== 'object') {
      return false;
    }
    // A template's content is parsed without running or loading anything.
    const template = document.createElement('template');
    template.innerHTML = record.html;
    const [screen, ...more] = template.content.children;
    if (!screen || more.length || screen.tagName !== 'DIV' || !screen.classList.contains('ab-app')) return false;
    for (const element of [screen, ...screen.querySelectorAll('*')]) {
      if (!SCREEN_ELEMENTS.has(element.tagName) && !SCREEN_ELEMENTS.has(element.localName)) {
        element.remove();
        continue;
      }
      for (const name of element.getAttributeNames()) {
        // A colour of a chart may not point anywhere (`url(…)`, escaped or not).
        const points = (name === 'fill' || name === 'stroke') && /url|\\/i.test(element.getAttribute(name));
        if (points || !screenAttribute(name)) element.removeAttribute(name);
      }
      // The board's own styles of an element, set as the board sets them (a policy that
      // allows no inline style attribute allows these). Read by the browser first, escapes
      // and all: styles that would load anything are dropped.
      const style = element.getAttribute('data-ab-style');
      if (style !== null) {
        element.removeAttribute('data-ab-style');
        element.style.cssText = style;
        if (/url\(|image|@import|\\/i.test(element.style.cssText)) element.removeAttribute('style');
      }
    }
    screen.setAttribute('data-ab-screen', '');
    screen.setAttribute('aria-busy', 'true');
    screen.removeAttribute('tabindex');
    screen.inert = true;
    container.prepend(screen);
    return true;
  } catch {
    return false;
  }
}

/**
 * What shows in the board's place while it starts when no last screen can (a first visit, a
 * board from a snapshot, one asked for read-only or filtered): a line saying it is opening,
 * under the same moving bar, coming after a moment so that a quick start shows nothing.
 * The board takes its place as it starts (mount::mount_with).
 */
function showOpening(container, theme) {
  const opening = document.createElement('div');
  opening.className = 'ab-opening';
  opening.setAttribute('data-ab-opening', '');
  if (themeAsked(theme)) opening.setAttribute('data-theme', themeAsked(theme));
  // A live region given its words once there: said when it shows, and not for a board that
  // took its place first.
  const words = document.createElement('p');
  words.setAttribute('role', 'status');
  opening.append(words);
  container.prepend(opening);
  setTimeout(() => {
    if (opening.isConnected) words.textContent = 'Opening the board…';
  }, 500);
}

// The standalone page: its board is named by the address (?key=, ?view=, ?theme=,
// ?readonly, the filters ?team= and the others), as the board reads it. In the element's module there is no current script.
if (document.currentScript) {
  const app = document.querySelector('#app[data-alignment-board]');
  const params = new URLSearchParams(location.search);
  if (app && !location.hash.startsWith('#board=')) {
    const shown = showScreen(app, params.get('key') ?? 'alignment-board', {
      view: params.get('view') ?? undefined,
      theme: params.get('theme') ?? undefined,
      readOnly: params.has('readonly'),
      filtered: ['team', 'owner', 'status', 'attention', 'earlier'].some((name) => params.has(name)),
      place: 'page',
    });
    if (!shown) showOpening(app, params.get('theme'));
    // A board that cannot start (its script or module not loaded, refused by the page's
    // policy, an error as it starts) would leave the screen opening for ever: it goes, and
    // the page says so. Once the board has taken its place, these do nothing.
    const failed = () => {
      const screen = app.querySelector(':scope > [data-ab-screen], :scope > [data-ab-opening]');
      if (!screen) return;
      const note = document.createElement('p');
      note.className = 'ab-screen-failed';
      note.setAttribute('role', 'alert');
      note.textContent = 'The board could not be started. Reload the page to try again.';
      screen.replaceWith(note);
    };
    window.addEventListener('error', failed, true);
    window.addEventListener('unhandledrejection', failed);
  }
}
