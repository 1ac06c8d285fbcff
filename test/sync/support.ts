/** A simulator over HTTP with alice's mailbox, a client for it, and direct access to her store for changes made "by someone else". */
import { basicAuth } from '../../src/client/auth';
import { ExchangeClient } from '../../src/client/exchange-client';
import { ManualClock, SimulatorState, startSimulator, type RunningSimulator } from '../../src/simulator';
import type { OperationContext } from '../../src/simulator/operations/context';
import type { Mailbox } from '../../src/simulator/store/mailbox';

export interface SyncWorld {
  readonly sim: RunningSimulator;
  readonly client: ExchangeClient;
  readonly mailbox: Mailbox;
  readonly alice: OperationContext;
  readonly clock: ManualClock;
}

/** `validateRequests` checks every request against the XSD, as Exchange does (slower to start). */
export async function withSimulator(run: (world: SyncWorld) => Promise<void>, options: { validateRequests?: boolean } = {}): Promise<void> {
  const clock = new ManualClock('2026-11-01T08:00:00Z');
  const sim = await startSimulator({ state: new SimulatorState({ seed: 'sync', clock }), validateRequests: options.validateRequests ?? false });
  const client = new ExchangeClient({ url: sim.url, auth: basicAuth('alice@contoso.com', 'Simulator-1') });
  try {
    const mailbox = sim.state.mailbox('alice@contoso.com')!;
    await run({ sim, client, mailbox, alice: { state: sim.state, mailbox, requestServerVersion: 'Exchange2016' }, clock });
  } finally {
    client.close();
    await sim.close();
  }
}

/** A small deterministic PRNG (mulberry32), so a failing random sequence can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
