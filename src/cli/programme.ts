/**
 * `wushe programme …`: plan a programme across many communities (docs/programme.md). Subcommands
 * in their own files: run (programmeRun.ts), compare (programmeCompare.ts), optimise
 * (programmeOptimise.ts), merge (programmeMerge.ts: the shards of a run).
 */
import { Command } from 'commander';

export const PROGRAMME_SUMMARY =
  'plan a programme across many communities: run it, compare designs, optimise';

export async function programmeCommand(): Promise<Command> {
  const { programmeRunCommand } = await import('./programmeRun.ts');
  const { programmeCompareCommand } = await import('./programmeCompare.ts');
  const { programmeValidateCommand } = await import('./programmeValidate.ts');
  const { programmeOptimiseCommand } = await import('./programmeOptimise.ts');
  const { programmeMergeCommand } = await import('./programmeMerge.ts');
  return new Command('programme')
    .description(PROGRAMME_SUMMARY)
    .addCommand(programmeRunCommand())
    .addCommand(programmeCompareCommand())
    .addCommand(programmeValidateCommand())
    .addCommand(programmeOptimiseCommand())
    .addCommand(programmeMergeCommand());
}
