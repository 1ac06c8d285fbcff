/**
 * The shorthand inputs batch operations accept, turned into the typed request parts: item ids, folder
 * references and property sets.
 */
import type { FolderRef as SharedFolderRef } from '../schema/folders';
import type {
  ArrayOfRealItemsTypeEntry, DefaultShapeNamesType, ItemIdType, ItemResponseShapeType, ItemType,
  NonEmptyArrayOfBaseItemIdsTypeEntry, TargetFolderIdType,
} from '../../generated/types';
import type { CompoundField, SchemaSet } from '../schema/descriptors';
import { toPath, type PathLike } from '../schema/paths';
import { ItemInputError } from './errors';

/** An item id entry as ItemIds holds it: ItemId, OccurrenceItemId, RecurringMasterItemId… */
export type BaseItemIdEntry = NonEmptyArrayOfBaseItemIdsTypeEntry;

/**
 * What names an item: its Id string, an ItemId (`{ Id, ChangeKey }`), a tagged id entry
 * (`{ $el: 'OccurrenceItemId', RecurringMasterId, InstanceIndex }`), or an item (with its ItemId), such
 * as `response.item` of an earlier batch.
 */
export type ItemIdInput = string | ItemIdType | BaseItemIdEntry | ArrayOfRealItemsTypeEntry | ItemType;

/**
 * A distinguished folder name (`'calendar'`), a folder entry (`folderId(id)`), or a full target folder id;
 * schema/folders.ts `targetFolder` turns it into the request part (TypeError, an error of the whole call,
 * for a string that is no distinguished folder name).
 */
export type FolderRef = SharedFolderRef | TargetFolderIdType;

/**
 * t:ItemShape with friendlier defaults: a base shape alone (`'IdOnly'`), or the shape whose
 * AdditionalProperties may be FieldURI strings or path entries (field(), indexedField(), extendedField()).
 */
export type PropertySet =
  | DefaultShapeNamesType
  | (Omit<ItemResponseShapeType, 'BaseShape' | 'AdditionalProperties'> & {
      readonly BaseShape?: DefaultShapeNamesType;
      readonly AdditionalProperties?: readonly PathLike[];
    });

const idElementsBySchema = new WeakMap<SchemaSet, ReadonlySet<string>>();

/** Names of the item id elements ItemIds accepts, read from the schema once. */
function itemIdElements(schema: SchemaSet): ReadonlySet<string> {
  let names = idElementsBySchema.get(schema);
  if (!names) {
    const type = schema.types.NonEmptyArrayOfBaseItemIdsType;
    const field = type?.kind === 'complex' ? (type.fields[0] as CompoundField | undefined) : undefined;
    names = new Set(field?.kind === 'compound' ? field.alternatives.map((a) => a.name) : ['ItemId']);
    idElementsBySchema.set(schema, names);
  }
  return names;
}

/** The ItemIds entry for an input; ItemInputError when the input names no item. */
export function itemIdEntry(input: ItemIdInput, schema: SchemaSet): BaseItemIdEntry {
  if (typeof input === 'string') {
    if (input === '') throw new ItemInputError('empty item id');
    return { $el: 'ItemId', Id: input };
  }
  if (input === null || typeof input !== 'object') throw new ItemInputError(`not an item id: ${String(input)}`);
  const tagged = input as { $el?: unknown };
  if (typeof tagged.$el === 'string' && itemIdElements(schema).has(tagged.$el)) return input as BaseItemIdEntry;
  const id = 'Id' in input ? (input as ItemIdType) : (input as { ItemId?: ItemIdType }).ItemId;
  if (!id || typeof id.Id !== 'string' || id.Id === '') throw new ItemInputError('the input has no item id (Id or ItemId)');
  return { $el: 'ItemId', Id: id.Id, ...(id.ChangeKey !== undefined && { ChangeKey: id.ChangeKey }) };
}

export function itemShape(set: PropertySet): ItemResponseShapeType {
  if (typeof set === 'string') return { BaseShape: set };
  const { BaseShape, AdditionalProperties, ...options } = set;
  return {
    BaseShape: BaseShape ?? 'Default',
    ...options,
    ...(AdditionalProperties && AdditionalProperties.length > 0 && { AdditionalProperties: AdditionalProperties.map(toPath) }),
  };
}
