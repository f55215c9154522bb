import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { SCORE_LABELS } from '../../shared/csat/scale';
import { useConsole } from '../context';
import type { ChatFilter } from '../model/chatFilter';
import { inboxHref } from '../model/createRouter';

const SCORES = ['5', '4', '3', '2', '1'] as const;

/** State, tag and CSAT filters; they live in the URL, so a filtered inbox can be linked to. */
export function InboxFilters() {
  const c = useConsole();
  const t = c.t.value;
  const { filter, chatId } = c.router.route.value;
  const tag = useSignal(filter.tag);
  useEffect(() => void (tag.value = filter.tag), [filter.tag]);

  const apply = (change: Partial<ChatFilter>) => c.router.navigate(inboxHref(chatId, { ...filter, ...change }), true);
  const applyTag = (event: Event) => {
    event.preventDefault();
    if (tag.value.trim() !== filter.tag) apply({ tag: tag.value.trim() });
  };
  const labels = SCORE_LABELS[c.language.value.value];

  return (
    <form class="filters" role="search" aria-label={t.filters} onSubmit={applyTag}>
      <label>
        <span>{t.stateFilter}</span>
        <select value={filter.state} onChange={(e) => apply({ state: e.currentTarget.value as ChatFilter['state'] })}>
          <option value="">{t.allStates}</option>
          <option value="opened">{t.states.opened}</option>
          <option value="closed">{t.states.closed}</option>
        </select>
      </label>
      <label>
        <span>{t.tagFilter}</span>
        <input type="search" value={tag.value} maxLength={100} onInput={(e) => (tag.value = e.currentTarget.value)} onChange={applyTag} />
      </label>
      <label>
        <span>{t.csatFilter}</span>
        <select value={filter.csat} onChange={(e) => apply({ csat: e.currentTarget.value as ChatFilter['csat'] })}>
          <option value="">{t.anyScore}</option>
          {SCORES.map((score) => (
            <option key={score} value={score}>
              {score} · {labels[Number(score) as 1]}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
