import { parseArgs } from 'node:util';
import { DEMO_API_KEY, PLAN_LIMITS } from '../constants.js';
import type { MockApiKey, MockChaosOptions, MockPlan, MockWebhookConfig } from '../types.js';
import { CHAOS_SPEC_HELP, parseChaosSpec } from './chaos-spec.js';
import { MAX_BALANCE_USD } from './money.js';

/** Port the CLI listens on by default. */
export const DEFAULT_CLI_PORT = 4010;

/** Plan and balance of a `--key KEY` given without them. */
const DEFAULT_KEY_PLAN: MockPlan = 'pro';
const DEFAULT_KEY_BALANCE_USD = 100;

/** Name of the CLI's bin in `package.json`, used in its messages. */
export const CLI_NAME = 'contentstats-mock';

/** Usage text of `contentstats-mock --help`. */
export const CLI_USAGE = `Usage: ${CLI_NAME} [options]            (npx ${CLI_NAME} where contentstats-kit is installed)
   or: npm run mock-api -- [options]   (inside the contentstats-kit repository)

Runs a local, deterministic ContentStats API (same endpoints, costs, limits and errors).

Options:
  --port N                 port to listen on (default ${DEFAULT_CLI_PORT}; 0 picks a free one)
  --host HOST              interface to listen on (default 127.0.0.1)
  --key KEY[:PLAN[:USD]]   accept this API key; PLAN is free, pro or enterprise (default ${DEFAULT_KEY_PLAN}),
                           USD the starting balance (default ${DEFAULT_KEY_BALANCE_USD}). Repeatable.
                           Without --key the demo key ${DEMO_API_KEY} is used (with sample videos).
  --speed N                simulated seconds per real second (default 1; 3600 = an hour per second)
  --start ISO-TIME         simulated clock start (default now)
  --seed S                 seed of ids and numbers (default contentstats)
  --webhook-url URL        POST snapshot.created / tracking.completed events here
  --webhook-secret SECRET  whsec_... secret signing them (required with --webhook-url)
${CHAOS_SPEC_HELP}  -h, --help               show this help
  -v, --version            print the contentstats-kit version
`;

/** What the CLI was asked to do. */
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'serve';
      port: number;
      host: string;
      keys: MockApiKey[];
      /** `true` when no --key was given and the demo key is used. */
      demoKey: boolean;
      speed: number;
      start: number | undefined;
      seed: string | undefined;
      webhook: MockWebhookConfig | undefined;
      /** Faults to inject (`--chaos`), or `undefined` for none. */
      chaos: MockChaosOptions | undefined;
    };

/** A flag the CLI refuses; the CLI prints the message and exits with code 2. */
export class CliUsageError extends Error {}

function fail(message: string): never {
  throw new CliUsageError(message);
}

/** `KEY[:plan[:balance_usd]]` → a key. */
export function parseKeySpec(spec: string): MockApiKey {
  const [key = '', plan = DEFAULT_KEY_PLAN, balance, ...rest] = spec.split(':');
  if (rest.length > 0 || !/^[\x21-\x39\x3b-\x7e]{1,200}$/.test(key)) {
    fail(`--key ${JSON.stringify(spec)}: expected KEY[:PLAN[:USD]], e.g. my_key:free:5`);
  }
  if (!Object.hasOwn(PLAN_LIMITS, plan)) {
    fail(`--key ${JSON.stringify(spec)}: unknown plan "${plan}" (use free, pro or enterprise)`);
  }
  const balanceUsd = balance === undefined ? DEFAULT_KEY_BALANCE_USD : Number(balance);
  if (balance === '' || !Number.isFinite(balanceUsd) || balanceUsd < 0 || balanceUsd > MAX_BALANCE_USD) {
    fail(`--key ${JSON.stringify(spec)}: balance must be a number of dollars from 0 to ${MAX_BALANCE_USD}`);
  }
  return { key, plan: plan as MockPlan, balance_usd: balanceUsd };
}

/** Parses the CLI arguments (without `node` and the script); throws {@link CliUsageError}. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const port = values.port === undefined ? DEFAULT_CLI_PORT : Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? '0') || port > 65535)
    fail(`--port must be 0–65535, got ${values.port}`);
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0) fail(`--speed must be a number > 0, got ${values.speed}`);
  let start: number | undefined;
  if (values.start !== undefined) {
    start = Date.parse(values.start);
    if (!Number.isFinite(start)) fail(`--start must be an ISO 8601 time, got ${values.start}`);
  }

  const specs = values.key ?? [];
  const keys =
    specs.length > 0
      ? specs.map(parseKeySpec)
      : [{ key: DEMO_API_KEY, plan: 'pro' as const, balance_usd: 100 }];
  const seen = new Set<string>();
  for (const { key } of keys) {
    if (seen.has(key)) fail(`--key ${key} is given twice`);
    seen.add(key);
  }

  const url = values['webhook-url'];
  const secret = values['webhook-secret'];
  let webhook: MockWebhookConfig | undefined;
  if (url !== undefined || secret !== undefined) {
    if (url === undefined || secret === undefined) fail('--webhook-url and --webhook-secret go together');
    if (!/^https?:\/\//i.test(url) || !URL.canParse(url))
      fail(`--webhook-url must be an http(s) URL, got ${url}`);
    if (!/^whsec_\S+$/.test(secret)) fail('--webhook-secret must look like whsec_...');
    webhook = { url, secret };
  }

  let chaos: MockChaosOptions | undefined;
  if (values.chaos !== undefined) {
    try {
      chaos = parseChaosSpec(values.chaos);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  }

  return {
    kind: 'serve',
    port,
    host: values.host ?? '127.0.0.1',
    keys,
    demoKey: specs.length === 0,
    speed,
    start,
    seed: values.seed,
    webhook,
    chaos,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      key: { type: 'string', multiple: true },
      speed: { type: 'string' },
      start: { type: 'string' },
      seed: { type: 'string' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      chaos: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
