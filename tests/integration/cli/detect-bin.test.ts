import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CALENDAR_OWNER_ARGS,
  CALENDAR_VIEW_PATH,
  eventBySubject,
  loadCalendarView,
} from '../../fixtures/graph/calendar-view';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join('bin', 'career-conversations.cjs');
const FIXTURE = path.relative(ROOT, CALENDAR_VIEW_PATH);

/** Runs the real bin from the sources (not a possibly stale dist/ build), as a user would from the project folder. */
function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, CAREER_CONVERSATIONS_FROM_SOURCE: '1' },
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lines = (stdout: string): Record<string, unknown>[] =>
  stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const events = loadCalendarView();
const idOf = (subject: string): string => eventBySubject(events, subject).id;

describe('career-conversations bin', () => {
  it('prints usage and exits 0 for --help', () => {
    const result = run(['--help']);

    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain('Usage: career-conversations <command>');
  });

  it('prints the detect options for detect --help', () => {
    const result = run(['detect', '--help']);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--owner <address>');
  });

  it('uses a dist/cli/main.js build when there is one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-bin-'));
    try {
      mkdirSync(path.join(dir, 'bin'));
      mkdirSync(path.join(dir, 'dist', 'cli'), { recursive: true });
      copyFileSync(path.join(ROOT, BIN), path.join(dir, BIN));
      writeFileSync(
        path.join(dir, 'dist', 'cli', 'main.js'),
        "exports.main = () => { process.stdout.write('from the build\\n'); };\n",
      );

      const result = spawnSync(process.execPath, [path.join(dir, BIN)], {
        encoding: 'utf8',
        timeout: 20_000,
      });

      expect([result.status, result.stdout]).toEqual([0, 'from the build\n']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('career-conversations detect on a calendarView file', () => {
  const result = run(['detect', ...CALENDAR_OWNER_ARGS, FIXTURE]);
  const output = lines(result.stdout);
  const lineFor = (subject: string) => output.find((line) => line['id'] === idOf(subject));

  it('exits 0 with nothing on stderr', () => {
    expect([result.status, result.stderr]).toEqual([0, '']);
  });

  it('prints one JSON line per event, in input order', () => {
    expect(output.map((line) => line['id'])).toEqual(events.map((e) => e.id));
  });

  it('prints exactly id, isOneOnOne, counterpart, relationship, reason and startsAt', () => {
    expect(output[0]).toEqual({
      id: idOf('Career check-in: Avery / Morgan'),
      isOneOnOne: true,
      counterpart: 'morgan.lee@contoso.com',
      relationship: 'manager',
      reason: 'one_on_one',
      startsAt: '2026-03-10T17:00:00.000Z',
    });
  });

  it('uses --reports for direct reports', () => {
    expect(lineFor('Avery / Jordan 1:1')).toMatchObject({ relationship: 'directReport' });
  });

  it('uses --domains for the organisation (contoso.co.uk is a peer, fabrikam.com external)', () => {
    expect([
      lineFor('Curiosity chat with Tomasz: UK retail analytics')?.['relationship'],
      lineFor('Fabrikam partnership: intro with Elena')?.['relationship'],
    ]).toEqual(['peer', 'external']);
  });

  it('uses --groups for distribution lists', () => {
    expect(lineFor('Design Guild office hours')).toMatchObject({
      isOneOnOne: false,
      reason: 'distribution_list',
    });
  });

  it('uses --rooms for rooms invited as required attendees', () => {
    expect(lineFor('Career check-in (in person): Avery / Morgan')).toMatchObject({ isOneOnOne: true });
  });

  it('prints null counterpart and relationship for an event that is not a 1:1', () => {
    expect(lineFor('Canceled: Coffee with Kenji')).toEqual({
      id: idOf('Canceled: Coffee with Kenji'),
      isOneOnOne: false,
      counterpart: null,
      relationship: null,
      reason: 'cancelled',
      startsAt: '2026-03-17T16:00:00.000Z',
    });
  });

  it('prints startsAt in UTC for a Pacific Standard Time event on the DST day', () => {
    expect(lineFor('Sunday hike planning with Priya')?.['startsAt']).toBe('2026-03-08T16:00:00.000Z');
  });

  it('prints null startsAt for an event that ends before it starts', () => {
    expect(lineFor('Catch-up with Kenji')).toMatchObject({ reason: 'invalid_time', startsAt: null });
  });

  it('reads the same response from standard input with -', () => {
    const fromStdin = run(['detect', ...CALENDAR_OWNER_ARGS, '-'], JSON.stringify({ value: events }));

    expect([fromStdin.status, fromStdin.stdout]).toEqual([0, result.stdout]);
  });
});

describe('career-conversations detect with bad input', () => {
  const OWNER = ['--owner', 'avery.chen@contoso.com'];
  const event = (overrides: Record<string, unknown>) => ({
    id: 'AAMkAGI1',
    start: { dateTime: '2026-03-10T17:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2026-03-10T17:30:00.0000000', timeZone: 'UTC' },
    ...overrides,
  });

  it('exits 2 naming the file when it does not exist', () => {
    const result = run(['detect', ...OWNER, 'no-such-week.json']);

    expect([result.status, result.stdout, result.stderr]).toEqual([
      2,
      '',
      'career-conversations: no-such-week.json: no such file.\n',
    ]);
  });

  it('exits 2 when the input is not JSON', () => {
    const result = run(['detect', ...OWNER, '-'], '<html>Sign in to your account</html>');

    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^career-conversations: standard input is not valid JSON \(/);
  });

  it('exits 2 when the JSON has no value array', () => {
    const result = run(
      ['detect', ...OWNER, '-'],
      JSON.stringify({ error: { code: 'InvalidAuthenticationToken' } }),
    );

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('"value" is missing');
  });

  it.each([
    ['id', { id: undefined }, 'event 1 (value[1]): "id" is missing'],
    ['start', { start: undefined }, 'event 1 (value[1], id AAMkAGI1): "start" is missing'],
    ['end', { end: undefined }, 'event 1 (value[1], id AAMkAGI1): "end" is missing'],
  ])('exits 2 saying which event lacks %s', (_field, overrides, message) => {
    const body = JSON.stringify({ value: [event({ id: 'first-ok' }), event(overrides)] });
    const result = run(['detect', ...OWNER, '-'], body);

    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain(message);
  });

  it('exits 2 without --owner', () => {
    const result = run(['detect', FIXTURE]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('detect needs --owner <address>');
  });

  it('exits 2 for an unknown command', () => {
    const result = run(['sync']);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "sync"');
  });

  it('exits 2 with usage when no command is given', () => {
    const result = run([]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: career-conversations <command>');
  });
});
