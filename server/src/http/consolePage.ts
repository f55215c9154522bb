/**
 * The manager console's page, `/console`: an HTML shell for the `/console.js` bundle, which asks
 * for the manager token itself and calls the manager API with it. The page is public and holds no
 * data; everything it shows comes from the API, which requires the token. The bundle's URL is
 * relative, so that the console works behind a proxy that serves the server under a path prefix.
 */
import type { FastifyReply } from 'fastify';

/**
 * Scripts from this origin only; inline styles are allowed for the console's component styles;
 * the API and the realtime socket on this origin (`ws:`/`wss:`: CSP 2 browsers do not count them
 * as 'self'); no framing, no `<base>`.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sangdam console</title>
</head>
<body>
<div id="app"></div>
<script type="module" src="console.js"></script>
<noscript><p>The Sangdam console needs JavaScript. Please turn it on in your browser.</p></noscript>
</body>
</html>
`;

/** Sends the shell with its CSP; never cached stale, never framed, never indexed. */
export function sendConsolePage(reply: FastifyReply): FastifyReply {
  return reply
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Content-Security-Policy', CONSOLE_CSP)
    .header('X-Frame-Options', 'DENY')
    .header('Referrer-Policy', 'no-referrer')
    .header('Cross-Origin-Opener-Policy', 'same-origin')
    .header('X-Robots-Tag', 'noindex, nofollow')
    .header('Cache-Control', 'no-cache')
    .send(CONSOLE_HTML);
}
