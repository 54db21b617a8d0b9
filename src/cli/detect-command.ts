import { parseArgs } from 'node:util';
import type { OwnerContext } from '../core';
import { detectOneOnOne } from '../core';
import type { CalendarViewItem, InputProblem } from './calendar-view-schema';
import { parseCalendarView } from './calendar-view-schema';
import type { CliIo, CliResult } from './cli-io';
import { PROGRAM, badInput, messageOf, succeeded } from './cli-io';

export const DETECT_HELP = `Usage: ${PROGRAM} detect --owner <address> [options] <file.json | ->

Reads one Microsoft Graph calendarView response ({"value": [events...]}) and says, for each event,
whether it is a 1:1 on the owner's calendar and why. Use "-" to read the response from standard input.

Options:
  --owner <address>        whose calendar it is (required)
  --manager <address>      the owner's manager
  --reports <a,b,...>      the owner's direct reports
  --domains <x,y,...>      the organisation's email domains (default: the owner's domain)
  --groups <a,b,...>       addresses that are groups or distribution lists, not people
  --rooms <a,b,...>        addresses that are rooms or equipment, even when invited as required
  -h, --help               show this help

Lists may also be given by repeating the option (--reports a --reports b).

Output: one JSON object per event, in input order, one per line:
  {"id":"AAMk...","isOneOnOne":true,"counterpart":"morgan.lee@contoso.com","relationship":"manager",
   "reason":"one_on_one","startsAt":"2026-03-10T17:00:00.000Z"}
  counterpart is null when the event is not a 1:1; startsAt is null when its times cannot be read.
  reason is one of: one_on_one, cancelled, all_day, series_master, private_free_busy, owner_not_participant,
  declined_by_owner, declined_by_counterpart, distribution_list, too_many_people, no_counterpart, invalid_time.
  Items a delta response lists as removed come out as {"id":"...","removed":"deleted"}.

Exit codes: 0 done, 2 bad command line or input (the message says which event and field), 1 internal error.

Example:
  GET https://graph.microsoft.com/v1.0/users/{id}/calendarView?startDateTime=2026-03-09T00:00:00Z
      &endDateTime=2026-03-16T00:00:00Z&$top=200   (save the JSON response as week.json)
  ${PROGRAM} detect --owner avery.chen@contoso.com --manager morgan.lee@contoso.com week.json
`;

const OPTIONS = {
  owner: { type: 'string' },
  manager: { type: 'string' },
  reports: { type: 'string', multiple: true },
  domains: { type: 'string', multiple: true },
  groups: { type: 'string', multiple: true },
  rooms: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

const MAX_PROBLEMS_SHOWN = 20;
const HELP_HINT = `Run "${PROGRAM} detect --help" for usage.`;

/** `career-conversations detect ...` (argv without the command name). */
export function detectCommand(argv: readonly string[], io: CliIo): CliResult {
  let parsed: ReturnType<typeof parseDetectArgs>;
  try {
    parsed = parseDetectArgs(argv);
  } catch (error) {
    return badInput(argumentProblem(error), HELP_HINT);
  }
  const { values, positionals } = parsed;
  if (values.help) return succeeded(DETECT_HELP);

  const owner = ownerContext(values);
  if (typeof owner === 'string') return badInput(owner, HELP_HINT);

  if (positionals.length === 0) {
    return badInput('detect needs a calendarView JSON file (or - for standard input).', HELP_HINT);
  }
  if (positionals.length > 1) {
    return badInput(
      `detect reads one file at a time; got ${positionals.length}: ${positionals.join(' ')}`,
      HELP_HINT,
    );
  }
  const source = positionals[0] ?? '-';
  const label = source === '-' ? 'standard input' : source;

  const text = readSource(source, io);
  if (!text.ok) return badInput(text.message);

  const json = text.value.replace(/^\uFEFF/, ''); // PowerShell and Notepad write a byte order mark
  if (json.trim() === '') return badInput(`${label} is empty; expected a Graph calendarView JSON response.`);
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    return badInput(`${label} is not valid JSON (${messageOf(error).replace(/\s+/g, ' ')}).`);
  }

  const calendar = parseCalendarView(document);
  if (!calendar.ok) return badInput(describeProblems(label, calendar.problems));

  const lines = calendar.items.map((item) => JSON.stringify(toOutput(item, owner)));
  const note = calendar.nextLink
    ? `${PROGRAM}: note: this is one page; Graph has more at @odata.nextLink. Fetch and check each page.\n`
    : '';
  return succeeded(lines.length > 0 ? `${lines.join('\n')}\n` : '', note);
}

function parseDetectArgs(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
}

/** Node's parseArgs messages, kept to the part that helps here. */
function argumentProblem(error: unknown): string {
  const message = messageOf(error);
  const [first = message, second = ''] = message.split('\n');
  const unknown = /^Unknown option '([^']+)'/.exec(first);
  if (unknown) return `unknown option ${unknown[1] ?? ''}.`;
  return second.startsWith('Did you forget') ? `${first} ${second}` : first;
}

type DetectValues = ReturnType<typeof parseDetectArgs>['values'];

/** The owner context from the options, or a message saying what is wrong with them. */
function ownerContext(values: DetectValues): OwnerContext | string {
  if (values.owner === undefined) return 'detect needs --owner <address>: whose calendar this is.';
  const addressProblem = (option: string, value: string): string | null =>
    looksLikeAddress(value)
      ? null
      : `--${option} "${value}" is not an email address (like name@contoso.com).`;

  const ownerProblem = addressProblem('owner', values.owner);
  if (ownerProblem) return ownerProblem;
  if (values.manager !== undefined) {
    const problem = addressProblem('manager', values.manager);
    if (problem) return problem;
  }

  const lists: Record<'reports' | 'groups' | 'rooms', string[]> = {
    reports: splitList(values.reports),
    groups: splitList(values.groups),
    rooms: splitList(values.rooms),
  };
  for (const [option, addresses] of Object.entries(lists)) {
    for (const address of addresses) {
      const problem = addressProblem(option, address);
      if (problem) return problem;
    }
  }
  const domains = splitList(values.domains).map((d) => d.replace(/^@/, ''));
  const badDomain = domains.find((d) => !/^[^\s@]+\.[^\s@]+$/.test(d));
  if (badDomain !== undefined) return `--domains "${badDomain}" is not a domain (like contoso.com).`;

  return {
    address: values.owner.trim(),
    managerAddress: values.manager?.trim() ?? null,
    reportAddresses: lists.reports,
    organisationDomains: domains,
    groupAddresses: lists.groups,
    resourceAddresses: lists.rooms,
  };
}

function looksLikeAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value.trim());
}

function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

function readSource(source: string, io: CliIo): { ok: true; value: string } | { ok: false; message: string } {
  try {
    return { ok: true, value: source === '-' ? io.readStdin() : io.readFile(source) };
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (source === '-')
      return { ok: false, message: `could not read standard input (${code || messageOf(error)}).` };
    if (code === 'ENOENT') return { ok: false, message: `${source}: no such file.` };
    if (code === 'EISDIR')
      return { ok: false, message: `${source} is a folder; give the JSON file inside it.` };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, message: `${source}: permission denied.` };
    return { ok: false, message: `could not read ${source} (${code || messageOf(error)}).` };
  }
}

function describeProblems(label: string, problems: readonly InputProblem[]): string {
  const lines = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => {
    if (p.eventIndex === null) {
      return p.field === '' ? `  the document ${p.message}` : `  "${p.field}" ${p.message}`;
    }
    const where = `event ${p.eventIndex} (value[${p.eventIndex}]${p.eventId ? `, id ${shortId(p.eventId)}` : ''})`;
    return p.field === '' ? `  ${where} ${p.message}` : `  ${where}: "${p.field}" ${p.message}`;
  });
  if (problems.length > MAX_PROBLEMS_SHOWN)
    lines.push(`  ... and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
  return `${label} is not a Graph calendarView response ({"value": [events...]}):\n${lines.join('\n')}`;
}

function shortId(id: string): string {
  return id.length > 24 ? `${id.slice(0, 12)}…${id.slice(-8)}` : id;
}

function toOutput(item: CalendarViewItem, owner: OwnerContext): Record<string, unknown> {
  if (item.kind === 'removed') return { id: item.id, removed: item.reason };
  const detection = detectOneOnOne(item.event, owner);
  return {
    id: detection.eventId,
    isOneOnOne: detection.isOneOnOne,
    counterpart: detection.counterpart?.address ?? null,
    relationship: detection.relationship,
    reason: detection.reason,
    startsAt: detection.startsAt,
  };
}
