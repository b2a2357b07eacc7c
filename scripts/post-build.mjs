// Trunk's post-build hook (Trunk.toml). Trunk starts the hooks of a stage all at once, so
// the steps that depend on each other run here, one after the other: first the glue and
// the wasm are shrunk, then the single file is made of them.
await import('./minify-glue.mjs');
await import('./single-file.mjs');
