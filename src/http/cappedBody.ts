import type { IncomingMessage } from 'node:http';

/** Reads a request body up to `maxBytes`; `null` when it is larger. */
export type BodyReader = (maxBytes: number) => Promise<Uint8Array | null>;

/** Collects chunks until they pass a limit. */
class CappedChunks {
  readonly #max: number;
  readonly #chunks: Uint8Array[] = [];
  #size = 0;

  constructor(maxBytes: number) {
    this.#max = maxBytes;
  }

  /** Keeps `chunk`; `false` once the total is past the limit (the chunk is then dropped). */
  add(chunk: Uint8Array): boolean {
    this.#size += chunk.byteLength;
    if (this.#size > this.#max) return false;
    this.#chunks.push(chunk);
    return true;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.#size);
    let offset = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out;
  }
}

/** `true` when a declared `Content-Length` already says the body is too large. */
function declaredTooLarge(contentLength: string | null | undefined, maxBytes: number): boolean {
  const declared = Number(contentLength ?? '');
  return Number.isFinite(declared) && declared > maxBytes;
}

/**
 * Reads a Web stream up to `maxBytes`; `null` as soon as it is larger (the rest is cancelled,
 * never buffered). For request bodies and upstream answers alike; runs in any runtime.
 */
export async function readCapped(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | null> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks = new CappedChunks(maxBytes);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks.bytes();
    if (!chunks.add(value)) {
      await reader.cancel().catch(() => {});
      return null;
    }
  }
}

/** A {@link BodyReader} over a Web `Request`: a declared length refuses at once, a streamed one past the limit. */
export function webBodyReader(request: Request): BodyReader {
  return (maxBytes) =>
    declaredTooLarge(request.headers.get('content-length'), maxBytes)
      ? Promise.resolve(null)
      : readCapped(request.body, maxBytes);
}

/**
 * Reads a Node request body up to `maxBytes`; `null` when the declared length or the bytes
 * that arrive are larger. Past the limit it stops listening and pauses the request instead of
 * destroying it, so the caller can still answer (a 413 with `Connection: close`, which ends
 * the upload); nothing more is buffered.
 */
export function readNodeBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array | null> {
  if (declaredTooLarge(req.headers['content-length'], maxBytes)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks = new CappedChunks(maxBytes);
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Uint8Array) => {
      if (chunks.add(chunk)) return;
      cleanup();
      req.pause();
      resolve(null);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.bytes());
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
