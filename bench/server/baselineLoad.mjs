// The same conversation on the bare baseline: customers send at the same total rate with frames
// as large as Sangdam's event frames, the designated receiver gets each and echoes it back.
import WebSocket from 'ws';
import { Deliveries } from './deliveries.mjs';
import { eachLimited, pace, waitFor } from './pace.mjs';

function connect(url, role, id, onFrame) {
  const ws = new WebSocket(`${url}/?role=${role}&id=${id}`);
  ws.on('message', (data) => onFrame(JSON.parse(data), data.length));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Opens the sockets; `onConnected` runs once all are open, before the first frame. */
export async function runBaseline(url, { connections, receivers = 4, rate, seconds, frameBytes, graceMs = 5000, onConnected }) {
  const deliveries = new Deliveries();
  const padding = 'x'.repeat(Math.max(0, frameBytes - 60));
  const receiverSockets = [];
  for (let r = 0; r < receivers; r++) {
    const onFrame = (frame, bytes) => {
      if (!deliveries.receive(`receiver-${r}`, frame.key, bytes)) return;
      const key = `re:${frame.key}`;
      deliveries.send(key, `customer-${frame.from}`);
      receiverSockets[r].send(JSON.stringify({ to: frame.from, key, padding }), () => deliveries.ack(key));
    };
    receiverSockets.push(await connect(url, 'receiver', r, onFrame));
  }
  const customers = Array.from({ length: connections }, (_, index) => index);
  const customerSockets = new Array(connections);
  await eachLimited(customers, 64, async (index) => {
    const onFrame = (frame, bytes) => deliveries.receive(`customer-${index}`, frame.key, bytes);
    customerSockets[index] = await connect(url, 'customer', index, onFrame);
  });
  await onConnected?.();

  await pace({
    rate,
    seconds,
    send: (n) => {
      const from = n % connections;
      const key = `msg-${n}`;
      deliveries.send(key, `receiver-${from % receivers}`);
      customerSockets[from].send(JSON.stringify({ to: from % receivers, from, key, padding }), () => deliveries.ack(key));
    },
  });
  await waitFor(() => deliveries.outstanding() === 0, graceMs);
  for (const ws of [...customerSockets, ...receiverSockets]) ws.terminate();
  return deliveries;
}
