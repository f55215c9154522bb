import { useSignal } from '@preact/signals';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { ApiError } from '../api/createApi';
import { ErrorText } from './ErrorText';
import { LanguageSelect } from './LanguageSelect';

/**
 * Signing in, in one form with one button: an account's email and password, or an API token
 * (MANAGER_TOKEN before any account exists) in its own field, which wins when filled. Says so when
 * the last attempt was refused.
 */
export function SignIn() {
  const c = useConsole();
  const t = c.t.value;
  const email = useSignal('');
  const password = useSignal('');
  const token = useSignal('');
  /** Which way the last attempt went, so its refusal is said of the right fields. */
  const used = useSignal<'password' | 'token'>('password');
  const onSubmit = guard((event: Event) => {
    event.preventDefault();
    if (token.value.trim()) {
      used.value = 'token';
      return c.signIn(token.value);
    }
    used.value = 'password';
    return c.signInWithPassword(email.value, password.value);
  });
  const refused = c.session.refused.value;
  const error = c.signInError.value;
  const wrongPassword = used.value === 'password' && error instanceof ApiError && error.status === 401;
  return (
    <main id="main" class="signin">
      <form class="card" onSubmit={onSubmit} aria-labelledby="signin-title">
        <h1 id="signin-title">{t.signInTitle}</h1>
        {refused && (
          <p class="err" role="alert">
            {t.tokenRefused}
          </p>
        )}
        {/* A wrong password reads as its code says (invalid_credentials), in the manager's language. */}
        <ErrorText error={error} />
        <label for="email">{t.emailLabel}</label>
        <input
          id="email"
          type="email"
          autocomplete="username"
          aria-invalid={wrongPassword || undefined}
          value={email.value}
          onInput={(event) => (email.value = event.currentTarget.value)}
        />
        <label for="password">{t.passwordLabel}</label>
        <input
          id="password"
          type="password"
          autocomplete="current-password"
          aria-invalid={wrongPassword || undefined}
          value={password.value}
          onInput={(event) => (password.value = event.currentTarget.value)}
        />
        <p class="hint or" id="token-title">
          {t.useToken}
        </p>
        <label for="token">{t.tokenLabel}</label>
        <input
          id="token"
          type="password"
          autocomplete="off"
          aria-describedby="token-title token-hint"
          aria-invalid={refused || undefined}
          value={token.value}
          onInput={(event) => (token.value = event.currentTarget.value)}
        />
        <p id="token-hint" class="hint">
          {t.tokenHint}
        </p>
        <div class="row">
          <button type="submit" class="btn primary" disabled={c.signingIn.value}>
            {t.signIn}
          </button>
          <LanguageSelect />
        </div>
      </form>
    </main>
  );
}
