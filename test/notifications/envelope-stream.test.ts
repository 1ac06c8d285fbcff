/** The reader reads a stream of complete SOAP envelopes from one body, as GetStreamingEvents sends them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as m from '../../generated/messages';
import { eventsOf, notificationsIn } from '../../src/notifications/events';
import { EnvelopeStreamReader, readEnvelopeStream } from '../../src/runtime/envelope-stream';
import { XmlReadError } from '../../src/runtime/errors';
import { ewsSchema } from '../../src/schema/ews-schema';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/notifications', name), 'utf8');
const exchangeAnswer = fixture('exchange-GetStreamingEvents-m-Notification.xml');
const withoutDeclaration = exchangeAnswer.replace(/^<\?xml[^>]*\?>\s*/, '');
const heartbeat = '<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body><m:GetStreamingEventsResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">'
  + '<m:ResponseMessages><m:GetStreamingEventsResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>'
  + '<m:ConnectionStatus>OK</m:ConnectionStatus></m:GetStreamingEventsResponseMessage></m:ResponseMessages></m:GetStreamingEventsResponse></Body></Envelope>';

function messageOf(content: { body?: { value: unknown } }): m.GetStreamingEventsResponseMessageType {
  return (content.body!.value as m.GetStreamingEventsResponseType).ResponseMessages[0] as m.GetStreamingEventsResponseMessageType;
}

describe('EnvelopeStreamReader', () => {
  const body = `<?xml version="1.0" encoding="utf-8"?>\n${withoutDeclaration}\n${heartbeat}${withoutDeclaration}`;

  it.each([1, 7, 64, body.length])('hands over each envelope as its end tag arrives, fed %i characters at a time', (size) => {
    const reader = new EnvelopeStreamReader(ewsSchema());
    const read = [];
    for (let offset = 0; offset < body.length; offset += size) read.push(...reader.write(Buffer.from(body.slice(offset, offset + size))));
    read.push(...reader.end());
    expect(read).toHaveLength(3);
    expect(read.map((content) => messageOf(content).ConnectionStatus)).toEqual([undefined, 'OK', undefined]);
    expect(read[0].headers['t:ServerVersionInfo']).toMatchObject({ MajorVersion: 15, Version: 'V2_6' });
  });

  it('yields an envelope before the body has ended (a long-lived response)', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    async function* slowBody() {
      yield Buffer.from(heartbeat);
      await held;
      yield Buffer.from(heartbeat);
    }
    const iterator = readEnvelopeStream(ewsSchema(), slowBody());
    const first = await iterator.next();
    expect(messageOf(first.value as never).ConnectionStatus).toBe('OK');
    release();
    expect((await iterator.next()).done).toBe(false);
    expect((await iterator.next()).done).toBe(true);
  });

  it("reads Exchange's m:Notification (the schema says t:Notification) as typed events", () => {
    const [content] = new EnvelopeStreamReader(ewsSchema()).write(exchangeAnswer);
    const notifications = notificationsIn(ewsSchema(), messageOf(content).Notifications);
    expect(notifications).toHaveLength(1);
    const events = eventsOf(notifications[0]);
    expect(events.map((event) => event.kind)).toEqual(['Created', 'NewMail', 'Modified']);
    expect(events[2]).toMatchObject({ kind: 'Modified', unreadCount: 1, folderId: { ChangeKey: 'AQAAAA==' } });
    expect(events[0]).toMatchObject({ itemId: { ChangeKey: 'CQAAAA==' }, subscriptionId: expect.stringMatching(/^JgBibjFw/) });
  });

  it('fails with the position when the stream stops inside an envelope', () => {
    const reader = new EnvelopeStreamReader(ewsSchema());
    expect(reader.write(heartbeat + heartbeat.slice(0, 120))).toHaveLength(1);
    expect(() => reader.end()).toThrow(XmlReadError);
  });

  it('refuses an envelope longer than its limit, the stream as a whole being unbounded', () => {
    const reader = new EnvelopeStreamReader(ewsSchema(), { maxEnvelopeLength: heartbeat.length + 10 });
    for (let i = 0; i < 20; i++) expect(reader.write(heartbeat)).toHaveLength(1);
    expect(() => reader.write(`<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body>${' '.repeat(heartbeat.length)}`)).toThrow(/longer than/);
  });
});
