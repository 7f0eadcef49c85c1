/** Headers as a record, or as `[name, value]` pairs. */
export type HeaderInit = Readonly<Record<string, string>> | Iterable<readonly [string, string]>;

/**
 * The headers of a {@link ProxyResponse}: names kept lower-case (as a Web `Headers` gives them),
 * `append` joining values with `, ` (as `Headers.append` does for every header the proxy sets).
 */
export class ResponseHeaders {
  readonly #values = new Map<string, string>();

  constructor(init?: HeaderInit) {
    if (init === undefined) return;
    const pairs =
      Symbol.iterator in init ? (init as Iterable<readonly [string, string]>) : Object.entries(init);
    for (const [name, value] of pairs) this.set(name, value);
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.#values.set(name.toLowerCase(), value);
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const current = this.#values.get(key);
    this.#values.set(key, current === undefined ? value : `${current}, ${value}`);
  }

  delete(name: string): void {
    this.#values.delete(name.toLowerCase());
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of this.#values) callback(value, name);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#values.entries();
  }

  /** A plain record (lower-case names), for `res.writeHead`. */
  toRecord(): Record<string, string> {
    return Object.fromEntries(this.#values);
  }
}

/**
 * An answer on its way out of the proxy: status, headers and the JSON text (or no body). Every
 * answer the proxy makes is buffered text; a Web `Response` wraps its body in a stream that the
 * Node adapter then had to read back (a tenth of a cached GET's time), so the stages pass this
 * and each adapter turns it into what it sends: {@link ProxyResponse.toResponse} for the Web
 * handler, the text itself for Node.
 */
export class ProxyResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  /** The body as text, or `null` for none (204, 304, a preflight). */
  readonly body: string | null;

  constructor(body: string | null, init: { status: number; headers?: HeaderInit | ResponseHeaders }) {
    this.status = init.status;
    this.body = body;
    // copied: a stage rebuilding an answer from another's headers must not change the other
    this.headers = new ResponseHeaders(init.headers);
  }

  /** The body text (`''` without one), like `Response.text()`. */
  text(): string {
    return this.body ?? '';
  }

  /** The same answer as a Web `Response`. */
  toResponse(): Response {
    return new Response(this.body, { status: this.status, headers: [...this.headers] });
  }
}
