import { signal } from '@preact/signals';
import type { Api } from '../api/createApi';
import type { SavedReply } from '../../shared/team';
import type { LoadStatus } from './createLoader';
import { runAction } from './runAction';

export type SavedReplies = ReturnType<typeof createSavedReplies>;

/**
 * The channel's saved replies, read once per sign-in: inserted into a reply with `/` in the
 * composer, added and deleted in the settings.
 */
export function createSavedReplies(api: Api) {
  const list = signal<SavedReply[]>([]);
  const status = signal<LoadStatus>('idle');
  const error = signal<unknown>(null);

  const run = (work: () => Promise<void>) => runAction(error, work);

  const byTitle = (replies: SavedReply[]) => [...replies].sort((a, b) => a.title.localeCompare(b.title));

  return {
    list,
    status,
    error,
    async load() {
      status.value = 'loading';
      const ok = await run(async () => void (list.value = (await api.get<{ savedReplies: SavedReply[] }>('/saved-replies')).savedReplies));
      status.value = ok ? 'ready' : 'error';
    },
    add: (title: string, text: string) =>
      run(async () => {
        const { savedReply } = await api.post<{ savedReply: SavedReply }>('/saved-replies', { title, text });
        list.value = byTitle([...list.peek(), savedReply]);
      }),
    remove: (id: string) =>
      run(async () => {
        await api.delete(`/saved-replies/${encodeURIComponent(id)}`);
        list.value = list.peek().filter((reply) => reply.id !== id);
      }),
    /** The replies whose title holds `query`, as the composer offers them. */
    matching: (query: string) => list.value.filter((reply) => reply.title.toLowerCase().includes(query.toLowerCase())).slice(0, 8),
  };
}
