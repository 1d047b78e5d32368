/**
 * docs/api.md from the published type declarations (dist/*.d.ts): for each entry point (`wushe`,
 * `wushe/node`), every export in the order the entry lists it, grouped by the module that declares
 * it, with its doc comment and its declaration. TypeDoc needs TypeScript's JavaScript compiler API,
 * which TypeScript 7 does not have; the declarations tsc emits are regular enough to read directly.
 */
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';

/** The package's entry points: subpath → declaration file (relative to dist/). */
export const ENTRIES: readonly [string, string][] = [
  ['wushe', 'index.d.ts'],
  ['wushe/node', 'node.d.ts'],
];

/** Declarations longer than this many lines are shortened in the page. */
const MAX_LINES = 30;

interface Declaration {
  name: string;
  doc: string;
  code: string;
}

interface ModuleDecls {
  doc: string;
  decls: Map<string, Declaration[]>;
  /** name → module path, for names this module re-exports from another. */
  reexports: Map<string, { from: string; name: string }>;
}

interface Export {
  name: string;
  local: string;
  from: string;
}

/** Text of a `/** … *\/` block without the comment markers, paragraphs kept. */
function docText(block: string): string {
  return block
    .replace(/^\/\*\*\s?/, '')
    .replace(/\s*\*\/$/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n')
    .replace(/^@module .*$/m, '')
    .trim();
}

/** `export { a, type B, c as d } from './x.js';` and `export type { … } from …` statements. */
function exportsOf(text: string): Export[] {
  const out: Export[] = [];
  for (const m of text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}\s+from\s+['"]([^'"]+)['"];/gm)) {
    for (const part of m[1].split(',')) {
      const p = part.trim().replace(/^type\s+/, '');
      if (!p) continue;
      const [local, name = local] = p.split(/\s+as\s+/);
      out.push({ name, local, from: m[2] });
    }
  }
  return out;
}

/** Where the brackets opened on `text` are all closed again. */
function depthDelta(line: string): number {
  // comment text (an apostrophe in "a sweep's", a parenthesis) is not code
  const trimmed = line.trim();
  if (trimmed.startsWith('*') || trimmed.startsWith('/*') || trimmed.startsWith('//')) return 0;
  const text = line.replace(/\/\*.*?\*\//g, '');
  let d = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{' || c === '(' || c === '[') d++;
    else if (c === '}' || c === ')' || c === ']') d--;
  }
  return d;
}

const DECL =
  /^export\s+(?:declare\s+)?(?:abstract\s+)?(function|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/;

/** The top-level declarations of one declaration file. */
function parseModule(text: string): ModuleDecls {
  const lines = text.split('\n');
  const decls = new Map<string, Declaration[]>();
  const reexports = new Map<string, { from: string; name: string }>();
  for (const e of exportsOf(text)) reexports.set(e.name, { from: e.from, name: e.local });
  let moduleDoc = '';
  let pendingDoc = '';
  let sawCode = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('/**')) {
      let block = line;
      while (!block.includes('*/') && i + 1 < lines.length) block += `\n${lines[++i]}`;
      // a file's first comment, followed by an import or a blank line, describes the module
      const next = lines[i + 1] ?? '';
      if (!sawCode && !moduleDoc && !DECL.test(next)) moduleDoc = docText(block);
      else pendingDoc = docText(block);
      continue;
    }
    if (line.trim() === '') continue;
    sawCode = true;
    const m = DECL.exec(line);
    if (!m) {
      pendingDoc = '';
      continue;
    }
    const start = i;
    let depth = depthDelta(line);
    while ((depth > 0 || /[=:,|&]\s*$/.test(lines[i])) && i + 1 < lines.length)
      depth += depthDelta(lines[++i]);
    const code = lines
      .slice(start, i + 1)
      .join('\n')
      .replace(/^export\s+(?:declare\s+)?/, '');
    const list = decls.get(m[2]) ?? [];
    list.push({ name: m[2], doc: pendingDoc, code });
    decls.set(m[2], list);
    pendingDoc = '';
  }
  return { doc: moduleDoc, decls, reexports };
}

/** Long declarations cut short; private members left out. */
function shorten(code: string): string {
  const lines = code
    .split('\n')
    .filter((l) => !/^\s+private\s/.test(l))
    .map((l) => (l.length > 160 ? `${l.slice(0, 140)} …` : l));
  if (lines.length <= MAX_LINES) return lines.join('\n');
  return [...lines.slice(0, 12), `    // … ${lines.length - 12} more lines`].join('\n');
}

/** The markdown page for the declarations in `dist`. */
export function apiMarkdown(dist: string): string {
  const cache = new Map<string, ModuleDecls>();
  const load = (file: string): ModuleDecls => {
    let m = cache.get(file);
    if (!m) {
      m = parseModule(readFileSync(join(dist, file), 'utf8'));
      cache.set(file, m);
    }
    return m;
  };
  const resolveFile = (fromFile: string, spec: string) =>
    normalize(join(fromFile, '..', spec.replace(/\.js$/, '.d.ts'))).replace(/\\/g, '/');

  const out: string[] = [
    '# API reference',
    '',
    '<!-- Generated by `npm run docs:api` (scripts/write-api-docs.ts) from the doc comments of the',
    '     published type declarations; do not edit. test/docs/api.test.ts fails when it is stale. -->',
    '',
    'Install the package from the tarball `npm pack` makes in the project folder (`npm install',
    'path/to/wushe-<version>.tgz`) and import from its two entry points: `wushe` (no Node API; runs',
    'in Node and in browsers) and `wushe/node` (the worker pool on Node worker threads). Both are ES',
    'modules with type declarations.',
    '',
  ];
  for (const [entry, file] of ENTRIES) {
    const root = load(file);
    out.push(`## \`${entry}\``, '');
    if (root.doc) out.push(root.doc, '');
    let current = '';
    for (const e of exportsOf(readFileSync(join(dist, file), 'utf8'))) {
      let target = resolveFile(file, e.from);
      let local = e.local;
      // follow re-exports to the declaring module
      for (let hops = 0; hops < 5; hops++) {
        const m = load(target);
        if (m.decls.has(local)) break;
        const r = m.reexports.get(local);
        if (!r) throw new Error(`api docs: no declaration of ${local} in ${target}`);
        target = resolveFile(target, r.from);
        local = r.name;
      }
      const m = load(target);
      const decls = m.decls.get(local);
      if (!decls) throw new Error(`api docs: no declaration of ${local} in ${target}`);
      const module = target.replace(/\.d\.ts$/, '');
      if (module !== current) {
        current = module;
        out.push(`### ${module}`, '');
        if (m.doc) out.push(m.doc, '');
      }
      out.push(`#### \`${e.name}\``, '');
      if (e.name !== local) out.push(`(declared as \`${local}\`)`, '');
      const doc = decls.find((d) => d.doc)?.doc;
      if (doc) out.push(doc, '');
      out.push('```ts', ...decls.map((d) => shorten(d.code)), '```', '');
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
