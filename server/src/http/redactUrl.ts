/**
 * What the request log may say about a URL. A survey link's token is its only credential and
 * sits in the path (`/csat/<token>`, `/api/csat/<token>/answer`), and a client may put a secret
 * in the query (`?token=`, `?access_token=` …): those parts are written `[redacted]`, so a log
 * shipped elsewhere opens nothing.
 */
const SECRET_PATH = /(\/(?:api\/)?csat\/)[^/?#]+/;
/** Query names that usually carry a credential. */
const SECRET_NAME = /token|secret|hash|password|passwd|auth|key|signature|sig|code|session/i;

export const REDACTED = '[redacted]';

/**
 * @example redactUrl('/csat/AbC…?lang=ko') // '/csat/[redacted]?lang=ko'
 */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  const path = (at < 0 ? url : url.slice(0, at)).replace(SECRET_PATH, `$1${REDACTED}`);
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && SECRET_NAME.test(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
