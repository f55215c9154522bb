import { CONDITION_LIMITS, type Condition } from '../../shared/conditions/index';
import { chatKeyTypeOf } from '../../shared/csat/settings';
import { useConsole } from '../context';
import { errorMessage } from '../shell/ErrorText';
import { ChatKeySelect } from './ChatKeySelect';
import { ConditionEditor, type ConditionsChange } from './ConditionEditor';
import { withKey } from './conditionValue';

const NEW_CONDITION: Condition = { key: '', op: 'eq', value: '' };

/**
 * The survey's conditions: on the customer's profile (keys typed freely, values read by the op)
 * and on the chat's own profile (keys from the channel's schema, ops and values by their type).
 */
export function SurveyConditions() {
  const c = useConsole();
  const t = c.t.value;
  const { csatRule, schema } = c;
  const rule = csatRule.draft.value;
  if (!rule) return null;
  const typeOf = chatKeyTypeOf(schema.fields.value);
  const stale = new Set((rule.problems ?? []).map((problem) => problem.key));
  const error = csatRule.saveError.value ? errorMessage(csatRule.saveError.value, t) : '';
  const change =
    (list: 'profile' | 'chat'): ConditionsChange =>
    (edit) =>
      csatRule.update((current) => ({ ...current, filters: { ...current.filters, [list]: edit(current.filters[list]) } }));

  return (
    <>
      <ConditionEditor
        list="profile"
        legend={t.conditions}
        hint={t.conditionsHint}
        addLabel={t.addCondition}
        removeLabel={t.removeCondition}
        conditions={rule.filters.profile}
        typeOf={() => undefined}
        error={error}
        newCondition={NEW_CONDITION}
        onChange={change('profile')}
        renderKey={(condition, edit, describedBy) => (
          <label class="stack">
            <span>{t.conditionKey}</span>
            <input maxLength={CONDITION_LIMITS.key} value={condition.key} aria-describedby={describedBy} onInput={(e) => edit((old) => ({ ...old, key: e.currentTarget.value }))} />
          </label>
        )}
      />
      <ConditionEditor
        list="chat"
        legend={t.chatConditions}
        hint={t.chatConditionsHint}
        addLabel={t.addChatCondition}
        removeLabel={t.removeChatCondition}
        conditions={rule.filters.chat}
        typeOf={typeOf}
        error={error}
        newCondition={NEW_CONDITION}
        onChange={change('chat')}
        renderKey={(condition, edit, describedBy) => (
          <ChatKeySelect
            value={condition.key}
            builtIns={schema.builtIns.value}
            fields={schema.fields.value}
            known={typeOf(condition.key) !== undefined}
            invalid={stale.has(condition.key)}
            describedBy={describedBy}
            onChange={(key) => edit((old) => withKey(old, typeOf(old.key), key, typeOf(key)))}
          />
        )}
      />
    </>
  );
}
