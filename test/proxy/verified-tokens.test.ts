import { afterEach, describe, expect, it, vi } from 'vitest';
import { mintToken, TokenError } from '../../src/proxy/index';
import { createVerifiedTokens } from '../../src/proxy/internal/verifiedTokens';

const SECRET = 'verified-tokens-test-secret-0123456789-abcdef';
const secretBytes = () => new TextEncoder().encode(SECRET);

/** Counts HMAC verifications (a token checked in full), whatever jose does around them. */
function countVerifications() {
  const spy = vi.spyOn(globalThis.crypto.subtle, 'verify');
  return () => spy.mock.calls.length;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TokenError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('verified tokens', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('checks a token in full once, then lets the same text in without a second signature check', async () => {
    const verify = createVerifiedTokens(secretBytes(), 30);
    const { token } = await mintToken({ scope: ['read'], subject: 'u1', videoIds: ['cm5abc123'] }, SECRET);
    const verifications = countVerifications();
    const first = await verify(token);
    const second = await verify(token);
    expect(verifications()).toBe(1);
    expect(second).toEqual(first);
    expect(second).toMatchObject({ scope: ['read'], subject: 'u1', videoIds: ['cm5abc123'] });
    // shared between requests: nobody can widen it for the next one
    expect(Object.isFrozen(second.scope) && Object.isFrozen(second.videoIds)).toBe(true);
  });

  it('refuses a remembered token once it expires (30 s tolerance included), like verifyToken', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
    const verify = createVerifiedTokens(secretBytes(), 30);
    const { token } = await mintToken({ scope: 'read', ttlSeconds: 60 }, SECRET);
    await verify(token);
    vi.setSystemTime(new Date('2025-03-01T10:01:29.999Z'));
    expect(await refusal(verify(token))).toBe('accepted');
    vi.setSystemTime(new Date('2025-03-01T10:01:30Z'));
    expect(await refusal(verify(token))).toBe('token_expired');
    // and it stays refused (never put back by a refusal)
    expect(await refusal(verify(token))).toBe('token_expired');
  });

  it('refuses a tampered copy of a remembered token: any other text is checked in full', async () => {
    const verify = createVerifiedTokens(secretBytes(), 30);
    const { token } = await mintToken({ scope: 'read', videoIds: ['cm5abc123'] }, SECRET);
    await verify(token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const widened = Buffer.from(
      JSON.stringify({ ...claims, vid: undefined, scope: ['read', 'stop'] }),
    ).toString('base64url');
    expect(await refusal(verify(`${header}.${widened}.${signature}`))).toBe('token_bad_signature');
    // the first character is all signature bits (the last one carries padding bits)
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await refusal(verify(`${header}.${payload}.${flipped}`))).toBe('token_bad_signature');
    // a token of another secret is refused though one of this secret with the same claims was let in
    const { token: foreign } = await mintToken({ scope: 'read' }, `${SECRET}-other`);
    expect(await refusal(verify(foreign))).toBe('token_bad_signature');
  });

  it('keeps at most its bound: past it, the least recently used token is checked in full again', async () => {
    const verify = createVerifiedTokens(secretBytes(), 30, 3);
    const tokens = await Promise.all(
      Array.from({ length: 5 }, (_, n) => mintToken({ scope: 'read', subject: `u${n}` }, SECRET)),
    );
    for (const { token } of tokens) await verify(token);
    const verifications = countVerifications();
    // the last three are remembered, the first two were let go
    for (const { token } of tokens.slice(2)) await verify(token);
    expect(verifications()).toBe(0);
    await verify(tokens[0]?.token as string);
    expect(verifications()).toBe(1);
  });

  it('checks again when the clock went back before the first check (iat and nbf are re-judged)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
    const { token } = await mintToken({ scope: 'read' }, SECRET);
    const verify = createVerifiedTokens(secretBytes(), 30);
    await verify(token);
    vi.setSystemTime(new Date('2025-03-01T09:59:00Z'));
    // issued a minute "in the future" now, past the 30 s tolerance
    expect(await refusal(verify(token))).toBe('token_invalid_claims');
  });

  it('keeps the secret it was given: changing the caller’s bytes afterwards changes nothing', async () => {
    const bytes = secretBytes();
    const verify = createVerifiedTokens(bytes, 30);
    bytes.fill(0);
    const { token } = await mintToken({ scope: 'read' }, SECRET);
    expect(await refusal(verify(token))).toBe('accepted');
  });
});
