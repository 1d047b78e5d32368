import type { ScenarioFile } from '../src/model/scenario.ts';

/**
 * A share link carries the exact scenario (seed included) as base64url JSON in the URL hash, so it
 * reproduces the run on any copy of the static build, with nothing sent to a server.
 */
export function encodeScenario(file: ScenarioFile): string {
  const bytes = new TextEncoder().encode(JSON.stringify(file));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decodeScenario(code: string): unknown {
  const b64 = code.replaceAll('-', '+').replaceAll('_', '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export function shareUrl(file: ScenarioFile): string {
  const url = new URL(location.href);
  url.hash = `s=${encodeScenario(file)}`;
  return url.toString();
}

/** The scenario code in the current URL's hash, if any. */
export function sharedCode(): string | undefined {
  const m = /(?:^#|&)s=([A-Za-z0-9_-]+)/.exec(location.hash);
  return m?.[1];
}
