import { describe, expect, it } from 'vitest';
import { startingStrengthNotes } from '../../src/cli/output.ts';
import { wusheHere } from './helpers.ts';

describe('a note whenever starting strengths are rounded to whole counts', () => {
  it('names every element whose value used differs, with both values', async () => {
    expect(
      startingStrengthNotes({ community: 0.15, charity: 0.3 }, { community: 0.175, charity: 0.3002 }, 5000),
    ).toEqual([
      'with 5,000 residents the elements start as whole numbers of agents, so the starting strengths used are initial.community 0.175 (asked 0.15); more residents represent them more exactly',
    ]);
    expect(startingStrengthNotes({ community: 0.15 }, { community: 0.1504 }, 5000)).toEqual([]);
  });

  it('wushe run prints it with the values the run used (those of --json)', async () => {
    const args = ['run', 'scenarios/baseline.json', '--set', 'initial.volunteers=0.15', '--ticks', '1'];
    const text = await wusheHere(args);
    expect(text.status).toBe(0);
    const used = JSON.parse((await wusheHere([...args, '--json'])).stdout).initial.strength as Record<
      string,
      number
    >;
    const note = text.stderr.split('\n').find((l) => l.startsWith('note: with 5,000 residents'));
    expect(note).toBeDefined();
    for (const [element, value] of Object.entries(used)) {
      const asked = element === 'volunteers' ? 0.15 : undefined;
      if (asked !== undefined && Math.abs(value - asked) >= 0.0005)
        expect(note).toContain(`initial.volunteers ${value.toFixed(3)} (asked 0.15)`);
    }
    // quiet: no note
    expect((await wusheHere([...args, '--quiet'])).stderr).toBe('');
  });
});
