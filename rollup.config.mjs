import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minify } from 'terser';

// Every browser bundle of the project. Two of them are what a host page pays for:
// sdk.js (loader + core, no Preact) at boot, and messenger.js (Preact UI) with the strings of one
// language (messenger.<language>.js) on first use; survey.js only when a thread shows a survey.

const ts = () => typescript({ tsconfig: './tsconfig.json', declaration: false, noEmitOnError: false, outputToFilesystem: false });
// No pure_getters: signals track dependencies through property reads whose value looks unused.
const min = (module) =>
  terser({ module, ecma: 2020, compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true }, format: { comments: false } });

/**
 * survey.js renders in the messenger panel with the messenger chunk's Preact: a copy of its own
 * would weigh more than the form, and hooks and signals work only within one copy. Its Preact
 * imports become bindings that adoptPreact fills in (src/csat/sharedPreact.ts); the names are
 * those of preactRuntime, and the build fails when the form imports any other.
 */
const SHARED_PREACT = '\0shared-preact';
const sharedPreact = () => ({
  name: 'shared-preact',
  resolveId: (id) => (/^(preact(\/hooks|\/jsx-runtime)?|@preact\/signals)$|\/sharedPreact(\.ts)?$/.test(id) ? SHARED_PREACT : null),
  load(id) {
    if (id !== SHARED_PREACT) return null;
    const list = /preactRuntime = \{([^}]*)\}/.exec(readFileSync('src/csat/sharedPreact.ts', 'utf8'));
    if (!list) throw new Error('src/csat/sharedPreact.ts: no preactRuntime = { ... }');
    const names = list[1].split(',').map((name) => name.trim()).filter(Boolean).join(', ');
    return `export let ${names};\nexport function adoptPreact(runtime) { ({ ${names} } = runtime); }`;
  },
});

/** The snippet is pasted by site owners; ship a minified copy beside the readable source. */
const snippet = () => ({
  name: 'snippet',
  async writeBundle() {
    const { code } = await minify(readFileSync('src/loader/snippet.js', 'utf8'), { ecma: 5, format: { comments: false } });
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/snippet.js', code);
  },
});

/**
 * The npm entry's lazy chunks get the names of their dist/ counterparts, build after build (a
 * chunk named after its file would be index2.js or index3.js by the order Rollup meets them).
 */
const ESM_CHUNKS = {
  'src/messenger/index.ts': 'messenger',
  'src/messenger/strings/en.ts': 'messenger.en',
  'src/messenger/strings/ko.ts': 'messenger.ko',
  'src/messenger/strings/ja.ts': 'messenger.ja',
  'src/csat/index.ts': 'survey',
  'src/core/pageProfile/index.ts': 'profile',
};
const esmChunkName = (chunk) => {
  // A dynamic entry whose module other chunks also import has no facade: find it among its modules.
  const entry = chunk.facadeModuleId || (chunk.isDynamicEntry && chunk.moduleIds.find((id) => ESM_CHUNKS[relative('.', id)]));
  return `${(entry && ESM_CHUNKS[relative('.', entry)]) || '[name]'}.js`;
};

/** Empties an output folder before it is written, so that no file of an older build stays in the package. */
const clean = (dir) => ({ name: 'clean', buildStart: () => rmSync(dir, { recursive: true, force: true }) });

export default [
  {
    input: 'src/loader/sdk.ts',
    output: { file: 'dist/sdk.js', format: 'iife', sourcemap: true },
    plugins: [resolve({ browser: true }), ts(), min(false), snippet()],
  },
  {
    input: 'src/messenger/chunk.ts',
    output: { file: 'dist/messenger.js', format: 'es', sourcemap: true },
    plugins: [resolve({ browser: true }), ts(), min(true)],
  },
  {
    // The messenger's strings, one file per language: messenger.js imports the customer's only.
    input: { 'messenger.en': 'src/messenger/strings/en.ts', 'messenger.ko': 'src/messenger/strings/ko.ts', 'messenger.ja': 'src/messenger/strings/ja.ts' },
    output: { dir: 'dist', format: 'es', sourcemap: true, entryFileNames: '[name].js' },
    plugins: [ts(), min(true)],
  },
  {
    // The survey form, imported by messenger.js from beside it; no Preact of its own.
    input: 'src/csat/index.ts',
    output: { file: 'dist/survey.js', format: 'es', sourcemap: true },
    plugins: [sharedPreact(), resolve({ browser: true }), ts(), min(true)],
  },
  {
    // The live connection, loaded by sdk.js once the page is idle or the messenger is wanted.
    input: 'src/core/realtime.ts',
    output: { file: 'dist/realtime.js', format: 'es', sourcemap: true },
    plugins: [ts(), min(true)],
  },
  {
    // The preview card of a new message, loaded by sdk.js when one arrives with the messenger closed.
    input: 'src/popup/index.ts',
    output: { file: 'dist/popup.js', format: 'es', sourcemap: true },
    plugins: [ts(), min(true)],
  },
  {
    input: 'src/core/pageProfile/index.ts',
    output: { file: 'dist/profile.js', format: 'es', sourcemap: true },
    plugins: [resolve({ browser: true }), ts(), min(true)],
  },
  {
    // The survey's customer link page, served by the server at /csat/:token.
    input: 'src/csat/page.tsx',
    output: { file: 'dist/csat-page.js', format: 'es', sourcemap: true },
    plugins: [resolve({ browser: true }), ts(), min(true)],
  },
  {
    // The manager console, served by the server at /console.
    input: 'src/console/main.tsx',
    output: { file: 'dist/console.js', format: 'es', sourcemap: true },
    plugins: [resolve({ browser: true }), ts(), min(true)],
  },
  {
    // The npm entry: same code, dependencies left to the app's bundler, messenger split off.
    input: 'src/index.ts',
    output: { dir: 'dist/esm', format: 'es', sourcemap: true, chunkFileNames: esmChunkName },
    external: [/^preact/, /^@preact\//, /^nanoid/],
    plugins: [clean('dist/esm'), ts()],
  },
];
