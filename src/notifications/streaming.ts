/**
 * Streaming notifications: streaming subscriptions (one, or several on one connection, e.g. one per
 * impersonated mailbox), then GetStreamingEvents, whose answer stays open for up to 30 minutes with
 * one envelope per batch of events; each is read and its events yielded as it arrives. Then:
 *
 * - ConnectionStatus Closed (the connection's time is up): reconnect at once; nothing is lost, the
 *   server keeps queueing for the subscriptions.
 * - A broken or silent connection (nothing for two heartbeat intervals): back off, then catch up
 *   from each subscription's last watermark with a short-lived pull subscription (events written
 *   into the dead connection are not sent again on the streaming one), then reconnect. Events
 *   caught up and then also streamed arrive twice, with the same watermark.
 * - A subscription the server lost: re-subscribe, catch up from its watermark, and say so (Resync).
 */
import type * as m from '../../generated/messages';
import type { OperationTypes } from '../../generated/operations';
import type { CallOptions, ExchangeClient } from '../client/exchange-client';
import { EwsMalformedResponseError, EwsSoapFaultError } from '../client/errors';
import { systemClock, type Clock } from '../retry/clock';
import { EnvelopeStreamReader } from '../runtime/envelope-stream';
import { XmlReadError } from '../runtime/errors';
import type { SoapEnvelopeContent } from '../runtime/envelope-reader';
import { eventsOf, lastWatermark, notificationsIn, type NotificationEvent } from './events';
import { catchUp } from './catch-up';
import { isRetryable, resync } from './pull';
import { backOffDelay, HeartbeatWatchdog, nodeTimers, type BackOffOptions, type Timers } from './resilience';
import { affinityHeaders, checked, EwsSubscriptionError, scopeOf, subscribe, unsubscribeQuietly, type SubscribeRequest, type SubscriptionScope } from './requests';
import type { NewerType, OperationOf, PropertyOf } from '../schema/release-types';

// GetStreamingEvents and StreamingSubscriptionRequest are Exchange 2010 SP1's. In an SDK generated from
// an older release's schema these types are `never` and the answer's message `any`: nothing here runs
// there, since its client refuses an operation that schema lacks. The casts below only name these
// types; with the newest schema they are what the values already are.
type StreamingOperation = OperationOf<'GetStreamingEvents'>;
type StreamingRequest = OperationTypes[StreamingOperation]['request'];
type StreamingSpec = PropertyOf<SubscribeRequest, 'StreamingSubscriptionRequest'>;
type StreamingMessage = NewerType<Extract<m.ArrayOfResponseMessagesTypeEntry, { $el: 'GetStreamingEventsResponseMessage' }>>;
const STREAMING_OPERATION = 'GetStreamingEvents' as StreamingOperation;
const STREAMING_MESSAGE: StreamingMessage['$el'] = 'GetStreamingEventsResponseMessage';

export interface StreamingOptions extends SubscriptionScope {
  /** Several subscriptions on one connection; by default one, with the scope given beside. */
  readonly subscriptions?: readonly SubscriptionScope[];
  /** Minutes each GetStreamingEvents connection stays open (1–30); 30 by default. */
  readonly connectionTimeoutMinutes?: number;
  /**
   * How often the server writes a ConnectionStatus OK heartbeat on an idle connection; a connection
   * silent for two of these is taken for dead. 60 s by default.
   */
  readonly heartbeatIntervalMs?: number;
  /** The mailbox the group is anchored to (X-AnchorMailbox), usually the first subscription's. */
  readonly anchorMailbox?: string;
  /** Catch up from the last watermark after a broken connection (default true). */
  readonly catchUp?: boolean;
  readonly backOff?: BackOffOptions;
  readonly signal?: AbortSignal;
  readonly callOptions?: CallOptions;
  readonly clock?: Clock;
  /** Timers of the heartbeat watchdog (tests step them by hand). */
  readonly timers?: Timers;
}

interface Member {
  readonly scope: SubscriptionScope;
  id?: string;
  watermark?: string;
}

export async function* streamNotifications(client: ExchangeClient, options: StreamingOptions = {}): AsyncGenerator<NotificationEvent, void, undefined> {
  const clock = options.clock ?? systemClock;
  const { signal } = options;
  const callOptions: CallOptions = { ...options.callOptions, signal };
  const members: Member[] = (options.subscriptions ?? [options]).map((scope) => ({ scope }));
  const minutes = Math.min(30, Math.max(1, options.connectionTimeoutMinutes ?? 30));
  const heartbeatMs = options.heartbeatIntervalMs ?? 60_000;
  let backEndCookie: string | undefined;
  let failures = 0;
  let broken = false;

  const subscribeMember = async (member: Member): Promise<void> => {
    const created = await subscribe(client, { StreamingSubscriptionRequest: scopeOf(member.scope) as StreamingSpec }, member.scope, {
      ...callOptions, headers: { ...callOptions.headers, ...affinityHeaders(options.anchorMailbox, undefined, true) },
    });
    member.id = created.subscriptionId;
    member.watermark ??= created.watermark;
    backEndCookie = created.backEndCookie ?? backEndCookie;
  };

  try {
    while (!signal?.aborted) {
      try {
        for (const member of members) if (member.id === undefined) await subscribeMember(member);
        if (broken && options.catchUp !== false) {
          for (const member of members) yield* catchUpMember(client, member, callOptions);
        }
        broken = false;
        const closedCleanly = yield* readConnection();
        failures = 0;
        if (!closedCleanly) broken = true;
      } catch (error) {
        if (signal?.aborted) break;
        if (error instanceof LostSubscriptions) {
          for (const member of members.filter((m) => m.id !== undefined && error.ids.includes(m.id))) {
            const lost = member.id!;
            member.id = undefined;
            await subscribeMember(member);
            const resumed = options.catchUp !== false && member.watermark !== undefined;
            if (resumed) yield* catchUpMember(client, member, callOptions);
            yield resync('SubscriptionExpired', lost, member.id!, error.code, !resumed);
          }
          continue;
        }
        if (!isRetryable(error) && !(error instanceof SilentConnection)) throw error;
        broken = true;
        const retryInMs = backOffDelay(++failures, options.backOff, clock);
        yield { kind: 'Disconnected', reason: error instanceof SilentConnection ? 'heartbeat' : 'error', message: (error as Error).message, attempt: failures, retryInMs };
        await clock.sleep(retryInMs, signal);
      }
    }
  } finally {
    for (const member of members) if (member.id !== undefined) await unsubscribeQuietly(client, member.id, member.scope);
  }

  /** One GetStreamingEvents connection; returns true when the server closed it with ConnectionStatus Closed. */
  async function* readConnection(): AsyncGenerator<NotificationEvent, boolean, undefined> {
    const ids = members.map((member) => member.id!);
    const { body } = await client.open(STREAMING_OPERATION, { SubscriptionIds: ids, ConnectionTimeout: minutes } as StreamingRequest, {
      ...callOptions,
      impersonation: members[0].scope.impersonation,
      headers: { ...callOptions.headers, ...affinityHeaders(options.anchorMailbox, backEndCookie, false) },
      // The answer lasts the whole connection: the deadline is its lifetime plus a margin.
      timeoutMs: minutes * 60_000 + 2 * heartbeatMs,
    });
    const stream = body as NodeJS.ReadableStream & { destroy(error?: Error): void };
    let silent: SilentConnection | undefined;
    const watchdog = new HeartbeatWatchdog(heartbeatMs, () => {
      silent = new SilentConnection(heartbeatMs);
      stream.destroy(silent);
    }, options.timers ?? nodeTimers);
    const reader = new EnvelopeStreamReader(client.schema);
    const byId = new Map(members.map((member) => [member.id!, member]));
    let closed = false;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        watchdog.feed();
        for (const envelope of reader.write(chunk)) {
          const outcome = handleEnvelope(envelope, byId, client);
          yield* outcome.events;
          if (outcome.closed) closed = true;
        }
      }
      for (const envelope of reader.end()) {
        const outcome = handleEnvelope(envelope, byId, client);
        yield* outcome.events;
        if (outcome.closed) closed = true;
      }
    } catch (error) {
      if (silent) throw silent;
      throw error instanceof XmlReadError ? new EwsMalformedResponseError(error) : error;
    } finally {
      watchdog.stop();
      stream.destroy();
    }
    return closed;
  }
}

/** The events of one envelope, with the members' watermarks moved past them. */
function handleEnvelope(envelope: SoapEnvelopeContent, byId: Map<string, Member>, client: ExchangeClient): { events: NotificationEvent[]; closed: boolean } {
  if (envelope.fault) throw new EwsSoapFaultError(envelope.fault);
  if (envelope.body?.element !== 'm:GetStreamingEventsResponse') {
    throw new EwsMalformedResponseError(`expected <m:GetStreamingEventsResponse> in the stream, got ${envelope.body ? `<${envelope.body.element}>` : 'an empty soap:Body'}`);
  }
  const events: NotificationEvent[] = [];
  let closed = false;
  for (const entry of (envelope.body.value as m.BaseResponseMessageType).ResponseMessages ?? []) {
    if (entry.$el !== STREAMING_MESSAGE) continue;
    const message: StreamingMessage = entry;
    if (message.ResponseClass === 'Error' && message.ErrorSubscriptionIds?.length) {
      throw new LostSubscriptions(message.ErrorSubscriptionIds, message.ResponseCode ?? 'ErrorInvalidSubscription');
    }
    checked(entry);
    for (const notification of notificationsIn(client.schema, message.Notifications)) {
      const found = eventsOf(notification);
      const member = byId.get(notification.SubscriptionId);
      if (member) member.watermark = lastWatermark(found, member.watermark);
      for (const event of found) events.push(event);
    }
    if (message.ConnectionStatus === 'Closed') closed = true;
  }
  return { events, closed };
}

async function* catchUpMember(client: ExchangeClient, member: Member, callOptions: CallOptions): AsyncGenerator<NotificationEvent, void, undefined> {
  if (member.watermark === undefined) {
    yield resync('NoWatermark', member.id ?? '', member.id ?? '', undefined, true);
    return;
  }
  try {
    for await (const event of catchUp(client, member.scope, member.watermark, callOptions)) {
      // The catch-up's own subscription id is replaced by the streaming one the consumer knows.
      const streamed = 'subscriptionId' in event ? { ...event, subscriptionId: member.id ?? event.subscriptionId } : event;
      member.watermark = lastWatermark([streamed], member.watermark);
      yield streamed;
    }
  } catch (error) {
    if (!(error instanceof EwsSubscriptionError) || error.responseCode !== 'ErrorInvalidWatermark') throw error;
    member.watermark = undefined;
    yield resync('InvalidWatermark', member.id ?? '', member.id ?? '', error.responseCode, true);
  }
}

/** The server refused some subscriptions of the connection (expired, unknown). */
class LostSubscriptions extends Error {
  constructor(readonly ids: readonly string[], readonly code: string) {
    super(`${code}: subscriptions ${ids.join(', ')} are no longer valid`);
  }
}

/** Nothing arrived for two heartbeat intervals. */
export class SilentConnection extends Error {
  constructor(heartbeatMs: number) {
    super(`the streaming connection sent nothing for two heartbeat intervals (${2 * heartbeatMs} ms): taken for dead`);
    this.name = 'SilentConnection';
  }
}
