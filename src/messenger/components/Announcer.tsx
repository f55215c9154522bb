import { useMessenger } from '../context';

/** Polite live region: screen readers hear new incoming messages without losing their place. */
export function Announcer() {
  const m = useMessenger();
  return (
    <div class="sr" role="status" aria-live="polite" aria-atomic="true">
      {m.announcement.value}
    </div>
  );
}
