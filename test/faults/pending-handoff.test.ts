// The lost-ticket fault in isolation: the escalation turn's session is written, then opening the handoff fails (the
// store went away). The user's answer stands; the process opens the handoff again in the background once the store is
// back, and if the process died first, the conversation's next turn (a retry, or the channel's replay) opens it.
import { createConversationService } from '../../bot/conversation';
import { loadRecord } from '../../bot/conversation/session-record';
import type { BotStore, HandoffDesk, TurnRequest } from '../../bot/ports';
import { createMemoryStore } from '../../bot/storage';
import { createFakeDesk, type FakeDesk } from '../support/fake-desk';
import { createButtonsBrain } from '../handoff/support/buttons-brain';
import { NOT_SURE } from '../support/diagnosis';

const KEY = 'emulator:pending-1';
const brain = createButtonsBrain();

/** A ConversationService ("a process") over a shared store, with a desk whose next `failures` opens throw. */
function startService(store: BotStore, desk: FakeDesk, failures: number) {
  let left = failures;
  let opens = 0;
  const flaky: HandoffDesk = {
    ...desk,
    async open(packet, address) {
      opens += 1;
      if (left > 0) {
        left -= 1;
        throw new Error('storage went away');
      }
      await desk.open(packet, address);
    },
  };
  return {
    // An agent inbox: escalations open a handoff (with nobody configured they would not).
    service: createConversationService({ engine: brain.engine, store, desk: flaky, handoff: () => ({ tickets: true, live: true, hub: false }) }),
    opens: () => opens,
    /** The store answers again: the service's background retry ends at its next try. */
    heal: () => void (left = 0),
  };
}

let seq = 0;
const press = (action: string, stepId?: string): TurnRequest => ({
  address: { channel: 'emulator', conversationKey: KEY, reference: {} },
  user: { id: 'u1', name: 'Ann' },
  input: { kind: 'message', text: '', action: stepId ? { value: action, stepId } : { value: action }, now: new Date(Date.UTC(2026, 0, 5, 10, 0, (seq += 1))).toISOString() },
  activityId: `a${seq}`,
});

/** Presses "No" at every step until the bot escalates; returns the escalating request. */
async function escalate(service: ReturnType<typeof startService>['service']): Promise<TurnRequest> {
  let outcome = await service.handle(press('intent:backup_failed'));
  // The flow's diagnostic question comes first: "I'm not sure" keeps the usual order.
  if (outcome.session.pending?.kind === 'diagnose') outcome = await service.handle(press(NOT_SURE));
  for (let i = 0; i < 20 && outcome.session.status === 'in_flow'; i += 1) {
    const request = press('no', outcome.session.stepId);
    outcome = await service.handle(request);
    if (outcome.session.status === 'escalated') return request;
  }
  throw new Error(`never escalated: ${outcome.session.status}`);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20)); // polling a condition, bounded by the deadline
  }
}

describe('a handoff that could not be opened after its turn was saved', () => {
  it('is opened in the background once the store answers again, exactly once', async () => {
    const store = createMemoryStore();
    const desk = createFakeDesk();
    const first = startService(store, desk, 2);
    await escalate(first.service);
    const saved = (await loadRecord(store.storage, KEY)).record;
    expect(saved.session?.status).toBe('escalated');
    expect(saved.pendingHandoff?.turn).toBe(saved.session?.turns);
    await until(() => desk.opened.length > 0, 'the handoff opened in the background');
    expect(first.opens()).toBe(3);
    expect(desk.opened.map((o) => o.packet.id)).toEqual([`handoff:${KEY}:${saved.session?.turns}`]);
  });

  it.each([
    ['the user presses the button again', 'retry'],
    ['the channel replays the activity', 'replay'],
  ])('is opened by the next turn when the process died first: %s', async (_name, how) => {
    const store = createMemoryStore();
    const desk = createFakeDesk();
    const died = startService(store, desk, Number.POSITIVE_INFINITY); // never opens: as good as dead
    const escalation = await escalate(died.service);
    const saved = (await loadRecord(store.storage, KEY)).record;
    expect(desk.opened).toHaveLength(0);

    const restarted = startService(store, desk, 0);
    await restarted.service.handle(how === 'retry' ? press('no', escalation.input.action?.stepId) : escalation);
    expect(desk.opened.map((o) => o.packet.id)).toEqual([`handoff:${KEY}:${saved.session?.turns}`]);
    expect(desk.opened[0].packet.reason).toBe('all_fixes_failed');
    expect(desk.opened[0].packet.transcript.length).toBeGreaterThan(0);
    // A retry's write clears the pending handoff; a replay writes nothing (the record keeps it until the next write).
    const after = (await loadRecord(store.storage, KEY)).record.pendingHandoff;
    expect(after).toEqual(how === 'retry' ? undefined : saved.pendingHandoff);

    const opensBefore = restarted.opens();
    await restarted.service.handle(press('help'));
    await restarted.service.handle(press('help'));
    // Settled: not opened again by later turns (after a replay, this process remembers it opened it).
    expect(restarted.opens() - opensBefore).toBe(0);
    expect(desk.opened).toHaveLength(1);
    died.heal();
    await until(() => died.opens() > 1, "the first service's background retry"); // ends its retries; opens nothing new
    expect(desk.opened).toHaveLength(1);
  });
});
