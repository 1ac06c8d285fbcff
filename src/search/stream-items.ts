/**
 * streamItems: one FindItem whose items are handed over as they are read, each with its group, and
 * never all kept: a search of 10,000 items holds one at a time (client.streamEntries on
 * t:ArrayOfRealItemsType). The page information comes back as the generator's return value.
 */
import type { FindItemResponseMessageType } from '../../generated/messages';
import type { CallOptions, ExchangeClient } from '../client/exchange-client';
import type { FolderRef } from './folders';
import type { ItemGrouping } from './grouping';
import { findItemRequest } from './requests';
import type { ItemRestriction } from './restrictions';
import { pageInfo, responsePayloads, rootOf, type Item, type PageInfo } from './results';
import type { ItemView } from './views';

export interface StreamedItem {
  readonly item: Item;
  /** The GroupIndex of the item's group, in a grouped search. */
  readonly groupIndex?: string;
}

export async function* streamItems(
  client: Pick<ExchangeClient, 'streamEntries'>, folder: FolderRef, view: ItemView, grouping?: ItemGrouping,
  restriction?: ItemRestriction, options?: CallOptions,
): AsyncGenerator<StreamedItem, PageInfo, undefined> {
  const request = findItemRequest([folder], view, grouping, restriction);
  const entries = client.streamEntries('FindItem', request, 'ArrayOfRealItemsType', options);
  for (let next = await entries.next(); ; next = await entries.next()) {
    if (next.done) {
      const [message] = responsePayloads<FindItemResponseMessageType>(next.value, 'FindItemResponseMessage', 1);
      return pageInfo(rootOf(message));
    }
    const group = next.value.owner as { GroupIndex?: string } | undefined;
    const item = next.value.entry as Item;
    yield group?.GroupIndex === undefined ? { item } : { item, groupIndex: group.GroupIndex };
  }
}
