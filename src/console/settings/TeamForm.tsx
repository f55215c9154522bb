import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import { passwordProblem, type ManagerRole } from '../../shared/team';
import { guard } from '../../browser/report';
import { useConsole } from '../context';
import { ErrorText } from '../shell/ErrorText';

/** The team (owners: add and delete accounts) and the signed-in manager's API tokens. */
export function TeamForm() {
  const c = useConsole();
  const t = c.t.value;
  const admin = c.teamAdmin;
  const owner = c.team.role.value === 'owner';
  const me = c.team.me.value;
  useEffect(() => void admin.load(owner), [owner, me?.id]);
  const name = useSignal('');
  const email = useSignal('');
  const password = useSignal('');
  const role = useSignal<ManagerRole>('agent');
  const tokenName = useSignal('');
  const problem = useSignal<string | null>(null);

  const addManager = guard(async (event: Event) => {
    event.preventDefault();
    // The rule the server applies, said before anything is sent.
    problem.value = passwordProblem(password.value, email.value);
    if (problem.value) return;
    if (await admin.addManager({ name: name.value.trim(), email: email.value.trim(), password: password.value, role: role.value })) {
      name.value = email.value = password.value = '';
    }
  });
  const addToken = guard(async (event: Event) => {
    event.preventDefault();
    if (tokenName.value.trim() && (await admin.addToken(tokenName.value.trim()))) tokenName.value = '';
  });

  return (
    <section class="card" aria-labelledby="team-title">
      <h2 id="team-title">{t.teamTitle}</h2>
      <ErrorText error={admin.error.value} />
      {owner && (
        <>
          <ul class="team">
            {admin.managers.value.map((m) => (
              <li key={m.id}>
                <strong>{m.name}</strong> <span>{m.email}</span> <span class="badge">{t.roles[m.role]}</span>{' '}
                {m.id !== me?.id && (
                  <button type="button" class="btn quiet" aria-label={t.removeManager(m.name)} onClick={() => void admin.removeManager(m.id)}>
                    {t.deleteField}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <form class="form" onSubmit={addManager} aria-label={t.addManager}>
            <label class="stack">
              <span>{t.managerName}</span>
              <input name="name" required maxLength={LIMITS.managerName} value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
            </label>
            <label class="stack">
              <span>{t.emailLabel}</span>
              <input name="email" type="email" required maxLength={LIMITS.email} value={email.value} onInput={(e) => (email.value = e.currentTarget.value)} />
            </label>
            <label class="stack">
              <span>{t.passwordLabel}</span>
              <input
                name="password"
                type="password"
                autocomplete="new-password"
                required
                aria-describedby="team-password-hint"
                aria-invalid={!!problem.value || undefined}
                value={password.value}
                onInput={(e) => (password.value = e.currentTarget.value)}
              />
            </label>
            <p class="hint" id="team-password-hint" role={problem.value ? 'alert' : undefined}>
              {problem.value ?? t.passwordHint(LIMITS.passwordMin)}
            </p>
            <label class="stack">
              <span>{t.role}</span>
              <select name="role" value={role.value} onChange={(e) => (role.value = e.currentTarget.value as ManagerRole)}>
                <option value="agent">{t.roles.agent}</option>
                <option value="owner">{t.roles.owner}</option>
              </select>
            </label>
            <div class="row">
              <button type="submit" class="btn primary">
                {t.addManager}
              </button>
            </div>
          </form>
        </>
      )}
      {me && (
        <>
          <h3>{t.apiTokens}</h3>
          {admin.newToken.value && (
            <p class="hint" role="status">
              {t.tokenShownOnce(admin.newToken.value.name)} <code>{admin.newToken.value.token}</code>
            </p>
          )}
          <ul class="team">
            {admin.tokens.value.map((token) => (
              <li key={token.id}>
                <strong>{token.name}</strong>{' '}
                <button type="button" class="btn quiet" aria-label={t.revokeToken(token.name)} onClick={() => void admin.revokeToken(token.id)}>
                  {t.revoke}
                </button>
              </li>
            ))}
          </ul>
          <form class="form" onSubmit={addToken} aria-label={t.addToken}>
            <label class="stack">
              <span>{t.tokenName}</span>
              <input name="tokenName" required maxLength={LIMITS.tokenName} value={tokenName.value} onInput={(e) => (tokenName.value = e.currentTarget.value)} />
            </label>
            <div class="row">
              <button type="submit" class="btn">
                {t.addToken}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
