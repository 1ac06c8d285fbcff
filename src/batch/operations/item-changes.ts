/**
 * `{ id, set: { Subject: 'x' } }` → t:ItemChange: one SetItemField / AppendToItemField / DeleteItemField
 * per property, with the FieldURI the schema gives that property on the item's type and the value inside
 * the wrapper element of that type (`CalendarItem: { Subject: 'x' }`). Explicit paths (FieldURI,
 * IndexedFieldURI, ExtendedFieldURI) are accepted too, with the wrapper item's content as given.
 */
import type {
  ItemChangeDescriptionType, ItemChangeType, NonEmptyArrayOfItemChangeDescriptionsTypeEntry,
} from '../../../generated/types';
import type { SetItemFieldTypeInput } from '../../../generated/inputs';
import type { SchemaSet } from '../../schema/descriptors';
import { fieldUriFor, singlePath, type PathLike, type SinglePath } from '../../schema/paths';
import { ItemInputError } from '../errors';
import { itemIdEntry, type ItemIdInput } from '../inputs';

/** The elements an update wraps values in: Item, Message, CalendarItem, Contact, Task… */
export type ItemElement = Exclude<keyof SetItemFieldTypeInput, keyof ItemChangeDescriptionType>;
/** The item an update may set: dates may be `Date`s; the elements the server computes are not offered. */
export type ItemOf<E extends ItemElement> = NonNullable<SetItemFieldTypeInput[E]>;
export type PropertyName<E extends ItemElement> = Exclude<keyof ItemOf<E>, `$${string}`> & string;

/** An update by explicit path; `item` is the content of the wrapper element, e.g. `{ EmailAddresses: [...] }`. */
export type PathUpdate<E extends ItemElement = ItemElement> =
  | { readonly set: PathLike; readonly item: Partial<ItemOf<E>> }
  | { readonly append: PathLike; readonly item: Partial<ItemOf<E>> }
  | { readonly delete: PathLike };

export interface ItemChangeOf<E extends ItemElement> {
  readonly id: ItemIdInput;
  /** The item's element, which picks the FieldURIs and the wrapper element; `Item` when absent. */
  readonly itemType: E;
  /** New property values: SetItemField each. */
  readonly set?: Partial<ItemOf<E>>;
  /** Values appended to a property (Body, recipients, attendees…): AppendToItemField each. */
  readonly append?: Partial<ItemOf<E>>;
  /** Properties (by name, or any path) to remove: DeleteItemField each. */
  readonly delete?: readonly (PropertyName<E> | PathLike)[];
  readonly paths?: readonly PathUpdate<E>[];
}

export type ItemChange =
  | { [E in ItemElement]: ItemChangeOf<E> }[ItemElement]
  | (Omit<ItemChangeOf<'Item'>, 'itemType'> & { readonly itemType?: undefined });

type UpdateEntry = NonEmptyArrayOfItemChangeDescriptionsTypeEntry;

/** The ItemChange for one change; ItemInputError when it cannot be expressed. */
export function itemChangeOf(change: ItemChange, schema: SchemaSet): ItemChangeType {
  const element: string = change.itemType ?? 'Item';
  const typeName = shapesOf(schema).wrapperTypes.get(element);
  if (!typeName) throw new ItemInputError(`${JSON.stringify(element)} is not an item element an update can wrap values in`);
  const pathOfProperty = (prop: string): SinglePath => {
    const uri = fieldUriFor(typeName, prop, schema);
    if (!uri) throw new ItemInputError(`${prop} is not a property of ${typeName} that a FieldURI names (itemType '${element}')`);
    return singlePath(uri);
  };
  const wrap = (kind: 'SetItemField' | 'AppendToItemField', path: SinglePath, content: object): UpdateEntry =>
    ({ $el: kind, ...path, [element]: content }) as UpdateEntry;

  const updates: UpdateEntry[] = [];
  for (const [prop, value] of definedEntries(change.set)) updates.push(wrap('SetItemField', pathOfProperty(prop), { [prop]: value }));
  for (const [prop, value] of definedEntries(change.append)) updates.push(wrap('AppendToItemField', pathOfProperty(prop), { [prop]: value }));
  for (const target of change.delete ?? []) {
    const path = typeof target === 'string' && !target.includes(':') ? pathOfProperty(target) : singlePath(target as PathLike);
    updates.push({ $el: 'DeleteItemField', ...path });
  }
  for (const update of (change.paths ?? []) as readonly PathUpdate[]) {
    if ('delete' in update) updates.push({ $el: 'DeleteItemField', ...singlePath(update.delete) });
    else if ('set' in update) updates.push(wrap('SetItemField', singlePath(update.set), update.item));
    else updates.push(wrap('AppendToItemField', singlePath(update.append), update.item));
  }
  if (updates.length === 0) throw new ItemInputError('the change has nothing to set, append or delete');
  return { ...changeTarget(change.id, schema), Updates: updates };
}

/** ItemChange names its item by one of its id elements (ItemId, OccurrenceItemId, RecurringMasterItemId). */
function changeTarget(id: ItemIdInput, schema: SchemaSet): Partial<ItemChangeType> {
  const { $el, ...value } = itemIdEntry(id, schema);
  if (!shapesOf(schema).changeTargets.has($el)) throw new ItemInputError(`an update cannot address an item by ${$el}`);
  return { [$el]: value };
}

function definedEntries(values: object | undefined): [string, unknown][] {
  return values ? Object.entries(values).filter(([, value]) => value !== undefined) : [];
}

interface ChangeShapes {
  /** Wrapper element → its type (`CalendarItem` → `CalendarItemType`), from t:SetItemFieldType. */
  readonly wrapperTypes: ReadonlyMap<string, string>;
  /** The id elements t:ItemChangeType accepts. */
  readonly changeTargets: ReadonlySet<string>;
}

const shapesBySchema = new WeakMap<SchemaSet, ChangeShapes>();

function shapesOf(schema: SchemaSet): ChangeShapes {
  let shapes = shapesBySchema.get(schema);
  if (!shapes) {
    shapes = {
      wrapperTypes: new Map(choiceElements(schema, 'SetItemFieldType').map((e) => [e.prop, e.type])),
      changeTargets: new Set(choiceElements(schema, 'ItemChangeType').map((e) => e.prop)),
    };
    shapesBySchema.set(schema, shapes);
  }
  return shapes;
}

/** The alternatives of the (single) choice a complex type declares itself. */
function choiceElements(schema: SchemaSet, typeName: string): { prop: string; type: string }[] {
  const type = schema.types[typeName];
  if (type?.kind !== 'complex') return [];
  return type.fields.flatMap((f) => (f.kind === 'element' && f.choice ? [{ prop: f.prop, type: f.element.type }] : []));
}
