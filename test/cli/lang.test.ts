import { describe, expect, it } from 'vitest';
import { minimalScenario, tempDir, writeScenario, wushe, wusheHere } from './helpers.ts';

const dir = tempDir();
const bad = writeScenario(dir, 'bad.json', { ...minimalScenario(), ticks: 0 });
const syntax = writeScenario(dir, 'syntax.json', '{"id": }');

describe('wushe: messages in the user’s language', () => {
  it('English by default', () => {
    const r = wushe(['validate', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${bad}: ticks: must be between 1 and 5200\n`);
  });

  it('--lang zh prints validation and --set problems in Chinese', async () => {
    const r = await wusheHere(['validate', bad, syntax, '--lang', 'zh']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      `${bad}: ticks：必须在 1 到 5200 之间`,
      `${syntax}:1:8：JSON 格式错误：意外的字符 "}"`,
      '',
    ]);
    const s = await wusheHere(['run', bad, '--set', 'residnts=500', '--lang', 'zh']);
    expect(s.status).toBe(2);
    expect(s.stderr).toContain('--set residnts：未知的路径（是不是 "residents"？）');
  });

  it('a Chinese locale (LANG or LC_ALL) means Chinese; --lang wins', async () => {
    expect((await wusheHere(['validate', bad], { LANG: 'zh_CN.UTF-8' })).stderr).toContain(
      '必须在 1 到 5200 之间',
    );
    expect(
      (await wusheHere(['validate', bad], { LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' })).stderr,
    ).toContain('必须在');
    expect((await wusheHere(['validate', bad, '--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).stderr).toContain(
      'must be between 1 and 5200',
    );
  });

  it('an unknown language is a usage error', async () => {
    const r = await wusheHere(['validate', bad, '--lang', 'fr']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--lang <lang>' argument 'fr' is invalid\. Expected one of en, zh\./);
  });

  it('--set takes a JSON object for an object path', async () => {
    const ok = writeScenario(dir, 'ok.json', { ...minimalScenario(), ticks: 2 });
    const r = await wusheHere(['run', ok, '--set', 'initial={"volunteers":0.5}', '--json']);
    expect(r.status).toBe(0);
    const same = await wusheHere(['run', ok, '--set', 'initial.volunteers=0.5', '--json']);
    expect(r.stdout).toBe(same.stdout);
    expect(r.stdout).not.toBe((await wusheHere(['run', ok, '--json'])).stdout);
    const typo = await wusheHere(['run', ok, '--set', 'initial={"volunter":0.5}']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain(
      'initial.volunter: unknown key (did you mean "volunteers"?) (from --set initial={"volunter":0.5})',
    );
  });
});
