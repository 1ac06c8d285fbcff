/**
 * Results narrowed to the kind of item the caller reads: `getItems(ids, set, { itemType: 'CalendarItem' })`
 * answers items typed as calendar items, so `r.item?.Start` needs no cast. An item of another kind is not
 * passed off as one: its response becomes a ClientUnexpectedItemType error (the server's message kept).
 */
import { BatchItemError } from '../errors';
import { collectionOf, failureResponse, type ItemResponse, type RealItem, type ServiceResponseCollection } from '../results';

/** The element of an item a response carries: `CalendarItem`, `Message`, `Task`… */
export type ItemKind = RealItem['$el'];
export type ItemOfKind<K extends ItemKind> = Extract<RealItem, { $el: K }>;

export interface ItemResponseOf<K extends ItemKind> extends ItemResponse {
  readonly item?: ItemOfKind<K>;
}

/** The server answered an item of another kind than the one the caller said it reads. */
export class UnexpectedItemKindError extends BatchItemError {
  override readonly name = 'UnexpectedItemKindError';
  readonly code = 'ClientUnexpectedItemType';
}

/** The collection with each item checked to be of `kind`; a mismatch becomes that item's error. */
export function ofKind<K extends ItemKind>(collection: ServiceResponseCollection<ItemResponse>, kind: K): ServiceResponseCollection<ItemResponseOf<K>> {
  return collectionOf(collection.responses.map((response): ItemResponseOf<K> => {
    if (!response.item || response.item.$el === kind) return response as ItemResponseOf<K>;
    const error = new UnexpectedItemKindError(`expected a ${kind}, the server answered a ${response.item.$el}`);
    return { ...failureResponse(error), ...(response.message && { message: response.message }) };
  }));
}
