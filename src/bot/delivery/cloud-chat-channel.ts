import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { StoredReference } from '../conversations/conversation-reference';
import { toConversationReference } from '../conversations/conversation-reference';
import type { ChatChannel } from './chat-channel';
import { messageActivity } from './message-activity';
import type { OutgoingMessage } from './outgoing-message';

/** Proactive messages through the CloudAdapter (`continueConversationAsync`). */
export class CloudChatChannel implements ChatChannel {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  async send(reference: StoredReference, message: OutgoingMessage): Promise<string> {
    let activityId = '';
    await this.continueWith(reference, async (context) => {
      const sent = await context.sendActivity(messageActivity(message));
      activityId = sent?.id ?? '';
    });
    return activityId;
  }

  async update(reference: StoredReference, activityId: string, message: OutgoingMessage): Promise<void> {
    await this.continueWith(reference, async (context) => {
      await context.updateActivity({ ...messageActivity(message), id: activityId });
    });
  }

  /** The adapter's turn-error handler would swallow a failed send; it is caught here and thrown to the caller. */
  private async continueWith(
    reference: StoredReference,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const failures: unknown[] = [];
    await this.adapter.continueConversationAsync(
      this.botAppId,
      toConversationReference(reference),
      async (context) => {
        withoutBuiltInRetries(context);
        try {
          await logic(context);
        } catch (error) {
          failures.push(error);
        }
      },
    );
    if (failures.length > 0) throw failures[0];
  }
}

interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

/**
 * The connector client retries 429 and 5xx on its own with real timers; ChatDelivery owns retries
 * (Retry-After, jitter, a testable clock, uninstall detection), so the client's policy is taken out.
 * Proactive clients are only ever used here (ReusingBotFrameworkAuthentication keeps them apart from turns').
 */
function withoutBuiltInRetries(context: TurnContext): void {
  const connector = context.turnState.get<PipelineHolder | undefined>(context.adapter.ConnectorClientKey);
  connector?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}
