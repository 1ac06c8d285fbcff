/** getItems (bindToItems): GetItem for many ids with one property set. Reads are safe to send again. */
import { itemShape, type ItemIdInput, type PropertySet } from '../inputs';
import { firstItemOf, responseOf, type ItemResponse, type RealItem, type ServiceResponse, type ServiceResponseCollection } from '../results';
import { ofKind, type ItemKind } from './item-kinds';
import type { UnitOutcome } from '../scheduler';
import { itemIdsSpec, runItems, type BatchCallOptions, type BatchContext } from './run-items';

/** The Managed API's FirstClassProperties: the AllProperties base shape. */
export const DEFAULT_PROPERTY_SET: PropertySet = 'AllProperties';

export interface GetItemsOptions<K extends ItemKind = ItemKind> extends BatchCallOptions {
  /** The kind of item the caller reads: responses are typed as that kind, and an item of another kind is an error. */
  readonly itemType?: K;
}

export async function getItems(
  { client, scheduler }: BatchContext, ids: readonly ItemIdInput[], propertySet: PropertySet, options: GetItemsOptions,
): Promise<ServiceResponseCollection<ItemResponse>> {
  const { itemType, ...callOptions } = options;
  const read = await runItems(scheduler, ids, itemIdsSpec(client, 'GetItem', { ItemShape: itemShape(propertySet) }, itemResponse), callOptions);
  return itemType === undefined ? read : ofKind(read, itemType);
}

/** A response with the item the message carries (GetItem, CreateItem, MoveItem, CopyItem). */
export function itemResponse(outcome: UnitOutcome): ItemResponse {
  const response: { item?: RealItem } & ServiceResponse = responseOf(outcome);
  const item = firstItemOf(outcome);
  if (item) response.item = item;
  return response;
}
