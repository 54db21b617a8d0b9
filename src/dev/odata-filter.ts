/**
 * `$filter` on `/users`, the subset Graph answers without advanced query parameters that the app needs:
 * `startswith(prop,'x')` and `prop eq 'x'`, joined by `and` / `or` and parentheses. Everything else is
 * refused as Graph refuses it: `Request_UnsupportedQuery` for what Graph knows but will not run here,
 * `BadRequest` for what it cannot read.
 */
import { GraphFailure } from './graph-errors';

export const MAX_FILTER_LENGTH = 2000;

/** Compared ignoring case, as Graph compares these directory strings. */
const TEXT_PROPERTIES = [
  'displayName',
  'mail',
  'userPrincipalName',
  'givenName',
  'surname',
  'jobTitle',
] as const;

export type FilterProperty = (typeof TEXT_PROPERTIES)[number] | 'id';

export type FilterableUser = Readonly<Record<FilterProperty, string | null>>;

export type UserFilter =
  | { kind: 'startswith'; property: FilterProperty; value: string }
  | { kind: 'eq'; property: FilterProperty; value: string }
  | { kind: 'and' | 'or'; left: UserFilter; right: UserFilter };

type Token =
  | { kind: '(' | ')' | ','; at: number }
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'literal'; text: string; at: number }
  | { kind: 'end'; at: number };

/** OData functions Graph knows; none of them runs on `/users` without advanced query parameters. */
const OTHER_ODATA_FUNCTIONS = new Set([
  'contains',
  'substringof',
  'tolower',
  'toupper',
  'trim',
  'length',
  'indexof',
  'substring',
  'concat',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'date',
  'time',
  'round',
  'floor',
  'ceiling',
  'cast',
  'isof',
]);
const ADVANCED_ONLY = new Map([
  ['ne', 'ne'],
  ['not', 'not'],
  ['endswith', 'endsWith'],
]);
const OTHER_OPERATORS = new Set(['gt', 'ge', 'lt', 'le', 'in', 'has']);

function invalidClause(text: string, detail: string): GraphFailure {
  return new GraphFailure(400, 'BadRequest', `Invalid filter clause: ${detail} in '${text}'.`);
}

function unsupportedFor(property: string): GraphFailure {
  return new GraphFailure(
    400,
    'Request_UnsupportedQuery',
    `Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`,
  );
}

function unsupportedClause(detail: string): GraphFailure {
  return new GraphFailure(
    400,
    'Request_UnsupportedQuery',
    `Unsupported or invalid query filter clause: ${detail}.`,
  );
}

function advancedOnly(operator: string): GraphFailure {
  return new GraphFailure(
    400,
    'Request_UnsupportedQuery',
    `Operator '${operator}' is not supported because the required parameters might be missing. ` +
      'Try adding $count with a value of true and the ConsistencyLevel header with a value of eventual.',
  );
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text.charAt(at);
    // `+` is how form-encoding clients write a space, and Graph's front door reads it so.
    if (char === ' ' || char === '\t' || char === '+') {
      at += 1;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char, at });
      at += 1;
    } else if (char === "'") {
      let value = '';
      let end = at + 1;
      for (;;) {
        const quote = text.indexOf("'", end);
        if (quote === -1)
          throw invalidClause(text, `There is an unterminated string literal at position ${at}`);
        value += text.slice(end, quote);
        if (text.charAt(quote + 1) !== "'") {
          end = quote + 1;
          break;
        }
        value += "'";
        end = quote + 2;
      }
      tokens.push({ kind: 'string', value, at });
      at = end;
    } else {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at))?.[0];
      const literal = /^[0-9-][0-9A-Za-z.:-]*/.exec(text.slice(at))?.[0];
      if (word !== undefined) tokens.push({ kind: 'word', text: word, at });
      else if (literal !== undefined) tokens.push({ kind: 'literal', text: literal, at });
      else throw invalidClause(text, `Syntax error: character '${char}' is not valid at position ${at}`);
      at += (word ?? literal ?? char).length;
    }
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}

/** Recursive descent over the tokens: `or` binds looser than `and`, as in OData. */
class FilterParser {
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly userProperties: readonly string[],
  ) {}

  parse(): UserFilter {
    const filter = this.orExpression();
    const rest = this.peek();
    if (rest.kind !== 'end') throw invalidClause(this.text, `Syntax error at position ${rest.at}`);
    return filter;
  }

  private peek(): Token {
    return this.tokens[this.next] ?? { kind: 'end', at: this.text.length };
  }

  private take(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.next += 1;
    return token;
  }

  private isWord(token: Token, word: string): boolean {
    return token.kind === 'word' && token.text.toLowerCase() === word;
  }

  private expect(kind: '(' | ')' | ',', what: string): void {
    const token = this.take();
    if (token.kind !== kind) throw invalidClause(this.text, `${what} expected at position ${token.at}`);
  }

  private orExpression(): UserFilter {
    let left = this.andExpression();
    while (this.isWord(this.peek(), 'or')) {
      this.take();
      left = { kind: 'or', left, right: this.andExpression() };
    }
    return left;
  }

  private andExpression(): UserFilter {
    let left = this.clause();
    while (this.isWord(this.peek(), 'and')) {
      this.take();
      left = { kind: 'and', left, right: this.clause() };
    }
    return left;
  }

  private clause(): UserFilter {
    const token = this.take();
    if (token.kind === '(') {
      const inner = this.orExpression();
      this.expect(')', "')' or operator");
      return inner;
    }
    if (token.kind === 'string' || token.kind === 'literal')
      throw unsupportedClause('a clause starts with a property or a function, not a value');
    if (token.kind !== 'word') throw invalidClause(this.text, `Expression expected at position ${token.at}`);
    if (token.text.toLowerCase() === 'not') throw advancedOnly('not');
    if (this.peek().kind === '(') return this.functionCall(token.text);
    return this.comparison(token.text);
  }

  private functionCall(name: string): UserFilter {
    const lowered = name.toLowerCase();
    const advanced = ADVANCED_ONLY.get(lowered);
    if (advanced !== undefined) throw advancedOnly(advanced);
    if (OTHER_ODATA_FUNCTIONS.has(lowered))
      throw unsupportedClause(`the function '${name}' is not supported on resource 'User'`);
    if (lowered !== 'startswith') {
      throw invalidClause(
        this.text,
        `An unknown function with name '${name}' was found. This may also be a function import or a key ` +
          'lookup on a navigation property, which is not allowed',
      );
    }
    this.expect('(', "'('");
    const first = this.take();
    if (first.kind !== 'word') throw unsupportedClause('startswith takes a property as its first argument');
    const property = this.property(first.text);
    this.expect(',', "','");
    const value = this.take();
    this.expect(')', "')'");
    if (value.kind !== 'string' || value.value === '' || property === 'id') throw unsupportedFor(property);
    return { kind: 'startswith', property, value: value.value };
  }

  private comparison(name: string): UserFilter {
    const property = this.property(name);
    const operator = this.take();
    if (operator.kind !== 'word') throw invalidClause(this.text, `Syntax error at position ${operator.at}`);
    const lowered = operator.text.toLowerCase();
    const advanced = ADVANCED_ONLY.get(lowered);
    if (advanced !== undefined) throw advancedOnly(advanced);
    if (OTHER_OPERATORS.has(lowered)) throw unsupportedFor(property);
    if (lowered !== 'eq') throw invalidClause(this.text, `Syntax error at position ${operator.at}`);
    const value = this.take();
    if (value.kind === 'end') throw invalidClause(this.text, `Expression expected at position ${value.at}`);
    if (value.kind !== 'string') throw unsupportedFor(property);
    return { kind: 'eq', property, value: value.value };
  }

  /** The canonical filterable property; a user property that cannot be filtered here, or an unknown name, throws. */
  private property(name: string): FilterProperty {
    const lowered = name.toLowerCase();
    if (lowered === 'id') return 'id';
    const text = TEXT_PROPERTIES.find((property) => property.toLowerCase() === lowered);
    if (text !== undefined) return text;
    const known = this.userProperties.find((property) => property.toLowerCase() === lowered);
    if (known !== undefined) throw unsupportedFor(known);
    throw new GraphFailure(
      400,
      'BadRequest',
      `Invalid filter clause: Could not find a property named '${name}' on type 'microsoft.graph.user'.`,
    );
  }
}

/** Reads a `$filter` for `/users`; `userProperties` tells a property Graph has apart from a typo. */
export function parseUserFilter(text: string, userProperties: readonly string[]): UserFilter {
  if (text.length > MAX_FILTER_LENGTH) {
    throw new GraphFailure(
      400,
      'BadRequest',
      `Invalid filter clause: the filter is ${text.length} characters long; at most ${MAX_FILTER_LENGTH} are allowed.`,
    );
  }
  return new FilterParser(text, tokenize(text), userProperties).parse();
}

export function matchesFilter(filter: UserFilter, user: FilterableUser): boolean {
  switch (filter.kind) {
    case 'and':
      return matchesFilter(filter.left, user) && matchesFilter(filter.right, user);
    case 'or':
      return matchesFilter(filter.left, user) || matchesFilter(filter.right, user);
    case 'eq':
      return user[filter.property]?.toLowerCase() === filter.value.toLowerCase();
    case 'startswith':
      return user[filter.property]?.toLowerCase().startsWith(filter.value.toLowerCase()) ?? false;
  }
}
