import { SCORE_LABELS, scaleScores } from '../../shared/csat/scale';
import type { ScaleStats } from '../../shared/managerApi';
import { useConsole } from '../context';
import { formatPercent, ratio } from '../format/formatNumber';
import { inboxHref } from '../model/createRouter';
import { NO_FILTER } from '../model/chatFilter';
import { Kpis } from './Kpis';

/**
 * One scale's answers per score, best first: a table whose cells carry the numbers, with a bar
 * whose length repeats the share for the eye. Each score opens the inbox filtered by it.
 */
export function ScaleStatsTable({ stats }: { stats: ScaleStats }) {
  const c = useConsole();
  const t = c.t.value;
  const language = c.language.value.value;
  const titleId = `scale-${stats.scale}`;
  const scores = [...scaleScores(stats.scale)].reverse();
  return (
    <section class="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t.scaleName(stats.scale)}</h2>
      <Kpis counts={stats} />
      <table class="dist">
        <caption class="sr">{t.scaleName(stats.scale)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.score}</th>
            <th scope="col">{t.answers}</th>
            <th scope="col">{t.share}</th>
            <th scope="col" aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {scores.map((score) => {
            const count = stats.distribution[String(score) as '1'];
            const share = ratio(count, stats.answered);
            const label = `${SCORE_LABELS[language][score]} (${score})`;
            return (
              <tr key={score}>
                <th scope="row">
                  <a href={inboxHref(null, { ...NO_FILTER, csat: String(score) as '1' })} aria-label={t.showChats(label)}>
                    {label}
                  </a>
                </th>
                <td class="num">{new Intl.NumberFormat(language).format(count)}</td>
                <td class="num">{formatPercent(share, language)}</td>
                <td class="bar-cell" aria-hidden="true">
                  <span class={`bar s${score}`} style={{ width: `${(share * 100).toFixed(1)}%` }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
