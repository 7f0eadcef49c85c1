/**
 * Webhook signatures of the local ContentStats API.
 *
 * Each delivery is an HTTP `POST` of a JSON event with these headers:
 *
 * ```
 * Content-Type: application/json
 * ContentStats-Event: snapshot.created            (or tracking.completed)
 * ContentStats-Signature: t=1706522400,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
 * ```
 *
 * `t` is the Unix time in seconds when the delivery was signed (real time, also under a
 * sped-up simulated clock, so receivers can check freshness); `v1` is the lowercase
 * hex HMAC-SHA256 of the string `"<t>.<raw request body>"`, keyed with the whole secret
 * string (`whsec_...` prefix included, as UTF-8). To verify: take the raw body exactly
 * as received (before any JSON parsing), recompute the HMAC, compare in constant time,
 * and refuse a `t` more than 5 minutes away from your clock (replays). Several `v1=`
 * entries may appear (secret rotation); any match is accepted.
 *
 * @module
 */

const encoder = new TextEncoder();

async function hmacKey(secret: string): Promise<CryptoKey> {
  if (typeof secret !== 'string' || secret === '') throw new TypeError('A webhook secret is required.');
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
}

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function hmacHex(secret: string, t: number, body: string): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(`${t}.${body}`));
  return toHex(signature);
}

/** Compares two strings in time that depends only on their length. */
function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Signs a webhook body and returns the `ContentStats-Signature` header value,
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 *
 * @param body - the exact JSON text that will be sent
 * @param secret - the whole `whsec_...` secret
 * @param t - signing time in Unix seconds (default: now)
 * @throws TypeError for an empty or non-string secret; RangeError for a `t` that is not
 * a whole number of seconds ≥ 0 (signing with bad input is a programming error)
 */
export async function signWebhookPayload(
  body: string,
  secret: string,
  t: number = Math.floor(Date.now() / 1000),
): Promise<string> {
  if (!Number.isSafeInteger(t) || t < 0) throw new RangeError('t must be a whole number of Unix seconds.');
  return `t=${t},v1=${await hmacHex(secret, t, body)}`;
}

/** Options of {@link verifyWebhookSignature}. */
export interface VerifyWebhookOptions {
  /** Largest accepted distance between `t` and now, in seconds. Default 300. */
  toleranceSeconds?: number;
  /** The current time in ms since the epoch (like `Date.now()`). Default `Date.now()`. */
  now?: number;
}

/**
 * `true` when `header` (a `ContentStats-Signature` value) is a valid signature of
 * `body` under `secret`, signed within `toleranceSeconds` of `now`. Never throws and
 * never rejects: any bad input (a non-string body, an empty or non-string secret, a
 * missing or malformed header, a non-numeric or repeated `t`, a `v1` that is not 64 hex
 * digits, a non-finite `now` or a negative or NaN `toleranceSeconds`) is simply not valid.
 *
 * @param body - the raw request body exactly as received
 * @param header - the `ContentStats-Signature` header value (or `null` when absent)
 * @param secret - the whole `whsec_...` secret
 */
export async function verifyWebhookSignature(
  body: string,
  header: string | null | undefined,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<boolean> {
  // Receivers call this with whatever arrived (and JS callers with anything): answer false, not a 500.
  if (typeof body !== 'string' || typeof secret !== 'string' || secret === '') return false;
  if (typeof header !== 'string' || header.length > 4096) return false;
  const tolerance = options.toleranceSeconds ?? 300;
  const nowMs = options.now ?? Date.now();
  // NaN would make the freshness check below pass for any t
  if (typeof tolerance !== 'number' || !(tolerance >= 0)) return false;
  if (typeof nowMs !== 'number' || !Number.isFinite(nowMs)) return false;
  let t: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === 't') {
      // a second or non-numeric t is malformed: which time was signed would be ambiguous
      if (t !== undefined || !/^\d{1,12}$/.test(value)) return false;
      t = Number(value);
    } else if (name === 'v1' && /^[0-9a-f]{64}$/i.test(value)) candidates.push(value.toLowerCase());
  }
  if (t === undefined || candidates.length === 0) return false;
  if (Math.abs(nowMs / 1000 - t) > tolerance) return false;
  let expected: string;
  try {
    expected = await hmacHex(secret, t, body);
  } catch {
    return false; // belt and braces: the checks above leave Web Crypto nothing to refuse
  }
  let valid = false;
  // check every candidate so timing does not reveal which one matched
  for (const candidate of candidates) valid = timingSafeEqual(candidate, expected) || valid;
  return valid;
}
