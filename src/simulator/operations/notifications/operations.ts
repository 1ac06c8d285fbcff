/**
 * Subscribe, GetEvents and Unsubscribe. A pull or push subscription may start from a watermark (of
 * an event still retained); GetEvents returns the events after the watermark the client sends, or
 * one StatusEvent when there are none, as Exchange does. GetStreamingEvents is in streaming.ts: its
 * answer is a long-lived HTTP response rather than one envelope.
 */
import type * as m from '../../../../generated/messages';
import type * as t from '../../../../generated/types';
import type { WithNewer } from '../../../schema/release-types';
import type { OperationContext, OperationHandler } from '../context';
import { ResponseError } from '../errors';
import { resolveFolder } from '../id-resolution';
import { respond } from '../response-messages';
import { decodeWatermark } from './journal';
import { startPushDelivery } from './push';
import { notificationsOf, type Subscription } from './subscriptions';

export const subscribe: OperationHandler<'Subscribe'> = (context, request) => ({
  ResponseMessages: [respond('SubscribeResponseMessage', {}, () => {
    const subscription = createSubscription(context, request);
    const registry = notificationsOf(context.state);
    if (subscription.kind === 'push') startPushDelivery(registry, subscription);
    return { SubscriptionId: subscription.id, Watermark: registry.watermark(subscription) };
  })],
});

export const getEvents: OperationHandler<'GetEvents'> = (context, request) => ({
  ResponseMessages: [respond('GetEventsResponseMessage', {}, () => {
    const registry = notificationsOf(context.state);
    const subscription = registry.get(request.SubscriptionId, context.mailbox, 'pull');
    subscription.lastUsed = Date.now();
    subscription.cursor = cursorOf(subscription, request.Watermark);
    const previous = registry.watermark(subscription);
    const events = registry.take(subscription);
    const more = subscription.cursor < subscription.journal.lastSeq;
    const notification: t.NotificationType = {
      SubscriptionId: subscription.id, PreviousWatermark: previous, MoreEvents: more,
      Events: events.length > 0 ? events : [statusEvent(registry.watermark(subscription))],
    };
    return { Notification: notification };
  })],
});

export const unsubscribe: OperationHandler<'Unsubscribe'> = (context, request) => ({
  ResponseMessages: [respond('UnsubscribeResponseMessage', {}, () => {
    const registry = notificationsOf(context.state);
    registry.remove(registry.get(request.SubscriptionId, context.mailbox));
    return {};
  })],
});

export function statusEvent(watermark: string): t.NotificationTypeEventsEntry {
  return { $el: 'StatusEvent', Watermark: watermark };
}

function createSubscription(context: OperationContext, request: m.SubscribeType): Subscription {
  const registry = notificationsOf(context.state);
  const journal = registry.journal(context.mailbox);
  const pull = request.PullSubscriptionRequest;
  const push = request.PushSubscriptionRequest;
  // StreamingSubscriptionRequest and CallerData are Exchange 2010 SP1's, SubscribeToAllFolders Exchange
  // 2010's: `never` in an SDK generated from an older release's schema.
  const spec: WithNewer<t.BaseSubscriptionRequestType, 'SubscribeToAllFolders'> | undefined = pull ?? push
    ?? (request as WithNewer<m.SubscribeType, 'StreamingSubscriptionRequest'>).StreamingSubscriptionRequest;
  if (!spec) throw new ResponseError('ErrorInvalidSubscriptionRequest', 'The subscription request is invalid.');
  const folderKeys = spec.SubscribeToAllFolders === true ? undefined
    : new Set((spec.FolderIds ?? []).map((id) => resolveFolder(context, id).folder.key));
  if (folderKeys?.size === 0) throw new ResponseError('ErrorInvalidSubscriptionRequest', 'Name folders or set SubscribeToAllFolders.');
  const base = { journal, folderKeys, eventTypes: new Set<string>([...spec.EventTypes, 'StatusEvent']), cursor: journal.lastSeq };
  const watermark = (pull ?? push)?.Watermark;
  if (watermark !== undefined) base.cursor = retainedCursor(journal.mailbox, journal, watermark);
  if (pull) return registry.create({ ...base, kind: 'pull', timeoutMinutes: pull.Timeout });
  if (push) {
    if (!isLoopbackUrl(push.URL)) throw new ResponseError('ErrorInvalidPushSubscriptionUrl', 'The simulator only pushes to loopback http URLs.');
    return registry.create({ ...base, kind: 'push', push: { url: push.URL, statusFrequencyMinutes: push.StatusFrequency, callerData: (push as WithNewer<typeof push, 'CallerData'>).CallerData } });
  }
  return registry.create({ ...base, kind: 'streaming' });
}

/** The cursor a client's watermark stands for; one not of this mailbox or older than the history is invalid. */
function cursorOf(subscription: Subscription, watermark: string): number {
  return retainedCursor(subscription.journal.mailbox, subscription.journal, watermark);
}

function retainedCursor(mailbox: Subscription['journal']['mailbox'], journal: Subscription['journal'], watermark: string): number {
  const seq = decodeWatermark(mailbox, watermark);
  if (seq === undefined || seq > journal.lastSeq || seq < journal.oldestSeq - 1) {
    throw new ResponseError('ErrorInvalidWatermark', 'The watermark used for creating this subscription was not found.');
  }
  return seq;
}

function isLoopbackUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}
