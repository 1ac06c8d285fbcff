/** An item as a query lists it: the stored item and the properties shown (an occurrence's own view, for series). */
import type { ItemData, StoredItem } from '../store/records';

export interface ListedItem {
  readonly item: StoredItem;
  readonly data: ItemData;
}

export const dataOfListed = (listed: ListedItem): ItemData => listed.data;
