import { useMessenger } from '../context';
import { guard } from '../../browser/report';
import { Icon } from './Icon';

/** What the panel shows after a rendering error: a message and a way to close. Reads no chat data. */
export function Failure() {
  const m = useMessenger();
  return (
    <div class="panel" lang={m.language} role="dialog" aria-labelledby="sd-title" hidden={!m.visible.value}>
      <header class="hd">
        <h2 id="sd-title">{m.t.failed}</h2>
        <button type="button" class="ib" aria-label={m.t.close} onClick={guard(() => m.close())}>
          <Icon name="close" />
        </button>
      </header>
    </div>
  );
}
