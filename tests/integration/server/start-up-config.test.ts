import { spawnSync } from 'node:child_process';

describe('start-up with a bad configuration', () => {
  it('stops with exit code 1 and lists every problem instead of falling back to demo', () => {
    const result = spawnSync(process.execPath, ['scripts/run-ts.cjs', 'src/server/main.ts'], {
      env: { PATH: process.env.PATH, CC_PROFILE: 'tenant', PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the configuration has problems');
    for (const name of ['PORT', 'PUBLIC_URL', 'AAD_APP_CLIENT_ID', 'BOT_ID']) {
      expect(result.stderr).toContain(`  - ${name}:`);
    }
    expect(result.stdout).not.toContain('is running');
  });
});
