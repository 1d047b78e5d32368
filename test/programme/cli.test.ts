/**
 * `wushe programme run`, `validate` and `compare`: 1 and 2 workers, the shipped programme and a
 * comparison through dist/cli.js; JSON output, listed community files and bad input through the same
 * command line in this process (`wusheHere`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStack, ROOT, tempDir, writeScenario, wushe, wusheHere } from '../cli/helpers.ts';
import { programmeFile, templateScenario } from './helpers.ts';

const dir = tempDir();
writeScenario(dir, 'tiny.json', templateScenario());
const good = writeScenario(dir, 'district.json', programmeFile());
const need = writeScenario(dir, 'need.json', programmeFile({ id: 'by-need', allocation: { rule: 'need' } }));

describe('wushe programme run', () => {
  it('writes byte-identical files with 1 and 2 workers', () => {
    const a = wushe([
      'programme',
      'run',
      good,
      '--seeds',
      '2',
      '--workers',
      '1',
      '--out',
      join(dir, 'w1'),
      '-q',
    ]);
    const b = wushe([
      'programme',
      'run',
      good,
      '--seeds',
      '2',
      '--workers',
      '2',
      '--out',
      join(dir, 'w2'),
      '-q',
    ]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    for (const f of ['summary.json', 'communities.csv', 'district.csv', 'programme.json'])
      expect(readFileSync(join(dir, 'w2', f), 'utf8')).toBe(readFileSync(join(dir, 'w1', f), 'utf8'));
    const csv = readFileSync(join(dir, 'w1', 'communities.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv).toHaveLength(1 + 2 * 4);
    expect(a.stdout).toMatch(/improvedShare\s+\S+ \[\S+, \S+\]/);
  });

  it('prints JSON with every metric as an interval', async () => {
    const r = await wusheHere(['programme', 'run', good, '--seeds', '2', '--json', '--set', 'weeks=12']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.weeks).toBe(12);
    expect(doc.summary.yuanPerResidentImproved).toMatchObject({ n: 2 });
    expect(doc.perCommunity).toHaveLength(4);
  });

  it('exits 2 with the path and a did-you-mean hint on bad input', async () => {
    const typo = writeScenario(dir, 'typo.json', programmeFile({ budgte: 1 }));
    let r = await wusheHere(['programme', 'run', typo]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${typo}: budgte: unknown key (did you mean "budget"?)`);
    expectNoStack(r.stderr);
    r = await wusheHere(['programme', 'run', good, '--set', 'alocation.rule=need']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean "allocation.rule"?');
    r = await wusheHere(['programme', 'run', good, '--set', 'budget=-1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('budget: must be between 0 and 100000000000 (from --set budget=-1)');
    r = await wusheHere(['programme', 'run', join(dir, 'missing.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such file');
    r = await wusheHere(['programme', 'run', good, '--seeds', '0']);
    expect(r.status).toBe(2);
    const noTemplate = writeScenario(dir, 'nt.json', programmeFile({ scenario: 'nope.json' }));
    r = await wusheHere(['programme', 'run', noTemplate]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope.json');
    expectNoStack(r.stderr);
  });
});

describe('a programme of listed scenario files', () => {
  it('runs one community per file, and reports a bad community file by its path (exit 2)', async () => {
    const { ensemble: _e, ...single } = templateScenario();
    writeScenario(dir, 'a.json', single);
    writeScenario(dir, 'b.json', { ...single, id: 'b', residents: 250 });
    const listed = writeScenario(
      dir,
      'listed.json',
      programmeFile({ communities: ['a.json', 'b.json'], scenario: undefined }),
    );
    const r = await wusheHere(['programme', 'run', listed, '--seeds', '1', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.perCommunity.map((c: { residents: number }) => c.residents)).toEqual([400, 250]);
    writeScenario(dir, 'bad.json', { ...single, residents: 'many' });
    const bad = writeScenario(dir, 'listed-bad.json', programmeFile({ communities: ['a.json', 'bad.json'] }));
    const e = await wusheHere(['programme', 'run', bad]);
    expect(e.status).toBe(2);
    expect(e.stderr).toContain('bad.json: residents: must be a number');
    expectNoStack(e.stderr);
  });
});

describe('wushe programme validate and the shipped programme', () => {
  it('accepts programmes/hubei-2020.json: 35 communities, 10 million yuan, 27 agencies, a funded year and two after', () => {
    const r = wushe([
      'programme',
      'validate',
      'programmes/hubei-2020.json',
      'programmes/hubei-2020-by-need.json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^ok: programmes\/hubei-2020.json \(35 communities, [\d,]+ residents, 10,000,000 yuan\)/,
    );
    const spec = JSON.parse(readFileSync(join(ROOT, 'programmes/hubei-2020.json'), 'utf8'));
    expect(spec).toMatchObject({
      budget: 10_000_000,
      agencies: 27,
      fundingWeeks: 52,
      weeks: 156,
      communities: 35,
    });
  });

  it('exits 2 naming every bad file', async () => {
    const typo = writeScenario(dir, 'typo2.json', programmeFile({ agencys: 1 }));
    const r = await wusheHere(['programme', 'validate', good, typo]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`ok: ${good}`);
    expect(r.stderr).toContain(`${typo}: agencys: unknown key (did you mean "agencies"?)`);
  });
});

describe('wushe programme compare', () => {
  it('runs designs on common seeds, with paired differences and an SVG chart', async () => {
    const out = join(dir, 'cmp');
    const r = wushe(['programme', 'compare', good, need, '--seeds', '2', '--out', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8'));
    expect(doc.designs).toHaveLength(2);
    expect(doc.differences[0].summary.improvedShare.n).toBe(2);
    expect(readFileSync(join(out, 'compare.svg'), 'utf8')).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<circle/);
    expect(r.stdout).toContain('B−A');
    const one = await wusheHere(['programme', 'compare', good]);
    expect(one.status).toBe(2);
  });
});
