import type { CoreBridge, MessengerModule, MessengerView, ShowRequest } from './contract';
import type { Launcher } from './launcher';
import { doc } from '../browser/env';
import { reportError } from '../browser/report';

export interface MessengerControl {
  show(request?: ShowRequest): void;
  hide(): void;
  toggle(): void;
  isVisible(): boolean;
  /** Loads the chunk ahead of use (an incoming message makes a first open likely). */
  prefetch(): void;
  /** Puts focus back where it was before the messenger opened. */
  returnFocus(): void;
  destroy(): void;
}

/**
 * Loads the Preact messenger chunk on first use, mounts it once and keeps the launcher, the
 * show/hide callbacks and focus in step with it.
 */
export function createMessengerControl(
  load: () => Promise<MessengerModule>,
  makeBridge: () => CoreBridge,
  launcher: () => Launcher | undefined,
  onVisibility: (visible: boolean) => void,
): MessengerControl {
  let view: MessengerView | undefined;
  let loading: Promise<MessengerView | undefined> | undefined;
  let visible = false;
  let destroyed = false;
  let lastFocus: Element | null = null;

  const ensure = () =>
    (loading ||= load().then(
      (module) => (destroyed ? undefined : (view = module.mount(makeBridge()))),
      (error) => {
        loading = undefined; // a failed download may succeed on the next click
        reportError(error);
        return undefined;
      },
    ));

  const setVisible = (value: boolean) => {
    if (visible === value) return;
    visible = value;
    launcher()?.setExpanded(value);
    onVisibility(value);
  };

  const control: MessengerControl = {
    show(request) {
      if (!visible) lastFocus = doc ? doc.activeElement : null;
      setVisible(true);
      void ensure().then((v) => {
        if (v && visible) v.show(request);
      });
    },
    hide() {
      if (!visible) return;
      setVisible(false);
      view?.hide();
    },
    toggle() {
      if (visible) {
        control.hide();
        control.returnFocus();
      } else control.show();
    },
    isVisible: () => visible,
    prefetch() {
      void ensure();
    },
    returnFocus() {
      const target = lastFocus as HTMLElement | null;
      lastFocus = null;
      // Focus inside our shadow root shows up as the host element; the launcher is the right place then.
      if (target && target.isConnected && target.tagName !== 'SANGDAM-WIDGET' && target !== doc?.body) target.focus();
      else launcher()?.focus();
    },
    destroy() {
      destroyed = true;
      setVisible(false);
      view?.destroy();
      view = undefined;
    },
  };
  return control;
}
