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
  return new Promise((resolve, reject) => {
    const request = post(agent, url, body, token, (response) => {
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
  });
}

/**
 * POSTs `body` as JSON and resolves the status alone, the response body read and dropped: during
 * the traffic the bench needs only to know that the server accepted the message.
 * @example const status = await postForStatus(agent, `${url}/api/manager/chats/${id}/messages`, { text }, token)
 */
export function postForStatus(agent, url, body, token) {
  return new Promise((resolve, reject) => {
    const request = post(agent, url, body, token, (response) => {
      response.on('end', () => resolve(response.statusCode));
      response.on('error', reject);
      response.resume();
    });
    request.on('error', reject);
  });
}

function post(agent, url, body, token, onResponse) {
  const payload = JSON.stringify(body);
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
  if (token) headers.authorization = `Bearer ${token}`;
  const request = http.request(url, { method: 'POST', agent, headers }, onResponse);
  request.end(payload);
  return request;
}
