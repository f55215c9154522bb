import { guard } from '../../browser/report';
import { Icon } from './Icon';
import { useMessenger } from '../context';

/** Panel title (the dialog's label), back to the chat list, close. */
export function Header() {
  const m = useMessenger();
  return (
    <header class="hd">
      {m.view.value !== 'home' && (
        <button type="button" class="ib" aria-label={m.t.back} onClick={guard(m.openHome)}>
          <Icon name="back" />
        </button>
      )}
      <h2 id="sd-title">{m.channel.name}</h2>
      <button type="button" class="ib" aria-label={m.t.close} onClick={guard(() => m.close())}>
        <Icon name="close" />
      </button>
    </header>
  );
}
