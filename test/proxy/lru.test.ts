import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/proxy/internal/lru';

const keys = (lru: Lru<number>, names: string[], now = 0) =>
  names.filter((k) => lru.get(k, now) !== undefined);

describe('the bounded map behind the memory store and the token cache', () => {
  it('forgets the least recently used first, a read counting as a use', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1, 100);
    lru.set('b', 2, 100);
    lru.get('a', 0);
    lru.set('c', 3, 100);
    expect(keys(lru, ['a', 'b', 'c'])).toEqual(['a', 'c']);
  });

  it('reading the newest entry again and again keeps the order exact', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1, 100);
    lru.set('b', 2, 100);
    for (let n = 0; n < 5; n++) lru.get('b', 0);
    lru.get('a', 0);
    lru.set('c', 3, 100);
    // a was read after b: b is the least recently used
    expect(keys(lru, ['a', 'b', 'c'])).toEqual(['a', 'c']);
  });

  it('drops an entry once it expires', () => {
    const lru = new Lru<number>(3);
    lru.set('a', 1, 50);
    expect(lru.get('a', 49)).toBe(1);
    expect(lru.get('a', 50)).toBeUndefined();
    expect(lru.size).toBe(0);
  });
});
