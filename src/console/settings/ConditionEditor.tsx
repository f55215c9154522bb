import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { CONDITION_LIMITS, type Condition, type Op } from '../../shared/conditions/index';
import type { BuiltInType } from '../../shared/profile/fields';
import { useConsole } from '../context';
import { ConditionValueInput } from './ConditionValueInput';
import { opsOf, valueKind, withOp } from './conditionValue';

type Edit = (edit: (old: Condition) => Condition) => void;
export type ConditionsChange = (change: (current: Condition[]) => Condition[]) => void;

export interface ConditionEditorProps {
  /** The filter edited (`filters.profile`, `filters.chat`): names the rows and finds their errors. */
  list: 'profile' | 'chat';
  legend: string;
  hint: string;
  addLabel: string;
  removeLabel: (index: number) => string;
  conditions: readonly Condition[];
  /** The type of a key; undefined for a key without a schema (the value is then read by the op). */
  typeOf: (key: string) => BuiltInType | undefined;
  /** The refusal of the last save (the shared validator's or the server's), shown on the row it names. */
  error: string;
  newCondition: Condition;
  renderKey: (condition: Condition, edit: Edit, describedBy: string | undefined) => JSX.Element;
  onChange: ConditionsChange;
}

/** The row a refusal names: `filters.chat[2].value: …` is row 2 of `chat`. */
function rowOf(error: string, list: string): number {
  const match = /^filters\.(\w+)\[(\d+)\][.:]/.exec(error);
  return match && match[1] === list ? Number(match[2]) : -1;
}

/**
 * A list of conditions, all of which must hold: per row the key (as the caller renders it), the
 * ops that fit its type, and the value input that fits the op. Added rows take the focus; a
 * removed row hands it to the Add button.
 */
export function ConditionEditor(props: ConditionEditorProps) {
  const { list, conditions, typeOf, onChange } = props;
  const t = useConsole().t.value;
  const root = useRef<HTMLFieldSetElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const moved = useRef<'added' | 'removed' | null>(null);
  useEffect(() => {
    const rows = root.current?.querySelectorAll('.condition');
    if (moved.current === 'added') rows?.[rows.length - 1]?.querySelector<HTMLElement>('input, select')?.focus();
    if (moved.current === 'removed') addButton.current?.focus();
    moved.current = null;
  }, [conditions.length]);
  const errorRow = rowOf(props.error, list);
  const edit = (index: number): Edit => (change) => onChange((current) => current.map((old, i) => (i === index ? change(old) : old)));
  const remove = (index: number) => {
    moved.current = 'removed';
    onChange((current) => current.filter((_, i) => i !== index));
  };
  const add = () => {
    moved.current = 'added';
    onChange((current) => [...current, props.newCondition]);
  };

  return (
    <fieldset ref={root}>
      <legend>{props.legend}</legend>
      <p class="hint">{props.hint}</p>
      {conditions.map((condition, index) => {
        const type = typeOf(condition.key);
        const kind = valueKind(type, condition.op);
        const ops = opsOf(type);
        const errorId = errorRow === index ? `${list}-condition-${index}-error` : undefined;
        return (
          <div key={index} class="condition row" role="group" aria-label={`${props.legend} ${index + 1}`}>
            {props.renderKey(condition, edit(index), errorId)}
            <label class="stack">
              <span>{t.conditionOp}</span>
              <select value={condition.op} aria-describedby={errorId} onChange={(e) => edit(index)((old) => withOp(old, typeOf(old.key), e.currentTarget.value as Op))}>
                {(ops.indexOf(condition.op) < 0 ? [condition.op, ...ops] : ops).map((op) => (
                  <option key={op} value={op}>
                    {t.ops[op]}
                  </option>
                ))}
              </select>
            </label>
            {kind !== 'none' && (
              <ConditionValueInput
                kind={kind}
                value={condition.value}
                invalid={errorId !== undefined}
                describedBy={errorId}
                onChange={(value) => edit(index)((old) => ({ ...old, value }))}
              />
            )}
            <button type="button" class="btn quiet" onClick={() => remove(index)}>
              {props.removeLabel(index + 1)}
            </button>
            {errorId && (
              <p class="err" id={errorId}>
                {props.error}
              </p>
            )}
          </div>
        );
      })}
      <button ref={addButton} type="button" class="btn" disabled={conditions.length >= CONDITION_LIMITS.conditions} onClick={add}>
        {props.addLabel}
      </button>
    </fieldset>
  );
}
