import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/model/jsonSchema.ts';
import { expectNoStack, wushe, wusheHere } from './helpers.ts';

describe('wushe schema', () => {
  it('prints the scenario JSON Schema', () => {
    const r = wushe(['schema']);
    expect(r.status, r.stderr).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.initial).toBeDefined();
    expect(schema.title).toBe('wushe scenario');
    expect(schema).toEqual(scenarioJsonSchema());
  });

  it('takes no arguments', async () => {
    const r = await wusheHere(['schema', 'extra']);
    expectNoStack(r.stderr);
    expect(r.status).toBe(2);
  });
});

describe('help and version', () => {
  for (const args of [
    ['--help'],
    ['-h'],
    ['run', '--help'],
    ['validate', '--help'],
    ['schema', '--help'],
    ['help', 'run'],
  ]) {
    it(`wushe ${args.join(' ')}`, async () => {
      const r = await wusheHere(args);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('Usage: wushe');
      expect(r.stdout).toContain('Examples:');
    });
  }

  it('wushe --version', () => {
    const r = wushe(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
