import { fieldName } from '../../shared/profile/fields';
import type { StatsDimension } from '../../shared/managerApi';
import { isMissing } from '../api/createApi';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { ErrorText } from '../shell/ErrorText';
import { BreakdownTable } from './BreakdownTable';

const BUILT_IN_DIMENSIONS = ['product', 'page', 'tag', 'assignee'] as const;

/** The breakdown of the period's chats by the chosen dimension: built-ins, then String and List fields. */
export function Breakdown() {
  const c = useConsole();
  const t = c.t.value;
  const language = c.language.value.value;
  const view = c.statsView;
  const { breakdown } = view;
  const data = breakdown.data.value;
  const fields = c.schema.fields.value.filter((f) => !f.archived && !f.readyMade && (f.type === 'String' || f.type === 'List'));
  const label = (by: StatsDimension) => {
    if (by === 'product' || by === 'page' || by === 'tag' || by === 'assignee') return t.dimensions[by];
    const field = fields.find((f) => `field:${f.key}` === by);
    return field ? fieldName(field, language) : by.slice('field:'.length);
  };
  return (
    <section class="card" aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">{t.breakdownTitle}</h2>
      <p class="hint">{t.breakdownNote}</p>
      <label class="group-by">
        <span>{t.groupBy}</span>
        <select value={view.by.value} onChange={(e) => view.chooseBy(e.currentTarget.value as StatsDimension)}>
          {BUILT_IN_DIMENSIONS.map((by) => (
            <option key={by} value={by}>
              {t.dimensions[by]}
            </option>
          ))}
          {fields.map((f) => (
            <option key={f.key} value={`field:${f.key}`}>
              {fieldName(f, language)}
            </option>
          ))}
        </select>
      </label>
      {breakdown.status.value === 'error' && isMissing(breakdown.error.value) && <p class="hint">{t.notAvailable}</p>}
      {breakdown.status.value === 'error' && !isMissing(breakdown.error.value) && (
        <div class="list-state">
          <ErrorText error={breakdown.error.value} />
          <button type="button" class="btn" onClick={guard(() => breakdown.load())}>
            {t.retry}
          </button>
        </div>
      )}
      {!data && breakdown.status.value === 'loading' && <p role="status">{t.loading}</p>}
      {data && breakdown.status.value !== 'error' && (data.total.chats === 0 ? <p>{t.noChatsInPeriod}</p> : <BreakdownTable stats={data} caption={label(data.by)} />)}
    </section>
  );
}
