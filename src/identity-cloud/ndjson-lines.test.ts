import { describe, expect, it } from 'vitest';
import { readNdjsonLines } from './ndjson-lines.ts';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readNdjsonLines(streamOf(chunks))) lines.push(line);
  return lines;
}

describe('readNdjsonLines', () => {
  it('reassembles lines split across chunks and skips blank ones', async () => {
    expect(await collect(['{"a":', '1}\n\n{"b"', ':2}\n{"c":3}'])).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('keeps multi-byte characters split between chunks intact', async () => {
    const bytes = new TextEncoder().encode('{"name":"Zoë"}\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 12));
        controller.enqueue(bytes.slice(12));
        controller.close();
      },
    });
    const lines: string[] = [];
    for await (const line of readNdjsonLines(stream)) lines.push(line);
    expect(lines).toEqual(['{"name":"Zoë"}']);
  });
});
