/**
 * Pull notifications: Subscribe once, then GetEvents with the last watermark, again at once while
 * the server says MoreEvents and after `pollIntervalMs` otherwise. A failed call is retried with
 * back-off from the same watermark; a lost subscription is re-created from the last watermark (a
 * Resync event says whether events may have been missed). Ends when `signal` aborts or the consumer
 * stops iterating, unsubscribing on the way out.
 */
import type { CallOptions, ExchangeClient } from '../client/exchange-client';
import { EwsAbortError, EwsMalformedResponseError } from '../client/errors';
import { XmlReadError } from '../runtime/errors';
import { systemClock, type Clock } from '../retry/clock';
import { eventsOf, lastWatermark, type NotificationEvent, type ResyncEvent } from './events';
import { backOffDelay, type BackOffOptions } from './resilience';
import {
  EwsSubscriptionError, getEvents, LOST_SUBSCRIPTION_CODES, scopeOf, subscribe, unsubscribeQuietly, type SubscriptionScope,
} from './requests';

export interface PullOptions extends SubscriptionScope {
  /** Resume after this watermark (events the server still has are delivered again from there). */
  readonly watermark?: string;
  /** Minutes the server keeps the subscription without a GetEvents (1–1440); 10 by default. */
  readonly timeoutMinutes?: number;
  /** Wait between polls when the server has no more events; 5 s by default. */
  readonly pollIntervalMs?: number;
  readonly backOff?: BackOffOptions;
  readonly signal?: AbortSignal;
  /** Per-request options (timeout, headers) for every call. */
  readonly callOptions?: CallOptions;
  /** Waits and jitter (tests substitute a virtual clock). */
  readonly clock?: Clock;
}

export async function* pullNotifications(client: ExchangeClient, options: PullOptions = {}): AsyncGenerator<NotificationEvent, void, undefined> {
  const clock = options.clock ?? systemClock;
  const { signal } = options;
  const callOptions: CallOptions = { ...options.callOptions, signal };
  const subscribeWith = (watermark: string | undefined) => subscribe(client, {
    PullSubscriptionRequest: { ...scopeOf(options), Timeout: options.timeoutMinutes ?? 10, ...(watermark !== undefined && { Watermark: watermark }) },
  }, options, callOptions);

  let subscription: { subscriptionId: string; watermark?: string } | undefined;
  let watermark = options.watermark;
  let failures = 0;
  const diagnosed = new Set<string>();
  try {
    while (!signal?.aborted) {
      try {
        if (!subscription) {
          const resumed = yield* resubscribe(subscribeWith, watermark, undefined);
          subscription = resumed;
          watermark = resumed.watermark ?? watermark;
        }
        if (watermark === undefined) {
          throw new EwsMalformedResponseError('the Subscribe answer has no Watermark and GetEvents needs one (gromox sends none): pass `watermark` to start from');
        }
        const answer = await getEvents(client, subscription.subscriptionId, watermark, options, callOptions);
        failures = 0;
        if (answer.diagnostic && !diagnosed.has(answer.diagnostic)) {
          diagnosed.add(answer.diagnostic);
          yield { kind: 'Diagnostic', message: answer.diagnostic };
        }
        const notification = answer.message.Notification;
        if (!notification) throw new EwsSubscriptionError('ErrorReadEventsFailed', 'the GetEventsResponseMessage had no Notification');
        const events = eventsOf(notification);
        watermark = lastWatermark(events, watermark);
        yield* events;
        if (notification.MoreEvents !== true) await clock.sleep(options.pollIntervalMs ?? 5_000, signal);
      } catch (error) {
        if (signal?.aborted) break;
        if (error instanceof EwsSubscriptionError && LOST_SUBSCRIPTION_CODES.has(error.responseCode) && subscription) {
          const lost = subscription.subscriptionId;
          subscription = undefined;
          const resumed = yield* resubscribe(subscribeWith, watermark, { lost, code: error.responseCode });
          subscription = resumed;
          watermark = resumed.watermark ?? watermark;
          continue;
        }
        if (error instanceof EwsSubscriptionError && error.responseCode === 'ErrorInvalidWatermark') {
          const lost = subscription?.subscriptionId ?? '';
          if (subscription) void unsubscribeQuietly(client, subscription.subscriptionId, options);
          subscription = await subscribeWith(undefined);
          watermark = subscription.watermark;
          yield resync('InvalidWatermark', lost, subscription.subscriptionId, error.responseCode, true);
          continue;
        }
        if (!isRetryable(error)) throw error;
        const retryInMs = backOffDelay(++failures, options.backOff, clock);
        yield { kind: 'Disconnected', reason: 'error', message: (error as Error).message, attempt: failures, retryInMs };
        await clock.sleep(retryInMs, signal);
      }
    }
  } finally {
    if (subscription) await unsubscribeQuietly(client, subscription.subscriptionId, options);
  }
}

/**
 * Subscribes from `watermark` when there is one; a watermark the server no longer knows yields a
 * Resync (events may be lost) and subscribes from now. `lost` names the subscription replaced.
 */
async function* resubscribe(
  subscribeWith: (watermark: string | undefined) => Promise<{ subscriptionId: string; watermark?: string }>,
  watermark: string | undefined, lost: { lost: string; code: string } | undefined,
): AsyncGenerator<NotificationEvent, { subscriptionId: string; watermark?: string }, undefined> {
  try {
    const created = await subscribeWith(watermark);
    if (lost) yield resync('SubscriptionExpired', lost.lost, created.subscriptionId, lost.code, watermark === undefined);
    return created;
  } catch (error) {
    if (!(error instanceof EwsSubscriptionError) || error.responseCode !== 'ErrorInvalidWatermark' || watermark === undefined) throw error;
    const created = await subscribeWith(undefined);
    yield resync('InvalidWatermark', lost?.lost ?? '', created.subscriptionId, error.responseCode, true);
    return created;
  }
}

export function resync(reason: ResyncEvent['reason'], lost: string, replacement: string, code: string | undefined, eventsMayBeLost: boolean): ResyncEvent {
  const message = eventsMayBeLost
    ? `subscription ${reason === 'InvalidWatermark' ? 'could not resume from its watermark' : 'was lost'}${code ? ` (${code})` : ''}; re-subscribed from now: events may have been missed, resynchronise (SyncFolderItems)`
    : `subscription was lost${code ? ` (${code})` : ''}; re-subscribed from the last watermark, no event missed`;
  return { kind: 'Resync', reason, subscriptionId: lost, newSubscriptionId: replacement, ...(code !== undefined && { responseCode: code }), eventsMayBeLost, message };
}

/** Connection failures, timeouts, throttling and server errors are worth another try; request bugs are not. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof EwsAbortError) return false;
  // A body cut off mid-XML is a broken connection; a well-formed answer that makes no sense is not.
  if (error instanceof EwsMalformedResponseError) return error.cause instanceof XmlReadError;
  if (error instanceof EwsSubscriptionError) return error.responseCode === 'ErrorServerBusy' || error.responseCode === 'ErrorInternalServerTransientError' || error.responseCode === 'ErrorReadEventsFailed';
  const hint = error as { retryable?: boolean; outcomeUnknown?: boolean } | null;
  return hint?.retryable === true || hint?.outcomeUnknown === true;
}
