// The bare baseline: a `ws` server that does nothing but route. A customer's frame goes to the
// receiver it names, a receiver's frame back to the customer it names, bytes unchanged; only
// the small routing header is parsed. Run as a child process; prints its port when listening.
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
const sockets = { customer: new Map(), receiver: new Map() };

wss.on('connection', (ws, request) => {
  const query = new URL(request.url, 'http://localhost').searchParams;
  const role = query.get('role') === 'receiver' ? 'receiver' : 'customer';
  const id = query.get('id');
  sockets[role].set(id, ws);
  const peers = role === 'customer' ? sockets.receiver : sockets.customer;
  ws.on('message', (data) => {
    const target = peers.get(String(JSON.parse(data).to));
    if (target) target.send(data, { binary: false });
  });
  ws.on('close', () => sockets[role].delete(id));
});

wss.on('listening', () => console.log(`baseline listening on ws://127.0.0.1:${wss.address().port}`));
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
