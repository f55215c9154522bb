import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
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
  resolveId: (id) => (/^(preact(\/hooks|\/jsx-runtime)?)$|\/(sharedPreact|trackSignals|signals)(\.ts)?$/.test(id) ? SHARED_PREACT : null),
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
 * Every file of src/entrypoints/ is one file of dist/, of the same name. The npm entry's lazy
 * chunks get those names too, build after build (a chunk named after its file would be index2.js
 * or index3.js by the order Rollup meets them); its messenger is src/messenger/index.ts, which
 * leaves splitting the strings and the survey form to the app's bundler.
 */
const ENTRIES = 'src/entrypoints';
const entryName = (file) => file.replace(/\.tsx?$/, '');
const ESM_CHUNKS = Object.fromEntries([
  ...readdirSync(ENTRIES).map((file) => [`${ENTRIES}/${file}`, entryName(file)]),
  ['src/messenger/index.ts', 'messenger'],
]);
const esmChunkName = (chunk) => {
  // A dynamic entry whose module other chunks also import has no facade: find it among its modules.
  const entry = chunk.facadeModuleId || (chunk.isDynamicEntry && chunk.moduleIds.find((id) => ESM_CHUNKS[relative('.', id)]));
  return `${(entry && ESM_CHUNKS[relative('.', entry)]) || '[name]'}.js`;
};

/**
 * The messenger chunk runs almost all of its functions on its first render: a leading
 * `//# allFunctionsCalledOnLoad` has V8 compile them eagerly, off the main thread while the file
 * streams in, rather than one by one as the panel first calls them. Added after minification
 * (the minifier drops comments), with the source map moved down the line it takes.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const compileHint = () => ({
  name: 'compile-hint',
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle)) {
      if (file.type !== 'chunk') continue;
      file.code = COMPILE_HINT + file.code;
      const map = bundle[`${file.fileName}.map`];
      if (map) map.source = String(map.source).replace('"mappings":"', '"mappings":";');
    }
  },
});

/** Empties an output folder before it is written, so that no file of an older build stays in the package. */
const clean = (dir) => ({ name: 'clean', buildStart: () => rmSync(dir, { recursive: true, force: true }) });

/**
 * How each entry is built. sdk.js is a classic script (the snippet adds it with a plain <script>);
 * every other file is an ES module; survey.js borrows messenger.js's Preact; the strings need no
 * resolution.
 */
const plugins = {
  sdk: () => [resolve({ browser: true }), ts(), min(false), snippet()],
  survey: () => [sharedPreact(), resolve({ browser: true }), ts(), min(true)],
  messenger: () => [resolve({ browser: true }), ts(), min(true), compileHint()],
};
const browserBundle = (file) => {
  const name = entryName(file);
  const iife = name === 'sdk';
  return {
    input: `${ENTRIES}/${file}`,
    output: { file: `dist/${name}.js`, format: iife ? 'iife' : 'es', sourcemap: true },
    plugins: (plugins[name] || (() => [resolve({ browser: true }), ts(), min(true)]))(),
  };
};

export default [
  ...readdirSync(ENTRIES).sort().map(browserBundle),
  {
    // The npm entry: same code, dependencies left to the app's bundler, messenger split off.
    input: 'src/index.ts',
    output: { dir: 'dist/esm', format: 'es', sourcemap: true, chunkFileNames: esmChunkName },
    external: [/^preact/, /^@preact\//, /^nanoid/],
    plugins: [clean('dist/esm'), ts()],
  },
];
