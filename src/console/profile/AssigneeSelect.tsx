import { guard } from '../../browser/report';
import type { ManagerChat } from '../../shared/managerApi';
import { useConsole } from '../context';

/** Who owns the chat, reassigned by choosing another teammate (or nobody). */
export function AssigneeSelect({ chat }: { chat: ManagerChat }) {
  const c = useConsole();
  const t = c.t.value;
  const teammates = c.team.teammates.value;
  const onChange = guard((event: Event) => {
    const id = (event.currentTarget as HTMLSelectElement).value;
    return c.chatView.edit({ assigneeId: id || null });
  });
  // An assignee this console does not list (deleted meanwhile) still shows as chosen.
  const known = !chat.assigneeId || teammates.some((m) => m.id === chat.assigneeId);
  return (
    <div class="field">
      <dt id="pf-assignee">{t.assignee}</dt>
      <dd>
        <select aria-labelledby="pf-assignee" value={chat.assigneeId ?? ''} disabled={c.chatView.busy.value} onChange={onChange}>
          <option value="">{t.unassigned}</option>
          {!known && <option value={chat.assigneeId!}>{chat.assigneeId}</option>}
          {teammates.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </dd>
    </div>
  );
}
