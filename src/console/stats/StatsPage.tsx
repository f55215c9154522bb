import { isMissing } from '../api/createApi';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { ErrorText } from '../shell/ErrorText';
import { Breakdown } from './Breakdown';
import { Downloads } from './Downloads';
import { Kpis } from './Kpis';
import { RangePicker } from './RangePicker';
import { ScaleStatsTable } from './ScaleStatsTable';

/**
 * Statistics the original product has none of, over one period: the surveys overall and per
 * scale, then the period's chats by product, page, tag or field; and the downloads.
 */
export function StatsPage() {
  const c = useConsole();
  const t = c.t.value;
  const { stats } = c;
  const data = stats.data.value;
  return (
    <div class="stats">
      <h1>{t.statsTitle}</h1>
      <RangePicker />
      {stats.status.value === 'error' && isMissing(stats.error.value) && <p class="hint">{t.notAvailable}</p>}
      {stats.status.value === 'error' && !isMissing(stats.error.value) && (
        <div class="list-state">
          <ErrorText error={stats.error.value} />
          <button type="button" class="btn" onClick={guard(() => stats.load())}>
            {t.retry}
          </button>
        </div>
      )}
      {!data && stats.status.value === 'loading' && <p role="status">{t.loading}</p>}
      {data && (
        <>
          <section class="card" aria-labelledby="overall-title">
            <h2 id="overall-title">{t.overall}</h2>
            <Kpis counts={data.overall} />
          </section>
          {data.overall.sent === 0 && <p>{t.noSurveys}</p>}
          {data.scales
            .filter((scale) => scale.sent > 0 || scale.answered > 0)
            .map((scale) => (
              <ScaleStatsTable key={scale.scale} stats={scale} />
            ))}
        </>
      )}
      <Breakdown />
      <Downloads />
    </div>
  );
}
