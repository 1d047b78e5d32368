import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStack, minimalScenario, tempDir, writeScenario, wushe, wusheHere } from './helpers.ts';

const dir = tempDir();

describe('wushe validate', () => {
  it('a good file: exit 0 and "FILE: valid"', () => {
    const file = writeScenario(dir, 'good.json', minimalScenario());
    const r = wushe(['validate', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${file}: valid\n`);
    expect(r.stderr).toBe('');
  });

  it('a good file with every optional part', async () => {
    const file = writeScenario(dir, 'full.json', {
      $schema: './schema.json',
      ...minimalScenario(),
      title: { zh: '测试', en: 'Test' },
      description: { zh: '说明', en: 'Description' },
      parameters: { network: { degree: 6 } },
      interventions: [
        { type: 'shock', tick: 2, need: 'all', size: 0.3 },
        { type: 'grant', tick: 5, amount: 10000, weeks: 4 },
      ],
    });
    const r = await wusheHere(['validate', file]);
    expect(r.status, r.stderr).toBe(0);
  });

  it('one line per problem, each naming the file and the path', () => {
    const s = minimalScenario();
    (s.initial as Record<string, number>).volunteers = 2;
    s.ticks = 0;
    s.strategy = 'nope';
    const file = writeScenario(dir, 'bad.json', s);
    const r = wushe(['validate', file]);
    expectNoStack(r.stderr);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain(`${file}: initial.volunteers: must be between 0 and 1`);
    expect(lines.some((l) => l.startsWith(`${file}: ticks: `))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${file}: strategy: `))).toBe(true);
    expect(lines).toHaveLength(3);
  });

  it('several files: every file is checked, exit 2 if any is bad', async () => {
    const good = writeScenario(dir, 'good2.json', minimalScenario());
    const missing = join(dir, 'missing.json');
    const broken = writeScenario(dir, 'broken.json', '{"id": }');
    const r = await wusheHere(['validate', good, missing, broken]);
    expectNoStack(r.stderr);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe(`${good}: valid\n`);
    expect(r.stderr).toContain(`cannot read ${missing}: no such file`);
    expect(r.stderr).toMatch(/broken\.json:1:\d+: invalid JSON/);
  });

  it('an interventions week past the end of the run', async () => {
    const file = writeScenario(dir, 'late.json', {
      ...minimalScenario(),
      interventions: [{ type: 'funding-end', tick: 50 }],
    });
    const r = await wusheHere(['validate', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}: interventions[0].tick: `);
  });

  it('no file: a usage error', async () => {
    const r = await wusheHere(['validate']);
    expectNoStack(r.stderr);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('wushe validate --help');
  });
});
