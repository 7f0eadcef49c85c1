import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mintToken, TokenError, verifyToken } from '../../src/proxy/index';
import { TOKEN_AUDIENCE } from '../../src/proxy/tokens';
import { bearer, type Harness, SECRET, startHarness } from './harness';
import { expectNoLeaks } from './leaks';

const secretBytes = new TextEncoder().encode(SECRET);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token signed with the right secret but claims of our choosing (what a buggy minter could produce). */
async function craft(
  claims: Record<string, unknown>,
  lifetime = 600,
  iatOffset = 0,
  key: Uint8Array = secretBytes,
) {
  const iat = Math.floor(Date.now() / 1000) + iatOffset;
  return new SignJWT({ scope: ['read'], ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetime)
    .setJti('test-jti')
    .sign(key);
}

async function refusal(token: string): Promise<TokenError> {
  try {
    await verifyToken(token, SECRET);
  } catch (error) {
    if (error instanceof TokenError) return error;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('mintToken', () => {
  afterEach(() => vi.useRealTimers());

  it('mints an HS256 JWT living 10 minutes by default, in the shape the client reads', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-01T12:00:00Z'));
    const minted = await mintToken({ scope: 'read' }, SECRET);
    expect(minted.expires_at).toBe('2025-01-01T12:10:00.000Z');
    const [header, payload] = minted.token
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ scope: ['read'], aud: TOKEN_AUDIENCE, iat: 1735732800, exp: 1735733400 });
    expect(payload.jti).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a lifetime above 24 hours, or not positive', async () => {
    await expect(mintToken({ scope: 'read', ttlSeconds: 86_401 }, SECRET)).rejects.toThrow(RangeError);
    await expect(mintToken({ scope: 'read', ttlSeconds: 86_401 }, SECRET)).rejects.toThrow(/24 h/);
    await expect(mintToken({ scope: 'read', ttlSeconds: 0 }, SECRET)).rejects.toThrow(RangeError);
    await expect(mintToken({ scope: 'read', ttlSeconds: 86_400 }, SECRET)).resolves.toHaveProperty('token');
  });

  it('refuses unknown scopes, bad video ids, bad origins and short secrets', async () => {
    // @ts-expect-error: 'admin' is not a scope
    await expect(mintToken({ scope: ['admin'] }, SECRET)).rejects.toThrow(/unknown scope "admin"/);
    await expect(mintToken({ scope: [] }, SECRET)).rejects.toThrow(/at least one scope/);
    await expect(mintToken({ scope: 'read', videoIds: ['../x'] }, SECRET)).rejects.toThrow(
      /not a valid video id/,
    );
    await expect(mintToken({ scope: 'read', origin: 'javascript:x' }, SECRET)).rejects.toThrow(/origin/);
    await expect(mintToken({ scope: 'read' }, 'short')).rejects.toThrow(/at least 32 bytes/);
  });

  it('round-trips through verifyToken with video ids, origin and subject', async () => {
    const { token } = await mintToken(
      {
        scope: ['read', 'track'],
        videoIds: ['abc', 'def'],
        origin: 'https://shop.example/page',
        subject: 'user-7',
      },
      SECRET,
    );
    await expect(verifyToken(token, SECRET)).resolves.toMatchObject({
      scope: ['read', 'track'],
      videoIds: ['abc', 'def'],
      origin: 'https://shop.example',
      subject: 'user-7',
    });
  });
});

describe('verifyToken refuses', () => {
  afterEach(() => vi.useRealTimers());

  it('an expired token, but tolerates 30 s of clock skew', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { token } = await mintToken({ scope: 'read', ttlSeconds: 60 }, SECRET);
    vi.advanceTimersByTime(85_000);
    await expect(verifyToken(token, SECRET)).resolves.toHaveProperty('scope');
    vi.advanceTimersByTime(10_000);
    expect(await refusal(token)).toMatchObject({
      code: 'token_expired',
      message: expect.stringMatching(/expired/),
    });
  });

  it('a tampered payload (scope widened, signature kept)', async () => {
    const { token } = await mintToken({ scope: 'read' }, SECRET);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${b64({ ...claims, scope: ['read', 'track'] })}.${signature}`;
    expect(await refusal(forged)).toMatchObject({ code: 'token_bad_signature' });
  });

  it('a token signed with another secret', async () => {
    const { token } = await mintToken({ scope: 'read' }, 'another-secret-that-is-32-bytes-long!!');
    expect((await refusal(token)).code).toBe('token_bad_signature');
  });

  it('alg: none', async () => {
    const { token } = await mintToken({ scope: 'read' }, SECRET);
    const payload = token.split('.')[1];
    expect((await refusal(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`)).code).toBe(
      'token_bad_algorithm',
    );
  });

  it('an RS256 token, and an HS256 token keyed with the RSA public key (algorithm confusion)', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const iat = Math.floor(Date.now() / 1000);
    const claims = { scope: ['read', 'track'], aud: TOKEN_AUDIENCE, jti: 'x', iat, exp: iat + 600 };
    const rs = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(privateKey);
    expect((await refusal(rs)).code).toBe('token_bad_algorithm');
    const pem = new TextEncoder().encode(await exportSPKI(publicKey));
    const confused = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(pem);
    expect((await refusal(confused)).code).toBe('token_bad_signature');
  });

  it.each([
    ['a lifetime above 24 hours', { scope: ['read'] }, 86_401 + 60],
    ['an unknown scope', { scope: ['admin'] }, 600],
    ['a scope string instead of an array', { scope: 'read' }, 600],
    ['a video id with a slash', { vid: ['a/b'] }, 600],
    ['an origin that is not one', { origin: 'not a url' }, 600],
  ])('%s', async (_name, claims, lifetime) => {
    expect((await refusal(await craft(claims, lifetime))).code).toBe('token_invalid_claims');
  });

  it('a token issued in the future', async () => {
    expect((await refusal(await craft({}, 600, 3600))).code).toBe('token_invalid_claims');
  });

  it('a JWT minted for another audience with the same secret', async () => {
    const other = await new SignJWT({ scope: ['read'] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setAudience('billing')
      .setIssuedAt()
      .setExpirationTime('5m')
      .setJti('x')
      .sign(secretBytes);
    expect((await refusal(other)).code).toBe('token_invalid_claims');
  });

  it('garbage, without repeating it in the message', async () => {
    const error = await refusal('not.a.jwt-at-all');
    expect(error.code).toBe('token_malformed');
    expect(error.message).not.toContain('not.a.jwt');
  });
});

describe('the proxy checks tokens over HTTP and spends nothing on a refusal', () => {
  let h: Harness;
  let videoId: string;
  let otherVideoId: string;
  const sent: string[] = [];
  const use = (token: string) => {
    sent.push(token);
    return token;
  };

  beforeAll(async () => {
    h = await startHarness();
    videoId = await h.seedVideo(1);
    otherVideoId = await h.seedVideo(2);
  });
  beforeEach(() => h.upstream.reset());
  afterEach(() => vi.useRealTimers());
  afterAll(async () => {
    expectNoLeaks(h, sent);
    await h.close();
  });

  const track = (headers: Record<string, string>, n: number) =>
    h.proxy('POST', '/api/v1/videos/track', {
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ video_link: `https://www.tiktok.com/@t/video/${n}`, duration_days: 1 }),
    });

  it('401 missing_token without a token, with a Bearer challenge', async () => {
    const res = await h.proxy('GET', '/api/v1/videos');
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({
      code: 'missing_token',
      error: expect.stringContaining('Authorization: Bearer'),
    });
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="contentstats"/);
    expect(h.upstream.count()).toBe(0);
  });

  it('401 bad_authorization for another scheme', async () => {
    const res = await h.proxy('GET', '/api/v1/videos', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('bad_authorization');
    expect(h.upstream.count()).toBe(0);
  });

  it.each([
    ['tampered', 'token_bad_signature', 'signature is invalid'],
    ['alg none', 'token_bad_algorithm', 'HS256'],
    ['expired', 'token_expired', 'expired'],
    ['RS256', 'token_bad_algorithm', 'HS256'],
  ])('401 for a %s token, saying why without echoing it', async (kind, code, message) => {
    const { token: good } = await mintToken({ scope: ['read', 'track'] }, SECRET);
    const [header, payload, signature] = good.split('.') as [string, string, string];
    let token: string;
    if (kind === 'tampered') {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      token = `${header}.${b64({ ...claims, vid: undefined, scope: ['read', 'track', 'stop', 'usage'] })}.${signature}`;
    } else if (kind === 'alg none') {
      token = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    } else if (kind === 'expired') {
      token = await craft({ scope: ['read'] }, 60, -200);
    } else {
      const { privateKey } = await generateKeyPair('RS256');
      token = await new SignJWT(JSON.parse(Buffer.from(payload, 'base64url').toString()))
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
        .sign(privateKey);
    }
    use(token);
    const res = await h.proxy('GET', `/api/v1/videos/${videoId}`, { headers: bearer(token) });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ code, error: expect.stringContaining(message) });
    expect(res.text).not.toContain(token);
    expect(h.upstream.count()).toBe(0);
  });

  it('403 missing_scope: a read token cannot track, a track token cannot read', async () => {
    const read = use(await h.token({ scope: 'read' }));
    const res = await track(bearer(read), 1);
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      code: 'missing_scope',
      error: 'This access token does not allow "track" (it allows: read).',
    });
    const trackOnly = use(await h.token({ scope: 'track' }));
    const read2 = await h.proxy('GET', `/api/v1/videos/${videoId}`, { headers: bearer(trackOnly) });
    expect(read2.status).toBe(403);
    expect(read2.json.code).toBe('missing_scope');
    expect(h.upstream.count()).toBe(0);
  });

  it('403 video_not_allowed for a video outside the token, and lists only the allowed ones', async () => {
    const limited = use(await h.token({ scope: 'read', videoIds: [videoId] }));
    const res = await h.proxy('GET', `/api/v1/videos/${otherVideoId}`, { headers: bearer(limited) });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      code: 'video_not_allowed',
      error: `This access token does not allow video "${otherVideoId}".`,
    });
    expect(h.upstream.count()).toBe(0);

    const list = await h.proxy('GET', '/api/v1/videos', { headers: bearer(limited) });
    expect(list.status).toBe(200);
    expect((list.json.videos as { id: string }[]).map((v) => v.id)).toEqual([videoId]);
    const all = use(await h.token({ scope: 'read' }));
    const full = await h.proxy('GET', '/api/v1/videos', { headers: bearer(all) });
    expect((full.json.videos as { id: string }[]).map((v) => v.id).sort()).toEqual(
      [videoId, otherVideoId].sort(),
    );
  });

  it('a video-limited track token may still track (the new id cannot be known when minting)', async () => {
    const t = use(await h.token({ scope: 'track', videoIds: [videoId] }));
    expect((await track(bearer(t), 77)).status).toBe(201);
  });

  it('403 origin_mismatch for an origin-bound token used from another page, or from no page', async () => {
    const bound = use(await h.token({ scope: 'read', origin: 'https://shop.example' }));
    const path = `/api/v1/videos/${videoId}`;
    const other = await h.proxy('GET', path, { headers: bearer(bound, { Origin: 'https://evil.example' }) });
    expect(other.status).toBe(403);
    expect(other.json).toEqual({
      code: 'origin_mismatch',
      error: 'This access token was issued for another page origin.',
    });
    const none = await h.proxy('GET', path, { headers: bearer(bound) });
    expect(none.status).toBe(403);
    expect(h.upstream.count()).toBe(0);

    expect(
      (await h.proxy('GET', path, { headers: bearer(bound, { Origin: 'https://shop.example' }) })).status,
    ).toBe(200);
    // same-origin GETs carry no Origin; the Referer names the page
    const viaReferer = await h.proxy('GET', path, {
      headers: bearer(bound, { Referer: 'https://shop.example/p?q=1' }),
    });
    expect(viaReferer.status).toBe(200);
  });

  it('takes Sec-Fetch-Site: same-origin as the page origin when Referrer-Policy: no-referrer strips Origin and Referer (review #7)', async () => {
    const path = `/api/v1/videos/${videoId}`;
    const own = use(await h.token({ scope: 'read', origin: h.origin }));
    const sameOrigin = await h.proxy('GET', path, {
      headers: bearer(own, { 'Sec-Fetch-Site': 'same-origin' }),
    });
    expect(sameOrigin.status).toBe(200);
    // still refused: no proof at all, a cross-site fetch, or a token bound to a page on another host
    expect((await h.proxy('GET', path, { headers: bearer(own) })).json.code).toBe('origin_mismatch');
    const crossSite = await h.proxy('GET', path, {
      headers: bearer(own, { 'Sec-Fetch-Site': 'cross-site' }),
    });
    expect(crossSite.status).toBe(403);
    const elsewhere = use(await h.token({ scope: 'read', origin: 'https://shop.example' }));
    const foreign = await h.proxy('GET', path, {
      headers: bearer(elsewhere, { 'Sec-Fetch-Site': 'same-origin' }),
    });
    expect(foreign.status).toBe(403);
    expect(h.upstream.count(`GET ${path}`)).toBeLessThanOrEqual(1);
  });

  it('the token endpoint binds tokens to the asking page and answers { token, expires_at } uncached', async () => {
    const res = await h.send('POST', '/token', { headers: { Origin: 'https://shop.example' } });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { token, expires_at } = res.json as { token: string; expires_at: string };
    const verified = await verifyToken(token, SECRET);
    expect(verified.origin).toBe('https://shop.example');
    expect(Date.parse(expires_at) - Date.now()).toBeGreaterThan(590_000);
    expect((await h.send('GET', '/token')).status).toBe(404);
  });
});
