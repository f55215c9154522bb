// Customers and managers on running Sangdam instances (one, or several on one database). Each
// customer boots, starts a chat and listens on its realtime socket; managers listen on theirs
// (each gets every event) and the manager that owns a chat answers every customer message through
// the Manager API. With several instances each customer boots on one, keeps its socket on the
// next and sends on the one after; managers spread the same way: no two steps share an instance.
import WebSocket from 'ws';
import { Deliveries } from './deliveries.mjs';
import { keepAliveAgent, postForStatus, postJson } from './http.mjs';
import { eachLimited, pace, waitFor } from './pace.mjs';
import { MANAGER_TOKEN, PLUGIN_KEY } from './sangdamServer.mjs';

/**
 * Opens a realtime socket, says hello and resolves once the server is `ready`; `onMessage` gets
 * the message of every message event, replayed or live.
 */
function openRealtime(url, hello, onMessage) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/realtime`);
  let ready = false;
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', ...hello })));
    ws.on('message', (data) => {
      const text = data.toString();
      if (ready) {
        const message = messageOf(text);
        if (message) onMessage(message, data.length);
        return;
      }
      const frame = JSON.parse(text);
      if (frame.type === 'ready') {
        ready = true;
        resolve(ws);
      } else if (frame.type === 'event' && frame.event.type === 'message') onMessage(frame.event.message, data.length);
      else if (frame.type === 'error') reject(new Error(`realtime: ${frame.code} ${frame.message}`));
    });
  });
}

const MESSAGE_KEY = '"message":{';

/**
 * The message of a live event frame, or null for any other event. Only the message is parsed when
 * it can be cut out cleanly: it is all the bench checks, and the chat snapshot before it is most
 * of the frame (parsing whole frames, 2,000 a second, was the load generator's largest cost).
 * Anything else is parsed whole, so the shortcut can make the bench faster but never wrong.
 */
export function messageOf(text) {
  const at = text.lastIndexOf(MESSAGE_KEY);
  if (at !== -1) {
    const start = at + MESSAGE_KEY.length - 1;
    try {
      const message = JSON.parse(text.slice(start, text.indexOf('}', start) + 1));
      const { id, chatId, author, text: body } = message;
      if ([id, chatId, author, body].every((value) => typeof value === 'string')) return message;
    } catch {
      // not a flat object there (a survey form, a brace in the text): parse the whole frame
    }
  }
  const frame = JSON.parse(text);
  return frame.type === 'event' && frame.event.type === 'message' ? frame.event.message : null;
}

/** Counts a second copy of one message id on one socket: the server's promise is exactly once. */
function duplicateCheck(deliveries) {
  const seen = new Set();
  return (messageId) => {
    if (!seen.has(messageId)) return seen.add(messageId), false;
    deliveries.duplicated++;
    return true;
  };
}

/** The instance of step `n` of a client: `urls` taken in turn. */
const at = (urls, n) => urls[n % urls.length];

/** The longest a run waits for an overloaded set-up's backlog (ms). */
const MAX_DRAIN_MS = 120_000;

/** Boots `connections` customers, each with a chat (HTTP only, no socket yet). */
export async function bootCustomers(urls, connections, log) {
  const agent = keepAliveAgent(32);
  const customers = Array.from({ length: connections }, (_, index) => ({ index }));
  await eachLimited(customers, 32, async (customer) => {
    const widget = `${at(urls, customer.index)}/api/widget/${PLUGIN_KEY}`;
    const booted = await postJson(agent, `${widget}/boot`, { language: 'en' });
    if (booted.status !== 200) throw new Error(`boot: ${booted.status} ${JSON.stringify(booted.body)}`);
    customer.token = booted.body.token;
    const message = { text: `hello ${customer.index}`, clientId: `first-${customer.index}` };
    const started = await postJson(agent, `${widget}/chats`, { clientId: `chat-${customer.index}`, message }, customer.token);
    if (started.status >= 300) throw new Error(`chat: ${started.status} ${JSON.stringify(started.body)}`);
    customer.chatId = started.body.chat.id;
    customer.cursor = started.body.message.seq;
  });
  agent.destroy();
  log?.(`sangdam: ${connections} customers booted, each with a chat`);
  return customers;
}

/** Opens every customer's and manager's socket; the first `managers` sockets are extra. */
export async function connectAll(urls, customers, { managers, deliveries, onCustomerMessage }) {
  const cursor = Math.max(0, ...customers.map((customer) => customer.cursor));
  const managerSockets = [];
  for (let m = 0; m < managers; m++) {
    const isDuplicate = duplicateCheck(deliveries);
    const onMessage = ({ id, chatId, author, text }, bytes) => {
      if (isDuplicate(id)) return;
      if (author === 'customer' && deliveries.receive(`manager-${m}`, text, bytes)) onCustomerMessage(m, chatId, text);
    };
    managerSockets.push(await openRealtime(at(urls, m), { managerToken: MANAGER_TOKEN, since: cursor }, onMessage));
  }
  await eachLimited(customers, 64, async (customer) => {
    const isDuplicate = duplicateCheck(deliveries);
    const onMessage = ({ id, author, text }, bytes) => {
      if (isDuplicate(id)) return;
      if (author === 'manager') deliveries.receive(`customer-${customer.index}`, text, bytes);
    };
    customer.ws = await openRealtime(at(urls, customer.index + 1), { token: customer.token, since: customer.cursor }, onMessage);
  });
  return managerSockets;
}

/**
 * Sends `rate` customer messages a second for `seconds`, each answered by its chat's manager,
 * then waits up to `graceMs` for the stragglers. `onConnected` runs once every socket is ready,
 * before the first message. Returns the filled-in `Deliveries` and `close()`.
 */
export async function runTraffic(urls, customers, { managers = 4, rate, seconds, graceMs = 5000, log, onConnected }) {
  const deliveries = new Deliveries();
  const agent = keepAliveAgent(64);
  const ownerOf = new Map(customers.map((customer) => [customer.chatId, customer]));
  const managerNames = Array.from({ length: managers }, (_, m) => `manager-${m}`);
  const post = (key, target, body, token) =>
    postForStatus(agent, target, body, token).then(
      (status) => (status < 300 ? deliveries.ack(key) : deliveries.fail(key)),
      () => deliveries.fail(key),
    );

  // The manager that owns the chat (index modulo managers) answers; the others only listen.
  const onCustomerMessage = (m, chatId, text) => {
    const customer = ownerOf.get(chatId);
    if (!customer || customer.index % managers !== m) return;
    const key = `re:${text}`;
    deliveries.send(key, `customer-${customer.index}`);
    post(key, `${at(urls, m + 1)}/api/manager/chats/${chatId}/messages`, { text: key }, MANAGER_TOKEN);
  };
  const managerSockets = await connectAll(urls, customers, { managers, deliveries, onCustomerMessage });
  log?.(`sangdam: ${customers.length} customer sockets and ${managers} manager sockets ready`);
  await onConnected?.();

  await pace({
    rate,
    seconds,
    send: (n) => {
      const customer = customers[n % customers.length];
      const key = `msg-${n}`;
      const owner = `manager-${customer.index % managers}`;
      deliveries.send(key, owner, managerNames.filter((name) => name !== owner));
      post(key, `${at(urls, customer.index + 2)}/api/widget/${PLUGIN_KEY}/chats/${customer.chatId}/messages`, { text: key, clientId: key }, customer.token);
    },
  });
  // An overloaded set-up still works through its backlog: wait while it makes progress, so that
  // "lost" counts only what stopped moving (graceMs without a delivery or an answer), never a queue.
  let drained = false;
  const progress = () => deliveries.delivered + deliveries.acked + deliveries.failed;
  for (let seen = -1, waited = 0; !drained && seen !== progress() && waited < MAX_DRAIN_MS; waited += graceMs) {
    seen = progress();
    drained = await waitFor(() => deliveries.outstanding() === 0, graceMs);
  }
  if (!drained) log?.(`sangdam: ${deliveries.outstanding()} messages still undelivered ${graceMs} ms after the last progress`);
  return { deliveries, close: () => closeAll(customers, managerSockets, agent) };
}

function closeAll(customers, managerSockets, agent) {
  for (const customer of customers) customer.ws?.terminate();
  for (const ws of managerSockets) ws.terminate();
  agent.destroy();
}
