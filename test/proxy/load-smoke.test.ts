import { describe, expect, it } from 'vitest';
import { formatReport, runLoad } from '../../scripts/load';

describe('proxy under load (smoke: the code of `npm run load`, 3 s at 20 connections)', () => {
  it('answers every kind of traffic with its intended statuses only: no socket error, no timeout', async () => {
    const report = await runLoad({ seconds: 3, connections: 20 });
    // the figures, for whoever reads the test log
    process.stdout.write(`${formatReport(report)}\n`);
    expect(report.problems).toEqual([]);
    const byName = Object.fromEntries(report.kinds.map((k) => [k.name, k]));
    // the track limit refused the rest with 429, and let through no more than it allows
    expect(byName['POST /videos/track']?.statuses['429']).toBeGreaterThan(0);
    expect(byName['bad token']?.statuses).toEqual({ '401': expect.any(Number) });
    // cached reads stay off the API: far fewer upstream calls than requests
    expect(byName['cached GET /videos/{id}']?.requests).toBeGreaterThan(100);
    expect(report.upstreamCalls).toBeLessThan(report.requests / 10);
  }, 30_000);
});
