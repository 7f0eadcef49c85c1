import { describe, expect, it } from 'vitest';
import { parseStoredEntry } from '../../src/proxy/internal/cacheEntry';

const entry = (body: string, expiresAt = 1_000) =>
  JSON.stringify({ status: 200, body, etag: '"e"', expiresAt });

describe('stored cache entries, parsed once per text', () => {
  it('gives each text its own entry, the same one again for the same text, frozen', () => {
    const first = parseStoredEntry(entry('{"id":"a"}'));
    const again = parseStoredEntry(entry('{"id":"a"}'));
    const changed = parseStoredEntry(entry('{"id":"a","views":2}'));
    expect(again).toBe(first);
    expect(first?.body).toBe('{"id":"a"}');
    expect(changed?.body).toBe('{"id":"a","views":2}');
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('a corrupt or absent entry stays a miss', () => {
    expect(parseStoredEntry('{not json')).toBeNull();
    expect(parseStoredEntry('{not json')).toBeNull();
    expect(parseStoredEntry(undefined)).toBeNull();
  });

  it('keeps answering right past its bound (it forgets, never mixes entries up)', () => {
    for (let n = 0; n < 600; n++) expect(parseStoredEntry(entry(`{"n":${n}}`, n))?.expiresAt).toBe(n);
    expect(parseStoredEntry(entry('{"n":3}', 3))?.body).toBe('{"n":3}');
    const large = 'x'.repeat(2_000_000);
    expect(parseStoredEntry(entry(large))?.body.length).toBe(2_000_000);
  });
});
