import type { MockChaosKind, MockChaosOptions } from '../types.js';
import { checkChaosOptions } from './chaos.js';

/** `--chaos` names of the rates, as the CLI spells them. */
const RATE_NAMES: Readonly<Record<string, MockChaosKind>> = {
  error: 'error',
  'reset-before': 'resetBefore',
  'reset-after': 'resetAfter',
  truncate: 'truncate',
  malformed: 'malformed',
  burst429: 'burst429',
  stall: 'stall',
};

/** Help text of `--chaos`, for the CLI's usage (indented to its option column). */
export const CHAOS_SPEC_HELP = `  --chaos SPEC             inject faults, e.g. --chaos latency=200,error=0.1,reset-after=0.05
                           SPEC is NAME=VALUE,... with rates per request (0.05 or 5%; at most 1 in all):
                             error          answer 500/502/503 (the API does not act)
                             reset-before   drop the connection before the API acts
                             reset-after    let the API act (track created and charged), then drop it
                             truncate       let the API act, cut its JSON answer in half
                             malformed      let the API act, break its JSON (a trailing comma)
                             burst429       start a burst of 429s with Retry-After (the API does not act)
                             stall          never answer (the client times out)
                           and settings:
                             latency=MS or MIN-MAX   added delay on every request (default 0)
                             error-status=S[/S...]   statuses of error (default 500/502/503)
                             burst=N                 requests in one 429 burst (default 3)
                             retry-after=S           Retry-After of a burst, seconds (default 1)
                             stall-ms=MS             drop a stalled connection after MS (default 300000)
                             seed=S                  seed of the draws (default chaos)
                             only=[METHOD ]PATH      touch only requests starting so (quote the space)
`;

function fail(message: string): never {
  throw new RangeError(message);
}

function rate(name: string, text: string): number {
  const percent = text.endsWith('%');
  const value = Number(percent ? text.slice(0, -1) : text);
  if (text === '' || text === '%' || !Number.isFinite(value))
    fail(`--chaos ${name}=${text}: expected a rate like 0.05 or 5%`);
  return percent ? value / 100 : value;
}

function whole(name: string, text: string): number {
  if (!/^\d{1,9}$/.test(text)) fail(`--chaos ${name}=${text}: expected a whole number`);
  return Number(text);
}

/**
 * Parses `--chaos` (see {@link CHAOS_SPEC_HELP}) into chaos options; throws a `RangeError` naming
 * the part it refuses (unknown name, bad number, rates above 1 in all).
 */
export function parseChaosSpec(spec: string): MockChaosOptions {
  const options: MockChaosOptions = {};
  const seen = new Set<string>();
  for (const part of spec.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq <= 0) fail(`--chaos ${JSON.stringify(item)}: expected NAME=VALUE`);
    const name = item.slice(0, eq).trim().toLowerCase();
    const value = item.slice(eq + 1).trim();
    if (seen.has(name)) fail(`--chaos ${name} is given twice`);
    seen.add(name);
    const kind = RATE_NAMES[name];
    if (kind !== undefined) {
      options[kind] = rate(name, value);
      continue;
    }
    switch (name) {
      case 'latency': {
        const range = /^(\d{1,7})(?:-(\d{1,7}))?$/.exec(value);
        if (!range) fail(`--chaos latency=${value}: expected MS or MIN-MAX, e.g. 200 or 50-200`);
        const min = Number(range[1]);
        options.latencyMs = range[2] === undefined ? min : [min, Number(range[2])];
        break;
      }
      case 'error-status':
        options.errorStatuses = value.split('/').map((status) => whole(name, status));
        break;
      case 'burst':
        options.burstLength = whole(name, value);
        break;
      case 'retry-after':
        options.retryAfterSeconds = whole(name, value);
        break;
      case 'stall-ms':
        options.stallMs = whole(name, value);
        break;
      case 'only':
        options.match = value;
        break;
      case 'seed':
        if (value === '') fail('--chaos seed= needs a value');
        options.seed = value;
        break;
      default:
        fail(
          `--chaos: unknown name "${name}" (use ${Object.keys(RATE_NAMES).join(', ')}, latency, error-status, burst, retry-after, stall-ms, seed, only)`,
        );
    }
  }
  try {
    checkChaosOptions(options);
  } catch (error) {
    fail(`--chaos ${spec}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return options;
}
