import { MailboxGate } from '../../../src/graph/mailbox-gate';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('MailboxGate', () => {
  test('lets at most the limit through per mailbox and the next waiter in as soon as one is given back', async () => {
    const gate = new MailboxGate(2);
    const released: (() => void)[] = [];
    let entered = 0;
    const enter = async (mailbox: string) => {
      released.push(await gate.acquire(mailbox));
      entered += 1;
    };
    void enter('a');
    void enter('a');
    void enter('a');
    void enter('b');
    await tick();
    expect(entered).toBe(3);
    expect(gate.inFlight('a')).toBe(2);
    released[0]!();
    await tick();
    expect(entered).toBe(4);
    expect(gate.inFlight('a')).toBe(2);
  });

  test('forgets a mailbox once it is idle, and a double release gives back one slot only', async () => {
    const gate = new MailboxGate(1);
    const release = await gate.acquire('a');
    release();
    release();
    expect(gate.inFlight('a')).toBe(0);
    const again = await gate.acquire('a');
    expect(gate.inFlight('a')).toBe(1);
    again();
  });

  test('refuses a limit below one', () => {
    expect(() => new MailboxGate(0)).toThrow(RangeError);
  });
});
