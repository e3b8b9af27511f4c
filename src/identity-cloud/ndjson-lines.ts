/**
 * Yields each line of an NDJSON body as soon as it is complete. Blank lines are skipped; a last line without a
 * trailing newline is still yielded.
 */
export async function* readNdjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  // One decoder across chunks: a multi-byte character split between two chunks is decoded whole.
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline !== -1) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line !== '') yield line;
        newline = buffered.indexOf('\n');
      }
    }
    buffered += decoder.decode();
    const last = buffered.trim();
    if (last !== '') yield last;
  } finally {
    reader.releaseLock();
  }
}
