import { webBodyReader } from '../../../http/cappedBody.js';
import type { Stage } from '../compose.js';
import { isJsonContentType, parseTrackBody } from '../trackBody.js';

/**
 * Reads and checks the track body before any credit is spent: JSON only (415), at most
 * `maxBodyBytes` (413, reading stops there), and only its two documented fields, normalised.
 */
export function readTrackBody(maxBodyBytes: number): Stage {
  return async (context, next) => {
    if (context.route.name !== 'trackVideo') return next();
    const { request } = context;
    if (!isJsonContentType(request.headers.get('content-type'))) {
      return context.refuse({
        status: 415,
        code: 'unsupported_media_type',
        message: 'Send the body as application/json.',
      });
    }
    const bytes = await (context.hints.readBody ?? webBodyReader(context.webRequest()))(maxBodyBytes);
    if (bytes === null) {
      return context.refuse({
        status: 413,
        code: 'body_too_large',
        message: `The request body is larger than ${maxBodyBytes} bytes.`,
        headers: { Connection: 'close' },
      });
    }
    const parsed = parseTrackBody(bytes);
    if (!parsed.ok) return context.refuse(parsed.refusal);
    context.body = JSON.stringify(parsed.body);
    return next();
  };
}
