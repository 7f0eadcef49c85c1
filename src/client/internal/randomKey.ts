/**
 * A random idempotency key. `crypto.randomUUID` exists only in secure contexts (https, localhost);
 * `getRandomValues` works everywhere the client runs.
 */
export function randomKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
