import { USER_PROPERTIES } from '../../../src/dev/directory-routes';
import { GraphFailure } from '../../../src/dev/graph-errors';
import type { FilterableUser } from '../../../src/dev/odata-filter';
import { MAX_FILTER_LENGTH, matchesFilter, parseUserFilter } from '../../../src/dev/odata-filter';

const person = (displayName: string, mail: string, extra: Partial<FilterableUser> = {}): FilterableUser => ({
  id: `id-${displayName.toLowerCase().replace(/\W/g, '')}`,
  displayName,
  mail,
  userPrincipalName: mail,
  givenName: displayName.split(' ')[0] ?? null,
  surname: displayName.split(' ')[1] ?? null,
  jobTitle: 'Engineer',
  ...extra,
});

const lena = person('Lena Fischer', 'lena.fischer@contoso.example');
const leo = person('Leo Park', 'leo.park@contoso.example', { jobTitle: 'Designer' });
const oleary = person("Sean O'Leary", "o'leary@contoso.example");
const avery = person('Avery Chen', 'achen@contoso.example', { mail: null });
const everyone = [lena, leo, oleary, avery];

function matching(filter: string): string[] {
  const parsed = parseUserFilter(filter, USER_PROPERTIES);
  return everyone.filter((user) => matchesFilter(parsed, user)).map((user) => user.displayName ?? '');
}

function refusal(filter: string): { status: number; code: string; message: string } {
  try {
    parseUserFilter(filter, USER_PROPERTIES);
  } catch (error: unknown) {
    if (error instanceof GraphFailure)
      return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`'${filter}' was accepted`);
}

const ADVANCED_HINT =
  'is not supported because the required parameters might be missing. ' +
  'Try adding $count with a value of true and the ConsistencyLevel header with a value of eventual.';

describe('user $filter: supported forms', () => {
  it('keeps users whose property starts with the value', () => {
    expect(matching("startswith(displayName,'Le')")).toEqual(['Lena Fischer', 'Leo Park']);
  });

  it('keeps users whose property equals the value', () => {
    expect(matching("mail eq 'leo.park@contoso.example'")).toEqual(['Leo Park']);
    expect(matching(`id eq '${lena.id ?? ''}'`)).toEqual(['Lena Fischer']);
  });

  it('reads every filterable text property', () => {
    expect(matching("givenName eq 'Sean'")).toEqual(["Sean O'Leary"]);
    expect(matching("startswith(surname,'Ch')")).toEqual(['Avery Chen']);
    expect(matching("jobTitle eq 'Designer'")).toEqual(['Leo Park']);
    expect(matching("startswith(userPrincipalName,'achen@')")).toEqual(['Avery Chen']);
  });

  it('ignores case in values, property names, functions and operators', () => {
    expect(matching("STARTSWITH(DisplayName,'lE') AND MAIL Eq 'LENA.FISCHER@CONTOSO.EXAMPLE'")).toEqual([
      'Lena Fischer',
    ]);
  });

  it('joins clauses with or', () => {
    expect(matching("startswith(displayName,'Avery') or startswith(mail,'leo')")).toEqual([
      'Leo Park',
      'Avery Chen',
    ]);
  });

  it('binds and tighter than or', () => {
    const filter =
      "startswith(displayName,'Avery') or startswith(displayName,'Le') and jobTitle eq 'Designer'";
    expect(matching(filter)).toEqual(['Leo Park', 'Avery Chen']);
  });

  it('lets parentheses group an or before an and', () => {
    const filter =
      "(startswith(displayName,'Avery') or startswith(displayName,'Le')) and jobTitle eq 'Designer'";
    expect(matching(filter)).toEqual(['Leo Park']);
  });

  it("reads '' inside a literal as one quote", () => {
    expect(matching("startswith(displayName,'Sean O''L') or startswith(mail,'o''')")).toEqual([
      "Sean O'Leary",
    ]);
  });

  it('never matches a property without a value', () => {
    expect(matching("startswith(mail,'a')")).toEqual([]);
  });

  it('reads spaces and form-encoded plus signs between tokens', () => {
    expect(matching(" startswith( displayName , 'Leo' )+or+mail  eq 'x' ")).toEqual(['Leo Park']);
  });

  it('reads the filter the people search sends', () => {
    const quoted = `'${"O'Le".replace(/'/g, "''")}'`;
    expect(matching(`startswith(displayName,${quoted}) or startswith(mail,${quoted})`)).toEqual([
      "Sean O'Leary",
    ]);
  });
});

describe('user $filter: refusals', () => {
  it.each<[string, string, string]>([
    ["displayName ne 'Leo'", 'Request_UnsupportedQuery', `Operator 'ne' ${ADVANCED_HINT}`],
    ["not startswith(displayName,'L')", 'Request_UnsupportedQuery', `Operator 'not' ${ADVANCED_HINT}`],
    ["endswith(mail,'.example')", 'Request_UnsupportedQuery', `Operator 'endsWith' ${ADVANCED_HINT}`],
    [
      "contains(displayName,'e')",
      'Request_UnsupportedQuery',
      "Unsupported or invalid query filter clause: the function 'contains' is not supported on resource 'User'.",
    ],
    [
      "displayName ge 'L'",
      'Request_UnsupportedQuery',
      "Unsupported or invalid query filter clause specified for property 'displayName' of resource 'User'.",
    ],
    [
      "displayName in ('Leo Park')",
      'Request_UnsupportedQuery',
      "Unsupported or invalid query filter clause specified for property 'displayName' of resource 'User'.",
    ],
    [
      "department eq 'Design'",
      'Request_UnsupportedQuery',
      "Unsupported or invalid query filter clause specified for property 'department' of resource 'User'.",
    ],
    [
      "startswith(id,'a')",
      'Request_UnsupportedQuery',
      "Unsupported or invalid query filter clause specified for property 'id' of resource 'User'.",
    ],
    [
      "startswith(displayName,'')",
      'Request_UnsupportedQuery',
      "Unsupported or invalid query filter clause specified for property 'displayName' of resource 'User'.",
    ],
    [
      'displayName eq null',
      'Request_UnsupportedQuery',
      "Unsupported or invalid query filter clause specified for property 'displayName' of resource 'User'.",
    ],
    [
      "'Leo Park' eq displayName",
      'Request_UnsupportedQuery',
      'Unsupported or invalid query filter clause: a clause starts with a property or a function, not a value.',
    ],
    [
      "startswith('Leo',displayName)",
      'Request_UnsupportedQuery',
      'Unsupported or invalid query filter clause: startswith takes a property as its first argument.',
    ],
    [
      "nickname eq 'Leo'",
      'BadRequest',
      "Invalid filter clause: Could not find a property named 'nickname' on type 'microsoft.graph.user'.",
    ],
    [
      "begins(displayName,'L')",
      'BadRequest',
      "Invalid filter clause: An unknown function with name 'begins' was found. This may also be a function " +
        "import or a key lookup on a navigation property, which is not allowed in 'begins(displayName,'L')'.",
    ],
    [
      "startswith(displayName,'Le)",
      'BadRequest',
      "Invalid filter clause: There is an unterminated string literal at position 23 in 'startswith(displayName,'Le)'.",
    ],
    [
      "(startswith(displayName,'Le')",
      'BadRequest',
      "Invalid filter clause: ')' or operator expected at position 29 in '(startswith(displayName,'Le')'.",
    ],
    [
      "startswith(displayName,'Le'))",
      'BadRequest',
      "Invalid filter clause: Syntax error at position 28 in 'startswith(displayName,'Le'))'.",
    ],
    [
      "startswith(displayName 'Le')",
      'BadRequest',
      "Invalid filter clause: ',' expected at position 23 in 'startswith(displayName 'Le')'.",
    ],
    [
      "displayName = 'Leo'",
      'BadRequest',
      "Invalid filter clause: Syntax error: character '=' is not valid at position 12 in 'displayName = 'Leo''.",
    ],
    [
      "displayName equals 'Leo'",
      'BadRequest',
      "Invalid filter clause: Syntax error at position 12 in 'displayName equals 'Leo''.",
    ],
    [
      'displayName eq',
      'BadRequest',
      "Invalid filter clause: Expression expected at position 14 in 'displayName eq'.",
    ],
    [
      "startswith(displayName,'L') or",
      'BadRequest',
      "Invalid filter clause: Expression expected at position 30 in 'startswith(displayName,'L') or'.",
    ],
    ['', 'BadRequest', "Invalid filter clause: Expression expected at position 0 in ''."],
  ])('refuses %p', (filter, code, message) => {
    expect(refusal(filter)).toEqual({ status: 400, code, message });
  });

  it(`refuses a filter longer than ${MAX_FILTER_LENGTH} characters`, () => {
    const clause = "startswith(displayName,'L')";
    const long = Array.from({ length: 80 }, () => clause).join(' or ');
    expect(refusal(long)).toEqual({
      status: 400,
      code: 'BadRequest',
      message: `Invalid filter clause: the filter is ${long.length} characters long; at most ${MAX_FILTER_LENGTH} are allowed.`,
    });
  });

  it(`accepts a filter of exactly ${MAX_FILTER_LENGTH} characters`, () => {
    const core = "displayName eq 'Leo Park'";
    const padded = `${core}${' '.repeat(MAX_FILTER_LENGTH - core.length)}`;
    expect(matching(padded)).toEqual(['Leo Park']);
  });
});
