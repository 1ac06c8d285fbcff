/**
 * Catching up after a broken streaming connection: a pull subscription from the last watermark the
 * consumer saw, read with GetEvents until the server has no more, then dropped. Yields the change
 * events only (its StatusEvents say nothing the consumer needs). ErrorInvalidWatermark (the server no
 * longer has events that old) propagates for the caller to turn into a Resync.
 */
import type { CallOptions, ExchangeClient } from '../client/exchange-client';
import { eventsOf, lastWatermark, type ChangeEvent } from './events';
import { EwsSubscriptionError, getEvents, scopeOf, subscribe, unsubscribeQuietly, type SubscriptionScope } from './requests';

export async function* catchUp(
  client: ExchangeClient, scope: SubscriptionScope, watermark: string, callOptions: CallOptions,
): AsyncGenerator<ChangeEvent, void, undefined> {
  const { subscriptionId, watermark: start } = await subscribe(client, {
    PullSubscriptionRequest: { ...scopeOf(scope), Timeout: 1, Watermark: watermark },
  }, scope, callOptions);
  try {
    let position = start ?? watermark;
    for (;;) {
      const { message } = await getEvents(client, subscriptionId, position, scope, callOptions);
      const notification = message.Notification;
      if (!notification) throw new EwsSubscriptionError('ErrorReadEventsFailed', 'the GetEventsResponseMessage had no Notification');
      const events = eventsOf(notification);
      position = lastWatermark(events, position) ?? position;
      for (const event of events) if (event.kind !== 'Status') yield event;
      if (notification.MoreEvents !== true) return;
    }
  } finally {
    await unsubscribeQuietly(client, subscriptionId, scope);
  }
}
