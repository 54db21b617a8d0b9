import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { CALENDAR_OWNER_ARGS, CALENDAR_VIEW_PATH } from '../../fixtures/graph/calendar-view';

const OWNER = ['--owner', 'avery.chen@contoso.com'];
const FIXTURE_DIR = path.dirname(CALENDAR_VIEW_PATH);

const event = (overrides: Record<string, unknown> = {}) => ({
  id: 'AAMkAGI1',
  organizer: { emailAddress: { name: 'Morgan Lee', address: 'morgan.lee@contoso.com' } },
  attendees: [{ type: 'required', emailAddress: { name: 'Avery Chen', address: 'avery.chen@contoso.com' } }],
  start: { dateTime: '2026-03-10T17:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2026-03-10T17:30:00.0000000', timeZone: 'UTC' },
  ...overrides,
});

const detect = (args: string[], body: unknown) =>
  runCli(['detect', ...args, '-'], { stdin: typeof body === 'string' ? body : JSON.stringify(body) });

describe('runCli detect', () => {
  it('reads a file relative to cwd', () => {
    const result = runCli(['detect', ...CALENDAR_OWNER_ARGS, 'calendar-view.json'], { cwd: FIXTURE_DIR });

    expect([result.exitCode, result.stdout.trim().split('\n').length, result.stderr]).toEqual([0, 39, '']);
  });

  it('does not read standard input when given a file', () => {
    const stdin = jest.fn(() => '');
    runCli(['detect', ...OWNER, 'calendar-view.json'], { cwd: FIXTURE_DIR, stdin });

    expect(stdin).not.toHaveBeenCalled();
  });

  it('prints one line per event with the detection', () => {
    const result = detect([...OWNER, '--manager', 'morgan.lee@contoso.com'], { value: [event()] });

    expect(result).toEqual({
      exitCode: 0,
      stdout:
        '{"id":"AAMkAGI1","isOneOnOne":true,"counterpart":"morgan.lee@contoso.com","relationship":"manager",' +
        '"reason":"one_on_one","startsAt":"2026-03-10T17:00:00.000Z"}\n',
      stderr: '',
    });
  });

  it('prints nothing for an empty calendar', () => {
    expect(detect(OWNER, { value: [] })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('accepts lists by repeating the option, with spaces around commas', () => {
    const body = { value: [event({ organizer: { emailAddress: { address: 'sam.rivera@contoso.com' } } })] };
    const result = detect(
      [...OWNER, '--reports', ' jordan.patel@contoso.com , ', '--reports', 'sam.rivera@contoso.com'],
      body,
    );

    expect(JSON.parse(result.stdout)).toMatchObject({ relationship: 'directReport' });
  });

  it('accepts a domain written with a leading @', () => {
    const body = {
      value: [event({ organizer: { emailAddress: { address: 'tomasz.kowalski@contoso.co.uk' } } })],
    };
    const result = detect([...OWNER, '--domains', 'contoso.com,@contoso.co.uk'], body);

    expect(JSON.parse(result.stdout)).toMatchObject({ relationship: 'peer' });
  });

  it('accepts --option=value', () => {
    const result = runCli(['detect', '--owner=avery.chen@contoso.com', '-'], {
      stdin: JSON.stringify({ value: [event()] }),
    });

    expect(result.exitCode).toBe(0);
  });

  it('ignores a UTF-8 byte order mark (PowerShell writes one)', () => {
    expect(detect(OWNER, `\uFEFF${JSON.stringify({ value: [event()] })}`).exitCode).toBe(0);
  });

  it('ignores fields it does not read, like @odata.etag and body', () => {
    const body = {
      value: [event({ '@odata.etag': 'W/"DwAAABYAAAA="', body: { contentType: 'html', content: '<p/>' } })],
    };

    expect(detect(OWNER, body).exitCode).toBe(0);
  });

  it('prints removed items of a delta response as {id, removed}', () => {
    const result = detect(OWNER, { value: [{ id: 'AAMkAGone', '@removed': { reason: 'deleted' } }] });

    expect(result.stdout).toBe('{"id":"AAMkAGone","removed":"deleted"}\n');
  });

  it('notes on stderr, without failing, that more pages exist', () => {
    const result = detect(OWNER, {
      value: [event()],
      '@odata.nextLink': 'https://graph.microsoft.com/v1.0/me/calendarView?$skiptoken=X',
    });

    expect([result.exitCode, result.stderr]).toEqual([
      0,
      'career-conversations: note: this is one page; Graph has more at @odata.nextLink. Fetch and check each page.\n',
    ]);
  });
});

describe('runCli detect refusals (exit code 2, nothing on stdout)', () => {
  const refused = (result: ReturnType<typeof runCli>): string => {
    expect([result.exitCode, result.stdout]).toEqual([2, '']);
    return result.stderr;
  };

  it('refuses a missing file by name', () => {
    expect(refused(runCli(['detect', ...OWNER, 'nope.json'], { cwd: FIXTURE_DIR }))).toBe(
      'career-conversations: nope.json: no such file.\n',
    );
  });

  it('refuses a folder', () => {
    expect(refused(runCli(['detect', ...OWNER, '.'], { cwd: FIXTURE_DIR }))).toContain('is a folder');
  });

  it('refuses empty standard input', () => {
    expect(refused(detect(OWNER, '  \n'))).toBe(
      'career-conversations: standard input is empty; expected a Graph calendarView JSON response.\n',
    );
  });

  it('refuses standard input that cannot be read', () => {
    const stdin = () => {
      throw Object.assign(new Error('resource temporarily unavailable'), { code: 'EAGAIN' });
    };

    expect(refused(runCli(['detect', ...OWNER, '-'], { stdin }))).toBe(
      'career-conversations: could not read standard input (EAGAIN).\n',
    );
  });

  it('refuses text that is not JSON', () => {
    expect(refused(detect(OWNER, 'value: []'))).toMatch(
      /^career-conversations: standard input is not valid JSON \(.+\)\.\n$/,
    );
  });

  it('refuses a JSON array instead of a response object', () => {
    expect(refused(detect(OWNER, [event()]))).toContain('the document must be an object (found a list)');
  });

  it('refuses a value that is not a list', () => {
    expect(refused(detect(OWNER, { value: { id: 'x' } }))).toContain(
      '"value" must be a list (JSON array) (found an object)',
    );
  });

  it('says which event and field is missing', () => {
    const stderr = refused(detect(OWNER, { value: [event(), event({ id: 'AAMkAGI2', end: undefined })] }));

    expect(stderr).toBe(
      'career-conversations: standard input is not a Graph calendarView response ({"value": [events...]}):\n' +
        '  event 1 (value[1], id AAMkAGI2): "end" is missing\n',
    );
  });

  it('says which nested field is wrong and what it should be', () => {
    const stderr = refused(
      detect(OWNER, {
        value: [
          event({
            start: { dateTime: '10/03/2026 09:00', timeZone: 'UTC' },
            attendees: [{ type: 'Required', emailAddress: { address: 'a@contoso.com' } }],
            isCancelled: 'false',
          }),
        ],
      }),
    );

    expect(stderr.split('\n').slice(1, -1)).toEqual([
      '  event 0 (value[0], id AAMkAGI1): "isCancelled" must be true or false (found the text "false")',
      '  event 0 (value[0], id AAMkAGI1): "attendees[0].type" must be one of "required", "optional", "resource" (found "Required")',
      '  event 0 (value[0], id AAMkAGI1): "start.dateTime" must look like 2026-03-10T09:00:00.0000000 (found "10/03/2026 09:00")',
    ]);
  });

  it('refuses an empty id and an event that is not an object', () => {
    const stderr = refused(detect(OWNER, { value: [event({ id: '' }), 42] }));

    expect(stderr).toContain('event 0 (value[0]): "id" must not be empty');
    expect(stderr).toContain('event 1 (value[1]) must be an object (found number 42)');
  });

  it('shortens long Graph ids in messages', () => {
    const id = `AAMkAGQ1ZTlhNzUyLWM4NjEtNGM5Ny04ZmVlLTRhNjk4YWE2YTk5MgBGAAAAAADl3c1pG7g5Q6c8ZqYQ6F2H${'A'.repeat(40)}AAA=`;
    const stderr = refused(detect(OWNER, { value: [event({ id, end: undefined })] }));

    expect(stderr).toContain(`id ${id.slice(0, 12)}…${id.slice(-8)}`);
  });

  it('shows the first 20 problems and counts the rest', () => {
    const value = Array.from({ length: 25 }, (_, i) => event({ id: `e${i}`, start: undefined }));
    const stderr = refused(detect(OWNER, { value }));

    expect([
      stderr.includes('event 19 '),
      stderr.includes('event 20 '),
      stderr.trim().split('\n').at(-1),
    ]).toEqual([true, false, '  ... and 5 more']);
  });

  it.each([
    [[], 'detect needs --owner <address>'],
    [['--owner', 'avery'], '--owner "avery" is not an email address'],
    [[...OWNER, '--manager', 'Morgan Lee'], '--manager "Morgan Lee" is not an email address'],
    [[...OWNER, '--reports', 'jordan.patel@contoso.com,sam'], '--reports "sam" is not an email address'],
    [[...OWNER, '--rooms', 'Room 4B'], '--rooms "Room 4B" is not an email address'],
    [[...OWNER, '--groups', 'design-guild'], '--groups "design-guild" is not an email address'],
    [[...OWNER, '--domains', 'avery.chen@contoso.com'], '--domains "avery.chen@contoso.com" is not a domain'],
    [[...OWNER, '--since', '2026-03-01'], 'unknown option --since.'],
  ])('refuses the options %j', (args, message) => {
    const stderr = refused(runCli(['detect', ...args, 'calendar-view.json'], { cwd: FIXTURE_DIR }));

    expect(stderr).toContain(message);
    expect(stderr).toContain('Run "career-conversations detect --help" for usage.');
  });

  it('refuses --owner without a value', () => {
    expect(refused(runCli(['detect', '--owner']))).toContain("Option '--owner <value>' argument missing");
  });

  it('refuses a missing file argument', () => {
    expect(refused(runCli(['detect', ...OWNER]))).toContain(
      'detect needs a calendarView JSON file (or - for standard input)',
    );
  });

  it('refuses two file arguments', () => {
    expect(refused(runCli(['detect', ...OWNER, 'a.json', 'b.json']))).toContain(
      'detect reads one file at a time; got 2',
    );
  });

  it('refuses an option that swallowed the next option as its value', () => {
    expect(refused(runCli(['detect', '--owner', '--manager', 'morgan.lee@contoso.com', 'x.json']))).toContain(
      "Option '--owner' argument is ambiguous.",
    );
  });
});

describe('runCli commands', () => {
  it.each([['--help'], ['-h'], ['help']])('%s prints the command list and exits 0', (flag) => {
    const result = runCli([flag]);

    expect([result.exitCode, result.stdout.startsWith('Usage: career-conversations <command>')]).toEqual([
      0,
      true,
    ]);
  });

  it('help detect prints the detect usage', () => {
    expect(runCli(['help', 'detect']).stdout).toContain(
      'Usage: career-conversations detect --owner <address>',
    );
  });

  it('--version prints the package version', () => {
    expect(runCli(['--version']).stdout).toMatch(/^career-conversations \d+\.\d+\.\d+\n$/);
  });

  it('refuses a name that only exists on Object.prototype as an unknown command', () => {
    expect(runCli(['toString']).exitCode).toBe(2);
  });

  it('refuses an unknown command with exit code 2', () => {
    const result = runCli(['detcet']);

    expect([result.exitCode, result.stderr]).toEqual([
      2,
      'career-conversations: unknown command "detcet".\nCommands: detect. Run "career-conversations --help".\n',
    ]);
  });
});
