// Share links, for src/ui/share.rs: the board's snapshot compressed by the browser (raw
// deflate) and written base64url after #board= in a link to the board's frame page.
export async function shareLink(page, text) {
  const compressed = new Response(text).body.pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(compressed).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `${page}#board=${btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`;
}
