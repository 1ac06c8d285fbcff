/**
 * The push listener answers SendNotification with a SendNotificationResult the official XSD accepts:
 * OK while the consumer iterates, Unsubscribe once it stopped; a request that is not a
 * SendNotification is refused with 400 and reported as a Diagnostic.
 */
import { writeEnvelope } from '../../src/runtime/writer';
import { ewsSchema } from '../../src/schema/ews-schema';
import { PushNotificationListener } from '../../src/notifications';
import { XsdValidator } from '../../src/validation/xsd-validator';

const notification = writeEnvelope(ewsSchema(), {
  body: {
    element: 'm:SendNotification',
    value: {
      ResponseMessages: [{
        $el: 'SendNotificationResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError',
        Notification: {
          SubscriptionId: 'sub-1', PreviousWatermark: 'wm-0', MoreEvents: false,
          Events: [{ $el: 'NewMailEvent', Watermark: 'wm-1', TimeStamp: '2026-12-02T10:00:00Z', ItemId: { Id: 'item-1' }, ParentFolderId: { Id: 'inbox-1' } }],
        },
      }],
    },
  },
});

describe('PushNotificationListener', () => {
  let validator: XsdValidator;
  beforeAll(async () => { validator = await XsdValidator.create(); });

  it('answers OK with a schema-valid SendNotificationResult and yields the events; Unsubscribe once stopped', async () => {
    const listener = new PushNotificationListener();
    const url = await listener.listen();
    const stop = new AbortController();
    const events = listener.events(stop.signal);
    const first = events.next();
    const answer = await fetch(url, { method: 'POST', body: notification, headers: { 'content-type': 'text/xml' } });
    expect(answer.status).toBe(200);
    const okXml = await answer.text();
    expect(okXml).toContain('<m:SubscriptionStatus>OK</m:SubscriptionStatus>');
    const [verdict] = await validator.validate([{ name: 'answer', xml: okXml }]);
    expect(verdict.errors).toEqual([]);
    expect((await first).value).toMatchObject({ kind: 'NewMail', subscriptionId: 'sub-1', watermark: 'wm-1', itemId: { Id: 'item-1' } });
    expect(listener.watermarks.get('sub-1')).toBe('wm-1');

    stop.abort();
    expect((await events.next()).done).toBe(true);
    const after = await (await fetch(url, { method: 'POST', body: notification })).text();
    expect(after).toContain('<m:SubscriptionStatus>Unsubscribe</m:SubscriptionStatus>');
    expect((await validator.validate([{ name: 'answer', xml: after }]))[0].valid).toBe(true);
    await listener.close();
  });

  it('refuses a request that is not a SendNotification with 400 and a Diagnostic', async () => {
    const listener = new PushNotificationListener();
    const url = await listener.listen();
    const events = listener.events();
    const first = events.next();
    const answer = await fetch(url, { method: 'POST', body: '<hello/>' });
    expect(answer.status).toBe(400);
    expect((await first).value).toMatchObject({ kind: 'Diagnostic', message: expect.stringContaining('not a SendNotification') });
    await listener.close();
  });
});
