import { useSignal } from '@preact/signals';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { ApiError } from '../api/createApi';
import { ErrorText } from './ErrorText';
import { LanguageSelect } from './LanguageSelect';

/**
 * Signing in: with an account's email and password, or with an API token (MANAGER_TOKEN before
 * any account exists). Says so when the last attempt was refused.
 */
export function SignIn() {
  const c = useConsole();
  const t = c.t.value;
  const email = useSignal('');
  const password = useSignal('');
  const token = useSignal('');
  /** Which form the last attempt came from, so its refusal shows there. */
  const used = useSignal<'password' | 'token'>('password');
  const onPassword = guard((event: Event) => {
    event.preventDefault();
    used.value = 'password';
    return c.signInWithPassword(email.value, password.value);
  });
  const onToken = guard((event: Event) => {
    event.preventDefault();
    used.value = 'token';
    return c.signIn(token.value);
  });
  const refused = c.session.refused.value;
  const error = c.signInError.value;
  const wrongPassword = used.value === 'password' && error instanceof ApiError && error.status === 401;
  return (
    <main id="main" class="signin">
      <div class="card">
        <h1 id="signin-title">{t.signInTitle}</h1>
        <form onSubmit={onPassword} aria-labelledby="signin-title">
          {wrongPassword ? (
            <p class="err" role="alert">
              {t.credentialsRefused}
            </p>
          ) : (
            used.value === 'password' && <ErrorText error={error} />
          )}
          <label for="email">{t.emailLabel}</label>
          <input
            id="email"
            type="email"
            autocomplete="username"
            required
            aria-invalid={wrongPassword || undefined}
            value={email.value}
            onInput={(event) => (email.value = event.currentTarget.value)}
          />
          <label for="password">{t.passwordLabel}</label>
          <input
            id="password"
            type="password"
            autocomplete="current-password"
            required
            aria-invalid={wrongPassword || undefined}
            value={password.value}
            onInput={(event) => (password.value = event.currentTarget.value)}
          />
          <div class="row">
            <button type="submit" class="btn primary" disabled={c.signingIn.value}>
              {t.signIn}
            </button>
            <LanguageSelect />
          </div>
        </form>
        <form onSubmit={onToken} aria-labelledby="token-title" class="signin-token">
          <h2 id="token-title">{t.useToken}</h2>
          {refused && (
            <p class="err" role="alert">
              {t.tokenRefused}
            </p>
          )}
          {used.value === 'token' && <ErrorText error={error} />}
          <label for="token">{t.tokenLabel}</label>
          <input
            id="token"
            type="password"
            autocomplete="off"
            required
            aria-describedby="token-hint"
            aria-invalid={refused || undefined}
            value={token.value}
            onInput={(event) => (token.value = event.currentTarget.value)}
          />
          <p id="token-hint" class="hint">
            {t.tokenHint}
          </p>
          <div class="row">
            <button type="submit" class="btn" disabled={c.signingIn.value}>
              {t.signIn}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
