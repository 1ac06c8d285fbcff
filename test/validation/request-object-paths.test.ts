/**
 * `validateRequests: true` names the property of the caller's object behind each schema error
 * (the writer's trace of which property produced which element, matched to libxml2's element path),
 * for five kinds of schema error; nothing is sent.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { schema } from '../../generated/schema';
import { ExchangeClient } from '../../src/client/exchange-client';
import { EwsRequestValidationError } from '../../src/client/errors';
import { readElement } from '../../src/runtime/documents';
import { ElementTrace } from '../../src/validation/object-paths';
import { RecordingTransport } from '../support/soap';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'validation-examples', 'valid', 'CreateItem-recurring-meeting-request.xml');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Three copies of a valid recurring meeting, for `change` to break one of. */
function createItem(change: (items: Json[]) => void): Json {
  const request = readElement<Json>(schema, readFileSync(FIXTURE, 'utf8'), 'm:CreateItem');
  const items = [0, 1, 2].map(() => structuredClone(request.Items[0]) as Json);
  change(items);
  return { ...request, Items: items };
}

async function problemsOf(operation: string, request: Json): Promise<{ error: EwsRequestValidationError; sent: number }> {
  const transport = new RecordingTransport(() => { throw new Error('nothing may be sent'); });
  // The newest release, so that the client's own version check lets StartSearchSession through to the schema.
  const client = new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport, validateRequests: true, version: 'V2017_07_11' });
  const error = await client.call(operation as 'CreateItem', request as never).then(() => undefined, (e: unknown) => e);
  if (!(error instanceof EwsRequestValidationError)) throw new Error(`expected EwsRequestValidationError, got ${String(error)}`);
  return { error, sent: transport.requests.length };
}

describe('validateRequests names the object path of a schema error', () => {
  it('a wrong enum value: the list item that is not a day', async () => {
    const { error, sent } = await problemsOf('CreateItem', createItem((items) => {
      items[2].Recurrence.WeeklyRecurrence.DaysOfWeek = ['Monday', 'Funday'];
    }));
    expect(sent).toBe(0);
    expect(error.problems).toEqual([
      expect.stringMatching(/^Items\[2\]\.Recurrence\.WeeklyRecurrence\.DaysOfWeek: \[facet 'enumeration'\] The value 'Funday' is not an element of the set/),
      "Items[2].Recurrence.WeeklyRecurrence.DaysOfWeek: 'Monday Funday' is not a valid value of the list type 't:DaysOfWeekType'.",
    ]);
    expect(error.message).toContain('Items[2].Recurrence.WeeklyRecurrence.DaysOfWeek: ');
    expect(error.details[0]).toEqual(expect.objectContaining({
      objectPath: 'Items[2].Recurrence.WeeklyRecurrence.DaysOfWeek',
      xpath: '/m:CreateItem/m:Items/t:CalendarItem[3]/t:Recurrence/t:WeeklyRecurrence/t:DaysOfWeek',
    }));
  });

  it('an element out of a choice: two recurrence patterns where the schema allows one', async () => {
    const { error } = await problemsOf('CreateItem', createItem((items) => {
      items[1].Recurrence.DailyRecurrence = { Interval: 2 };
    }));
    expect(error.problems).toEqual([
      'Items[1].Recurrence.DailyRecurrence: This element is not expected. Expected is one of ( t:NoEndRecurrence, t:EndDateRecurrence, t:NumberedRecurrence ).',
    ]);
  });

  it('a missing required element: a recurrence without its range', async () => {
    const { error } = await problemsOf('CreateItem', createItem((items) => {
      delete items[0].Recurrence.NumberedRecurrence;
    }));
    expect(error.problems).toEqual([expect.stringMatching(/^Items\[0\]\.Recurrence: Missing child element\(s\)\. Expected is one of \( .*t:NumberedRecurrence/)]);
  });

  it('a bad xs:dateTime: the start of the second item, on a 30 February the writer\'s lexical check lets through', async () => {
    const { error } = await problemsOf('CreateItem', createItem((items) => {
      items[1].Start = '2026-02-30T09:00:00Z';
    }));
    expect(error.problems).toEqual(["Items[1].Start: '2026-02-30T09:00:00Z' is not a valid value of the atomic type 'xs:dateTime'."]);
  });

  it('too many occurrences: a fifth custom search scope where four are allowed', async () => {
    const scope = { MailboxGuid: '3f2504e0-4f89-11d3-9a0c-0305e82c3301', FolderScope: { WellKnownFolder: { Id: 'inbox' } }, IsDeepTraversal: true };
    const { error } = await problemsOf('StartSearchSession', {
      SearchSessionId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      WarmupOptions: ['All'],
      SuggestionTypes: ['None'],
      SearchScope: { CustomSearchScope: [scope, scope, scope, scope, scope] },
    });
    expect(error.problems).toEqual([expect.stringMatching(/^SearchScope\.CustomSearchScope\[4\]: This element is not expected\./)]);
  });

  it('names the request itself when the root element is at fault', async () => {
    const { error } = await problemsOf('GetItem', { ItemShape: { BaseShape: 'IdOnly' } });
    expect(error.problems).toEqual([expect.stringMatching(/^GetItem: Missing child element\(s\)\. Expected is \( m:ItemIds \)/)]);
  });
});

describe('ElementTrace', () => {
  it('falls back to the nearest traced ancestor for elements written from raw XML, and knows no foreign root', () => {
    const trace = new ElementTrace();
    trace.enter('m:GetItem', undefined, 0);
    trace.enter('m:ItemIds', 'ItemIds', 20);
    trace.enter('t:ItemId', '[0]', 31);
    trace.exit();
    trace.enter('t:ItemId', '[1]', 50);
    trace.exit();
    trace.exit();
    trace.exit();
    expect(trace.objectPathOf('/m:GetItem/m:ItemIds/t:ItemId[2]')).toBe('ItemIds[1]');
    expect(trace.objectPathOf('/m:GetItem/m:ItemIds/t:ItemId[2]/t:Raw')).toBe('ItemIds[1]');
    expect(trace.objectPathOf('/m:GetItem')).toBe('');
    expect(trace.objectPathOf('/m:Other/m:ItemIds')).toBeUndefined();
    expect([0, 19, 20, 31, 49, 50, 500].map((offset) => trace.elementAt(offset)?.objectPath)).toEqual(['', '', 'ItemIds', 'ItemIds[0]', 'ItemIds[0]', 'ItemIds[1]', 'ItemIds[1]']);
    expect(trace.elementAt(-1)).toBeUndefined();
  });
});
