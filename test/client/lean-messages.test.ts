import { describe, expect, it } from 'vitest';
import * as full from '../../src/client/internal/messages.js';
import * as lean from '../../src/embed/lean/messages.js';

// the embed swaps the client's messages module for a lean one (vite.embed.config.ts): the same
// functions with the same signatures (checked by the assignment), each naming what went wrong
const sameShape: typeof full = lean;

describe('the embed’s lean client messages', () => {
  it('offers every function of the full module', () => {
    expect(Object.keys(lean).sort()).toEqual(Object.keys(full).sort());
    expect(Object.keys(sameShape).sort()).toEqual(Object.keys(full).sort());
  });

  it('still says which error it is', () => {
    const facts = { said: 'nope', apiCode: undefined, balance: 1, retryInMs: 5000 } as const;
    expect(lean.httpMessage({ ...facts, code: 'not_found', status: 404 })).toBe('not_found (404)');
    expect(lean.httpMessage({ ...facts, code: 'server', status: 503 })).toBe('server (503)');
    expect(lean.timeoutMessage(1500)).toContain('timeout');
    expect(lean.unreadableMessage('body.videos is not an array')).toContain('body.videos is not an array');
    expect(full.timeoutMessage(1500)).toBe('The ContentStats API did not answer within 1.5 s. Try again.');
    expect(full.insufficientBalanceMessage(1, 2.52)).toMatch(
      /^Insufficient balance: \$1\.00 left, \$2\.52 needed\. /,
    );
    expect(full.timeoutMessage(250)).toBe('The ContentStats API did not answer within 250 ms. Try again.');
  });
});
