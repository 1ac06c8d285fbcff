/**
 * typed-ews through ItemBatches (src/batch), as an application moving many items would use it:
 * getItems, createItems, deleteItems with their per-item results; measured where `measures()` says.
 */
import { ItemBatches } from '../../src/batch';
import type { ItemResponse, ServiceResponse } from '../../src/batch';
import { appointments, itemIds } from '../fixtures/workload';
import { calendarItem } from '../requests/typed-ews-requests';
import type { BenchClient, Endpoint, Outcome, ScenarioName, TimedCall } from './bench-client';
import { connect } from './typed-ews';

export function typedEwsBatchesClient(): BenchClient {
  let batches: ItemBatches | undefined;
  return {
    prepare(scenario: ScenarioName, count: number, endpoint: Endpoint): TimedCall {
      const items = (batches = new ItemBatches(connect(endpoint)));
      switch (scenario) {
        case 'getItem': {
          const ids = itemIds(count);
          return () => getItems(items, ids);
        }
        case 'createItem': {
          const data = appointments(count).map(calendarItem);
          return async () => {
            const { responses } = await items.createItems(data, { savedItemFolderId: 'calendar', sendMeetingInvitations: 'SendToNone' });
            return outcomeOf(responses, (response: ItemResponse) => response.item?.ItemId?.Id !== undefined);
          };
        }
        case 'deleteItem': {
          const ids = itemIds(count);
          return async () => {
            const { responses } = await items.deleteItems(ids, { sendMeetingCancellations: 'SendToNone', affectedTaskOccurrences: 'AllOccurrences' });
            return outcomeOf(responses, (response) => response.result !== 'Error' || response.errorCode === 'ErrorItemNotFound');
          };
        }
        default: throw new Error(`ItemBatches has no ${scenario}`);
      }
    },
    close: () => batches?.client.close(),
  };
}

async function getItems(batches: ItemBatches, ids: readonly string[]): Promise<Outcome> {
  const { responses } = await batches.getItems(ids, { BaseShape: 'Default', BodyType: 'HTML' }, { itemType: 'CalendarItem' });
  let items = 0;
  let touched = 0;
  for (const { item } of responses) {
    if (!item) continue;
    touched += (item.Subject?.length ?? 0) + (item.Body?.$value.length ?? 0) + (item.Start?.length ?? 0) + (item.RequiredAttendees?.length ?? 0);
    items++;
  }
  return { items: touched > 0 ? items : 0, errors: 0 };
}

/** Items answered as expected; errors: the responses with ResponseClass Error. */
function outcomeOf<R extends ServiceResponse>(responses: readonly R[], expected: (response: R) => boolean): Outcome {
  let errors = 0;
  for (const response of responses) {
    if (!expected(response)) throw new Error(`unexpected response ${response.errorCode}`);
    if (response.result === 'Error') errors++;
  }
  return { items: responses.length, errors };
}
