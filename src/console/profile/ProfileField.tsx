import { useConsole } from '../context';
import { formatProfileValue } from '../format/formatProfileValue';
import type { ProfileRow } from '../model/profileRows';
import { CustomValueEditor } from './CustomValueEditor';
import { DescriptionEditor } from './DescriptionEditor';
import { PrioritySelect } from './PrioritySelect';
import { TagEditor } from './TagEditor';

/** One field of the profile panel: its name, and its value or the control that edits it. */
export function ProfileField({ row }: { row: ProfileRow }) {
  const c = useConsole();
  const id = `pf-${row.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  let value;
  if (row.kind === 'priority') value = <PrioritySelect labelledBy={id} value={row.value} />;
  else if (row.kind === 'tags') value = <TagEditor labelledBy={id} value={row.value} />;
  else if (row.kind === 'description') value = <DescriptionEditor labelledBy={id} name={row.name} value={row.value} />;
  else if (row.kind === 'custom') value = <CustomValueEditor fieldKey={row.key} name={row.name} type={row.type} labelledBy={id} value={row.value} options={row.options} />;
  else {
    const text = formatProfileValue(row.key, row.type, row.value, c.language.value.value);
    value = row.key === 'source.page' && typeof row.value === 'string' && /^https?:\/\//i.test(row.value) ? (
      <a href={row.value} target="_blank" rel="noopener noreferrer nofollow">
        {text}
      </a>
    ) : (
      text
    );
  }
  return (
    <div class="field">
      <dt id={id}>
        {row.name}
        {row.archived && <span class="badge">{c.t.value.archived}</span>}
      </dt>
      <dd>{value}</dd>
    </div>
  );
}
