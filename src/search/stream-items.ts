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
import { pageInfo, responsePayloads, rootOf, UNGROUPED_INDEX, type Item, type PageInfo } from './results';
import type { ItemView } from './views';

export interface StreamedItem {
  readonly item: Item;
  /** The GroupIndex of the item's group, in a grouped search. */
  readonly groupIndex?: string;
}

export interface StreamedPageInfo extends PageInfo {
  /** A grouped search answered with a flat list: every item came with groupIndex ''. */
  readonly groupingIgnoredByServer?: true;
}

export async function* streamItems(
  client: Pick<ExchangeClient, 'streamEntries'>, folder: FolderRef, view: ItemView, grouping?: ItemGrouping,
  restriction?: ItemRestriction, options?: CallOptions,
): AsyncGenerator<StreamedItem, StreamedPageInfo, undefined> {
  const request = findItemRequest([folder], view, grouping, restriction);
  const entries = client.streamEntries('FindItem', request, 'ArrayOfRealItemsType', options);
  let ungrouped = false;
  for (let next = await entries.next(); ; next = await entries.next()) {
    if (next.done) {
      const [message] = responsePayloads<FindItemResponseMessageType>(next.value, 'FindItemResponseMessage', 1);
      const page = pageInfo(rootOf(message));
      return grouping && ungrouped ? { ...page, groupingIgnoredByServer: true } : page;
    }
    const group = next.value.owner as { GroupIndex?: string } | undefined;
    const item = next.value.entry as Item;
    if (group?.GroupIndex === undefined) {
      ungrouped = true;
      // A grouped search answered flat (see GroupedFindItemsResults.groupingIgnoredByServer).
      yield grouping ? { item, groupIndex: UNGROUPED_INDEX } : { item };
    } else {
      yield { item, groupIndex: group.GroupIndex };
    }
  }
}
