// `npm run size`: gzip (level 9) and brotli (quality 11) sizes of the built embed and stylesheet, as
// size-limit's file plugin measures them; exits 1 when dist/embed.js is over its budget.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KB = 1000;
const files = [{ path: 'dist/embed.js', gzipBudget: 45 * KB }, { path: 'dist/styles.css' }];

let over = false;
for (const { path, gzipBudget } of files) {
  const bytes = readFileSync(path);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
  const budget = gzipBudget === undefined ? '' : ` (budget ${(gzipBudget / KB).toFixed(1)} KB gzip)`;
  console.log(
    `${path.padEnd(16)} ${(bytes.length / KB).toFixed(1).padStart(6)} KB raw ${(gzip / KB).toFixed(2).padStart(6)} KB gzip ${(brotli / KB).toFixed(2).padStart(6)} KB brotli${budget}`,
  );
  if (gzipBudget !== undefined && gzip > gzipBudget) {
    console.error(`${path} is ${gzip - gzipBudget} bytes over its budget of ${gzipBudget} bytes gzip`);
    over = true;
  }
}
if (over) process.exit(1);
