import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScenario, runSummary } from '../../src/analysis/summary.ts';
import { Simulation } from '../../src/engine/run.ts';
import { ELEMENTS, MODES } from '../../src/model/elements.ts';
import { parseScenario } from '../../src/model/parse.ts';
import { consistencyProblem, PRESET_DIR, presetFile, presetIds, validated } from '../engine/helpers.ts';

/**
 * Golden summaries: each preset run at its own seed, size and length. They pin the model's output,
 * so any change to a mechanism or a default shows up here. After an intended change, regenerate
 * them with `UPDATE_GOLDEN=1 npx vitest run test/scenarios/presets.test.ts` and review the diff.
 */
const GOLDEN_DIR = new URL('./golden/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const ids = presetIds();

describe('presets', () => {
  it('the practice models, the baseline and the 东亭-like estate are all there', () => {
    for (const id of ['organization-led', 'volunteer-led', 'charity-led', 'baseline', 'dongting']) {
      expect(ids).toContain(id);
    }
  });

  it.each(ids)('%s validates from its text, names itself after its file and points to the schema', (id) => {
    const text = readFileSync(new URL(`${id}.json`, PRESET_DIR), 'utf8');
    const v = parseScenario(text, `${id}.json`);
    if (!v.ok) throw new Error(v.errors.join('\n'));
    expect(v.scenario.id).toBe(id);
    expect(JSON.parse(text).$schema).toBe('./schema.json');
    expect(v.scenario.title?.zh).toBeTruthy();
    expect(v.scenario.title?.en).toBeTruthy();
  });

  it.each(ids)('%s runs, short and reduced, with consistent counters', (id) => {
    for (const ticks of [1, 2, 3, 5, 26]) {
      const sc = validated({ ...presetFile(id), ticks, residents: 1500 });
      const sim = new Simulation(sc);
      while (!sim.done) sim.step();
      expect(consistencyProblem(sim.world)).toBeUndefined();
      const s = runSummary(sim);
      expect(s.ticks).toBe(ticks);
      expect(MODES).toContain(s.pathway.mode);
      for (const e of ELEMENTS) expect(s.series[`strength.${e}`]).toHaveLength(ticks + 1);
    }
  });

  describe.each(ids)('%s golden summary', (id) => {
    it('matches test/scenarios/golden at the preset\u2019s own seed, residents and ticks', () => {
      const sc = validated(presetFile(id));
      const { summary } = runScenario(sc);
      const golden = JSON.parse(
        JSON.stringify({
          scenario: summary.scenario,
          seed: summary.seed,
          residents: summary.residents,
          ticks: summary.ticks,
          pathway: summary.pathway,
          final: { strength: summary.final.strength, counts: summary.final.counts },
          outcomes: summary.outcomes,
        }),
      );
      const file = new URL(`${id}.json`, GOLDEN_DIR);
      if (UPDATE) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(file, `${JSON.stringify(golden, null, 2)}\n`);
        // lay the file out as the project's formatter does, so that `biome check` stays clean
        const biome = fileURLToPath(new URL('../../node_modules/@biomejs/biome/bin/biome', import.meta.url));
        const r = spawnSync(process.execPath, [biome, 'format', '--write', fileURLToPath(file)], {
          encoding: 'utf8',
        });
        if (r.status !== 0) throw new Error(`biome format failed: ${r.stderr}`);
        return;
      }
      if (!existsSync(file)) throw new Error(`no golden for ${id}: run with UPDATE_GOLDEN=1 to write it`);
      expect(golden).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  });
});
