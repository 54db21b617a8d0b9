import { runSchedule } from '../../../src/app/schedule/run-schedule';
import { Playground } from '../../support/bot-playground';
import { StreamListener } from '../../support/bot-websocket';
import { BotWorld, findExecute, person } from '../../support/bot-world';

/** A message on the playground's conversation stream (what its web UI draws). */
interface StreamMessage {
  action?: string;
  message?: {
    messageId?: string;
    text?: string;
    attachments?: { contentType?: string; content?: Record<string, unknown> }[];
  };
}

const carrying = (needle: string) => (message: unknown) => JSON.stringify(message).includes(needle);

describe('the bot driven by the real Microsoft 365 Agents Playground (offline)', () => {
  const world = new BotWorld();
  const others = ['Dee Ruiz', 'Eli Park', 'Fay Osei', 'Gus Lind'].map((name, i) => ({
    ...person(`other-000${i}`, name, null),
    chatUserId: `29:other-${i}`,
  }));
  const playground = new Playground({
    me: { ...world.ava, chatUserId: `29:${world.ava.id}` },
    others: [{ ...world.max, chatUserId: `29:${world.max.id}` }, ...others],
  });
  let stream: StreamListener;

  beforeAll(async () => {
    await world.start();
    await playground.start(world.url);
    stream = await StreamListener.open(playground.streamUrl());
  });
  afterAll(async () => {
    stream.close();
    await playground.stop();
    await world.stop();
  });

  test('install → welcome card, a typed command → its card', async () => {
    expect(await playground.install()).toBe(200);
    await stream.waitFor(carrying('welcome to Career Conversations'));
    expect(await world.store.getConversation(world.ava.id)).toMatchObject({ uninstalledAt: null });

    expect((await playground.say('help')).status).toBe(200);
    await stream.waitFor(carrying('Here is what you can ask me'));
  });

  test('the scheduler sends the agenda prompt; Action.Execute through the playground answers with the updated card', async () => {
    const oneOnOne = await world.addOneOnOne(world.ava, world.max, 'manager', '2026-11-25T10:00:00.000Z');
    const run = await runSchedule({
      ...world.deps,
      events: world.bot.events,
      notifier: world.bot.notifier,
      holder: 'e2e',
    });
    expect(run).toMatchObject({ delivered: 1, failed: 0 });

    const prompt = (await stream.waitFor(
      carrying('Get ready for your 1:1 with Max Moreau'),
    )) as StreamMessage;
    const messageId = prompt.message?.messageId;
    expect(messageId).toEqual(expect.any(String));
    const [stored] = (await world.store.listCardActivities(oneOnOne.id)).filter(
      (c) => c.purpose === 'agenda-prompt',
    );
    expect(stored?.activityId).toBe(messageId);

    const card = prompt.message?.attachments?.[0]?.content ?? null;
    const save = findExecute(card, 'saveAgenda');
    expect(save).not.toBeNull();
    const answer = await playground.execute(messageId!, 'saveAgenda', {
      ...save!.data,
      learningFocus: 'How pricing experiments are designed',
      ask0Wanted: 'Lead the next pricing test',
      privateNotes: 'only for me',
    });
    expect(answer.status).toBe(200);
    const updated = (await answer.json()) as { type?: string; value?: unknown };
    expect(updated.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(updated.value)).toContain('Saved version 1.');
    expect(await world.store.getAgenda(world.ava.id, oneOnOne.id)).toMatchObject({
      learningFocus: 'How pricing experiments are designed',
      revision: 1,
    });

    // A stale save from the same (old) card is refused and the latest version is shown instead.
    const stale = await playground.execute(messageId!, 'saveAgenda', {
      ...save!.data,
      learningFocus: 'Something else',
    });
    expect(JSON.stringify(await stale.json())).toContain('your edits were not saved');
    expect(await world.store.getAgenda(world.ava.id, oneOnOne.id)).toMatchObject({ revision: 1 });
  });
});
