/**
 * `npm start` as a user runs it: it builds the web app, serves it and prints the address; a
 * SIGTERM to the process `npm start` created stops the server (no child left serving the port).
 * ~10 s (a vite build).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers.ts';

function waitForAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no address within 90 s:\n${out}`)), 90_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /wushe web simulator: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before serving:\n${out}`));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });

async function reachable(url: string): Promise<boolean> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return r.ok;
  } catch {
    return false;
  }
}

describe('npm start', { timeout: 120_000 }, () => {
  it('serves the web app and stops on SIGTERM to its process, leaving nothing serving', async () => {
    const { WUSHE_WORKER_ENTRY: _e, ...env } = process.env;
    const child = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { ...env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await waitForAddress(child);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
      child.kill('SIGTERM');
      await exited(child);
      // the port is closed: nothing left serving
      const deadline = Date.now() + 10_000;
      while ((await reachable(url)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(await reachable(url)).toBe(false);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
