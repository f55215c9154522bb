import type { DimensionStats, StatsFigures } from '../../shared/managerApi';
import { useConsole } from '../context';
import { formatAverage, formatPercent } from '../format/formatNumber';
import { inboxHref } from '../model/createRouter';

/**
 * One row per value, most chats first, then the rest, the chats without a value and all chats.
 * Each value opens the inbox listing exactly the chats its row counts.
 */
export function BreakdownTable({ stats, caption }: { stats: DimensionStats; caption: string }) {
  const c = useConsole();
  const t = c.t.value;
  const language = c.language.value.value;
  const number = new Intl.NumberFormat(language);
  // By assignee, a row's value is a manager's id: shown by name.
  const shown = (value: string) => (stats.by === 'assignee' ? c.team.nameOf(value) ?? value : value);
  const cells = (figures: StatsFigures) => (
    <>
      <td class="num">{number.format(figures.chats)}</td>
      <td class="num">{number.format(figures.sent)}</td>
      <td class="num">{number.format(figures.answered)}</td>
      <td class="num">{figures.sent ? formatPercent(figures.responseRate, language) : t.empty}</td>
      <td class="num">{formatAverage(figures.average, language, t.empty)}</td>
      <td class="num">{number.format(figures.goal.achieved)}</td>
      <td class="num">{number.format(figures.goal.notAchieved)}</td>
      <td class="num">{number.format(figures.goal.pending)}</td>
      <td class="num">{figures.goal.rate === null ? t.empty : formatPercent(figures.goal.rate, language)}</td>
    </>
  );
  return (
    <div class="table-scroll">
      <table class="dist breakdown">
        <caption class="sr">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            <th scope="col">{t.chatsColumn}</th>
            <th scope="col">{t.sent}</th>
            <th scope="col">{t.answered}</th>
            <th scope="col">{t.responseRate}</th>
            <th scope="col">{t.average}</th>
            <th scope="col">{t.goalStates.achieved}</th>
            <th scope="col">{t.goalStates.not_achieved}</th>
            <th scope="col">{t.goalStates.pending}</th>
            <th scope="col">{t.goalRate}</th>
          </tr>
        </thead>
        <tbody>
          {stats.rows.map((row) => (
            <tr key={row.value}>
              <th scope="row">
                <a href={inboxHref(null, c.statsView.rowFilter(stats.by, row.value))} aria-label={t.showChatsOf(shown(row.value))}>
                  {shown(row.value)}
                </a>
              </th>
              {cells(row)}
            </tr>
          ))}
          {stats.other && (
            <tr>
              <th scope="row">{t.otherValues(stats.other.values)}</th>
              {cells(stats.other)}
            </tr>
          )}
          {stats.unset.chats > 0 && (
            <tr>
              <th scope="row">{t.noValue}</th>
              {cells(stats.unset)}
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.allChats}</th>
            {cells(stats.total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
