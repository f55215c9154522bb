import { useConsole } from '../context';
import { guard } from '../../browser/report';
import type { ExportFormat } from '../model/createDownloads';
import { ErrorText } from '../shell/ErrorText';

const FORMATS: ExportFormat[] = ['csv', 'xlsx'];

/** The "UserChat data" downloads: every chat with its profile, as CSV or XLSX. */
export function Downloads() {
  const c = useConsole();
  const t = c.t.value;
  const { downloads } = c;
  return (
    <section class="card" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t.downloads}</h2>
      <div class="row">
        <span>{t.userChatData}</span>
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            class="btn"
            aria-label={t.downloadAs(format.toUpperCase())}
            aria-busy={downloads.busy.value === format}
            disabled={!!downloads.busy.value}
            onClick={guard(() => downloads.download(format))}
          >
            {format.toUpperCase()}
          </button>
        ))}
      </div>
      <ErrorText error={downloads.error.value} />
    </section>
  );
}
