import { ApiError, isMissing } from '../api/createApi';
import { useConsole } from '../context';
import type { ConsoleStrings } from '../i18n';

/**
 * What to tell the manager about an error, in their language: a refusal by its code, else the
 * server's own sentence (it names the key and the rule).
 */
export function errorMessage(error: unknown, t: ConsoleStrings): string {
  if (isMissing(error)) return t.notAvailable;
  if (error instanceof ApiError) {
    if (error.status === 0) return t.networkError;
    return t.refusals[error.code] ?? error.message;
  }
  return error instanceof Error && error.message ? error.message : t.failed;
}

/** An error beside the form or view it belongs to, announced when it appears. */
export function ErrorText({ error, id }: { error: unknown; id?: string }) {
  const { t } = useConsole();
  if (!error) return null;
  return (
    <p class="err" role="alert" id={id}>
      {errorMessage(error, t.value)}
    </p>
  );
}
