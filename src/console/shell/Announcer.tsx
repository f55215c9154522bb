import { useConsole } from '../context';

/** Polite live region: new customer messages are spoken without moving the manager's focus. */
export function Announcer() {
  const { announcement } = useConsole();
  return (
    <div class="sr" role="status" aria-live="polite" aria-atomic="true">
      {announcement.value}
    </div>
  );
}
