import { runSchedule } from '../../../src/app/schedule/run-schedule';
import type { DueItem } from '../../../src/core/schedule';
import type { DeliveryOutcome, Notifier } from '../../../src/ports/notifier';
import { createWorld } from '../../support/app-fixture';

class RecordingNotifier implements Notifier {
  readonly delivered: DueItem[] = [];
  constructor(private readonly outcome: () => DeliveryOutcome = () => 'delivered') {}
  deliver(item: DueItem): Promise<DeliveryOutcome> {
    const outcome = this.outcome();
    if (outcome === 'delivered') this.delivered.push(item);
    return Promise.resolve(outcome);
  }
}

async function installed(w: Awaited<ReturnType<typeof createWorld>>, personId: string): Promise<void> {
  await w.store.saveConversation(personId, {
    reference: { id: personId },
    installedAt: '2026-11-01T00:00:00.000Z',
    uninstalledAt: null,
  });
}

describe('runSchedule', () => {
  it('prompts for an agenda once, even when two instances tick at the same time', async () => {
    const w = await createWorld();
    await installed(w, 'ava');
    await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-25T09:00:00.000Z');
    const a = new RecordingNotifier();
    const b = new RecordingNotifier();
    await Promise.all([
      runSchedule({ ...w.deps, notifier: a, holder: 'instance-a' }),
      runSchedule({ ...w.deps, notifier: b, holder: 'instance-b' }),
    ]);
    await runSchedule({ ...w.deps, notifier: a, holder: 'instance-a' });
    const prompts = [...a.delivered, ...b.delivered].filter((i) => i.kind === 'agendaPrompt');
    expect(prompts).toHaveLength(1);
  });

  it('retries a failed delivery on the next tick', async () => {
    const w = await createWorld();
    await installed(w, 'ava');
    await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-25T09:00:00.000Z');
    let fail = true;
    const notifier = new RecordingNotifier(() => (fail ? 'failed' : 'delivered'));
    const first = await runSchedule({ ...w.deps, notifier, holder: 'x' });
    fail = false;
    await runSchedule({ ...w.deps, notifier, holder: 'x' });
    expect(first.failed).toBeGreaterThan(0);
    expect(notifier.delivered.filter((i) => i.kind === 'agendaPrompt')).toHaveLength(1);
  });

  it('sends nothing to people who have not installed the app or removed it', async () => {
    const w = await createWorld();
    await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-25T09:00:00.000Z');
    await w.store.saveConversation('max', {
      reference: {},
      installedAt: '2026-11-01T00:00:00.000Z',
      uninstalledAt: '2026-11-02T00:00:00.000Z',
    });
    const notifier = new RecordingNotifier();
    const run = await runSchedule({ ...w.deps, notifier, holder: 'x' });
    expect(run.people).toBe(0);
    expect(notifier.delivered).toEqual([]);
  });

  it('asks for a recap after the 1:1 has ended', async () => {
    const w = await createWorld();
    await installed(w, 'ava');
    await w.addOneOnOne('ava', w.people.manager, 'manager', '2026-11-24T08:30:00.000Z');
    const notifier = new RecordingNotifier();
    await runSchedule({ ...w.deps, notifier, holder: 'x' });
    expect(notifier.delivered.map((i) => i.kind)).toContain('recapPrompt');
  });
});
