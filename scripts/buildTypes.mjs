#!/usr/bin/env node
// Writes the package's declarations to dist/types: TypeScript's declaration emit for src/index.ts,
// cut down to the files the public entry reaches (the messenger, console and server stay out),
// with relative specifiers ending in `.js`, so that they resolve under every moduleResolution a
// consumer may use (bundler, node16, nodenext).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const OUT = resolve('dist/types');

/** Every .d.ts TypeScript emits for the entry and what it imports, in memory: path → text. */
function emitDeclarations(configPath) {
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail });
  const program = ts.createProgram(config.fileNames, config.options);
  const files = new Map();
  const { diagnostics } = program.emit(undefined, (file, text) => files.set(resolve(file), text), undefined, true);
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) fail(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' }));
  return files;
}

/** The emitted file a relative specifier names, and the specifier that names it with `.js`. */
function resolveSpecifier(files, from, specifier) {
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  for (const [file, suffix] of [[`${base}.d.ts`, '.js'], [join(base, 'index.d.ts'), '/index.js']]) {
    if (files.has(file)) return { file, specifier: specifier.replace(/\.js$/, '').replace(/\/$/, '') + suffix };
  }
  fail(`${relative(OUT, from)}: cannot resolve '${specifier}' among the emitted declarations`);
}

/** The declarations reached from the entry, rewritten; bare specifiers must be dependencies. */
function reach(files, entry, dependencies) {
  const reached = new Map();
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop();
    if (reached.has(file)) continue;
    let text = files.get(file);
    // Specifiers as TypeScript reads them (comments skipped), rewritten from the last one back.
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const { fileName: specifier, pos } of importedFiles.sort((a, b) => b.pos - a.pos)) {
      if (!specifier.startsWith('.')) {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        if (!dependencies.includes(name)) fail(`${relative(OUT, file)} imports '${specifier}', which is not a dependency of the package`);
        continue;
      }
      const target = resolveSpecifier(files, file, specifier);
      pending.push(target.file);
      const at = text.indexOf(specifier, pos);
      text = text.slice(0, at) + target.specifier + text.slice(at + specifier.length);
    }
    reached.set(file, text);
  }
  return reached;
}

function fail(message) {
  console.error(`buildTypes: ${typeof message === 'string' ? message : ts.flattenDiagnosticMessageText(message.messageText, '\n')}`);
  process.exit(1);
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const files = emitDeclarations('tsconfig.types.json');
const reached = reach(files, join(OUT, 'index.d.ts'), Object.keys(pkg.dependencies || {}));
rmSync(OUT, { recursive: true, force: true });
for (const [file, text] of reached) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
// The global `window.ChannelIO` (types/global.d.ts) is declared for consumers only, referenced by the entry.
writeFileSync(join(OUT, 'global.d.ts'), readFileSync('types/global.d.ts', 'utf8'));
writeFileSync(join(OUT, 'index.d.ts'), `/// <reference path="./global.d.ts" />\n${reached.get(join(OUT, 'index.d.ts'))}`);
console.log(`dist/types: ${reached.size} of ${files.size} declaration files, those the public entry reaches, and global.d.ts`);
