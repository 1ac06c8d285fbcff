/** getItems (bindToItems): GetItem for many ids with one property set. Reads are safe to send again. */
import { itemShape, type ItemIdInput, type PropertySet } from '../inputs';
import { firstItemOf, responseOf, type ItemResponse, type ServiceResponseCollection } from '../results';
import type { UnitOutcome } from '../scheduler';
import { itemIdsSpec, runItems, type BatchCallOptions, type BatchContext } from './run-items';

/** The Managed API's FirstClassProperties: the AllProperties base shape. */
export const DEFAULT_PROPERTY_SET: PropertySet = 'AllProperties';

export async function getItems(
  { client, scheduler }: BatchContext, ids: readonly ItemIdInput[], propertySet: PropertySet, options: BatchCallOptions,
): Promise<ServiceResponseCollection<ItemResponse>> {
  return runItems(scheduler, ids, itemIdsSpec(client, 'GetItem', 'none', { ItemShape: itemShape(propertySet) }, itemResponse), options);
}

/** A response with the item the message carries (GetItem, CreateItem, MoveItem, CopyItem). */
export function itemResponse(outcome: UnitOutcome): ItemResponse {
  const item = firstItemOf(outcome);
  return { ...responseOf(outcome), ...(item && { item }) };
}
