import { describe, expect, it } from 'vitest';
import { durationProblem, estimateCost, snapshotCount } from '../../src/client/cost';
import { countToNumber, isUnsafeCount, parseCount } from '../../src/metrics/counts';

describe('estimateCost', () => {
  it('charges $0.015 per hourly snapshot: 7 days is 168 snapshots, $2.52 as in the docs', () => {
    expect(snapshotCount(7)).toBe(168);
    expect(estimateCost(7)).toBe(2.52);
    expect(estimateCost(1)).toBe(0.36);
    expect(estimateCost(30)).toBe(10.8);
  });

  it('refuses durations the API refuses, saying why', () => {
    expect(() => estimateCost(0)).toThrow(/between 1 and 30/);
    expect(() => estimateCost(31)).toThrow(RangeError);
    expect(() => estimateCost(1.5)).toThrow(/whole number/);
    expect(durationProblem('7')).toMatch(/whole number/);
    expect(durationProblem(7)).toBeNull();
  });
});

describe('counts', () => {
  const big = '9007199254740993'; // 2^53 + 1: not representable as a double

  it('keeps counts above 2^53 exact as bigint', () => {
    expect(parseCount(big)).toBe(9007199254740993n);
    expect(parseCount(big) + 1n).toBe(9007199254740994n);
    expect(isUnsafeCount(big)).toBe(true);
    expect(isUnsafeCount('9007199254740991')).toBe(false);
  });

  it('gives a number that is exact below 2^53 and nearest above', () => {
    expect(countToNumber('1250000')).toBe(1_250_000);
    expect(countToNumber(big)).toBe(9007199254740992);
    expect(countToNumber(null)).toBeNull();
  });

  it('refuses what is not a count', () => {
    expect(() => parseCount('-1')).toThrow(/Not a count/);
    expect(() => countToNumber('1e6')).toThrow(/Not a count/);
  });
});
