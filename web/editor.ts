import type { ScenarioFile } from '../src/model/scenario.ts';
import { lang } from './i18n/index.ts';
import { checkScenario } from './issues.ts';

type Listener = (file: ScenarioFile, why: 'preset' | 'edit' | 'import') => void;

/**
 * The scenario being edited in the page. Controls change it through `edit`; every change is announced
 * so that the controls show it and the player restarts the run from week 0.
 */
export class ScenarioEditor {
  private listeners: Listener[] = [];
  /** The preset the scenario started from, or '' once it came from a file or link. */
  presetId = '';
  edited = false;

  constructor(public file: ScenarioFile) {}

  onChange(f: Listener): void {
    this.listeners.push(f);
  }

  replace(file: ScenarioFile, why: 'preset' | 'import', presetId = ''): void {
    this.file = structuredClone(file);
    this.presetId = presetId;
    this.edited = false;
    this.emit(why);
  }

  edit(change: (file: ScenarioFile) => void): void {
    const next = structuredClone(this.file);
    change(next);
    this.file = next;
    this.edited = true;
    this.emit('edit');
  }

  /**
   * Applies a change only if the scenario stays valid; otherwise leaves the scenario as it was and
   * returns the problems in the interface language, for the control that made the change to show.
   */
  tryEdit(change: (file: ScenarioFile) => void): string[] | undefined {
    const next = structuredClone(this.file);
    change(next);
    const v = checkScenario(next, lang());
    if (!v.ok) return v.errors;
    this.file = next;
    this.edited = true;
    this.emit('edit');
    return undefined;
  }

  /** Sets a value at a dotted path if the scenario stays valid; see `tryEdit`. */
  trySet(path: string, value: unknown): string[] | undefined {
    return this.tryEdit((file) => setAt(file, path, value));
  }

  /** A number at a dotted path (`parameters.volunteers.peerRate`), or undefined when not set. */
  get(path: string): unknown {
    let obj: unknown = this.file;
    for (const k of path.split('.')) {
      if (typeof obj !== 'object' || obj === null) return undefined;
      obj = (obj as Record<string, unknown>)[k];
    }
    return obj;
  }

  /** Sets (or, with undefined, removes) the value at a dotted path. */
  set(path: string, value: unknown): void {
    this.edit((file) => setAt(file, path, value));
  }

  private emit(why: 'preset' | 'edit' | 'import'): void {
    for (const f of this.listeners) f(this.file, why);
  }
}

function setAt(file: ScenarioFile, path: string, value: unknown): void {
  const keys = path.split('.');
  let obj = file as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    if (typeof obj[k] !== 'object' || obj[k] === null) obj[k] = {};
    obj = obj[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete obj[last];
  else obj[last] = value;
  pruneEmpty(file as unknown as Record<string, unknown>, 'parameters');
}

function pruneEmpty(file: Record<string, unknown>, key: string): void {
  const params = file[key] as Record<string, Record<string, unknown>> | undefined;
  if (!params) return;
  for (const [g, values] of Object.entries(params)) if (Object.keys(values).length === 0) delete params[g];
  if (Object.keys(params).length === 0) delete file[key];
}
