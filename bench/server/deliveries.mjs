// Bookkeeping of one run: every tracked message, who must receive it, when it was sent and when
// (and how often) each recipient got it. Both the Sangdam run and the bare baseline use it, so
// their numbers mean the same thing.

export class Deliveries {
  #messages = new Map();
  latencies = [];
  frameBytes = 0;
  sent = 0;
  acked = 0;
  failed = 0;
  delivered = 0;
  duplicated = 0;
  firstSentAt = Infinity;
  lastDeliveredAt = 0;

  /**
   * A message under a unique `key` leaves now; `timedBy` is the recipient whose receipt is its
   * delivery (latency, throughput), `alsoTo` others that must get it too (or it counts as lost).
   */
  send(key, timedBy, alsoTo = []) {
    const at = performance.now();
    this.firstSentAt = Math.min(this.firstSentAt, at);
    this.sent++;
    this.#messages.set(key, { at, timedBy, waiting: new Set([timedBy, ...alsoTo]), got: new Set(), acked: false });
  }

  /** The sender's request was accepted (HTTP 2xx, or written to the socket). */
  ack(key) {
    const message = this.#messages.get(key);
    if (message && !message.acked) {
      message.acked = true;
      this.acked++;
    }
  }

  fail(key) {
    this.failed++;
    this.#messages.delete(key);
  }

  /** `recipient` got `key` in a frame of `bytes`; returns false for a repeat (or an unknown key). */
  receive(recipient, key, bytes) {
    const message = this.#messages.get(key);
    if (!message) return false;
    if (message.got.has(recipient)) {
      this.duplicated++;
      return false;
    }
    message.got.add(recipient);
    message.waiting.delete(recipient);
    if (recipient === message.timedBy) {
      const now = performance.now();
      this.latencies.push(now - message.at);
      this.frameBytes += bytes;
      this.delivered++;
      this.lastDeliveredAt = now;
    }
    return true;
  }

  /** Messages accepted by the server that some recipient has not received yet. */
  outstanding() {
    let count = 0;
    for (const message of this.#messages.values()) if (message.waiting.size > 0) count++;
    return count;
  }

  /** Accepted and still missing somewhere: lost once the grace period is over. */
  lost() {
    let count = 0;
    for (const message of this.#messages.values()) if (message.acked && message.waiting.size > 0) count++;
    return count;
  }

  /** Sent but neither accepted nor refused (still in flight when the run ended). */
  unanswered() {
    let count = 0;
    for (const message of this.#messages.values()) if (!message.acked) count++;
    return count;
  }

  /** Deliveries per second, from the first send to the last delivery. */
  perSecond() {
    const span = (this.lastDeliveredAt - this.firstSentAt) / 1000;
    return span > 0 ? this.delivered / span : 0;
  }

  averageFrameBytes() {
    return this.delivered > 0 ? Math.round(this.frameBytes / this.delivered) : 0;
  }
}
