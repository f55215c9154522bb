#!/usr/bin/env node
// Size budgets of the bundles a host page downloads, gzip of the minified files.
// `node scripts/size.mjs` fails when one is over its limit; `--print` only reports.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const BUDGETS = [
  // Boot carries the Channel Talk compatibility layer (normalised values, the loader's user shape,
  // bounded boot waits), the wait of the live connection for the page to settle or the visitor's
  // first interaction, and the session in parts of its own (badge, bridge, live connection,
  // previews): 8.56 KB, 8.40 before those two. A tenth of the lightest competitor's widget.
  { name: 'boot (snippet + sdk.js)', files: ['dist/snippet.js', 'dist/sdk.js'], limit: 8.65 * 1024 },
  // The messenger: Preact, the widget's own signals and their binding to Preact
  // (src/browser/signals.ts, trackSignals.ts: 16.33 KB with @preact/signals, 15.45 with
  // signals-core), the panel with paging, drafts, the persistent outbox and the survey's hold on
  // the composer: 14.51 KB. The first open downloads all of it, so the next addition must make room.
  { name: 'messenger chunk', files: ['dist/messenger.js'], limit: 14.75 * 1024 },
  // What the first open downloads of the widget's own files: the messenger and one language's
  // strings (the largest, so every language fits): 15.23 KB.
  { name: 'first open (messenger + strings)', files: ['dist/messenger.js', 'dist/messenger.ja.js'], limit: 15.5 * 1024 },
  // Loaded with the messenger: the strings of the customer's language, one file each.
  { name: 'messenger strings, en', files: ['dist/messenger.en.js'], limit: 1024 },
  { name: 'messenger strings, ko', files: ['dist/messenger.ko.js'], limit: 1024 },
  { name: 'messenger strings, ja', files: ['dist/messenger.ja.js'], limit: 1024 },
  // The survey form in two steps (the score stored at the tap, then the comment added to it), the
  // skip recorded on the server and its skipped state, and the answer box keeping each step until
  // acknowledged: 3.59 KB, up from 2.84 with a single answer call and a page-only dismiss.
  { name: 'survey form chunk', files: ['dist/survey.js'], limit: 3.75 * 1024 },
  { name: 'realtime chunk', files: ['dist/realtime.js'], limit: 1.5 * 1024 },
  { name: 'popup chunk', files: ['dist/popup.js'], limit: 1.5 * 1024 },
  { name: 'profile tools chunk', files: ['dist/profile.js'], limit: 4 * 1024 },
  { name: 'survey link page', files: ['dist/csat-page.js'], limit: 16 * 1024 },
  // Loaded by managers, not customers: 49.1 KB with the team's accounts and tokens, search,
  // assignment, editors, saved replies, notices and typing, and its strings in three languages in
  // the one file (Japanese alone about 4.5 KB). Splitting the strings by language would take them
  // back out.
  { name: 'manager console', files: ['dist/console.js'], limit: 50 * 1024 },
];

export function measure(files) {
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run npm run build first`);
  let raw = 0, gzip = 0, brotli = 0;
  for (const file of files) {
    const buf = readFileSync(file);
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
    brotli += brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gzip, brotli };
}

const kb = (n) => (n / 1024).toFixed(2) + ' KB';

if (import.meta.url === `file://${process.argv[1]}`) {
  const printOnly = process.argv.includes('--print');
  let failed = false;
  for (const budget of BUDGETS) {
    const size = measure(budget.files);
    const over = size.gzip > budget.limit;
    failed ||= over;
    console.log(`${over ? 'OVER ' : 'ok   '} ${budget.name.padEnd(26)} ${kb(size.gzip).padStart(9)} gzip  ${kb(size.brotli).padStart(9)} brotli  ${kb(size.raw).padStart(9)} min   (limit ${kb(budget.limit)} gzip)`);
  }
  if (failed && !printOnly) {
    console.error('A bundle is over its size budget. Raise a budget only on purpose, in scripts/size.mjs.');
    process.exit(1);
  }
}
