/** A synthetic FindItem response of the mini schema: `count` items, messages and calendar items mixed. */
import { writeEnvelope } from '../../../src/runtime';
import { miniSchema } from '../fixtures/mini-schema';

export function findItemItems(count: number): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const common = {
      ItemId: { Id: `AAMkADk0ZjM3NDU2LTU1ZGEtNDFhMi1iYjY3LTg5ZTQ2ZjI0MzYxMgBGAAAAAAB${i}AAA=`, ChangeKey: `CQAAABYAAAB${i}` },
      Subject: `Quarterly report #${i} – review & sign-off`,
      Importance: i % 7 === 0 ? 'High' : 'Normal',
      DateTimeReceived: '2026-11-22T15:30:00Z',
      Size: 4096 + i,
    };
    items.push(i % 5 === 0
      ? { $el: 'CalendarItem', ...common, Start: '2026-12-01T09:00:00Z', End: '2026-12-01T10:00:00Z', IsAllDayEvent: false }
      : { $el: 'Message', ...common, From: { Mailbox: { Name: `Sender ${i}`, EmailAddress: `sender${i}@contoso.com` } }, IsRead: i % 2 === 0 });
  }
  return items;
}

export function findItemResponseXml(count: number): string {
  return writeEnvelope(miniSchema, {
    headers: [{ element: 't:ServerVersionInfo', value: { MajorVersion: 15, MinorVersion: 20, MajorBuildNumber: 5000, MinorBuildNumber: 1 } }],
    body: {
      element: 'm:FindItemResponse',
      value: {
        ResponseMessages: [{
          $el: 'FindItemResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError',
          RootFolder: { TotalItemsInView: count, IncludesLastItemInRange: true, Items: findItemItems(count) },
        }],
      },
    },
  });
}
