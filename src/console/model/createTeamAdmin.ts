import { signal } from '@preact/signals';
import type { Api } from '../api/createApi';
import type { ApiToken, Manager, ManagerRole } from '../../shared/team';
import { runAction } from './runAction';

export type TeamAdmin = ReturnType<typeof createTeamAdmin>;

/**
 * The settings' team cards: the accounts (owners only) and the signed-in manager's own API
 * tokens, whose secret is shown once, right after it is made.
 */
export function createTeamAdmin(api: Api) {
  const managers = signal<Manager[]>([]);
  const tokens = signal<ApiToken[]>([]);
  /** The token just made, shown until the manager dismisses it; never listed again. */
  const newToken = signal<{ name: string; token: string } | null>(null);
  const error = signal<unknown>(null);

  const run = (work: () => Promise<void>) => runAction(error, work);

  return {
    managers,
    tokens,
    newToken,
    error,
    /** Reads what the caller may see: accounts only as an owner. */
    load: (owner: boolean) =>
      run(async () => {
        const [team, own] = await Promise.all([
          owner ? api.get<{ managers: Manager[] }>('/managers') : Promise.resolve({ managers: [] }),
          api.get<{ tokens: ApiToken[] }>('/tokens').catch(() => ({ tokens: [] })),
        ]);
        managers.value = team.managers;
        tokens.value = own.tokens;
      }),
    addManager: (input: { name: string; email: string; password: string; role: ManagerRole }) =>
      run(async () => {
        const { manager } = await api.post<{ manager: Manager }>('/managers', input);
        managers.value = [...managers.peek(), manager];
      }),
    removeManager: (id: string) =>
      run(async () => {
        await api.delete(`/managers/${encodeURIComponent(id)}`);
        managers.value = managers.peek().filter((m) => m.id !== id);
      }),
    addToken: (name: string) =>
      run(async () => {
        const made = await api.post<ApiToken & { token: string }>('/tokens', { name });
        const { token, ...listed } = made;
        tokens.value = [...tokens.peek(), listed];
        newToken.value = { name: made.name, token };
      }),
    revokeToken: (id: string) =>
      run(async () => {
        await api.delete(`/tokens/${encodeURIComponent(id)}`);
        tokens.value = tokens.peek().filter((t) => t.id !== id);
      }),
  };
}
