import type { ProfileCondition } from '../../shared/csat/settings';
import { useConsole } from '../context';

const OPS = ['eq', 'neq', 'exists', 'missing'] as const;

/** A condition as edited: the value is kept as text and dropped for exists / missing. */
function withOp(condition: ProfileCondition, op: ProfileCondition['op']): ProfileCondition {
  if (op === 'exists' || op === 'missing') return { key: condition.key, op };
  return { key: condition.key, op, value: 'value' in condition ? condition.value : '' };
}

type Change = (change: (current: ProfileCondition[]) => ProfileCondition[]) => void;

/** The survey's customer-profile conditions (e.g. grade equals VIP), all of which must hold. */
export function ConditionList({ conditions, onChange }: { conditions: ProfileCondition[]; onChange: Change }) {
  const c = useConsole();
  const t = c.t.value;
  const change = (index: number, edit: (old: ProfileCondition) => ProfileCondition) => onChange((list) => list.map((old, i) => (i === index ? edit(old) : old)));
  return (
    <fieldset>
      <legend>{t.conditions}</legend>
      <p class="hint">{t.conditionsHint}</p>
      {conditions.map((condition, index) => (
        <div key={index} class="condition row" role="group" aria-label={`${t.conditions} ${index + 1}`}>
          <label class="stack">
            <span>{t.conditionKey}</span>
            <input maxLength={60} value={condition.key} onInput={(e) => change(index, (old) => ({ ...old, key: e.currentTarget.value }))} />
          </label>
          <label class="stack">
            <span>{t.conditionOp}</span>
            <select value={condition.op} onChange={(e) => change(index, (old) => withOp(old, e.currentTarget.value as ProfileCondition['op']))}>
              {OPS.map((op) => (
                <option key={op} value={op}>
                  {t.ops[op]}
                </option>
              ))}
            </select>
          </label>
          {'value' in condition && (
            <label class="stack">
              <span>{t.conditionValue}</span>
              <input maxLength={200} value={String(condition.value)} onInput={(e) => change(index, (old) => ({ ...old, value: e.currentTarget.value }) as ProfileCondition)} />
            </label>
          )}
          <button type="button" class="btn quiet" onClick={() => onChange((list) => list.filter((_, i) => i !== index))}>
            {t.removeCondition(index + 1)}
          </button>
        </div>
      ))}
      <button type="button" class="btn" disabled={conditions.length >= 10} onClick={() => onChange((list) => [...list, { key: '', op: 'eq', value: '' }])}>
        {t.addCondition}
      </button>
    </fieldset>
  );
}
