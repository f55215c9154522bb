import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { SCORE_LABELS } from '../../shared/csat/scale';
import { useConsole } from '../context';
import type { ChatFilter } from '../model/chatFilter';
import { inboxHref } from '../model/createRouter';

const SCORES = ['5', '4', '3', '2', '1'] as const;

/** How long typing rests before the search runs: results as you type, not a request per key. */
const SEARCH_DELAY_MS = 250;

/**
 * The search box and the view, state, tag and CSAT filters; they live in the URL, so a filtered
 * inbox can be linked to.
 */
export function InboxFilters() {
  const c = useConsole();
  const t = c.t.value;
  const { filter, chatId } = c.router.route.value;
  const tag = useSignal(filter.tag);
  useEffect(() => void (tag.value = filter.tag), [filter.tag]);
  const q = useSignal(filter.q ?? '');
  useEffect(() => {
    // Another route (a link, the back button) sets the box, unless it already reads the same.
    if (q.peek().trim() !== (filter.q ?? '')) q.value = filter.q ?? '';
  }, [filter.q]);
  useEffect(() => {
    const text = q.value.trim();
    if (text === (filter.q ?? '') || (text && !/[\p{L}\p{N}]/u.test(text))) return;
    const timer = c.win.setTimeout(() => apply({ q: text || undefined }), SEARCH_DELAY_MS);
    return () => c.win.clearTimeout(timer);
  }, [q.value]);

  const apply = (change: Partial<ChatFilter>) => c.router.navigate(inboxHref(chatId, { ...filter, ...change }), true);
  const applyTag = (event: Event) => {
    event.preventDefault();
    if (tag.value.trim() !== filter.tag) apply({ tag: tag.value.trim() });
  };
  const labels = SCORE_LABELS[c.language.value.value];

  return (
    <form class="filters" role="search" aria-label={t.filters} onSubmit={applyTag}>
      <label class="search">
        <span>{t.searchLabel}</span>
        <input
          type="search"
          name="q"
          value={q.value}
          maxLength={200}
          placeholder={t.searchPlaceholder}
          onInput={(e) => (q.value = e.currentTarget.value)}
        />
      </label>
      <label>
        <span>{t.viewFilter}</span>
        <select name="assignee" value={filter.assignee ?? ''} onChange={(e) => apply({ assignee: (e.currentTarget.value || undefined) as ChatFilter['assignee'] })}>
          {(['', 'me', 'none'] as const).map((view) => (
            <option key={view} value={view}>
              {t.views[view]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.stateFilter}</span>
        <select name="state" value={filter.state} onChange={(e) => apply({ state: e.currentTarget.value as ChatFilter['state'] })}>
          <option value="">{t.allStates}</option>
          <option value="opened">{t.states.opened}</option>
          <option value="closed">{t.states.closed}</option>
        </select>
      </label>
      <label>
        <span>{t.tagFilter}</span>
        <input type="search" name="tag" value={tag.value} maxLength={100} onInput={(e) => (tag.value = e.currentTarget.value)} onChange={applyTag} />
      </label>
      <label>
        <span>{t.csatFilter(c.schema.nameOf('profile.csat', c.language.value.value, 'CSAT'))}</span>
        <select name="csat" value={filter.csat} onChange={(e) => apply({ csat: e.currentTarget.value as ChatFilter['csat'] })}>
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
