/**
 * How the condition editors show and read a condition's value: which input fits the key's type
 * and the op (the ops themselves come from the shared `opsFor`), the value as that input's text,
 * and the text back as the value the shared validator and the server expect.
 */
import { opsFor, OPS, type Condition, type ConditionValue, type Op } from '../../shared/conditions/index';
import type { BuiltInType } from '../../shared/profile/fields';

/**
 * `ordered` is `lt`…`gte` on a key without a schema (a customer profile's): a number, or a date
 * `YYYY-MM-DD`; `minutes` a duration typed in minutes and sent in milliseconds; `datetime` a
 * local date and time sent as milliseconds.
 */
export type ValueKind = 'none' | 'text' | 'number' | 'minutes' | 'days' | 'date' | 'datetime' | 'boolean' | 'list' | 'ordered';

const MINUTE = 60_000;
const BY_TYPE: Record<BuiltInType, ValueKind> = { Boolean: 'boolean', String: 'text', Number: 'number', Duration: 'minutes', Date: 'date', Datetime: 'datetime', List: 'list' };

/** The ops offered for a key of `type`; every op for a key without one (free-form or deleted). */
export const opsOf = (type: BuiltInType | undefined): readonly Op[] => (type ? opsFor(type) : OPS);

/** The input that fits `op` on a key of `type` (undefined: read by the op alone). */
export function valueKind(type: BuiltInType | undefined, op: Op): ValueKind {
  if (op === 'exists' || op === 'missing') return 'none';
  if (op === 'withinDays') return 'days';
  if (op === 'containsAny' || op === 'containsAll') return 'list';
  if (op === 'contains') return 'text';
  if (!type) return op === 'eq' || op === 'neq' ? 'text' : 'ordered';
  return BY_TYPE[type];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value as its input's text ('' when there is none yet). */
export function toText(kind: ValueKind, value: ConditionValue | undefined): string {
  if (value === undefined || value === '') return '';
  if (kind === 'list') return Array.isArray(value) ? value.join(', ') : String(value);
  if (kind === 'minutes' && typeof value === 'number') return String(value / MINUTE);
  if (kind === 'datetime' && typeof value === 'number') {
    const d = new Date(value);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
  return String(value);
}

const numberOf = (text: string) => (text.trim() && Number.isFinite(Number(text)) ? Number(text) : undefined);

/**
 * The input's text as the condition's value. Text that is not a value of the kind (an empty
 * number) stays text, so the shared validator refuses it with its own rule, naming the key.
 */
export function fromText(kind: ValueKind, text: string): ConditionValue {
  switch (kind) {
    case 'list':
      return text.split(',').map((item) => item.trim()).filter(Boolean);
    case 'boolean':
      return text === 'true';
    case 'number':
    case 'days':
      return numberOf(text) ?? text;
    case 'ordered':
      return numberOf(text) ?? text.trim();
    case 'minutes': {
      const minutes = numberOf(text);
      return minutes === undefined ? text : Math.round(minutes * MINUTE);
    }
    case 'datetime': {
      // `YYYY-MM-DDTHH:mm` without an offset is the browser's local time.
      const ms = text ? new Date(text).getTime() : Number.NaN;
      return Number.isNaN(ms) ? text : ms;
    }
    default:
      return text;
  }
}

/** A condition with `op` on a key of `type`: the value kept while its input stays the same, else a fresh one. */
export function withOp(condition: Condition, type: BuiltInType | undefined, op: Op): Condition {
  const kind = valueKind(type, op);
  if (kind === 'none') return { key: condition.key, op };
  const same = 'value' in condition && condition.value !== undefined && valueKind(type, condition.op) === kind;
  return { key: condition.key, op, value: same ? condition.value! : fromText(kind, kind === 'boolean' ? 'true' : '') };
}

/** The condition moved to another key: its op kept when it fits the key's type, else `eq`. */
export function withKey(condition: Condition, oldType: BuiltInType | undefined, key: string, type: BuiltInType | undefined): Condition {
  const op = opsOf(type).indexOf(condition.op) >= 0 ? condition.op : 'eq';
  const moved = valueKind(oldType, condition.op) === valueKind(type, op) ? { ...condition, key } : { key, op: condition.op };
  return withOp(moved, type, op);
}
