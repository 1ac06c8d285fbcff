/**
 * createItems with attachments: CreateItem without them, then CreateAttachment per created item, the
 * outcome reflected in that item's response (latest ChangeKey, per-attachment results). A message to be
 * sent with attachments is saved as a draft, given its attachments, then sent, as the Managed API does.
 */
import { ItemBatches, type BatchProgress, type NewItem } from '../../src/batch';
import { ExchangeClient } from '../../src/client/exchange-client';
import { XsdValidator } from '../../src/validation/xsd-validator';
import { extractBodyElement } from '../support/corpus';
import { errorMessage, responseEnvelope, successMessage } from './support/exchange-xml';
import { FakeMailbox } from './support/fake-mailbox';
import { ScriptedTransport, type SentRequest } from './support/scripted-transport';
import { VirtualClock } from './support/virtual-clock';

const agenda = { $el: 'FileAttachment' as const, Name: 'agenda.txt', ContentType: 'text/plain', Content: Buffer.from('1. Budget').toString('base64') };
const slides = { $el: 'FileAttachment' as const, Name: 'slides.pdf', ContentType: 'application/pdf', Content: Buffer.from('%PDF-1.7').toString('base64') };

function over(script?: (request: SentRequest, mailbox: FakeMailbox) => string | undefined) {
  const mailbox = new FakeMailbox();
  const transport = new ScriptedTransport((request) => script?.(request, mailbox) ?? mailbox.answer(request));
  const batches = new ItemBatches(new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport }), { clock: new VirtualClock() });
  return { mailbox, transport, batches };
}

async function expectSchemaValid(requests: readonly SentRequest[]): Promise<void> {
  const validator = await XsdValidator.shared();
  const verdicts = await validator.validate(requests.map((r, i) => ({ name: `request ${i}`, xml: extractBodyElement(r.envelope) })));
  expect(verdicts.flatMap((v) => v.errors)).toEqual([]);
}

describe('createItems with attachments', () => {
  it('creates the items, then adds each item\'s attachments and reports them with the latest ChangeKey', async () => {
    const { transport, batches } = over();
    const items: NewItem[] = [
      { $el: 'CalendarItem', Subject: 'Review', Start: '2026-11-25T13:00:00Z', End: '2026-11-25T14:00:00Z', Attachments: [agenda, slides] },
      { $el: 'Task', Subject: 'Prepare numbers' },
    ];
    const reports: BatchProgress[] = [];
    const result = await batches.createItems(items, { sendMeetingInvitations: 'SendToNone', onProgress: (p) => reports.push(p) });

    expect(transport.sent.map((r) => r.operation)).toEqual(['CreateItem', 'CreateAttachment']);
    expect(transport.sent[0].body.Items[0].Attachments).toBeUndefined();
    const parentId = result.responses[0].item!.ItemId!.Id;
    expect(transport.sent[1].body).toEqual({ ParentItemId: { Id: parentId }, Attachments: [agenda, slides] });

    const [review, task] = result.responses;
    expect([review.result, review.errorCode, review.item!.ItemId!.ChangeKey]).toEqual(['Success', 'NoError', 'DwAAABYAAA2']);
    expect(review.attachments.map((a) => [a.result, a.attachment?.$el, a.attachment?.AttachmentId?.RootItemId])).toEqual([
      ['Success', 'FileAttachment', parentId], ['Success', 'FileAttachment', parentId],
    ]);
    expect([task.result, task.attachments]).toEqual(['Success', []]);
    expect(reports.at(-1)).toEqual({ done: 2, total: 2, errors: 0 });
    await expectSchemaValid(transport.sent);
  });

  it('reflects a failed attachment in its item\'s result, keeping the created item with its latest ChangeKey', async () => {
    const { batches } = over((request) => {
      if (request.operation !== 'CreateAttachment') return undefined;
      const parent = request.body.ParentItemId.Id;
      return responseEnvelope('CreateAttachment', [
        successMessage('CreateAttachment', `<m:Attachments><t:FileAttachment><t:AttachmentId Id="${parent}:att1" RootItemId="${parent}" RootItemChangeKey="CQAAABYAAAB1"/></t:FileAttachment></m:Attachments>`),
        errorMessage('CreateAttachment', 'ErrorAttachmentSizeLimitExceeded', 'The attachment is too large.', '', '<m:Attachments/>'),
      ]);
    });
    const result = await batches.createItems([{ $el: 'Message', Subject: 'Report', Attachments: [agenda, slides] }], { messageDisposition: 'SaveOnly' });

    const [report] = result.responses;
    expect([report.result, report.errorCode, report.errorMessage]).toEqual(['Error', 'ErrorAttachmentSizeLimitExceeded', 'The attachment is too large.']);
    expect(report.item!.ItemId!.ChangeKey).toBe('CQAAABYAAAB1');
    expect(report.attachments.map((a) => a.errorCode)).toEqual(['NoError', 'ErrorAttachmentSizeLimitExceeded']);
    expect(result.overallResult).toBe('Error');
  });
});

describe('createItems of messages to send', () => {
  it('saves a message with attachments as a draft, attaches, then sends it; a message without goes out directly', async () => {
    const { mailbox, transport, batches } = over();
    const result = await batches.createItems([
      { $el: 'Message', Subject: 'With file', ToRecipients: [{ EmailAddress: 'bob@contoso.com' }], Attachments: [agenda] },
      { $el: 'Message', Subject: 'Plain', ToRecipients: [{ EmailAddress: 'bob@contoso.com' }] },
    ], { messageDisposition: 'SendAndSaveCopy', savedItemFolderId: 'sentitems' });

    const byOperation = (op: string) => transport.of(op).map((r) => r.body);
    const creates = byOperation('CreateItem');
    expect(creates).toHaveLength(2);
    const draft = creates.find((c) => c.MessageDisposition === 'SaveOnly');
    const direct = creates.find((c) => c.MessageDisposition === 'SendAndSaveCopy');
    expect([draft.SavedItemFolderId, draft.Items.map((i: { Subject: string }) => i.Subject)]).toEqual([undefined, ['With file']]);
    expect([direct.SavedItemFolderId, direct.Items.map((i: { Subject: string }) => i.Subject)]).toEqual([{ DistinguishedFolderId: { Id: 'sentitems' } }, ['Plain']]);
    expect(byOperation('CreateAttachment')).toHaveLength(1);
    const [send] = byOperation('SendItem');
    expect(send).toMatchObject({ SaveItemToFolder: true, SavedItemFolderId: { DistinguishedFolderId: { Id: 'sentitems' } } });
    expect(send.ItemIds[0].ChangeKey).toBe('DwAAABYAAA1');

    const [withFile, plain] = result.responses;
    expect([withFile.result, withFile.sent?.result, withFile.item, withFile.attachments.length]).toEqual(['Success', 'Success', undefined, 1]);
    expect([plain.result, plain.sent, plain.item]).toEqual(['Success', undefined, undefined]);
    expect(mailbox.items.size).toBe(0);
    await expectSchemaValid(transport.sent);
  });

  it('does not send a draft whose attachment failed; the draft stays and the item reports the failure', async () => {
    const { transport, batches } = over((request) => request.operation === 'CreateAttachment'
      ? responseEnvelope('CreateAttachment', [errorMessage('CreateAttachment', 'ErrorVirusDetected', 'A virus was detected in the attachment.', '', '<m:Attachments/>')])
      : undefined);
    const result = await batches.createItems([{ $el: 'Message', Subject: 'Infected', Attachments: [agenda] }], { messageDisposition: 'SendOnly' });

    expect(transport.of('SendItem')).toHaveLength(0);
    const [infected] = result.responses;
    expect([infected.result, infected.errorCode, infected.sent]).toEqual(['Error', 'ErrorVirusDetected', undefined]);
    expect(infected.item?.ItemId?.Id).toMatch(/^AAMk/);
  });
});

describe('createItems of every kind', () => {
  it('sends schema-valid CreateItem requests for recurrences of each pattern and range, resources, contacts and tasks', async () => {
    const { transport, batches } = over();
    const meeting = { Start: '2026-12-01T09:00:00Z', End: '2026-12-01T09:30:00Z' };
    const result = await batches.createItems([
      { $el: 'CalendarItem', Subject: 'Daily', ...meeting, Recurrence: { DailyRecurrence: { Interval: 2 }, NoEndRecurrence: { StartDate: '2026-12-01' } } },
      { $el: 'CalendarItem', Subject: 'Monthly', ...meeting, Recurrence: { AbsoluteMonthlyRecurrence: { Interval: 1, DayOfMonth: 1 }, EndDateRecurrence: { StartDate: '2026-12-01', EndDate: '2027-12-01' } } },
      { $el: 'CalendarItem', Subject: 'Yearly', ...meeting, Recurrence: { RelativeYearlyRecurrence: { DaysOfWeek: 'Monday', DayOfWeekIndex: 'First', Month: 'December' }, NumberedRecurrence: { StartDate: '2026-12-07', NumberOfOccurrences: 5 } } },
      { $el: 'CalendarItem', Subject: 'Room booking', ...meeting, Resources: [{ Mailbox: { EmailAddress: 'room41@contoso.com' } }] },
      { $el: 'Contact', GivenName: 'Ann', Surname: 'Lee', EmailAddresses: [{ Key: 'EmailAddress1', $value: 'ann@contoso.com' }] },
      { $el: 'Task', Subject: 'File expenses', DueDate: '2026-12-15T00:00:00Z', Status: 'NotStarted' },
    ], { sendMeetingInvitations: 'SendToAllAndSaveCopy' });

    expect(result.responses.map((r) => r.item?.$el)).toEqual(['CalendarItem', 'CalendarItem', 'CalendarItem', 'CalendarItem', 'Contact', 'Task']);
    await expectSchemaValid(transport.sent);
  });
});

describe('createItems input errors', () => {
  it('an item without its element tag is a local error; the others are created', async () => {
    const { transport, batches } = over();
    const result = await batches.createItems([{ Subject: 'untagged' } as unknown as NewItem, { $el: 'Task', Subject: 'tagged' }]);
    expect(result.responses.map((r) => r.errorCode)).toEqual(['ClientInvalidInput', 'NoError']);
    expect(transport.sent[0].body.Items.map((i: { Subject: string }) => i.Subject)).toEqual(['tagged']);
  });
});
