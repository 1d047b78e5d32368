/**
 * The command line loads only the command it runs; the top-level help, drawn from stand-ins for
 * the commands it has not loaded, must read exactly as with every command loaded.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS, program } from '../../src/cli/main.ts';
import { wushe } from './helpers.ts';

describe('wushe command loading', () => {
  it('the top-level help with no command loaded equals the help with every command loaded', async () => {
    const lazy = (await program([])).helpInformation();
    const full = (await program()).helpInformation();
    expect(lazy).toBe(full);
    for (const name of Object.keys(COMMANDS)) expect(lazy).toContain(name);
  });

  it('each stand-in names its command as the command itself does', async () => {
    for (const [name, entry] of Object.entries(COMMANDS)) {
      const cmd = await entry.load();
      expect(cmd.name()).toBe(name);
      expect(cmd.description()).toBe(entry.summary);
    }
  });

  it('wushe help <command> and wushe <command> --help load that command', () => {
    const a = wushe(['help', 'sweep']);
    const b = wushe(['sweep', '--help']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('--workers');
  });
});
