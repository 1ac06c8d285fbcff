/**
 * The change descriptions of UpdateItem (SetItemField, AppendToItemField, DeleteItemField) applied to a
 * copy of an item's properties, all or nothing, with Exchange's checks: the path must suit the item
 * type, server-computed properties cannot be written, a SetItemField item carries exactly one property,
 * and only recipient, attendee and body properties can be appended to.
 */
import type * as t from '../../../generated/types';
import { ITEM_ELEMENTS } from '../store/catalog';
import type { ItemData, ItemElement } from '../store/records';
import type { SimulatorState } from '../store/state';
import { ResponseError } from './errors';
import { normaliseDateTimes, resolveRecipients } from './new-items';
import { type PropertyPath, resolveChoice } from './property-paths';
import { typeOfElement } from './schema-facts';

type ChangeEntry = t.NonEmptyArrayOfItemChangeDescriptionsTypeEntry;

const READ_ONLY: ReadonlySet<string> = new Set(['ItemId', 'ParentFolderId', 'DateTimeCreated', 'LastModifiedTime', 'Size',
  'HasAttachments', 'Attachments', 'DisplayTo', 'DisplayCc', 'DisplayBcc', 'EffectiveRights', 'ConversationId', 'ResponseObjects',
  'CalendarItemType', 'IsRecurring', 'FirstOccurrence', 'LastOccurrence', 'ModifiedOccurrences', 'DeletedOccurrences', 'Organizer', 'MyResponseType']);
const APPENDABLE: ReadonlySet<string> = new Set(['ToRecipients', 'CcRecipients', 'BccRecipients', 'ReplyTo', 'RequiredAttendees', 'OptionalAttendees', 'Resources', 'Body']);

/** The top-level properties a set of changes touches (for conflict detection before applying them). */
export function touchedProperties(changes: readonly ChangeEntry[]): string[] {
  return [...new Set(changes.map((change) => resolveChoice(change).property).filter((p): p is string => p !== undefined))];
}

/** Applies the changes to a copy of `data`; returns the new properties and which top-level ones changed. */
export function applyChanges(state: SimulatorState, element: ItemElement, data: ItemData, changes: readonly ChangeEntry[]): { data: ItemData; changed: string[] } {
  const draft: ItemData = { ...data };
  const changed = new Set<string>();
  const type = typeOfElement(element);
  for (const change of changes) {
    const path = resolveChoice(change);
    if (!path.appliesTo(type)) throw new ResponseError('ErrorInvalidPropertyRequest', undefined, path.messageXml);
    for (const property of applyOne(state, type, path, change, draft)) changed.add(property);
  }
  return { data: draft, changed: [...changed] };
}

function applyOne(state: SimulatorState, type: string, path: PropertyPath, change: ChangeEntry, draft: ItemData): string[] {
  const readOnly = path.property !== undefined && READ_ONLY.has(path.property);
  switch (change.$el) {
    case 'DeleteItemField':
      if (readOnly) throw new ResponseError('ErrorInvalidPropertyDelete', undefined, path.messageXml);
      return path.remove(draft);
    case 'SetItemField':
      if (readOnly) throw new ResponseError('ErrorInvalidPropertySet', undefined, path.messageXml);
      return path.write(draft, valueOf(state, type, change));
    case 'AppendToItemField': {
      if (!path.property || !APPENDABLE.has(path.property)) throw new ResponseError('ErrorInvalidPropertyAppend', undefined, path.messageXml);
      return append(draft, path.property, valueOf(state, type, change));
    }
  }
}

/** The item of a Set/AppendToItemField, holding exactly one property, normalised like a new item's. */
function valueOf(state: SimulatorState, type: string, change: t.SetItemFieldType | t.AppendToItemFieldType): ItemData {
  const holder = change as Partial<Record<string, t.ItemType>>;
  const element = ITEM_ELEMENTS.find((candidate) => holder[candidate] !== undefined);
  const value = element ? (structuredClone(holder[element]) as ItemData) : undefined;
  const properties = value ? Object.keys(value).filter((key) => !key.startsWith('$')) : [];
  if (!value || properties.length !== 1) throw new ResponseError('ErrorIncorrectUpdatePropertyCount');
  normaliseDateTimes(value, type);
  resolveRecipients(state, value);
  return value;
}

function append(draft: ItemData, property: string, value: ItemData): string[] {
  const added = value[property];
  if (added === undefined) throw new ResponseError('ErrorIncorrectUpdatePropertyCount');
  const current = draft[property];
  if (property === 'Body') {
    const body = added as t.BodyType;
    const existing = current as t.BodyType | undefined;
    draft.Body = existing ? { ...existing, $value: existing.$value + body.$value } : body;
  } else {
    draft[property] = [...((current as unknown[] | undefined) ?? []), ...(added as unknown[])];
  }
  return [property];
}
