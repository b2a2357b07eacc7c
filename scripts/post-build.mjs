// Trunk's post-build hook (Trunk.toml). Trunk starts the hooks of a stage all at once, so
// the steps that depend on each other run here, one after the other: first the glue is
// finished (its snippets written in, minified), then the embedding scripts and the single
// file are made of it.
await import('./minify-glue.mjs');
await import('./embed.mjs');
await import('./single-file.mjs');
