/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** 32-bit string hash (xmur3 finaliser): turns a seed string into a PRNG state. */
export function hashString(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: tiny, fast and good enough for simulated numbers (not for secrets). */
export function mulberry32(state: number): Random {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A PRNG seeded from several parts; the separator keeps `('ab','c')` and `('a','bc')` apart. */
export function seeded(...parts: string[]): Random {
  return mulberry32(hashString(parts.join('\u0000')));
}

/** Uniform number in [min, max). */
export function between(rand: Random, min: number, max: number): number {
  return min + (max - min) * rand();
}

/** Log-uniform number in [min, max): popularity spans orders of magnitude. */
export function logBetween(rand: Random, min: number, max: number): number {
  return Math.exp(between(rand, Math.log(min), Math.log(max)));
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `length` lowercase alphanumerics. */
export function randomToken(rand: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return out;
}
