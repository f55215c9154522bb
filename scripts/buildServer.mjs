#!/usr/bin/env node
// Compiles the server to plain JavaScript in server/dist (run with `node`, no transpiler at run
// time) and copies the files tsc does not emit: the .mjs workers beside their callers. The browser
// modules the server shares (src/shared) import without extensions, as a bundler resolves them;
// Node does not, so their emitted imports get the file's real name.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const out = 'server/dist';
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'server/tsconfig.build.json'], { stdio: 'inherit' });

/** `./limits` → `./limits.js` (or `./x/index.js`) for each relative import without an extension. */
function addExtensions(file) {
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?\/[^'"]*)\2/g, (whole, lead, quote, spec) => {
    if (/\.(m?js|json)$/.test(spec)) return whole;
    const target = resolve(dirname(file), spec);
    const real = existsSync(`${target}.js`) ? `${spec}.js` : existsSync(join(target, 'index.js')) ? `${spec}/index.js` : null;
    if (!real) throw new Error(`${file}: cannot resolve ${spec}`);
    return `${lead}${quote}${real}${quote}`;
  });
  if (fixed !== text) writeFileSync(file, fixed);
}
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.js')) addExtensions(path);
  }
})(out);

const copied = [];
(function copyWorkers(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyWorkers(path);
    else if (entry.name.endsWith('.mjs')) {
      cpSync(path, join(out, path));
      copied.push(relative('server/src', path));
    }
  }
})('server/src');
console.log(`server compiled to ${out}/server/src (copied ${copied.join(', ') || 'no workers'})`);
