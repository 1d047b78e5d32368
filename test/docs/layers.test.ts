import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/ point one way (CONTRIBUTING.md): model → engine → analysis → batch → worker →
 * cli. A module may import from its own layer and the layers before it, never from a later one.
 */
const LAYERS = ['model', 'engine', 'analysis', 'batch', 'worker', 'cli'];
const SRC = new URL('../../src/', import.meta.url);

function sources(dir: string): string[] {
  return readdirSync(new URL(dir, SRC), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(`${dir}${d.name}/`) : /\.(ts|mts)$/.test(d.name) ? [`${dir}${d.name}`] : [],
  );
}

/** The layer of a path relative to src/ (undefined for the entry points src/index.ts, src/node.ts). */
function layerOf(path: string): number | undefined {
  const i = LAYERS.indexOf(path.split('/')[0]);
  return i < 0 ? undefined : i;
}

describe('the layers of src/', () => {
  it('every import points to the same layer or an earlier one', () => {
    const wrong: string[] = [];
    for (const layer of LAYERS) {
      for (const file of sources(`${layer}/`)) {
        const text = readFileSync(new URL(file, SRC), 'utf8');
        for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
          const target = new URL(m[1], new URL(file, SRC)).href.slice(SRC.href.length);
          if (target.startsWith('..')) continue; // outside src/ (e.g. a package's JSON)
          const to = layerOf(target);
          const from = layerOf(file) as number;
          if (to === undefined) wrong.push(`${file} imports ${m[1]} (an entry point, not a layer)`);
          else if (to > from) wrong.push(`${file} imports ${m[1]} (${LAYERS[to]} is above ${LAYERS[from]})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
