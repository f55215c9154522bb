import { signal } from '@preact/signals';
import type { Api } from '../api/createApi';
import { saveFile } from '../api/saveFile';

export type ExportFormat = 'csv' | 'xlsx';

/** The "UserChat data" download: fetched with the manager token, then saved from a Blob. */
export function createDownloads(api: Api, doc: Document) {
  const busy = signal<ExportFormat | null>(null);
  const error = signal<unknown>(null);

  async function download(format: ExportFormat) {
    if (busy.peek()) return;
    busy.value = format;
    error.value = null;
    try {
      const { blob, name } = await api.file(`/export?format=${format}`);
      saveFile(doc, blob, name || `UserChat data ${new Date().toISOString().slice(0, 10)}.${format}`);
    } catch (caught) {
      error.value = caught;
    } finally {
      busy.value = null;
    }
  }

  return { busy, error, download };
}
