import type { RecapMessageInput } from '../../../src/core';
import { composeRecapMessage } from '../../../src/core';

const ASK = 'Does this match what you remember? Please confirm, or tell me what to change.';

function message(overrides: Partial<RecapMessageInput> = {}): string[] {
  return composeRecapMessage({
    authorName: 'Avery Chen',
    recipientName: 'Morgan Lee',
    meetingDay: 'Tuesday 10 March',
    requiresAcknowledgement: true,
    topics: ['Learning goal: pricing experiments', 'Interest in the payments rotation'],
    actions: [
      { id: 'a1', text: 'Introduce Avery to the pricing lead', owner: 'recipient', dueOn: '2026-03-20' },
      { id: 'a2', text: 'Read the experimentation playbook', owner: 'author', dueOn: '2026-03-27' },
    ],
    ...overrides,
  }).split('\n');
}

describe('composeRecapMessage', () => {
  it('greets the recipient by first name and names the meeting day', () => {
    expect(message()[0]).toBe('Hi Morgan, thanks for our conversation on Tuesday 10 March.');
  });

  it('lists every topic as a bullet under a heading', () => {
    const lines = message();
    const at = lines.indexOf('What we covered:');

    expect(lines.slice(at, at + 3)).toEqual([
      'What we covered:',
      '- Learning goal: pricing experiments',
      '- Interest in the payments rotation',
    ]);
  });

  it('lists every action with who does it and by when', () => {
    const lines = message();
    const at = lines.indexOf('What we agreed:');

    expect(lines.slice(at, at + 3)).toEqual([
      'What we agreed:',
      '- Morgan: Introduce Avery to the pricing lead (by 2026-03-20)',
      '- Me: Read the experimentation playbook (by 2026-03-27)',
    ]);
  });

  it('ends with the acknowledgement question when acknowledgement is required', () => {
    expect(message().at(-1)).toBe(ASK);
  });

  it('does not ask for confirmation when acknowledgement is not required', () => {
    const lines = message({ requiresAcknowledgement: false });

    expect(lines).not.toContain(ASK);
    expect(lines.at(-1)).toBe('If I missed or misread anything, let me know.');
  });

  it('leaves out the topics heading when there are no topics', () => {
    expect(message({ topics: [] })).not.toContain('What we covered:');
  });

  it('leaves out the actions heading when there are no actions', () => {
    expect(message({ actions: [] })).not.toContain('What we agreed:');
  });

  it('separates the sections with blank lines', () => {
    expect(message({ actions: [] })).toEqual([
      'Hi Morgan, thanks for our conversation on Tuesday 10 March.',
      '',
      'What we covered:',
      '- Learning goal: pricing experiments',
      '- Interest in the payments rotation',
      '',
      ASK,
    ]);
  });

  it('uses the first word of a name padded with spaces', () => {
    expect(message({ recipientName: '  Priya   Nair ' })[0]).toBe(
      'Hi Priya, thanks for our conversation on Tuesday 10 March.',
    );
  });
});
