import { effect } from './signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPersistentQueue, type Queued } from './createPersistentQueue';

interface Note extends Queued {
  id: string;
  text: string;
}

const KEY = 'sangdam:key:notes';
const offline = () => Object.assign(new Error('did not reach the server'), { status: 0, code: 'network', retryable: true });
const note = (id: string): Note => ({ id, text: 'note ' + id, state: 'sending' });

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('the persistent queue', () => {
  it('tells onChange about the entry when it is stored and again, with the result, when acknowledged', async () => {
    const changes: Array<[string, unknown]> = [];
    const queue = createPersistentQueue<Note, string>(KEY, async (n) => 'saved ' + n.id, (n, result) => changes.push([n.id, result]));
    await expect(queue.add(note('a'))).resolves.toBe('saved a');
    expect(changes).toEqual([['a', undefined], ['a', 'saved a']]);
    expect(queue.entries.value).toEqual([]);
  });

  it('shows each change in `entries` as a new list of copies: queued, refused, dropped', async () => {
    const seen: (readonly Note[])[] = [];
    const queue = createPersistentQueue<Note, string>(KEY, async () => Promise.reject(new Error('refused')));
    const stop = effect(() => void seen.push(queue.entries.value));
    await expect(queue.add(note('a'))).rejects.toThrow('refused');
    queue.drop((n) => n.id === 'a');
    stop();
    expect(seen.map((list) => list.map((n) => n.state))).toEqual([[], ['sending'], ['failed'], []]);
    seen[1][0].text = 'changed by a reader';
    expect(JSON.stringify(seen[2])).not.toContain('changed by a reader');
  });

  it('backs off while the server is unreachable and leaves the entry stored when stopped', async () => {
    const send = vi.fn(async () => {
      throw offline();
    });
    const queue = createPersistentQueue<Note, string>(KEY, send, () => {});
    void queue.add(note('a'));
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(2);
    queue.stop();
    await vi.advanceTimersByTimeAsync(60000);
    expect(send).toHaveBeenCalledTimes(2);
    expect(JSON.parse(localStorage.getItem(KEY)!)).toMatchObject([{ id: 'a', state: 'sending' }]);
  });

  it('leaves no timer behind when a send under way fails after stop', async () => {
    let fail: (error: Error) => void = () => {};
    const send = vi.fn(() => new Promise<string>((_resolve, reject) => (fail = reject)));
    const queue = createPersistentQueue<Note, string>(KEY, send, () => {});
    void queue.add(note('a')).catch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    queue.stop();
    fail(offline()); // the request aborted by stop() answers only now
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('forgets dropped entries without sending them', () => {
    localStorage.setItem(KEY, JSON.stringify([{ ...note('a'), state: 'failed', error: 'no' }]));
    const queue = createPersistentQueue<Note, string>(KEY, vi.fn(), () => {});
    queue.drop((n) => n.id === 'a');
    expect(queue.entries.value).toEqual([]);
    expect(localStorage.getItem(KEY)).toBeNull();
  });
});
