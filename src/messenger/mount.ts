import { effect } from '../browser/signals';
import { h, render } from 'preact';
import type { MessengerView, MountMessenger } from '../core/contract';
import { adoptStyles } from '../browser/adoptStyles';
import { createMessengerServices } from './services/createMessengerServices';
import type { MessengerChunks, MessengerServices } from './services/types';
import { guard } from '../browser/report';
import { trackSignals } from '../browser/trackSignals';
import { createScrollLock } from './lockScroll';
import { createMessenger } from './model/createMessenger';
import { Root } from './components/Root';
import { messengerStyles } from './styles';

const NARROW = '(max-width: 520px)';

/**
 * The messenger's `mount`, given how to load its chunks: messenger.js imports them from beside
 * itself (src/entrypoints/messenger.ts), the npm build leaves the split to the app's bundler (index.ts).
 * @example export const mount = mountWith({ strings: { en: () => import('../entrypoints/messenger.en'), … }, survey: () => import('../entrypoints/survey') })
 */
export function mountWith(chunks: MessengerChunks): MountMessenger {
  return (bridge) => {
    const services = createMessengerServices(bridge, chunks);
    const view = mountWithServices(services);
    return { ...view, destroy: guard(() => (view.destroy(), services.destroy())) };
  };
}

/** Renders the panel on MessengerServices; `mount` builds the real one, tests pass a fake. */
export function mountWithServices(services: MessengerServices): MessengerView {
  trackSignals();
  const model = createMessenger(services);
  const doc = services.root.ownerDocument;
  const win = doc.defaultView;
  const removeStyles = adoptStyles(services.shadowRoot, messengerStyles, services.nonce);
  const unsubscribe = services.subscribe(guard(model.onEvent));

  const query = win && win.matchMedia ? win.matchMedia(NARROW) : undefined;
  const onQuery = guard(() => (model.narrow.value = !!query?.matches));
  onQuery();
  query?.addEventListener?.('change', onQuery);

  const stopViewing = effect(guard(() => services.viewing(model.view.value === 'thread' ? model.chatId.value : null)));
  const lockScroll = createScrollLock(doc);
  const stopLock = effect(guard(() => lockScroll(model.visible.value && model.narrow.value)));

  render(h(Root, { model }), services.root);

  return {
    show: guard(model.show),
    hide: guard(model.hide),
    destroy: guard(() => {
      model.hide();
      stopLock();
      stopViewing();
      lockScroll(false);
      query?.removeEventListener?.('change', onQuery);
      unsubscribe();
      render(null, services.root);
      removeStyles();
    }),
  };
}
