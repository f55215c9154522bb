import { afterEach, describe, expect, it } from 'vitest';
import { FakeSocket } from '../test/fakeServer';
import { cleanup, flush, start, ui } from '../test/harness';

afterEach(cleanup);

describe('the server base', () => {
  it('calls the Manager API and opens the realtime socket under the path prefix it is given', async () => {
    start({}, { base: 'https://example.com/chat' });
    await flush();
    const urls = ui.fetch.mock.calls.map(([input]) => String(input));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^https:\/\/example\.com\/chat\/api\/manager\//);
    expect(FakeSocket.last().url).toBe('wss://example.com/chat/api/realtime');
  });

  it("talks to the page's own origin when no base is given", async () => {
    start({});
    await flush();
    expect(String(ui.fetch.mock.calls[0][0])).toMatch(/^\/api\/manager\//);
    expect(FakeSocket.last().url).toBe(`${location.origin.replace(/^http/, 'ws')}/api/realtime`);
  });
});
