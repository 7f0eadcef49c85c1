#!/usr/bin/env node
/**
 * `contentstats-mock` (in this repository: `npm run mock-api --`) — runs the local ContentStats
 * API until Ctrl+C. See `--help` for the flags; the parsing lives in `internal/cli-args.ts`.
 */
import { DEMO_API_KEY } from './constants.js';
import { CLI_NAME, CLI_USAGE, type CliCommand, CliUsageError, parseCliArgs } from './internal/cli-args.js';
import { isoSeconds } from './internal/time.js';
import { packageVersion } from './internal/version.js';
import { startMockServer } from './server.js';

function describeKeys(server: Awaited<ReturnType<typeof startMockServer>>): string[] {
  return server.api
    .keys()
    .map(
      (k) =>
        `  ${k.key}  plan=${k.plan}  balance=$${k.balance_usd.toFixed(2)}${k.fixtures ? '  (demo key, with sample videos)' : ''}`,
    );
}

function describeChaos(chaos: NonNullable<Extract<CliCommand, { kind: 'serve' }>['chaos']>): string {
  return Object.entries(chaos)
    .map(([name, value]) => `${name}=${Array.isArray(value) ? value.join('-') : String(value)}`)
    .join(', ');
}

async function main(command: Extract<CliCommand, { kind: 'serve' }>): Promise<void> {
  const server = await startMockServer({
    port: command.port,
    host: command.host,
    keys: command.keys,
    speed: command.speed,
    ...(command.start === undefined ? {} : { start: command.start }),
    ...(command.seed === undefined ? {} : { seed: command.seed }),
    ...(command.webhook === undefined ? {} : { webhook: command.webhook }),
    ...(command.chaos === undefined ? {} : { chaos: command.chaos }),
  });
  const exampleKey = command.keys[0]?.key ?? DEMO_API_KEY;
  const lines = [
    `ContentStats local API: ${server.url}`,
    command.demoKey ? `API key (demo): ${DEMO_API_KEY}` : 'API keys:',
    ...describeKeys(server),
    `Simulated clock: ${isoSeconds(server.api.now())} (speed x${command.speed})`,
    ...(command.webhook ? [`Webhooks: POST ${command.webhook.url} (signed, ContentStats-Signature)`] : []),
    ...(command.chaos ? [`Chaos: faults injected on purpose (${describeChaos(command.chaos)})`] : []),
    'Try:',
    `  curl -s ${server.url}/api/v1/usage -H 'X-API-Key: ${exampleKey}'`,
    'Press Ctrl+C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const shutdown = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

let command: CliCommand;
try {
  command = parseCliArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CliUsageError)) throw error;
  process.stderr.write(`${CLI_NAME}: ${error.message}\nRun ${CLI_NAME} --help for usage.\n`);
  process.exit(2);
}
if (command.kind === 'help') {
  process.stdout.write(CLI_USAGE);
} else if (command.kind === 'version') {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { port } = command;
  main(command).catch((error: unknown) => {
    const inUse = (error as { code?: unknown } | null)?.code === 'EADDRINUSE';
    let message = error instanceof Error ? error.message : String(error);
    if (inUse) message = `port ${port} is already in use; pick another with --port (0 = any free port)`;
    process.stderr.write(`${CLI_NAME}: ${message}\n`);
    process.exit(1);
  });
}
