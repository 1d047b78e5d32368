/**
 * `wushe programme …`: plan a programme across many communities (docs/programme.md). Subcommands
 * in their own files: run (programmeRun.ts), compare (programmeCompare.ts), optimise (programmeOptimise.ts).
 */
import { Command, InvalidArgumentError } from 'commander';

export const PROGRAMME_SUMMARY =
  'plan a programme across many communities: run it, compare designs, optimise';

/** Parser for a whole-number option from 1 to `max`. */
export function wholeNumber(name: string, max: number) {
  return (raw: string): number => {
    const v = Number(raw.trim());
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(v) || v < 1 || v > max)
      throw new InvalidArgumentError(`Expected a whole number of ${name} from 1 to ${max}.`);
    return v;
  };
}

/** A progress bar on a terminal's stderr (none when quiet, piped or printing JSON). */
export async function progressBar(
  show: boolean,
  total: number,
  label: string,
): Promise<{ update(done: number): void; stop(): void } | undefined> {
  if (!show || !process.stderr.isTTY) return undefined;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | community-weeks {value}/{total} | {duration_formatted} | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

export async function programmeCommand(): Promise<Command> {
  const { programmeRunCommand } = await import('./programmeRun.ts');
  const { programmeCompareCommand } = await import('./programmeCompare.ts');
  const { programmeValidateCommand } = await import('./programmeValidate.ts');
  const { programmeOptimiseCommand } = await import('./programmeOptimise.ts');
  return new Command('programme')
    .description(PROGRAMME_SUMMARY)
    .addCommand(programmeRunCommand())
    .addCommand(programmeCompareCommand())
    .addCommand(programmeValidateCommand())
    .addCommand(programmeOptimiseCommand());
}
