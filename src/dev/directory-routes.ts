/** `/users`, `/users/{id|upn}`, `/manager`, `/directReports`, `/people`, `/mailboxSettings`. */
import { GraphFailure, invalidParameter } from './graph-errors';
import { jsonHeaders } from './graph-exchange';
import type { GraphRequest, GraphResponse } from './graph-exchange';
import { matchesFilter, parseUserFilter } from './odata-filter';
import { applySelect, pageSize, selectedFields, skipCount } from './odata-query';
import { membersOf, personAt, seriesAt } from './organisation';
import type { Person } from './organisation';
import { absoluteLink, directoryUser, mailboxUser } from './route-context';
import type { RouteContext } from './route-context';

export const USER_PROPERTIES: readonly string[] = [
  'id',
  'businessPhones',
  'displayName',
  'givenName',
  'surname',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'userPrincipalName',
  'department',
  'accountEnabled',
  'city',
  'companyName',
  'country',
  'employeeId',
  'employeeType',
  'mailNickname',
  'usageLocation',
  'userType',
];

export function userJson(person: Person, companyName: string): Record<string, unknown> {
  return {
    id: person.id,
    businessPhones: [],
    displayName: person.displayName,
    givenName: person.givenName,
    surname: person.surname,
    jobTitle: person.jobTitle,
    mail: person.mail,
    mobilePhone: null,
    officeLocation: person.officeLocation,
    preferredLanguage: 'en-US',
    userPrincipalName: person.userPrincipalName,
    department: person.department,
    accountEnabled: true,
    companyName,
    mailNickname: person.userPrincipalName.split('@')[0] ?? '',
    userType: 'Member',
  };
}

function ok(body: unknown): GraphResponse {
  return { status: 200, headers: jsonHeaders(), body };
}

/** Opaque `$skiptoken` for directory paging (an offset). */
function directorySkipToken(offset: number): string {
  return Buffer.from(`RFNwdAIAAQAAA:${offset}`, 'utf8').toString('base64url');
}

function readDirectorySkipToken(query: Map<string, string>): number {
  const token = query.get('$skiptoken');
  if (token === undefined) return 0;
  const match = /^RFNwdAIAAQAAA:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match)
    throw new GraphFailure(400, 'Directory_ExpiredPageToken', 'The specified page token value has expired.');
  return Number(match[1]);
}

/** `$search` or `$count=true` (Graph's advanced queries): out of the emulator's scope, answered unfiltered. */
function isAdvancedQuery(query: Map<string, string>): boolean {
  return query.has('$search') || query.get('$count')?.trim().toLowerCase() === 'true';
}

function userCollection(
  ctx: RouteContext,
  request: GraphRequest,
  path: string,
  people: readonly Person[],
  context: string,
): GraphResponse {
  const fields = selectedFields(request.query, USER_PROPERTIES, 'user');
  const size = pageSize(request.query, 100, 999);
  const filterText = isAdvancedQuery(request.query) ? undefined : request.query.get('$filter');
  const filter = filterText === undefined ? null : parseUserFilter(filterText, USER_PROPERTIES);
  const offset = readDirectorySkipToken(request.query);
  const matching = filter === null ? people : people.filter((person) => matchesFilter(filter, person));
  const page = matching.slice(offset, offset + size);
  const body: Record<string, unknown> = {
    '@odata.context': `${ctx.baseUrl}/$metadata#${context}`,
    value: page.map((person) =>
      applySelect({ '@odata.type': '#microsoft.graph.user', ...userJson(person, ctx.org.name) }, fields),
    ),
  };
  if (offset + size < matching.length) {
    const query: [string, string][] = [];
    if (filterText !== undefined) query.push(['$filter', filterText]);
    const select = request.query.get('$select');
    if (select !== undefined) query.push(['$select', select]);
    query.push(['$top', String(size)], ['$skiptoken', directorySkipToken(offset + size)]);
    body['@odata.nextLink'] = absoluteLink(ctx, path, query);
  }
  return ok(body);
}

function hhmm(minute: number): string {
  const h = Math.floor(minute / 60)
    .toString()
    .padStart(2, '0');
  const m = (minute % 60).toString().padStart(2, '0');
  return `${h}:${m}:00.0000000`;
}

function mailboxSettings(ctx: RouteContext, request: GraphRequest, person: Person): GraphResponse {
  const settings = {
    '@odata.context': `${ctx.baseUrl}/$metadata#users('${person.id}')/mailboxSettings`,
    archiveFolder: null,
    timeZone: person.mailboxTimeZone,
    automaticRepliesSetting: { status: 'disabled', externalAudience: 'all' },
    dateFormat: 'M/d/yyyy',
    timeFormat: 'h:mm tt',
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    userPurpose: 'user',
    language: { locale: 'en-US', displayName: 'English (United States)' },
    workingHours: {
      daysOfWeek: [...person.workingHours.daysOfWeek],
      startTime: hhmm(person.workingHours.startMinute),
      endTime: hhmm(person.workingHours.endMinute),
      timeZone: { name: person.mailboxTimeZone },
    },
  };
  const known = Object.keys(settings).filter((key) => !key.startsWith('@'));
  const fields = selectedFields(request.query, known, 'mailboxSettings');
  if (fields === null) return ok(settings);
  const picked = Object.fromEntries(
    Object.entries(settings).filter(([key]) => key.startsWith('@') || fields.includes(key)),
  );
  return ok(picked);
}

/** Relevance: manager, reports, then people met most often (1:1s weigh more), then teammates. */
function relevantPeople(ctx: RouteContext, person: Person): { person: Person; score: number }[] {
  const scores = new Map<number, number>();
  const bump = (index: number, by: number) => {
    if (index !== person.index) scores.set(index, (scores.get(index) ?? 0) + by);
  };
  if (person.managerIndex !== null) {
    bump(person.managerIndex, 1000);
    for (const peer of personAt(ctx.org, person.managerIndex).reportIndexes) bump(peer, 5);
  }
  for (const report of person.reportIndexes) bump(report, 900);
  for (const seriesIndex of ctx.org.calendars[person.index] ?? []) {
    const series = seriesAt(ctx.org, seriesIndex);
    const weight = series.kind === 'one-on-one' || series.kind === 'curiosity-coffee' ? 30 : 10;
    const perWeek = series.intervalWeeks === 0 ? 0.5 : 1 / series.intervalWeeks;
    for (const member of membersOf(series)) bump(member, weight * perWeek);
  }
  return [...scores.entries()]
    .map(([index, score]) => ({ person: personAt(ctx.org, index), score }))
    .sort((a, b) => b.score - a.score || a.person.index - b.person.index);
}

function people(ctx: RouteContext, request: GraphRequest, person: Person): GraphResponse {
  const size = pageSize(request.query, 10, 1000);
  const skip = skipCount(request.query);
  const ranked = relevantPeople(ctx, person);
  const top = ranked[0]?.score ?? 1;
  const value = ranked.slice(skip, skip + size).map(({ person: other, score }) => ({
    id: other.id,
    displayName: other.displayName,
    givenName: other.givenName,
    surname: other.surname,
    birthday: '',
    personNotes: '',
    isFavorite: false,
    jobTitle: other.jobTitle,
    companyName: ctx.org.name,
    yomiCompany: '',
    department: other.department,
    officeLocation: other.officeLocation,
    profession: '',
    userPrincipalName: other.userPrincipalName,
    imAddress: other.userPrincipalName,
    scoredEmailAddresses: [
      {
        address: other.mail,
        relevanceScore: Math.round((score / top) * 100),
        selectionLikelihood: 'notSpecified',
      },
    ],
    phones: [],
    personType: { class: 'Person', subclass: 'OrganizationUser' },
  }));
  const body: Record<string, unknown> = {
    '@odata.context': `${ctx.baseUrl}/$metadata#users('${person.id}')/people`,
    value,
  };
  if (skip + size < ranked.length) {
    body['@odata.nextLink'] = absoluteLink(ctx, `/users/${person.id}/people`, [
      ['$top', String(size)],
      ['$skip', String(skip + size)],
    ]);
  }
  return ok(body);
}

function managerNotFound(): GraphFailure {
  return new GraphFailure(
    404,
    'Request_ResourceNotFound',
    "Resource 'manager' does not exist or one of its queried reference-property objects are not present.",
  );
}

/** A manager as Graph writes it (a directory object that is a user), with the selected fields. */
function managerJson(
  ctx: RouteContext,
  manager: Person,
  fields: readonly string[] | null,
): Record<string, unknown> {
  return applySelect({ '@odata.type': '#microsoft.graph.user', ...userJson(manager, ctx.org.name) }, fields);
}

/**
 * `$expand=manager` or `$expand=manager($select=id,displayName)` on a user read: the fields of the manager
 * to inline, or `undefined` when nothing is expanded. Graph expands `manager` (and a few other
 * navigation properties) on a single user; the emulator knows `manager` only.
 */
function expandedManagerFields(request: GraphRequest): { fields: string[] | null } | undefined {
  const raw = request.query.get('$expand');
  if (raw === undefined) return undefined;
  const match = /^\s*manager\s*(?:\((.*)\))?\s*$/i.exec(raw);
  if (!match) {
    const name = raw.split('(')[0]?.trim() ?? raw;
    throw invalidParameter(
      `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type 'microsoft.graph.user'.`,
    );
  }
  const options = new Map<string, string>();
  for (const option of (match[1] ?? '').split(';')) {
    const equals = option.indexOf('=');
    if (option.trim() === '') continue;
    const name = (equals === -1 ? option : option.slice(0, equals)).trim().toLowerCase();
    if (name !== '$select' || equals === -1)
      throw invalidParameter(
        `Parsing OData Select and Expand failed: '${option.trim()}' is not supported inside $expand.`,
      );
    options.set(name, option.slice(equals + 1));
  }
  return { fields: selectedFields(options, USER_PROPERTIES, 'user') };
}

/** Handles directory routes; `null` when the path is not one of them. */
export function directoryRoute(ctx: RouteContext, request: GraphRequest): GraphResponse | null {
  const [root, key, navigation, ...rest] = request.segments;
  if (root?.toLowerCase() !== 'users' || rest.length > 0) return null;
  if (key === undefined) return userCollection(ctx, request, '/users', ctx.org.people, 'users');
  const nav = navigation?.toLowerCase();
  if (nav === 'mailboxsettings') return mailboxSettings(ctx, request, mailboxUser(ctx, key));
  const person = directoryUser(ctx, key);
  if (nav === undefined) {
    const fields = selectedFields(request.query, USER_PROPERTIES, 'user');
    const expand = expandedManagerFields(request);
    const user = applySelect(
      { '@odata.context': `${ctx.baseUrl}/$metadata#users/$entity`, ...userJson(person, ctx.org.name) },
      fields,
    );
    // As Graph does: an expanded manager that does not exist is left out, not written as null.
    if (expand && person.managerIndex !== null)
      user.manager = managerJson(ctx, personAt(ctx.org, person.managerIndex), expand.fields);
    return ok(user);
  }
  if (nav === 'manager') {
    if (person.managerIndex === null) throw managerNotFound();
    const fields = selectedFields(request.query, USER_PROPERTIES, 'user');
    return ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#directoryObjects/$entity`,
      ...managerJson(ctx, personAt(ctx.org, person.managerIndex), fields),
    });
  }
  if (nav === 'directreports') {
    const reports = person.reportIndexes.map((index) => personAt(ctx.org, index));
    return userCollection(ctx, request, `/users/${person.id}/directReports`, reports, 'directoryObjects');
  }
  if (nav === 'people') return people(ctx, request, person);
  return null;
}
