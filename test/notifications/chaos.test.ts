/**
 * Kill the streaming connection at seeded random points during a stream of changes (10,000 changes,
 * 50 kills by default; NOTIFICATION_CHAOS_CHANGES / NOTIFICATION_CHAOS_KILLS to change): every change
 * is seen at least once, a repeated one carries the same watermark, none is lost.
 */
import { streamNotifications, type ChangeEvent } from '../../src/notifications';
import { changes, Collector, waitFor, withSimulator } from './support';

const CHANGES = Number(process.env.NOTIFICATION_CHAOS_CHANGES ?? 10_000);
const KILLS = Number(process.env.NOTIFICATION_CHAOS_KILLS ?? 50);

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('streaming notifications through broken connections', () => {
  it(`see each of ${CHANGES} changes at least once across ${KILLS} kills at random points`, async () => {
    // Requests are not XSD-validated here: the subject is reconnection, and validation is tested elsewhere.
    await withSimulator({ validateRequests: false, notifications: { heartbeatMs: 1_000 } }, async (sim, client) => {
      const random = seededRandom(17);
      const killAt = new Set<number>();
      while (killAt.size < Math.min(KILLS, CHANGES - 1)) killAt.add(1 + Math.floor(random() * (CHANGES - 1)));
      const stop = new AbortController();
      const stream = new Collector(streamNotifications(client, {
        folders: ['inbox'], eventTypes: ['CreatedEvent'], backOff: { initialMs: 1, maxMs: 20 }, signal: stop.signal,
      }));
      await waitFor(() => sim.notifications.streamingConnectionCount() === 1);
      const mailbox = sim.state.mailbox('alice@contoso.com')!;
      const inbox = mailbox.distinguishedFolder('inbox')!;
      const created: string[] = [];
      let kills = 0;
      for (let i = 0; i < CHANGES; i++) {
        const item = mailbox.addItem('Message', { Subject: `change ${i}` }, inbox.key);
        created.push(mailbox.itemId(item).Id);
        if (killAt.has(i)) {
          await waitFor(() => sim.notifications.streamingConnectionCount() === 1);
          // Sometimes cleanly between envelopes, sometimes in the middle of one.
          kills += sim.notifications.dropStreamingConnections(random() < 0.5 ? 0 : 1 + Math.floor(random() * 400));
        }
        if (i % 25 === 0) await turn();
      }
      const wanted = new Set(created);
      const seenIds = new Set<string>();
      await stream.until((events) => {
        for (const event of changes(events)) seenIds.add(event.itemId!.Id);
        return [...wanted].every((id) => seenIds.has(id));
      });
      stop.abort();
      await stream.finished;

      expect(kills).toBe(killAt.size);
      expect(stream.events.filter((event) => event.kind === 'Disconnected').length).toBeGreaterThanOrEqual(1);
      const seen = changes(stream.events);
      // None lost: every change was seen.
      expect(created.filter((id) => !seenIds.has(id))).toEqual([]);
      // Duplicates are identifiable: one watermark always names the same change.
      const byWatermark = new Map<string, ChangeEvent>();
      for (const event of seen) {
        expect(event.watermark).toBeDefined();
        const first = byWatermark.get(event.watermark!);
        if (first) expect(event.itemId!.Id).toBe(first.itemId!.Id);
        else byWatermark.set(event.watermark!, event);
      }
      expect(byWatermark.size).toBe(CHANGES);
      // First sightings come in the order the changes were made.
      const firstSeen: string[] = [];
      const once = new Set<string>();
      for (const event of seen) if (!once.has(event.itemId!.Id)) { once.add(event.itemId!.Id); firstSeen.push(event.itemId!.Id); }
      expect(firstSeen).toEqual(created);
    });
  }, 600_000);
});
