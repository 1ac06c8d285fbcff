/**
 * Push subscriptions: the simulator calls the subscriber's URL (loopback only) with a SendNotification
 * request for each batch of events, one request at a time, and a StatusEvent every StatusFrequency
 * minutes while idle. The answer's SendNotificationResult says OK (go on) or Unsubscribe (end the
 * subscription). A failed call is retried with back-off; the cursor moves only on an OK answer, so
 * nothing is lost while the listener is away.
 */
import http from 'node:http';
import type * as t from '../../../../generated/types';
import { schema as ewsSchema } from '../../../../generated/schema';
import { readEnvelope } from '../../../runtime/envelope-reader';
import type { NotificationRegistry, Subscription } from './subscriptions';

const MAX_RETRY_DELAY_MS = 30_000;

export function startPushDelivery(registry: NotificationRegistry, subscription: Subscription): void {
  const push = subscription.push!;
  let busy = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let lastSent = Date.now();
  const statusEveryMs = push.statusFrequencyMinutes * registry.minuteMs;

  const stop = (): void => {
    stopListening();
    clearInterval(statusTimer);
    clearTimeout(retryTimer);
  };

  const deliver = (forceStatus = false): void => {
    if (busy || subscription.expired) return;
    const before = subscription.cursor;
    const events = registry.take(subscription);
    if (events.length === 0 && !forceStatus) return;
    const notification: t.NotificationType = {
      SubscriptionId: subscription.id,
      PreviousWatermark: registry.watermark(subscription, before),
      MoreEvents: subscription.cursor < subscription.journal.lastSeq,
      Events: events.length > 0 ? events : [{ $el: 'StatusEvent', Watermark: registry.watermark(subscription) }],
    };
    busy = true;
    lastSent = Date.now();
    const body = registry.writeEnvelope('m:SendNotification', {
      ResponseMessages: [{ $el: 'SendNotificationResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError', Notification: notification }],
    });
    post(push.url, body).then((status) => {
      busy = false;
      failures = 0;
      if (status === 'Unsubscribe') {
        registry.remove(subscription);
        stop();
        return;
      }
      deliver();
    }, () => {
      busy = false;
      subscription.cursor = before; // not delivered: send these events again
      const delay = Math.min(MAX_RETRY_DELAY_MS, 100 * 2 ** failures++);
      retryTimer = setTimeout(() => deliver(), delay).unref();
    });
  };

  const stopListening = subscription.journal.listen(() => deliver());
  const statusTimer = setInterval(() => {
    if (subscription.expired) stop();
    else if (Date.now() - lastSent >= statusEveryMs) deliver(true);
  }, Math.max(1, statusEveryMs)).unref();
  registry.onClose(stop);
  deliver();
}

/** POSTs the SendNotification envelope; resolves with the SubscriptionStatus answered. */
function post(url: string, body: string): Promise<t.SubscriptionStatusType> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        try {
          if (response.statusCode !== 200) throw new Error(`push listener answered HTTP ${response.statusCode}`);
          const content = readEnvelope(ewsSchema, Buffer.concat(chunks));
          const result = content.body?.element === 'm:SendNotificationResult' ? content.body.value as { SubscriptionStatus?: t.SubscriptionStatusType } : undefined;
          if (!result?.SubscriptionStatus) throw new Error('push listener did not answer with SendNotificationResult');
          resolve(result.SubscriptionStatus);
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}
