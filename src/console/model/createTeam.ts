import { signal } from '@preact/signals';
import type { Api } from '../api/createApi';
import type { Manager, ManagerRole, Teammate } from '../../shared/team';

export type Team = ReturnType<typeof createTeam>;

/** Shown where it matters: the assignee picker stays empty, replies still go out. */
const ignore = () => undefined;

/**
 * Who is signed in (`me`: null for MANAGER_TOKEN before any account exists) and the teammates a
 * chat may be assigned to, read once per sign-in.
 */
export function createTeam(api: Api) {
  const me = signal<Manager | null>(null);
  const role = signal<ManagerRole>('agent');
  const teammates = signal<Teammate[]>([]);
  /** Whether the token is a console sign-in, which signing out ends on the server. */
  const signedInWithPassword = signal(false);

  async function load(): Promise<void> {
    // Each on its own: a server without accounts still lists no teammates, and the inbox works.
    await Promise.all([
      api.get<{ manager: Manager | null; role: ManagerRole; kind?: string }>('/session').then((session) => {
        me.value = session.manager;
        role.value = session.role;
        signedInWithPassword.value = session.kind === 'session';
      }, ignore),
      api.get<{ teammates: Teammate[] }>('/teammates').then((team) => void (teammates.value = team.teammates), ignore),
    ]);
  }

  function clear() {
    me.value = null;
    teammates.value = [];
    signedInWithPassword.value = false;
  }

  /** A teammate's name by id, for rows and the panel. */
  const nameOf = (id: string | null): string | null => (id ? (teammates.value.find((m) => m.id === id)?.name ?? null) : null);

  return { me, role, teammates, signedInWithPassword, load, clear, nameOf };
}
