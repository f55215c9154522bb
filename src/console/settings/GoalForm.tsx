import { MAX_GOAL_WINDOW_DAYS } from '../../shared/goal';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { ErrorText } from '../shell/ErrorText';
import { SaveRow } from './SaveRow';

/** 상담 목표: the event a chat's customer should track, and within how many days of the chat. */
export function GoalForm() {
  const c = useConsole();
  const t = c.t.value;
  const { goal } = c;
  const value = goal.draft.value;
  const onSubmit = guard((event: Event) => {
    event.preventDefault();
    return goal.save();
  });
  return (
    <section class="card" aria-labelledby="goal-title">
      <h2 id="goal-title">{t.goalTitle}</h2>
      {!value ? (
        goal.status.value === 'error' ? <ErrorText error={goal.error.value} /> : <p>{t.loading}</p>
      ) : (
        <form class="form goal-form" onSubmit={onSubmit}>
          <p class="hint" id="goal-hint">{t.goalHint}</p>
          <label class="stack">
            <span>{t.goalEvent}</span>
            <input
              name="eventName"
              aria-describedby="goal-hint"
              value={value.eventName ?? ''}
              // An empty name turns goals off.
              onInput={(e) => {
                const text = e.currentTarget.value.trim();
                goal.update((current) => ({ ...current, eventName: text === '' ? null : text }));
              }}
            />
          </label>
          <label class="stack">
            <span>{t.goalWindowDays}</span>
            <input
              name="windowDays"
              type="number"
              min={1}
              max={MAX_GOAL_WINDOW_DAYS}
              step={1}
              value={String(value.windowDays)}
              onInput={(e) => {
                const days = e.currentTarget.valueAsNumber;
                goal.update((current) => ({ ...current, windowDays: days }));
              }}
            />
          </label>
          <SaveRow form={goal} />
        </form>
      )}
    </section>
  );
}
