// Trunk's post-build hook (Trunk.toml). Trunk starts the hooks of a stage all at once, so
// the steps that depend on each other run here, one after the other: first the loader of
// the board's last screen is put beside the page (screen-script.mjs), then the glue is
// finished (its snippets written in, minified) and the standalone page's inline script
// moved into a file, then the embedding scripts and the single file are made of the glue,
// and last every file served gets its compressed copies.
await import('./screen-script.mjs');
await import('./minify-glue.mjs');
await import('./external-loader.mjs');
await import('./embed.mjs');
await import('./single-file.mjs');
await import('./precompress.mjs');
