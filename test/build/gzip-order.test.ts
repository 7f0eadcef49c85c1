import { randomBytes } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { orderForGzip } from '../../scripts/gzip-order.js';

/** Runs an IIFE script and returns what it logged, in order. */
function run(code: string): string[] {
  const log: string[] = [];
  runInNewContext(code, { log: (line: string) => log.push(line) });
  return log;
}

// two look-alike functions kept apart by 40 KB of incompressible text (beyond gzip's 32 KB
// window), and statements whose order matters
const noise = randomBytes(30_000).toString('base64');
const similar = (name: string) =>
  `function ${name}(n){let total=0;for(let i=0;i<n;i++){total+=i*i%7;if(total>1000)total-=1000}return "${name}:"+total+" lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor"}`;
const script = [
  '(function(){',
  'var state=[];',
  similar('alpha'),
  `function noise(){return "${noise}".length}`,
  'state.push("first");',
  'log(alpha(10));',
  'var later=noise();',
  similar('beta'),
  'log(beta(20)+" "+later+" "+state.join(","));',
  'function css(){return "a{}"}',
  '})();',
].join('');

describe('orderForGzip (the embed build’s last step)', () => {
  it('makes the script smaller and leaves what it does unchanged', () => {
    const result = orderForGzip(script);
    expect(result.moves).toBeGreaterThan(0);
    expect(result.after).toBeLessThan(result.before);
    expect(run(result.code)).toEqual(run(script));
  });

  it('keeps every other statement in its order and the last function last', () => {
    const { code } = orderForGzip(script);
    const at = (text: string) => code.indexOf(text);
    expect(at('var state=[]')).toBeLessThan(at('state.push("first")'));
    expect(at('state.push("first")')).toBeLessThan(at('log(alpha(10))'));
    expect(at('log(alpha(10))')).toBeLessThan(at('var later=noise()'));
    expect(at('var later=noise()')).toBeLessThan(at('log(beta(20)'));
    expect(code.endsWith('function css(){return "a{}"}})();')).toBe(true);
  });

  it('returns the script unchanged when no order is smaller', () => {
    const tiny = '(function(){function a(){return 1}log(String(a()))})();';
    expect(orderForGzip(tiny)).toEqual({
      code: tiny,
      before: expect.any(Number),
      after: expect.any(Number),
      moves: 0,
    });
  });

  it('refuses scripts where moving a declaration could change what runs', () => {
    expect(() => orderForGzip('(function(){let a=1;function b(){return a}log(b())})();')).toThrow(/let/);
    expect(() => orderForGzip('(function(){function a(){}function a(){}})();')).toThrow(
      /two function declarations/,
    );
    expect(() => orderForGzip('function a(){}a();')).toThrow(/IIFE/);
  });
});
