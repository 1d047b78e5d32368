import { InvalidArgumentError, Option } from 'commander';
import { numberSpec } from '../model/parameters.ts';

/** Parser for an integer option bounded like the scenario field it overrides (`seed`, `ticks`). */
export function integerFor(path: string): (raw: string) => number {
  const spec = numberSpec(path);
  if (!spec) throw new Error(`no scenario field ${path}`);
  return (raw) => {
    const text = raw.trim();
    const value = Number(text);
    if (!/^[+-]?\d+$/.test(text) || !Number.isSafeInteger(value) || value < spec.min || value > spec.max) {
      throw new InvalidArgumentError(
        `Expected a whole number from ${spec.min} to ${spec.max} (${spec.unit}).`,
      );
    }
    return value;
  };
}

/** Accumulates a repeatable option into a list. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A parser for a whole-number option from 1 to `max`. */
export function positiveInt(name: string, max: number) {
  return (raw: string): number => {
    const v = Number(raw.trim());
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(v) || v < 1 || v > max)
      throw new InvalidArgumentError(`Expected a whole number of ${name} from 1 to ${max}.`);
    return v;
  };
}

/** `--seeds N`: how many replicate seeds a programme command runs (default 10). */
export function seedsOption(): Option {
  return new Option('--seeds <n>', 'replicate seeds').default(10).argParser(positiveInt('seeds', 10000));
}

/** `--workers N`: worker threads (default: every core). */
export function workersOption(): Option {
  return new Option('--workers <n>', 'worker threads (default: every core)').argParser(
    positiveInt('workers', 1024),
  );
}
