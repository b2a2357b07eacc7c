// Trunk's post-build hook (Trunk.toml). Trunk starts the hooks of a stage all at once, so
// the steps that depend on each other run here, one after the other: first the views
// module is built beside the board, then the glue and the wasm of both are shrunk, then the
// embedding scripts and the single file are made of them.
await import('./views-module.mjs');
await import('./minify-glue.mjs');
await import('./embed.mjs');
await import('./single-file.mjs');
