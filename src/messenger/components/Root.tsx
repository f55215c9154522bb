import { ErrorBoundary } from './ErrorBoundary';
import { MessengerContext } from '../context';
import { Messenger } from './Messenger';
import type { Messenger as Model } from '../model/createMessenger';

/**
 * Provides the model to the panel and keeps any rendering error inside it. Nothing renders until
 * the strings of the customer's language are here, so no other language ever shows.
 */
export function Root({ model }: { model: Model }) {
  if (!model.strings.value) return null;
  return (
    <MessengerContext.Provider value={model}>
      <ErrorBoundary>
        <Messenger />
      </ErrorBoundary>
    </MessengerContext.Provider>
  );
}
