/**
 * GetItem: each id is answered on its own, so found and not-found items mix in one response.
 * An occurrence id returns that occurrence (master properties, its own times and ItemId).
 */
import type { OperationHandler } from './context';
import { occurrenceData } from './calendar-series';
import { resolveItem } from './id-resolution';
import { shapeItem } from './item-shape';
import { respond } from './response-messages';

export const getItem: OperationHandler<'GetItem'> = (context, request) => ({
  ResponseMessages: request.ItemIds.map((id) => respond('GetItemResponseMessage', { Items: [] }, () => {
    const { mailbox, item, occurrence } = resolveItem(context, id);
    const data = occurrence ? occurrenceData(mailbox, item, occurrence) : item.data;
    return { Items: [shapeItem(item.element, data, request.ItemShape, { listing: false })] };
  })),
});
