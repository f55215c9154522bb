import type { CsatSummary } from '../../shared/managerApi';
import { useConsole } from '../context';
import { formatAverage, formatPercent, ratio } from '../format/formatNumber';

/** Sent, answered, skipped (declined), response rate (answered / sent) and average score, as a description list. */
export function Kpis({ counts }: { counts: CsatSummary }) {
  const c = useConsole();
  const t = c.t.value;
  const language = c.language.value.value;
  const number = new Intl.NumberFormat(language);
  return (
    <dl class="kpis">
      <div>
        <dt>{t.sent}</dt>
        <dd>{number.format(counts.sent)}</dd>
      </div>
      <div>
        <dt>{t.answered}</dt>
        <dd>{number.format(counts.answered)}</dd>
      </div>
      {/* A server from before skips were recorded does not count them: nothing shown then, not a 0. */}
      {counts.declined !== undefined && (
        <div>
          <dt>{t.declined}</dt>
          <dd>{number.format(counts.declined)}</dd>
        </div>
      )}
      <div>
        <dt>{t.responseRate}</dt>
        <dd>{formatPercent(ratio(counts.answered, counts.sent), language)}</dd>
      </div>
      <div>
        <dt>{t.average}</dt>
        <dd>{formatAverage(counts.average, language, t.empty)}</dd>
      </div>
    </dl>
  );
}
