import { useConsole } from '../context';

/** Whether live updates are flowing; shown as text, not only as a coloured dot. */
export function LiveStatus() {
  const c = useConsole();
  const live = c.liveStatus.value === 'live';
  return (
    <span class={live ? 'live on' : 'live'}>
      <span class="dot" aria-hidden="true" />
      {live ? c.t.value.live : c.t.value.reconnecting}
    </span>
  );
}
