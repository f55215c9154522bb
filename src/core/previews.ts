import { guard, reportError } from '../browser/report';
import type { PopupModule, PopupOptions, PopupView, Preview } from './popupContract';

export interface Previews {
  /** Shows a new message's card, unless `hidden()` says the messenger shows it already. */
  show(preview: Preview): void;
  hide(): void;
  destroy(): void;
}

/**
 * The preview cards of new messages while the messenger is closed: the popup chunk loads with the
 * first one. Every use waits for it in order, so a hide or a shutdown never overtakes a show.
 */
export function createPreviews(load: () => Promise<PopupModule>, root: ShadowRoot, options: PopupOptions, hidden: () => boolean): Previews {
  let popup: Promise<PopupView | void> | undefined;
  const withPopup = (use: (view: PopupView) => void) => popup && popup.then(guard((view: PopupView | void) => view && use(view)));
  return {
    show(preview) {
      popup ||= load()
        .then((module) => module.mountPopup(root, options))
        .catch((error) => {
          popup = undefined; // the next message tries again
          reportError(error);
        });
      withPopup((view) => hidden() || view.show(preview));
    },
    hide: () => withPopup((view) => view.hide()),
    destroy: () => withPopup((view) => view.destroy()),
  };
}
