import { describe, expect, it } from 'vitest';
import { expectNoStack, wushe, wusheHere } from './helpers.ts';

describe('wushe patterns', () => {
  it('bad input is exit 2 with a clear message', async () => {
    const seeds = await wusheHere(['patterns', '--seeds', 'many']);
    expect(seeds.status).toBe(2);
    expect(seeds.stderr).toContain('--seeds');
    expectNoStack(seeds.stderr);
    const unknown = await wusheHere(['patterns', '--pattern', 'weakest-provider']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('did you mean weakest-providers?');
  });

  it('--json: one document with source, expectation, measurement and verdict; --strict exits 3 on a FAIL', async () => {
    const args = ['patterns', '--pattern', 'weakest-providers', '--seeds', '2', '--workers', '1', '--quiet'];
    const r = await wusheHere([...args, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.seeds).toBe(2);
    expect(out.patterns).toHaveLength(1);
    const p = out.patterns[0];
    expect(p.id).toBe('weakest-providers');
    expect(p.source).toContain('618');
    expect(typeof p.pass).toBe('boolean');
    expect(p.n).toBe(2);
    const strict = wushe([...args, '--strict']);
    expect(strict.status).toBe(p.pass ? 0 : 3);
    expect(strict.stdout).toContain(p.pass ? 'PASS  weakest-providers' : 'FAIL  weakest-providers');
    expect(strict.stdout).toMatch(/\d of 1 patterns pass/);
  });
});
