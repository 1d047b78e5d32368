/**
 * The main entry `wushe` runs in a browser: nothing it loads (dist/index.js and every module it
 * imports, built by the global setup) imports a Node built-in. `wushe/node` is where Node lives.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/build-steps.ts';

/** Every package a module imports, following relative imports (comments stripped first). */
function imports(entry: string): { modules: number; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)) {
      if (m[1].startsWith('.')) walk(resolve(dirname(file), m[1]));
      else packages.add(m[1]);
    }
  };
  walk(entry);
  return { modules: seen.size, packages };
}

describe('entry points', () => {
  it('wushe imports no Node built-in', () => {
    const { modules, packages } = imports(join(DIST, 'index.js'));
    expect(modules).toBeGreaterThan(10);
    expect(
      [...packages].filter((p) => p.startsWith('node:') || /^(fs|path|os|url|worker_threads)$/.test(p)),
    ).toEqual([]);
    expect(packages).toContain('zod');
  });

  it('wushe/node does (worker threads)', () => {
    expect(imports(join(DIST, 'node.js')).packages).toContain('node:worker_threads');
  });

  it('dist/cli.js is an executable script (npx wushe in the project folder runs it directly)', () => {
    const cli = join(DIST, 'cli.js');
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(cli).mode & 0o111).not.toBe(0);
  });
});
