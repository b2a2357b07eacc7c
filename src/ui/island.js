// Loads the views module once, and renders islands with it (src/ui/island.rs). The views
// module's glue lies beside this board's glue; the release build writes its name below.
// A page that carries the module itself (the single-file build) sets
// globalThis.alignmentBoardViews to a function that returns it, started.
const VIEWS = './alignment-board-views.js';

let views;
let loading;
let failures = 0;

export function loadViews() {
  loading ??= (async () => {
    const own = globalThis.alignmentBoardViews;
    if (typeof own === 'function') {
      views = await own();
    } else {
      // A module that failed to load stays failed under its address: ask again under another.
      const url = new URL(VIEWS, import.meta.url);
      if (failures > 0) url.search = `?attempt=${failures}`;
      const module = await import(url.href);
      await module.default();
      views = module;
    }
  })();
  // A failed load can be tried again.
  loading.catch(() => {
    loading = undefined;
    failures += 1;
  });
  return loading;
}

export function renderIsland(element, part, arg, board, readOnly, turn, host) {
  views.render(element, part, arg, board, readOnly, turn, host);
}

export function unmountIsland(element) {
  views?.unmount(element);
}
