import { addAgendaToInvitation } from '../../../src/addin/agenda/add-agenda-to-invitation';
import { BLOCK_START } from '../../../src/addin/agenda/agenda-block';
import type { InvitationAgenda } from '../../../src/addin/agenda/agenda-block';
import { meetingItemFrom } from '../../../src/addin/office/meeting-item';
import type { ComposeBody } from './office-mailbox';
import { composeModeItem } from './office-mailbox';

const agenda: InvitationAgenda = {
  authorName: 'Ava Chen',
  learningFocus: 'Pricing',
  knowledgeHolders: [],
  asks: [{ wanted: 'Join the pricing guild', support: '' }],
  followUps: [],
};

function bodyOf(state: ComposeBody) {
  const body = meetingItemFrom(composeModeItem(state))?.body;
  if (!body) throw new Error('compose item has no body');
  return body;
}

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('Add agenda to the invitation (compose mode, office-addin-mock)', () => {
  it('prepends the block the first time, keeping what the organizer wrote', async () => {
    const state: ComposeBody = { content: '<p>Hi Max, usual slot.</p>', type: 'html', calls: [] };
    expect(await addAgendaToInvitation(bodyOf(state), agenda)).toBe('added');
    expect(state.calls).toEqual(['getTypeAsync', 'getAsync:html', 'prependAsync:html']);
    expect(state.content.endsWith('<p>Hi Max, usual slot.</p>')).toBe(true);
    expect(state.content).toContain('Join the pricing guild');
  });

  it('replaces the earlier block when inserted again, never duplicating it', async () => {
    const state: ComposeBody = { content: '<p>Hi Max, usual slot.</p>', type: 'html', calls: [] };
    await addAgendaToInvitation(bodyOf(state), agenda);
    state.content = `${state.content}<p>Added later by the organizer.</p>`;
    expect(await addAgendaToInvitation(bodyOf(state), { ...agenda, learningFocus: 'Negotiation' })).toBe(
      'replaced',
    );
    expect(count(state.content, BLOCK_START)).toBe(1);
    expect(state.content).toContain('Negotiation');
    expect(state.content).not.toContain('<li>Pricing</li>');
    expect(state.content).toContain('<p>Hi Max, usual slot.</p><p>Added later by the organizer.</p>');
    expect(state.calls.slice(-1)).toEqual(['setAsync:html']);
  });

  it('writes plain text into a plain-text body', async () => {
    const state: ComposeBody = { content: 'Usual slot.', type: 'text', calls: [] };
    await addAgendaToInvitation(bodyOf(state), agenda);
    expect(state.content.startsWith(`${BLOCK_START}\n`)).toBe(true);
    expect(state.content.endsWith('\n\nUsual slot.')).toBe(true);
    expect(state.content).not.toContain('<');
  });
});
