// Share links, for src/ui/share.rs: the board's snapshot compressed by the browser (raw
// deflate) and written base64url after #board= in a link to the board's frame page.
export async function shareLink(page, text) {
  const compressed = new Response(text).body.pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(compressed).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `${page}#board=${btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`;
}

// The snapshot a share link's fragment (what follows #board=) carries, as text; throws when
// part of it is missing or changed. Unpacked with a limit: a crafted link of a few kilobytes
// could otherwise unpack to gigabytes, and boards larger than 10 MB are refused everywhere.
export async function openLink(fragment) {
  const base64 = fragment.replaceAll('-', '+').replaceAll('_', '/');
  const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  for (let size = 0, part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.length;
    if (size > 10 * 1024 * 1024) throw new Error('larger than a board can be');
    chunks.push(part.value);
  }
  return new Blob(chunks).text();
}
