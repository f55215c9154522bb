#!/usr/bin/env node
// The package as a developer gets it: `npm pack`, installed into a throwaway project, and
// test/consumer/*.ts type checked against it with `tsc --strict` under moduleResolution bundler
// and node16. Fails on any error, and when a call that must not compile does. Needs no network:
// the tarball is unpacked into node_modules/sangdam and its dependencies are linked from here.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = process.cwd();
const CONSUMERS = resolve('test/consumer');
const TSC = resolve('node_modules/typescript/bin/tsc');
const RESOLUTIONS = { bundler: { module: 'ESNext', moduleResolution: 'Bundler' }, node16: { module: 'Node16', moduleResolution: 'Node16' } };

function fail(message) {
  console.error(`test:types: ${message}`);
  process.exitCode = 1;
}

/** `npm pack` into `dir`; answers the tarball's path and the files it holds. */
function pack(dir) {
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const out = execFileSync(npm[0], [...npm[1], 'pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
    encoding: 'utf8',
    shell: !process.env.npm_execpath && process.platform === 'win32',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [info] = JSON.parse(out.slice(out.indexOf('[')));
  return { tarball: join(dir, info.filename), files: info.files.map((f) => f.path) };
}

/** A project with the tarball unpacked as node_modules/sangdam and its dependencies linked. */
function install(project, tarball) {
  const target = join(project, 'node_modules', 'sangdam');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  const { dependencies = {} } = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
  for (const name of Object.keys(dependencies)) {
    const link = join(project, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), link, 'junction');
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  for (const file of readdirSync(CONSUMERS)) copyFileSync(join(CONSUMERS, file), join(project, file));
}

/** Runs tsc --strict on `files` with one moduleResolution; answers its output. */
function typecheck(project, resolution, files) {
  const config = `tsconfig.${resolution}.json`;
  const compilerOptions = { ...RESOLUTIONS[resolution], strict: true, noEmit: true, target: 'ES2020', lib: ['ES2020', 'DOM'], types: [], skipLibCheck: false };
  writeFileSync(join(project, config), JSON.stringify({ compilerOptions, files }));
  const run = spawnSync(process.execPath, [TSC, '-p', config, '--pretty', 'false'], { cwd: project, encoding: 'utf8' });
  return { output: `${run.stdout}${run.stderr}`.trim() };
}

if (!existsSync('dist/types/index.d.ts') || !existsSync('dist/esm/index.js')) {
  fail('dist/types or dist/esm is missing: run npm run build first');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'sangdam-types-'));
  try {
    const { tarball, files } = pack(dir);
    for (const needed of ['dist/types/index.d.ts', 'dist/esm/index.js', 'dist/esm/messenger.js']) {
      if (!files.includes(needed)) fail(`the package lacks ${needed}`);
    }
    const project = join(dir, 'project');
    install(project, tarball);
    for (const resolution of Object.keys(RESOLUTIONS)) {
      // One run per resolution: misuse.ts must fail, naming pluginKey, and nothing else may.
      const { output } = typecheck(project, resolution, ['loaderApi.ts', 'sangdamApi.ts', 'misuse.ts']);
      // One diagnostic per `file(line,col): error TS…` line, with its indented continuation lines.
      const errors = output.split(/\n(?=\S)/).filter((entry) => /error TS\d+/.test(entry));
      const unexpected = errors.filter((line) => !line.startsWith('misuse.ts('));
      if (unexpected.length) fail(`consumer code does not compile with moduleResolution ${resolution}:\n${output}`);
      else console.log(`ok   loaderApi.ts and sangdamApi.ts compile with moduleResolution ${resolution}`);
      if (!errors.some((line) => line.startsWith('misuse.ts(') && /pluginKey/.test(line))) fail(`boot({}) compiles with moduleResolution ${resolution}:\n${output}`);
      else console.log(`ok   boot({}) is refused, naming pluginKey, with moduleResolution ${resolution}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
