// Compression over real HTTP (node:http, which neither asks for nor decodes a coding by itself): the build's
// precompressed copies chosen by Accept-Encoding with Vary, JSON answers compressed on the fly, and the
// inventory's NDJSON stream flushed per batch, so that its first line can be read before the fan-out ends.
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, createBrotliDecompress, createGunzip, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressedBody, negotiateContentCoding } from './compression.ts';
import { precompressDirectory } from './precompress-plugin.ts';
import { startServer } from './start-server.ts';
import { closedAfterEachTest } from '../test-support/node/proxy-under-test.ts';

const { track, proxyAndSandbox } = closedAfterEachTest();

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

function decode(answer: RawAnswer): string {
  const coding = answer.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(answer.body).toString('utf8');
  if (coding === 'gzip') return gunzipSync(answer.body).toString('utf8');
  return answer.body.toString('utf8');
}

describe('negotiateContentCoding', () => {
  it('prefers brotli, then gzip, honours q-values and refusals', () => {
    expect(negotiateContentCoding('gzip, deflate, br')).toBe('br');
    expect(negotiateContentCoding('gzip')).toBe('gzip');
    expect(negotiateContentCoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateContentCoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateContentCoding('*')).toBe('br');
    expect(negotiateContentCoding('identity')).toBeNull();
    expect(negotiateContentCoding('gzip;q=0, br;q=0')).toBeNull();
    expect(negotiateContentCoding(undefined)).toBeNull();
  });
});

describe('compressedBody', () => {
  it('compresses a chunk far bigger than the compressor buffer without stalling', async () => {
    const text = Array.from(
      { length: 20_000 },
      (_, index) => `{"line":${index},"name":"client ${index}"}\n`,
    ).join('');
    const source = new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    });
    const compressed = Buffer.from(await new Response(compressedBody(source, 'gzip')).arrayBuffer());
    expect(gunzipSync(compressed).toString('utf8')).toBe(text);
  });

  it('stops quietly when the reader goes away while a chunk is being compressed', async () => {
    let cancelled = false;
    let pushed = 0;
    const source = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        pushed += 1;
        controller.enqueue(
          new TextEncoder().encode(`${JSON.stringify({ line: pushed, pad: 'x'.repeat(2000) })}\n`),
        );
      },
      cancel: () => {
        cancelled = true;
      },
    });
    const reader = compressedBody(source, 'br').getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel();
    // Chunks the source was already compressing land after the cancel: no "Unable to enqueue" crash.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cancelled).toBe(true);
  });
});

describe('static assets', () => {
  let staticDir = '';
  const script = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, index) => ({ index, name: `client ${index}` })))};\n`;
  const html = `<!doctype html><title>Client Inventory</title><div id="root"></div>${'<!-- padding -->'.repeat(100)}`;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'idc-compressed-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), html);
    writeFileSync(join(staticDir, 'assets', 'index-3f9a1c.js'), script);
    writeFileSync(join(staticDir, 'assets', 'tiny-9c1b2d.js'), 'export {};\n');
    await precompressDirectory(staticDir);
  });
  afterAll(() => {
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('writes a brotli and a gzip copy beside each text file worth compressing, never for tiny ones', () => {
    expect(readdirSync(join(staticDir, 'assets')).sort()).toEqual([
      'index-3f9a1c.js',
      'index-3f9a1c.js.br',
      'index-3f9a1c.js.gz',
      'tiny-9c1b2d.js',
    ]);
  });

  it('serves the copy the browser accepts, smaller, with Vary: Accept-Encoding and the usual caching', async () => {
    const server = await startServer({ staticDir, proxy: { log: () => undefined } });
    track(() => server.close());
    const url = `${server.url}assets/index-3f9a1c.js`;

    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toMatch(/immutable/);
    expect(Number(br.headers['content-length'])).toBe(br.body.byteLength);
    expect(br.body.byteLength).toBeLessThan(script.length / 3);
    expect(decode(br)).toBe(script);

    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    expect(decode(gzip)).toBe(script);

    const plain = await get(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body.toString('utf8')).toBe(script);

    // A page of the app (the SPA fallback) is index.html's copy, still revalidated every time.
    const page = await get(`${server.url}clients`, { accept: 'text/html', 'accept-encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.vary).toMatch(/accept-encoding/i);
    expect(decode(page)).toBe(html);
  });
});

describe('API answers', () => {
  it('compresses JSON on the fly by Accept-Encoding, and leaves it plain for a client that asks for none', async () => {
    const proxy = await proxyAndSandbox({ sandbox: { latencyMs: 0 }, useSandboxAsDefault: true });
    const url = `${proxy.origin}/api/config/clients`;
    const plain = await get(url, {});
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);

    for (const coding of ['br', 'gzip'] as const) {
      const compressed = await get(url, { 'accept-encoding': coding });
      expect(compressed.status).toBe(200);
      expect(compressed.headers['content-encoding']).toBe(coding);
      expect(compressed.headers.vary).toMatch(/accept-encoding/i);
      expect(compressed.headers['content-length']).toBeUndefined();
      expect(compressed.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
      expect(JSON.parse(decode(compressed))).toEqual(JSON.parse(plain.body.toString('utf8')));
    }
  });

  for (const coding of ['br', 'gzip'] as const) {
    it(`streams the inventory in ${coding} with its first line readable before the fan-out ends`, async () => {
      // Slow details (two at a time, 150 ms each): the fan-out takes about 1.5 s, in rounds far apart.
      const proxy = await proxyAndSandbox({
        sandbox: { clients: 20, latencyMs: 150 },
        proxy: { maxConcurrency: 2 },
        useSandboxAsDefault: true,
      });
      const decoded = await new Promise<{ firstRead: string; all: string }>((resolve, reject) => {
        request(`${proxy.origin}/api/inventory`, { headers: { 'accept-encoding': coding } }, (response) => {
          expect(response.headers['content-encoding']).toBe(coding);
          const decoder = coding === 'br' ? createBrotliDecompress() : createGunzip();
          let all = '';
          let firstRead: string | null = null;
          decoder.on('data', (chunk: Buffer) => {
            all += chunk.toString('utf8');
            // What had been decoded when the first complete line was in.
            if (firstRead === null && all.includes('\n')) firstRead = all;
          });
          decoder.on('end', () => resolve({ firstRead: firstRead ?? '', all }));
          decoder.on('error', reject);
          response.pipe(decoder);
        })
          .on('error', reject)
          .end();
      });
      const lines = decoded.all
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { kind: string });
      expect(lines[0]?.kind).toBe('list');
      expect(lines.at(-1)?.kind).toBe('done');
      expect(lines.filter((line) => line.kind === 'client')).toHaveLength(20);
      // The list line came out at once, a round trip or more before most details, not held in the compressor's
      // window until the end (a busy machine may read a round's lines together with it, never the done line).
      const firstLines = decoded.firstRead.split('\n').filter(Boolean);
      expect(JSON.parse(firstLines[0] ?? '{}')).toMatchObject({ kind: 'list' });
      expect(decoded.firstRead).not.toContain('"kind":"done"');
      expect(firstLines.length).toBeLessThanOrEqual(5);
    });
  }
});
