import { ErrorBoundary } from './ErrorBoundary';
import { MessengerContext } from './context';
import { Messenger } from './Messenger';
import type { Messenger as Model } from './model/createMessenger';

/** Provides the model to the panel and keeps any rendering error inside it. */
export function Root({ model }: { model: Model }) {
  return (
    <MessengerContext.Provider value={model}>
      <ErrorBoundary>
        <Messenger />
      </ErrorBoundary>
    </MessengerContext.Provider>
  );
}
