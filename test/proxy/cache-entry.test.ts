import { describe, expect, it } from 'vitest';
import { apiDateNow, parseStoredEntry } from '../../src/proxy/internal/cacheEntry';

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

describe('the API clock of a cached entry', () => {
  it('moves with the time the entry spent here, second by second, for every entry alike', () => {
    const api = Date.parse('2026-01-01T00:00:00Z');
    const one = { status: 200 as const, body: '', etag: '"e"', expiresAt: 0, date: { api, received: 1_000 } };
    const other = { ...one, date: { api: api + 7_000, received: 1_000 } };
    expect(apiDateNow(one, 1_000)).toBe('Thu, 01 Jan 2026 00:00:00 GMT');
    expect(apiDateNow(one, 1_999)).toBe('Thu, 01 Jan 2026 00:00:00 GMT');
    expect(apiDateNow(other, 1_999)).toBe('Thu, 01 Jan 2026 00:00:07 GMT');
    expect(apiDateNow(one, 2_000)).toBe('Thu, 01 Jan 2026 00:00:01 GMT');
    const { date: _none, ...undated } = one;
    expect(apiDateNow(undated, 2_000)).toBeNull();
  });
});
