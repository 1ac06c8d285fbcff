/**
 * What keeps subscriptions alive: heartbeat detection of a silent connection (on timers the test
 * steps itself), re-subscription with a Resync event, the 30-minute connection end, affinity headers.
 * Requests are not XSD-validated here (test/notifications/event-kinds does that): it only slows these down.
 */
import { AxiosTransport, type Transport, type TransportRequest } from '../../src/client/transport';
import { basicAuth } from '../../src/client/auth';
import { ExchangeClient } from '../../src/client/exchange-client';
import { pullNotifications, streamNotifications, type ResyncEvent, type Timers } from '../../src/notifications';
import type { RunningSimulator } from '../../src/simulator';
import { ALICE, changes, Collector, waitFor, withSimulator } from './support';

/** Timers that only move when the test advances them. */
class ManualTimers implements Timers {
  now = 0;
  /** When the latest timer was set: the watchdog re-arms on every byte received. */
  armedAt = 0;
  arms = 0;
  private next = 0;
  private readonly pending = new Map<number, { due: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): unknown {
    this.pending.set(++this.next, { due: this.now + ms, callback });
    this.armedAt = this.now;
    this.arms++;
    return this.next;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  advance(ms: number): void {
    this.now += ms;
    for (const [handle, timer] of [...this.pending]) {
      if (timer.due <= this.now) {
        this.pending.delete(handle);
        timer.callback();
      }
    }
  }
}

const turns = async (count: number) => { for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve)); };

function addMessage(sim: RunningSimulator, subject: string, folder: 'inbox' | 'drafts' = 'inbox'): string {
  const mailbox = sim.state.mailbox('alice@contoso.com')!;
  const item = mailbox.addItem('Message', { Subject: subject }, mailbox.distinguishedFolder(folder)!.key);
  return mailbox.itemId(item).Id;
}

const sawItem = (id: string) => (events: readonly unknown[]) => changes(events as never).some((event) => event.itemId?.Id === id);

describe('heartbeats', () => {
  it('notice a streaming connection gone silent within two heartbeat intervals of its last byte, then reconnect', async () => {
    await withSimulator({ validateRequests: false, notifications: { heartbeatMs: 10 } }, async (sim, client) => {
      const timers = new ManualTimers();
      const HEARTBEAT = 1_000;
      const stop = new AbortController();
      const stream = new Collector(streamNotifications(client, {
        folders: ['inbox'], heartbeatIntervalMs: HEARTBEAT, timers, backOff: { initialMs: 1, maxMs: 5 }, signal: stop.signal,
      }));
      await waitFor(() => sim.notifications.streamingConnectionCount() === 1 && timers.arms >= 3);
      expect(sim.notifications.silenceStreamingConnections()).toBe(1);
      let detectedAfter: number | undefined;
      while (detectedAfter === undefined) {
        const sinceLastByte = timers.now - timers.armedAt;
        timers.advance(HEARTBEAT / 10);
        await turns(5);
        if (stream.events.some((event) => event.kind === 'Disconnected')) detectedAfter = sinceLastByte + HEARTBEAT / 10;
        else expect(timers.now - timers.armedAt).toBeLessThan(2 * HEARTBEAT);
      }
      expect(detectedAfter).toBeLessThanOrEqual(2 * HEARTBEAT);
      expect(stream.events.find((event) => event.kind === 'Disconnected')).toMatchObject({ reason: 'heartbeat', attempt: 1 });
      // A new connection serves the subscription again.
      const id = addMessage(sim, 'after the silence');
      await stream.until(sawItem(id));
      stop.abort();
      await stream.finished;
    });
  });
});

describe('lost subscriptions', () => {
  it('pull: an expired subscription is re-created from the last watermark, nothing missed', async () => {
    await withSimulator({ validateRequests: false }, async (sim, client) => {
      const stop = new AbortController();
      const pull = new Collector(pullNotifications(client, { folders: ['inbox'], pollIntervalMs: 20, signal: stop.signal }));
      await pull.until((events) => events.length > 0);
      sim.notifications.expireSubscriptions();
      const id = addMessage(sim, 'while expired');
      await pull.until(sawItem(id));
      const resync = pull.events.find((event): event is ResyncEvent => event.kind === 'Resync');
      expect(resync).toMatchObject({ reason: 'SubscriptionExpired', responseCode: 'ErrorExpiredSubscription', eventsMayBeLost: false });
      stop.abort();
      await pull.finished;
    });
  });

  it('pull: a watermark the server forgot gives a Resync saying events may be lost, and polling goes on', async () => {
    await withSimulator({ validateRequests: false }, async (sim, client) => {
      const stop = new AbortController();
      const pull = new Collector(pullNotifications(client, { folders: ['inbox'], pollIntervalMs: 20, signal: stop.signal }));
      await pull.until((events) => events.length > 0);
      addMessage(sim, 'forgotten');
      sim.notifications.forgetEvents();
      await pull.until((events) => events.some((event) => event.kind === 'Resync'));
      expect(pull.events.find((event) => event.kind === 'Resync')).toMatchObject({ reason: 'InvalidWatermark', responseCode: 'ErrorInvalidWatermark', eventsMayBeLost: true });
      const id = addMessage(sim, 'after the resync');
      await pull.until(sawItem(id));
      stop.abort();
      await pull.finished;
    });
  });

  it('streaming: a subscription refused on reconnect is re-created and caught up from its watermark', async () => {
    await withSimulator({ validateRequests: false, notifications: { heartbeatMs: 1_000 } }, async (sim, client) => {
      const stop = new AbortController();
      const stream = new Collector(streamNotifications(client, { folders: ['inbox'], backOff: { initialMs: 1, maxMs: 5 }, signal: stop.signal }));
      await waitFor(() => sim.notifications.streamingConnectionCount() === 1);
      const before = addMessage(sim, 'before');
      await stream.until(sawItem(before));
      sim.notifications.expireSubscriptions();
      sim.notifications.dropStreamingConnections();
      const during = addMessage(sim, 'during');
      await stream.until((events) => sawItem(during)(events) && events.some((event) => event.kind === 'Resync'));
      const after = addMessage(sim, 'after');
      await stream.until(sawItem(after));
      expect(stream.events.find((event) => event.kind === 'Resync')).toMatchObject({ reason: 'SubscriptionExpired', eventsMayBeLost: false });
      stop.abort();
      await stream.finished;
    });
  });
});

describe('connection lifetime', () => {
  it('reconnects without a Disconnected event when the server closes a connection whose time is up', async () => {
    // A simulated minute of 40 ms: a one-minute connection ends with ConnectionStatus Closed many times over.
    await withSimulator({ validateRequests: false, notifications: { minuteMs: 40, heartbeatMs: 10 } }, async (sim, client) => {
      const stop = new AbortController();
      const stream = new Collector(streamNotifications(client, { folders: ['inbox'], connectionTimeoutMinutes: 1, signal: stop.signal }));
      const ids: string[] = [];
      const requestsAtStart = sim.requestCount();
      while (sim.requestCount() < requestsAtStart + 6) {
        await waitFor(() => sim.notifications.streamingConnectionCount() === 1);
        ids.push(addMessage(sim, `message ${ids.length}`));
        await stream.until(sawItem(ids[ids.length - 1]));
      }
      expect(stream.events.filter((event) => event.kind === 'Disconnected' || event.kind === 'Resync')).toEqual([]);
      stop.abort();
      await stream.finished;
    });
  });
});

describe('affinity', () => {
  it('sends X-AnchorMailbox and X-PreferServerAffinity on Subscribe, and the back-end cookie on GetStreamingEvents', async () => {
    await withSimulator({ validateRequests: false, notifications: { heartbeatMs: 1_000 } }, async (sim) => {
      const sent: TransportRequest[] = [];
      const inner = new AxiosTransport({ auth: basicAuth(ALICE.username, ALICE.password) });
      const transport: Transport = {
        async send(request) {
          sent.push(request);
          const response = await inner.send(request);
          // As Exchange does: the Subscribe answer pins the group to a back-end server.
          if (request.soapAction?.endsWith('/Subscribe')) return { ...response, headers: { ...response.headers, 'set-cookie': 'X-BackEndOverrideCookie=MBX07.contoso.com~1942; path=/; secure' } };
          return response;
        },
      };
      const client = new ExchangeClient({ url: sim.url, transport });
      const stop = new AbortController();
      const stream = new Collector(streamNotifications(client, {
        subscriptions: [{ folders: ['inbox'] }, { folders: ['drafts'] }], anchorMailbox: 'alice@contoso.com', signal: stop.signal,
      }));
      await waitFor(() => sim.notifications.streamingConnectionCount() === 1);
      const inInbox = addMessage(sim, 'inbox');
      const inDrafts = addMessage(sim, 'drafts', 'drafts');
      await stream.until((events) => sawItem(inInbox)(events) && sawItem(inDrafts)(events));
      stop.abort();
      await stream.finished;
      inner.close();
      const subscribes = sent.filter((request) => request.soapAction?.endsWith('/Subscribe'));
      expect(subscribes).toHaveLength(2);
      for (const request of subscribes) expect(request.headers).toMatchObject({ 'X-AnchorMailbox': 'alice@contoso.com', 'X-PreferServerAffinity': 'true' });
      // Told apart by body: the WSDL gives GetStreamingEvents the SOAPAction of GetEvents.
      const streaming = sent.filter((request) => request.body.toString().includes('GetStreamingEvents>'));
      expect(streaming.length).toBeGreaterThanOrEqual(1);
      expect(streaming[0].headers).toMatchObject({ 'X-AnchorMailbox': 'alice@contoso.com', Cookie: 'X-BackEndOverrideCookie=MBX07.contoso.com~1942' });
      // Both subscriptions were served by the one connection.
      expect(new Set(changes(stream.events).map((event) => event.subscriptionId)).size).toBe(2);
    });
  });
});
