// Compression of what the server makes on the fly (API answers, the inventory's NDJSON stream, a file without a
// precompressed copy): brotli or gzip as the browser accepts, flushed after every chunk the route writes, so that
// a streamed line is not held in the compressor's window until more text arrives. Static assets are compressed at
// build time instead (see static-app.ts); a response that already has a Content-Encoding is left alone.
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export type ContentCoding = 'br' | 'gzip';

const compressibleType =
  /^\s*(?:text\/|application\/(?:json|x-ndjson|problem\+json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;

/** Below this a compressed body is hardly smaller, and costs a compressor. */
const minimumBytes = 1024;

/**
 * The coding to answer with for an `Accept-Encoding` header: brotli before gzip, honouring q-values (`q=0` refuses),
 * or null for the identity.
 */
export function negotiateContentCoding(acceptEncoding: string | undefined): ContentCoding | null {
  if (acceptEncoding === undefined) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.trim().split(';');
    const quality = parameters
      .map((parameter) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(parameter)?.[1])
      .find((value) => value !== undefined);
    const weight = quality === undefined ? 1 : Number(quality);
    weights.set(name.trim().toLowerCase(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: ContentCoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const)
    .filter((coding) => weightOf(coding) > 0)
    .sort((a, b) => weightOf(b) - weightOf(a));
  return best[0] ?? null;
}

/** Whether a response of this type is worth compressing (text, JSON, NDJSON, SVG). */
export function isCompressibleType(contentType: string | null | undefined): boolean {
  return contentType !== null && contentType !== undefined && compressibleType.test(contentType);
}

function createCompressor(coding: ContentCoding): BrotliCompress | Gzip {
  if (coding === 'br') {
    // Quality 5: most of brotli's gain at a fraction of its top setting's CPU, for text made per request.
    return createBrotliCompress({
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
  }
  return createGzip({ level: 6 });
}

/**
 * A body compressed chunk by chunk: each chunk read from `body` is compressed and flushed before the next is
 * read, so that what the route wrote reaches the browser at once (a sync flush costs a few bytes per chunk).
 */
export function compressedBody(
  body: ReadableStream<Uint8Array>,
  coding: ContentCoding,
): ReadableStream<Uint8Array> {
  const compressor = createCompressor(coding);
  const flushKind = coding === 'br' ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH;
  let readerGone = false;
  let output: TransformStreamDefaultController<Uint8Array> | null = null;
  // Read as soon as the compressor has output (paused mode, 'readable'): a big chunk's output exceeds the
  // compressor's buffer, and the compressor stops until it is read, so waiting for the flush to read would stall.
  const drain = () => {
    for (let data: unknown = compressor.read(); data instanceof Buffer; data = compressor.read()) {
      if (readerGone || output === null) continue;
      try {
        output.enqueue(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      } catch {
        // The browser went away (left the page) while a chunk was being compressed: nothing more to send.
        readerGone = true;
        compressor.destroy();
      }
    }
  };
  compressor.on('readable', drain);
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start: (controller) => {
        output = controller;
        compressor.on('error', (error) => {
          if (readerGone) return;
          try {
            controller.error(error);
          } catch {
            // Already closed or cancelled.
          }
        });
      },
      transform: (chunk) =>
        new Promise<void>((resolve) => {
          compressor.write(chunk);
          compressor.flush(flushKind, () => {
            drain();
            resolve();
          });
        }),
      flush: () =>
        new Promise<void>((resolve) => {
          compressor.once('end', () => {
            drain();
            resolve();
          });
          compressor.end();
        }),
    }),
  );
}

/** Hono middleware: compresses compressible responses the browser accepts compressed; says `Vary: Accept-Encoding`. */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const response = c.res;
    if (!isCompressibleType(response.headers.get('content-type'))) return;
    if (!/\baccept-encoding\b/i.test(response.headers.get('vary') ?? '')) {
      response.headers.append('vary', 'Accept-Encoding');
    }
    if (response.headers.has('content-encoding') || response.body === null || c.req.method === 'HEAD') return;
    if (/\bno-transform\b/i.test(response.headers.get('cache-control') ?? '')) return;
    const length = response.headers.get('content-length');
    if (length !== null && Number(length) < minimumBytes) return;
    const coding = negotiateContentCoding(c.req.header('accept-encoding'));
    if (coding === null) return;
    c.res = new Response(compressedBody(response.body, coding), response);
    c.res.headers.delete('content-length');
    c.res.headers.set('content-encoding', coding);
  };
}
