// JSON over HTTP/1.1 keep-alive with node:http: a bounded pool of sockets, reused, so the HTTP
// side of the bench does not open a connection per message (nor exhaust file descriptors).
import http from 'node:http';

/** A keep-alive pool of at most `maxSockets` connections. */
export const keepAliveAgent = (maxSockets = 64) => new http.Agent({ keepAlive: true, maxSockets });

/**
 * POSTs `body` as JSON; resolves `{ status, body }` (body parsed when JSON), rejects on network errors.
 * @example const { status, body } = await postJson(agent, `${url}/api/widget/${key}/boot`, {})
 */
export function postJson(agent, url, body, token) {
  const payload = JSON.stringify(body);
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let parsed = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: keep the text for the error message
        }
        resolve({ status: response.statusCode, body: parsed });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}
