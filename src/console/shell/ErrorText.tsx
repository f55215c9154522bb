import { ApiError, isMissing } from '../api/createApi';
import { useConsole } from '../context';
import type { ConsoleStrings } from '../i18n';

/** What to tell the manager about an error: the server's own message when it gave one. */
export function errorMessage(error: unknown, t: ConsoleStrings): string {
  if (isMissing(error)) return t.notAvailable;
  if (error instanceof ApiError) return error.status === 0 ? t.networkError : error.message;
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
