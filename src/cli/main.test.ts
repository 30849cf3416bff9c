import { describe, expect, it } from 'vitest';
import { setupCli } from '../../test/helpers/cli.ts';

const softpower = setupCli();

describe('softpower demo and user add', () => {
  it('loads the demo once; a second run changes nothing', { timeout: 90_000 }, async () => {
    const first = await softpower('demo');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('Loaded plan TT2050: 30 initiatives');
    const second = await softpower('demo');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Plan TT2050 is already loaded: nothing changed.');
  });

  it('creates an account with a generated password and a one-time link', { timeout: 60_000 }, async () => {
    const { code, stdout } = await softpower(
      'user',
      'add',
      '--email',
      'dinara@example.org',
      '--role',
      'collaborator',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Created dinara@example.org as collaborator of it-astana.');
    expect(stdout).toMatch(/Password \(shown once\): [a-z2-9]{4}(-[a-z2-9]{4}){3}/);
    expect(stdout).toMatch(/\/api\/auth\/link\/[\w-]{20,}/);
  });

  it('refuses an unknown role and a missing e-mail with a clear message and exit code 1', {
    timeout: 60_000,
  }, async () => {
    const badRole = await softpower('user', 'add', '--email', 'x@example.org', '--role', 'boss');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain(
      'role: must be one of admin, head_of_mission, officer, collaborator, viewer',
    );
    const noEmail = await softpower('user', 'add');
    expect(noEmail.code).toBe(1);
    expect(noEmail.stderr).toContain("required option '--email <email>' not specified");
  });
});
