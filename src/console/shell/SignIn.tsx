import { useSignal } from '@preact/signals';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { ErrorText } from './ErrorText';
import { LanguageSelect } from './LanguageSelect';

/** The manager-token form; says so when the last token was refused. */
export function SignIn() {
  const c = useConsole();
  const t = c.t.value;
  const token = useSignal('');
  const onSubmit = guard((event: Event) => {
    event.preventDefault();
    return c.signIn(token.value);
  });
  const refused = c.session.refused.value;
  return (
    <main id="main" class="signin">
      <form class="card" onSubmit={onSubmit} aria-labelledby="signin-title">
        <h1 id="signin-title">{t.signInTitle}</h1>
        {refused && (
          <p class="err" role="alert">
            {t.tokenRefused}
          </p>
        )}
        <ErrorText error={c.signInError.value} />
        <label for="token">{t.tokenLabel}</label>
        <input
          id="token"
          type="password"
          autocomplete="current-password"
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
          <button type="submit" class="btn primary" disabled={c.signingIn.value}>
            {t.signIn}
          </button>
          <LanguageSelect />
        </div>
      </form>
    </main>
  );
}
