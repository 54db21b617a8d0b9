import type { AgendaResponse } from '../../../src/api/contract/api-types';
import type { InvitationAgenda } from '../../../src/addin/agenda/agenda-block';
import {
  BLOCK_END,
  BLOCK_START,
  invitationAgendaFrom,
  renderAgendaBlock,
  replaceAgendaBlock,
} from '../../../src/addin/agenda/agenda-block';

const agenda: InvitationAgenda = {
  authorName: 'Ava Chen',
  learningFocus: 'How pricing decisions are made <for real> & why',
  knowledgeHolders: [{ label: 'Pia Novak', personId: 'pia' }],
  asks: [{ wanted: 'Join the pricing guild', support: 'An intro to its lead' }],
  followUps: [{ text: 'Read the pricing memo', dueOn: '2026-12-01' }],
};

function agendaResponse(overrides: Partial<AgendaResponse> = {}): AgendaResponse {
  return {
    oneOnOne: {
      id: 'ava:evt-1',
      counterpart: { name: 'Max Moreau', email: 'max@contoso.example', personId: 'max' },
      relationship: 'manager',
      startsAt: '2026-11-25T09:00:00.000Z',
      endsAt: '2026-11-25T09:30:00.000Z',
      status: 'scheduled',
    },
    agenda: {
      learningFocus: 'Pricing',
      knowledgeHolders: [],
      asks: [],
      carriedActionIds: ['a1'],
      sharedAt: null,
      sharedEarlierWith: null,
      updatedAt: '2026-11-24T10:00:00.000Z',
      revision: 3,
    },
    privateNotes: 'PRIVATE: I am thinking about leaving',
    openActions: [
      {
        id: 'a1',
        text: 'Read the pricing memo',
        dueOn: '2026-12-01',
        status: 'open',
        overdue: false,
        completedAt: null,
        owner: { id: 'ava', displayName: 'Ava Chen' },
        agreedWith: { id: 'max', displayName: 'Max Moreau' },
        oneOnOneId: 'ava:evt-0',
        recapId: 'r1',
      },
      {
        id: 'a2',
        text: 'Not carried into this agenda',
        dueOn: '2026-12-02',
        status: 'open',
        overdue: false,
        completedAt: null,
        owner: { id: 'max', displayName: 'Max Moreau' },
        agreedWith: { id: 'ava', displayName: 'Ava Chen' },
        oneOnOneId: 'ava:evt-0',
        recapId: 'r1',
      },
    ],
    shareWith: { id: 'max', displayName: 'Max Moreau' },
    sharedWithMe: null,
    ...overrides,
  };
}

describe('the agenda block for the invitation', () => {
  it('never carries the private notes, and only the actions carried into this agenda', () => {
    const picked = invitationAgendaFrom(agendaResponse(), 'Ava Chen', 'Max Moreau');
    expect(picked).not.toBeNull();
    const html = renderAgendaBlock(picked!, 'html');
    expect(html).not.toContain('PRIVATE');
    expect(html).toContain('Read the pricing memo');
    expect(html).not.toContain('Not carried');
    expect(JSON.stringify(picked)).not.toContain('PRIVATE');
  });

  it('falls back to the agenda the other person shared, and to nothing when neither wrote one', () => {
    const shared = agendaResponse({
      agenda: null,
      sharedWithMe: {
        oneOnOneId: 'max:evt-9',
        meetingStartsAt: null,
        learningFocus: 'Coaching',
        knowledgeHolders: [],
        asks: [],
        carriedActions: [],
        sharedAt: '2026-11-20T10:00:00.000Z',
        updatedAt: '2026-11-20T10:00:00.000Z',
      },
    });
    expect(invitationAgendaFrom(shared, 'Max Moreau', 'Ava Chen')?.authorName).toBe('Ava Chen');
    expect(invitationAgendaFrom(agendaResponse({ agenda: null }), 'Ava Chen', 'Max Moreau')).toBeNull();
  });

  it('escapes what people wrote in the HTML block', () => {
    const html = renderAgendaBlock(agenda, 'html');
    expect(html).toContain('How pricing decisions are made &lt;for real&gt; &amp; why');
    expect(html.startsWith('<div')).toBe(true);
  });

  it('writes a readable plain-text block between the two marker lines', () => {
    const text = renderAgendaBlock(agenda, 'text').split('\n');
    expect(text[0]).toBe(BLOCK_START);
    expect(text).toContain('Ava Chen wants to learn:');
    expect(text).toContain('- Join the pricing guild (support asked: An intro to its lead)');
    expect(text[text.length - 1]).toBe(BLOCK_END);
  });

  it('replaces an earlier HTML block in place and leaves the rest byte for byte', () => {
    const before = '<html><body><p>Hi Max,</p>';
    const after = '<p>Teams meeting link</p><!--[if mso]>x<![endif]--></body></html>';
    const body = `${before}${renderAgendaBlock(agenda, 'html')}${after}`;
    const next = renderAgendaBlock({ ...agenda, learningFocus: 'Negotiation' }, 'html');
    expect(replaceAgendaBlock(body, next, 'html')).toBe(`${before}${next}${after}`);
  });

  it('finds a block Outlook re-wrapped (wrapper lost, spans and classes added)', () => {
    const rewrapped = `<div class="x_elementToProof"><p>Hi</p><p class="x_MsoNormal"><span>${BLOCK_START}</span></p><p><b>Asks</b></p><p class="x_MsoNormal"><span>${BLOCK_END}</span></p><p>Bye</p></div>`;
    expect(replaceAgendaBlock(rewrapped, '<p>NEW</p>', 'html')).toBe(
      '<div class="x_elementToProof"><p>Hi</p><p>NEW</p><p>Bye</p></div>',
    );
  });

  it('replaces an earlier plain-text block and keeps the lines around it', () => {
    const body = `Agenda below.\n${renderAgendaBlock(agenda, 'text')}\nSee you there.`;
    const next = renderAgendaBlock({ ...agenda, asks: [] }, 'text');
    expect(replaceAgendaBlock(body, next, 'text')).toBe(`Agenda below.\n${next}\nSee you there.`);
  });

  it('finds nothing to replace in a body without both markers', () => {
    expect(replaceAgendaBlock(`<p>${BLOCK_START}</p> but no end`, 'x', 'html')).toBeNull();
  });
});
