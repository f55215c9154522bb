/** The customer's unread counts per chat and their total, the number on the launcher's badge. */
export interface Unread {
  /** The total, or -1 before the first `set`/`update`. */
  readonly total: number;
  set(chatId: string, count: number): void;
  /** Recounts, and calls `onTotal` when the total changed. */
  update(): void;
}

/** Starts from the boot answer's counts; `onTotal` hears every change of the total. */
export function createUnread(initial: Record<string, number> | undefined, onTotal: (total: number) => void): Unread {
  const counts: Record<string, number> = { ...initial };
  let total = -1;
  const unread: Unread = {
    get total() {
      return total;
    },
    set(chatId, count) {
      counts[chatId] = count;
      unread.update();
    },
    update() {
      const sum = Object.keys(counts).reduce((all, id) => all + (counts[id] || 0), 0);
      if (sum === total) return;
      total = sum;
      onTotal(sum);
    },
  };
  return unread;
}
