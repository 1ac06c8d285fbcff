/** A simulator and a client for notification tests, and helpers to read an event iterator. */
import { basicAuth } from '../../src/client/auth';
import { ExchangeClient } from '../../src/client/exchange-client';
import type { NotificationEvent } from '../../src/notifications';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';

export const ALICE = { username: 'alice@contoso.com', password: 'Simulator-1' };

export async function withSimulator(options: SimulatorOptions, run: (sim: RunningSimulator, client: ExchangeClient) => Promise<void>): Promise<void> {
  const sim = await startSimulator({ seed: 'notifications', mailboxes: ['bob@contoso.com'], ...options });
  const client = new ExchangeClient({ url: sim.url, auth: basicAuth(ALICE.username, ALICE.password) });
  try {
    await run(sim, client);
  } finally {
    client.close();
    await sim.close();
  }
}

/** Reads events until `done` says so (it sees every event read so far); the iterator is left open. */
export async function readUntil(
  events: AsyncIterator<NotificationEvent>, done: (seen: readonly NotificationEvent[]) => boolean,
): Promise<NotificationEvent[]> {
  const seen: NotificationEvent[] = [];
  while (!done(seen)) {
    const next = await events.next();
    if (next.done) throw new Error(`the iterator ended after ${seen.length} events: ${JSON.stringify(seen.slice(-3))}`);
    seen.push(next.value);
  }
  return seen;
}

/** Reads an iterator in the background into `events`, so no event is missed while a test acts. */
export class Collector {
  readonly events: NotificationEvent[] = [];
  error: unknown;
  readonly finished: Promise<void>;

  constructor(iterator: AsyncIterable<NotificationEvent>) {
    this.finished = (async () => {
      try {
        for await (const event of iterator) this.events.push(event);
      } catch (error) {
        this.error = error;
      }
    })();
  }

  /** Resolves once `done` holds for the events so far (jest's timeout bounds the wait). */
  async until(done: (events: readonly NotificationEvent[]) => boolean): Promise<NotificationEvent[]> {
    while (!done(this.events)) {
      if (this.error) throw this.error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.events;
  }
}

/** Polls a condition on the event loop (no deadline of its own: jest's timeout bounds a test). */
export async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

export function changes(events: readonly NotificationEvent[]) {
  return events.flatMap((event) => ('timeStamp' in event ? [event] : []));
}

/** Creates `count` messages in alice's drafts folder, one CreateItem each. */
export async function createDrafts(client: ExchangeClient, subjects: readonly string[]): Promise<string[]> {
  const { responseMessages } = await client.call('CreateItem', {
    MessageDisposition: 'SaveOnly', SavedItemFolderId: { DistinguishedFolderId: { Id: 'drafts' } },
    Items: subjects.map((Subject) => ({ $el: 'Message' as const, Subject })),
  });
  return responseMessages.map((message) => {
    const payload = message.payload as { Items?: { ItemId?: { Id: string } }[] };
    return payload.Items![0].ItemId!.Id;
  });
}
