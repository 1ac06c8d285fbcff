/**
 * GetStreamingEvents: the answer is one HTTP response held open for ConnectionTimeout minutes, into
 * which the simulator writes one complete SOAP envelope per batch of events (one Notification per
 * subscription), a ConnectionStatus OK envelope every heartbeat while idle, and a final
 * ConnectionStatus Closed one. Several subscriptions share a connection; a subscription opened on a
 * new connection leaves its old one. The cursor of a subscription moves as its events are written:
 * events written into a connection that then breaks are gone for this subscription, as in Exchange
 * (a client resumes them from its last watermark with a pull subscription).
 */
import type http from 'node:http';
import type * as m from '../../../../generated/messages';
import type { OperationTypes } from '../../../../generated/operations';
import type { NewerType, OperationOf, PropertyOf } from '../../../schema/release-types';
import type { OperationContext } from '../context';
import { asResponseError } from '../errors';
import { notificationsOf, type NotificationRegistry, type Subscription } from './subscriptions';

// GetStreamingEvents is Exchange 2010 SP1's. In an SDK generated from an older release's schema, which
// lacks it (the simulator then never serves it), these types are `any`.
type StreamingRequest = NewerType<OperationTypes[OperationOf<'GetStreamingEvents'>]['request']>;
type StreamingMessage = NewerType<Extract<m.ArrayOfResponseMessagesTypeEntry, { $el: 'GetStreamingEventsResponseMessage' }>>;

/** Open streaming connections of a registry, for the simulator's test controls. */
const openConnections = new WeakMap<NotificationRegistry, Set<StreamingConnection>>();

export function streamEvents(context: OperationContext, request: StreamingRequest, res: http.ServerResponse): void {
  const registry = notificationsOf(context.state);
  const subscriptions: Subscription[] = [];
  const invalid: string[] = [];
  let errorCode: m.ResponseCodeType = 'ErrorInvalidSubscription';
  for (const id of request.SubscriptionIds) {
    try {
      subscriptions.push(registry.get(id, undefined, 'streaming'));
    } catch (error) {
      const responseError = asResponseError(error);
      if (!responseError) throw error;
      errorCode = responseError.code;
      invalid.push(id);
    }
  }
  res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
  if (invalid.length > 0) {
    // As Exchange: the connection is refused as a whole, naming the subscriptions that failed.
    res.end(envelope(registry, {
      $el: 'GetStreamingEventsResponseMessage', ResponseClass: 'Error', ResponseCode: errorCode,
      MessageText: 'One or more subscriptions are not valid.', DescriptiveLinkKey: 0, ErrorSubscriptionIds: invalid,
    }));
    return;
  }
  const connection = new StreamingConnection(registry, subscriptions, res, request.ConnectionTimeout * registry.minuteMs);
  let set = openConnections.get(registry);
  if (!set) openConnections.set(registry, set = new Set());
  set.add(connection);
  res.once('close', () => set.delete(connection));
  connection.start();
}

/** The streaming connections open now (test controls: drop them, silence them). */
export function streamingConnections(registry: NotificationRegistry): StreamingConnection[] {
  return [...(openConnections.get(registry) ?? [])];
}

export class StreamingConnection {
  private silent = false;
  private waitingForDrain = false;
  private flushQueued = false;
  private ended = false;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly registry: NotificationRegistry,
    private readonly subscriptions: Subscription[],
    private readonly res: http.ServerResponse,
    private readonly lifetimeMs: number,
  ) {}

  start(): void {
    for (const subscription of this.subscriptions) {
      subscription.connection?.detach(subscription);
      subscription.connection = this;
    }
    for (const journal of new Set(this.subscriptions.map((s) => s.journal))) this.stops.push(journal.listen(() => this.queueFlush()));
    const heartbeat = setInterval(() => this.heartbeat(), this.registry.heartbeatMs).unref();
    const lifetime = setTimeout(() => this.finish(), this.lifetimeMs).unref();
    this.stops.push(() => clearInterval(heartbeat), () => clearTimeout(lifetime));
    this.res.once('close', () => this.release());
    this.registry.onClose(() => this.drop());
    this.heartbeat();
    this.flush();
  }

  /** Stops writing anything while keeping the connection open: a dead peer as the client sees it. */
  silence(): void {
    this.silent = true;
  }

  /** Breaks the connection, optionally after the first `partialChars` characters of one more envelope. */
  drop(partialChars = 0): void {
    if (this.ended) return;
    if (partialChars > 0 && !this.silent) this.res.write(this.heartbeatEnvelope().slice(0, partialChars));
    this.ended = true;
    this.release();
    this.res.socket?.destroy();
  }

  detach(subscription: Subscription): void {
    const index = this.subscriptions.indexOf(subscription);
    if (index >= 0) this.subscriptions.splice(index, 1);
    if (subscription.connection === this) subscription.connection = undefined;
    if (this.subscriptions.length === 0) this.finish();
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  /** Writes every pending event, an envelope per batch, until the socket asks to wait. */
  private flush(): void {
    if (this.ended || this.silent || this.waitingForDrain) return;
    for (;;) {
      const notifications: PropertyOf<StreamingMessage, 'Notifications'> = [];
      for (const subscription of this.subscriptions) {
        const events = this.registry.take(subscription);
        if (events.length > 0) notifications.push({ SubscriptionId: subscription.id, Events: events });
      }
      if (notifications.length === 0) return;
      const open = this.res.write(envelope(this.registry, {
        $el: 'GetStreamingEventsResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError', Notifications: notifications,
      }));
      if (!open) {
        this.waitingForDrain = true;
        this.res.once('drain', () => {
          this.waitingForDrain = false;
          this.flush();
        });
        return;
      }
    }
  }

  private heartbeat(): void {
    if (!this.ended && !this.silent && !this.waitingForDrain) this.res.write(this.heartbeatEnvelope());
  }

  private heartbeatEnvelope(): string {
    return envelope(this.registry, { $el: 'GetStreamingEventsResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError', ConnectionStatus: 'OK' });
  }

  /** The connection's time is up: pending events, then ConnectionStatus Closed. */
  private finish(): void {
    if (this.ended) return;
    if (!this.silent) {
      this.flush();
      this.res.end(envelope(this.registry, { $el: 'GetStreamingEventsResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError', ConnectionStatus: 'Closed' }));
    }
    this.ended = true;
    this.release();
  }

  private release(): void {
    for (const stop of this.stops.splice(0)) stop();
    for (const subscription of this.subscriptions) {
      if (subscription.connection === this) {
        subscription.connection = undefined;
        subscription.lastUsed = Date.now();
      }
    }
  }
}

/** Without an XML declaration, as Exchange writes them: the envelopes are roots of one body. */
function envelope(registry: NotificationRegistry, message: StreamingMessage): string {
  return registry.writeEnvelope('m:GetStreamingEventsResponse', { ResponseMessages: [message] }, { xmlDeclaration: false });
}
