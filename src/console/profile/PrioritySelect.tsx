import { PRIORITIES, type Priority } from '../../shared/profile/fields';
import type { ProfileValue } from '../../shared/types';
import { useConsole } from '../context';
import { guard } from '../../browser/report';

/** The chat's priority, 높음/보통/낮음; an unset priority reads as medium, as the server says. */
export function PrioritySelect({ labelledBy, value }: { labelledBy: string; value: ProfileValue | undefined }) {
  const c = useConsole();
  const current = PRIORITIES.indexOf(value as Priority) >= 0 ? (value as Priority) : 'medium';
  const onChange = guard((event: Event) => c.chatView.edit({ priority: (event.currentTarget as HTMLSelectElement).value as Priority }));
  return (
    <select aria-labelledby={labelledBy} value={current} disabled={c.chatView.busy.value} onChange={onChange}>
      {PRIORITIES.map((priority) => (
        <option key={priority} value={priority}>
          {c.t.value.priorities[priority]}
        </option>
      ))}
    </select>
  );
}
