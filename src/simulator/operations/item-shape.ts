/**
 * Item response shapes: BaseShape (IdOnly, Default, AllProperties), AdditionalProperties, BodyType and
 * IncludeMimeContent. The result is a fresh copy, so callers may keep or change it without touching
 * the store.
 */
import type * as t from '../../../generated/types';
import type { ItemData, ItemElement } from '../store/records';
import { convertBody } from './body-conversion';
import { DEFAULT_PROPERTIES, NOT_IN_ALL_PROPERTIES, NOT_IN_FIND_ITEM } from './default-shapes';
import { ResponseError } from './errors';
import { mimeContentOf } from './mime-content';
import { resolvePath } from './property-paths';
import { elementField, typeOfElement } from './schema-facts';

export type ShapedItem = t.ArrayOfRealItemsTypeEntry;

export interface ShapeContext {
  /** FindItem and SyncFolderItems: no bodies or attachments; paths that do not apply are skipped. */
  readonly listing: boolean;
}

/**
 * The item as the shape asks. In GetItem a requested property the item type cannot have is an
 * ErrorInvalidPropertyRequest (with the path in MessageXml), as Exchange answers.
 */
export function shapeItem(element: ItemElement, data: ItemData, shape: t.ItemResponseShapeType, context: ShapeContext): ShapedItem {
  const shaped: Record<string, unknown> = { $el: element };
  const type = typeOfElement(element);
  for (const property of baseProperties(element, data, shape.BaseShape)) {
    // Only what the element's type declares: a meeting cancellation shares the meeting's data but not all its fields.
    if (data[property] !== undefined && elementField(type, property) && !(context.listing && NOT_IN_FIND_ITEM.has(property))) shaped[property] = data[property];
  }
  for (const entry of shape.AdditionalProperties ?? []) {
    const path = resolvePath(entry);
    if (!path.appliesTo(type)) {
      if (context.listing) continue;
      throw new ResponseError('ErrorInvalidPropertyRequest', undefined, path.messageXml);
    }
    const partial: Record<string, unknown> = {};
    path.project(partial, data);
    for (const [property, value] of Object.entries(partial)) if (!(context.listing && NOT_IN_FIND_ITEM.has(property))) shaped[property] = value;
  }
  if (shaped.Body) shaped.Body = convertBody(shaped.Body as t.BodyType, shape.BodyType);
  if (shape.IncludeMimeContent && !context.listing) shaped.MimeContent = mimeContentOf(data);
  return structuredClone(shaped) as unknown as ShapedItem;
}

function baseProperties(element: ItemElement, data: ItemData, baseShape: t.DefaultShapeNamesType): readonly string[] {
  switch (baseShape) {
    case 'IdOnly': return ['ItemId'];
    case 'AllProperties': return Object.keys(data).filter((property) => !NOT_IN_ALL_PROPERTIES.has(property));
    default: return DEFAULT_PROPERTIES[element];
  }
}
