/** `wushe programme validate FILE…`: check programme files (and the scenario files they name). */
import { Command } from 'commander';
import { UsageError } from './errors.ts';
import { loadProgramme } from './programmeIo.ts';

export function programmeValidateCommand(): Command {
  return new Command('validate')
    .description('check programme files and the scenario files their communities come from')
    .argument('<programmes...>', 'programme files (JSON)')
    .addHelpText('after', '\nExit codes: 0 all valid, 2 a problem in any file (each named with its path).')
    .action((files: string[]) => {
      const problems: string[] = [];
      for (const file of files) {
        try {
          const { programme } = loadProgramme(file);
          const residents = programme.members.reduce((s, m) => s + m.residents, 0);
          process.stdout.write(
            `ok: ${file} (${programme.members.length} communities, ${residents.toLocaleString('en-US')} residents, ${programme.budget.toLocaleString('en-US')} yuan)\n`,
          );
        } catch (e) {
          if (!(e instanceof UsageError)) throw e;
          problems.push(...e.lines);
        }
      }
      if (problems.length > 0) throw new UsageError(problems);
    });
}
