import { effect } from '@preact/signals';
import { h, render } from 'preact';
import type { MessengerView, MountMessenger } from '../core/contract';
import { adoptStyles } from '../browser/adoptStyles';
import { createMessengerHost } from './host/createMessengerHost';
import type { MessengerChunks, MessengerHost } from './host/types';
import { guard } from '../browser/report';
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
    const host = createMessengerHost(bridge, chunks);
    const view = mountWithHost(host);
    return { ...view, destroy: guard(() => (view.destroy(), host.destroy())) };
  };
}

/** Renders the panel for a MessengerHost; `mount` builds the real one, tests pass a fake. */
export function mountWithHost(host: MessengerHost): MessengerView {
  const model = createMessenger(host);
  const doc = host.root.ownerDocument;
  const win = doc.defaultView;
  const removeStyles = adoptStyles(host.shadowRoot, messengerStyles, host.nonce);
  const unsubscribe = host.subscribe(guard(model.onEvent));

  const query = win && win.matchMedia ? win.matchMedia(NARROW) : undefined;
  const onQuery = guard(() => (model.narrow.value = !!query?.matches));
  onQuery();
  query?.addEventListener?.('change', onQuery);

  const stopViewing = effect(guard(() => host.viewing(model.view.value === 'thread' ? model.chatId.value : null)));
  const lockScroll = createScrollLock(doc);
  const stopLock = effect(guard(() => lockScroll(model.visible.value && model.narrow.value)));

  render(h(Root, { model }), host.root);

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
      render(null, host.root);
      removeStyles();
    }),
  };
}
