/**
 * The calendar seed as it failed on gromox: ItemBatches over real HTTP against a canned server that
 * replays gromox's recorded answers in order (test/fixtures/gromox 02-07). Run once as recorded, and
 * once with the server's recurrence quirk in the answers (gromox writes the xs:date
 * NumberedRecurrence/StartDate as a midnight dateTime with six fraction digits, in every answer that
 * holds a recurring item: fixtures README), which used to turn three created items into three
 * "outcome unknown" results without ids.
 */
import type { CalendarItemType } from '../../generated/types';
import { ItemBatches, type NewItem } from '../../src/batch';
import { ExchangeClient } from '../../src/client/exchange-client';
import { recordedAnswer, recordedRequest, type RecordedAnswer } from '../support/gromox';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

const SEQUENCE = ['02-CreateItem-3-calendar', '03-GetItem', '04-UpdateItem-subject', '05-GetItem-after-update', '06-DeleteItem-1st', '07-DeleteItem-2nd'];

/** gromox's form of a weekly recurrence, ten times from 10 December. */
const GROMOX_RECURRENCE = '<t:Recurrence><t:WeeklyRecurrence><t:Interval>1</t:Interval><t:DaysOfWeek>Thursday</t:DaysOfWeek></t:WeeklyRecurrence>'
  + '<t:NumberedRecurrence><t:StartDate>2026-12-10T00:00:00.000000Z</t:StartDate><t:NumberOfOccurrences>10</t:NumberOfOccurrences></t:NumberedRecurrence></t:Recurrence>';

/** The second calendar item of an answer made recurring, as gromox writes it. */
function withRecurringSecondItem(answer: RecordedAnswer): RecordedAnswer {
  const xml = answer.body.toString('utf8');
  const second = xml.indexOf('</t:CalendarItem>', xml.indexOf('</t:CalendarItem>') + 1);
  const body = Buffer.from(xml.slice(0, second) + GROMOX_RECURRENCE + xml.slice(second));
  return { ...answer, headers: { ...answer.headers, 'content-length': String(body.length) }, body };
}

async function replayServer(answers: readonly RecordedAnswer[]): Promise<LoopbackServer> {
  let next = 0;
  return startLoopbackServer((_request, response) => {
    const answer = answers[next++];
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  });
}

async function runSeed(answers: readonly RecordedAnswer[]) {
  const server = await replayServer(answers);
  const client = new ExchangeClient({ url: server.url, version: 'Exchange2016' });
  const batches = new ItemBatches(client);
  try {
    const items = (recordedRequest('02-CreateItem-3-calendar').request as { Items: NewItem[] }).Items;
    const created = await batches.createItems(items, { savedItemFolderId: 'calendar', sendMeetingInvitations: 'SendToNone' });
    const ids = created.responses.map((r) => r.item!.ItemId!);
    const read = await batches.getItems(ids, { BaseShape: 'Default', AdditionalProperties: ['item:Body', 'calendar:Location'] });
    const updated = await batches.updateItems([{ id: ids[0], itemType: 'CalendarItem', set: { Subject: 'Meeting One (renamed)' } }], { conflictResolution: 'AlwaysOverwrite', sendMeetingInvitationsOrCancellations: 'SendToNone' });
    const reread = await batches.getItems([updated.responses[0].item!.ItemId!], 'Default');
    const deleted = await batches.deleteItems(ids);
    const deletedAgain = await batches.deleteItems(ids);
    return { created, read, reread, deleted, deletedAgain, requests: server.requests.map((r) => /<m:(\w+)/.exec(r.body)![1]) };
  } finally {
    client.close();
    await server.close();
  }
}

const outline = (collection: { responses: readonly { result: string; errorCode: string }[] }) => collection.responses.map((r) => `${r.result} ${r.errorCode}`);

describe('the calendar seed against gromox\'s recorded answers', () => {
  it('as recorded: 3 created with ids, read, updated, deleted, then 3 × ErrorItemNotFound', async () => {
    const run = await runSeed(SEQUENCE.map(recordedAnswer));
    expect(run.requests).toEqual(['CreateItem', 'GetItem', 'UpdateItem', 'GetItem', 'DeleteItem', 'DeleteItem']);
    expect(outline(run.created)).toEqual(Array(3).fill('Success NoError'));
    expect(run.created.responses.every((r) => /=$/.test(r.item!.ItemId!.Id))).toBe(true);
    expect(run.read.responses.map((r) => (r.item as CalendarItemType).Subject)).toEqual(['Meeting One', 'Meeting Two', 'Meeting Three']);
    expect((run.reread.responses[0].item as CalendarItemType).Subject).toBe('Meeting One (renamed)');
    expect(outline(run.deleted)).toEqual(Array(3).fill('Success NoError'));
    expect(outline(run.deletedAgain)).toEqual(Array(3).fill('Error ErrorItemNotFound'));
    expect(run.deletedAgain.responses.map((r) => r.errorMessage)).toEqual(Array(3).fill('E-3187: item not found'));
  });

  it('with the recurrence quirk: the same outcome, the StartDate read as the date it means, with a diagnostic on that item only', async () => {
    const answers = SEQUENCE.map(recordedAnswer);
    answers[0] = withRecurringSecondItem(answers[0]);
    answers[1] = withRecurringSecondItem(answers[1]);
    const run = await runSeed(answers);

    expect(outline(run.created)).toEqual(Array(3).fill('Success NoError'));
    expect(run.created.responses.map((r) => r.item?.ItemId?.Id).every((id) => typeof id === 'string')).toBe(true);
    expect(run.created.responses.map((r) => r.diagnostics.length)).toEqual([0, 1, 0]);
    expect(run.created.responses[1].diagnostics[0]).toMatchObject({
      action: 'normalized', expectedType: 'xs:date', value: '2026-12-10T00:00:00.000000Z',
      path: expect.stringMatching(/m:CreateItemResponseMessage\[1\]\/m:Items\/t:CalendarItem\[0\]\/t:Recurrence\/t:NumberedRecurrence\/t:StartDate$/),
    });
    const weekly = run.read.responses[1].item as CalendarItemType;
    expect(weekly.Recurrence?.NumberedRecurrence?.StartDate).toBe('2026-12-10');
    expect(outline(run.deletedAgain)).toEqual(Array(3).fill('Error ErrorItemNotFound'));
  });

  it('with strictResponses the quirk is an error instead: for the tests of users who must notice it', async () => {
    const answers = [withRecurringSecondItem(recordedAnswer('03-GetItem'))];
    const server = await replayServer(answers);
    const client = new ExchangeClient({ url: server.url, strictResponses: true });
    try {
      const { operation, request } = recordedRequest('03-GetItem');
      await expect(client.call(operation, request as never)).rejects.toThrow(/strictResponses.*t:StartDate: "2026-12-10T00:00:00.000000Z" is not a valid xs:date: read as "2026-12-10"/);
    } finally {
      client.close();
      await server.close();
    }
  });
});
