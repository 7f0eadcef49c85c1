import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as clientEntry from '../../src/client/index';
import * as shared from '../../src/shared/index';
import { base64UrlDecode, base64UrlEncode, isVideoId, VIDEO_ID_PATTERN } from '../../src/shared/index';

const sharedDir = fileURLToPath(new URL('../../src/shared/', import.meta.url));

describe('src/shared is a leaf', () => {
  // the proxy and the local API load it on the server: one import of client code would pull the client chunk in
  it('imports nothing outside src/shared', () => {
    const files = readdirSync(sharedDir).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('index.ts');
    for (const file of files) {
      const text = readFileSync(`${sharedDir}${file}`, 'utf8');
      const specifiers = [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'/g)].map(
        (m) => m[1] ?? m[2],
      );
      for (const specifier of specifiers)
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/[^/]+\.js$/);
    }
  });

  it('is where the client entry takes its rules from', () => {
    expect(clientEntry.VIDEO_ID_PATTERN).toBe(shared.VIDEO_ID_PATTERN);
    expect(clientEntry.parseVideoLink).toBe(shared.parseVideoLink);
    expect(clientEntry.durationProblem).toBe(shared.durationProblem);
    expect(clientEntry.estimateCost).toBe(shared.estimateCost);
  });
});

describe('video ids', () => {
  it.each(['cm5abc123', 'A-b_9', 'x'.repeat(64)])('accepts %s', (id) => {
    expect(isVideoId(id)).toBe(true);
    expect(VIDEO_ID_PATTERN.test(id)).toBe(true);
  });

  it.each(['', 'x'.repeat(65), '../usage', 'a/b', 'a%2Fb', 'é', 42, null])('refuses %j', (id) => {
    expect(isVideoId(id)).toBe(false);
  });
});

describe('base64url', () => {
  it('encodes without padding or +/ and decodes back', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0x00, 0x61]);
    const text = base64UrlEncode(bytes);
    expect(text).toBe('-_-_AGE');
    expect(base64UrlDecode(text)).toBe(String.fromCharCode(...bytes));
  });

  it('decodes a JWT payload part', () => {
    expect(JSON.parse(base64UrlDecode('eyJleHAiOjE3MDAwMDAwMDB9'))).toEqual({ exp: 1700000000 });
  });
});
