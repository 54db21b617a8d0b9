import type { RecapContent } from './recap';

export interface RecapMessageInput extends RecapContent {
  authorName: string;
  recipientName: string;
  /** How the meeting day reads to people, e.g. `Tuesday 24 November`. */
  meetingDay: string;
  requiresAcknowledgement: boolean;
}

/** A short follow-up note from the topics and actions, in the product's own words. */
export function composeRecapMessage(input: RecapMessageInput): string {
  const first = firstName(input.recipientName);
  const lines: string[] = [`Hi ${first}, thanks for our conversation on ${input.meetingDay}.`];
  if (input.topics.length > 0) {
    lines.push('', 'What we covered:');
    for (const topic of input.topics) lines.push(`- ${topic}`);
  }
  if (input.actions.length > 0) {
    lines.push('', 'What we agreed:');
    for (const action of input.actions) {
      const who = action.owner === 'author' ? 'Me' : first;
      lines.push(`- ${who}: ${action.text} (by ${action.dueOn})`);
    }
  }
  lines.push(
    '',
    input.requiresAcknowledgement
      ? 'Does this match what you remember? Please confirm, or tell me what to change.'
      : 'If I missed or misread anything, let me know.',
  );
  return lines.join('\n');
}

function firstName(name: string): string {
  const trimmed = name.trim();
  return trimmed.split(/\s+/)[0] ?? trimmed;
}
