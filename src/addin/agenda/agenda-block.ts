import type { AgendaResponse, Ask, KnowledgeHolder } from '../../api/contract/api-types';
import { formatCalendarDate } from '../../web/format/format-date';
import type { CoercionType } from '../office/office-types';

/** What goes into the invitation: the shareable agenda only. There is no field for private notes on purpose. */
export interface InvitationAgenda {
  authorName: string;
  learningFocus: string;
  knowledgeHolders: readonly KnowledgeHolder[];
  asks: readonly Ask[];
  followUps: readonly { text: string; dueOn: string }[];
}

export const BLOCK_START = '——— 1:1 agenda · Career Conversations ———';
export const BLOCK_END = '——— end of the 1:1 agenda ———';

/** The agenda to insert: my own when I wrote one, else the one the other person shared with me. */
export function invitationAgendaFrom(
  response: AgendaResponse,
  myName: string,
  counterpartName: string,
): InvitationAgenda | null {
  if (response.agenda && hasContent(response.agenda)) {
    const carried = new Set(response.agenda.carriedActionIds);
    return {
      authorName: myName,
      learningFocus: response.agenda.learningFocus,
      knowledgeHolders: response.agenda.knowledgeHolders,
      asks: response.agenda.asks,
      followUps: response.openActions
        .filter((a) => carried.has(a.id))
        .map((a) => ({ text: a.text, dueOn: a.dueOn })),
    };
  }
  const shared = response.sharedWithMe;
  if (shared && hasContent(shared)) {
    return {
      authorName: counterpartName,
      learningFocus: shared.learningFocus,
      knowledgeHolders: shared.knowledgeHolders,
      asks: shared.asks,
      followUps: shared.carriedActions
        .filter((a) => a.status === 'open')
        .map((a) => ({ text: a.text, dueOn: a.dueOn })),
    };
  }
  return null;
}

function hasContent(a: {
  learningFocus: string;
  knowledgeHolders: readonly unknown[];
  asks: readonly unknown[];
}): boolean {
  return a.learningFocus.trim() !== '' || a.knowledgeHolders.length > 0 || a.asks.length > 0;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Section {
  title: string;
  lines: string[];
}

function sections(agenda: InvitationAgenda): Section[] {
  return [
    {
      title: `${agenda.authorName} wants to learn`,
      lines: agenda.learningFocus.trim() ? [agenda.learningFocus.trim()] : [],
    },
    { title: 'Who knows about it', lines: agenda.knowledgeHolders.map((h) => h.label) },
    {
      title: 'Asks',
      lines: agenda.asks.map((a) =>
        a.support.trim() ? `${a.wanted} (support asked: ${a.support})` : a.wanted,
      ),
    },
    {
      title: 'To follow up from last time',
      lines: agenda.followUps.map((f) => `${f.text} (due ${formatCalendarDate(f.dueOn)})`),
    },
  ].filter((s) => s.lines.length > 0);
}

/** The agenda as a clearly delimited block, in the body's format. */
export function renderAgendaBlock(agenda: InvitationAgenda, type: CoercionType): string {
  if (type === 'text') {
    const body = sections(agenda).flatMap((s) => [`${s.title}:`, ...s.lines.map((l) => `- ${l}`), '']);
    return [BLOCK_START, ...body, BLOCK_END].join('\n');
  }
  const body = sections(agenda)
    .map(
      (s) =>
        `<p><b>${escapeHtml(s.title)}</b></p><ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    )
    .join('');
  return `<div class="career-conversations-agenda"><p>${BLOCK_START}</p>${body}<p>${BLOCK_END}</p></div>`;
}

/** Where an earlier block sits in a body, widened to the elements that hold its two marker lines. */
export function findAgendaBlock(body: string, type: CoercionType): { from: number; to: number } | null {
  const start = body.indexOf(BLOCK_START);
  const endMarker = start < 0 ? -1 : body.indexOf(BLOCK_END, start);
  if (start < 0 || endMarker < 0) return null;
  const end = endMarker + BLOCK_END.length;
  if (type === 'text') {
    const from = body.lastIndexOf('\n', start) + 1;
    const newline = body.indexOf('\n', end);
    return { from, to: newline < 0 ? body.length : newline + 1 };
  }
  // Outlook may re-wrap our markup (spans, classes, lost wrapper): cut from the block element before the start
  // marker to the block element closing after the end marker, plus our wrapper div when it is still around both.
  const openings = [...body.slice(0, start).matchAll(/<(p|div)\b[^>]*>/gi)];
  const opening = openings[openings.length - 1];
  const closing = /<\/(p|div)>/i.exec(body.slice(end));
  if (!opening || !closing) return { from: start, to: end };
  let from = opening.index;
  let to = end + closing.index + closing[0].length;
  const wrapper = /<div\b[^>]*>\s*$/i.exec(body.slice(0, from));
  const wrapperEnd = /^\s*<\/div>/i.exec(body.slice(to));
  if (wrapper && wrapperEnd) {
    from = wrapper.index;
    to += wrapperEnd[0].length;
  }
  return { from, to };
}

/** The body with the agenda block replaced (or null when it has none): the rest is left byte for byte. */
export function replaceAgendaBlock(body: string, block: string, type: CoercionType): string | null {
  const found = findAgendaBlock(body, type);
  if (!found) return null;
  return `${body.slice(0, found.from)}${type === 'text' ? `${block}\n` : block}${body.slice(found.to)}`;
}
