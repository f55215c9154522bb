import { signal } from '../../browser/signals';
import { reportError } from '../../browser/report';

/**
 * A value the messenger loads on demand into a signal, such as a chunk split off from it.
 * `load()` starts unless the value is here or on its way; a failure is reported and flagged, and
 * calling `load()` again retries.
 * @example const survey = createLoadable(services.loadSurvey); survey.load(); effect(() => survey.value.value)
 */
export function createLoadable<T>(fetch: () => Promise<T>) {
  const value = signal<T | null>(null);
  const failed = signal(false);
  let loading = false;
  const load = () => {
    if (value.value || loading) return;
    loading = true;
    failed.value = false;
    fetch().then(
      (loaded) => {
        loading = false;
        value.value = loaded;
      },
      (error) => {
        loading = false;
        reportError(error);
        failed.value = true;
      },
    );
  };
  return { value, failed, load };
}
