/**
 * SortOrder and grouping (GroupBy / DistinguishedGroupBy) over records. Sort keys are computed once
 * per record, not per comparison. Groups are ordered by their aggregate (the Minimum or Maximum of
 * AggregateOn over the group's records) in the GroupBy Order; records keep the sort order within a group.
 */
import type * as t from '../../../generated/types';
import { type Data, type PathChoice, type PropertyPath, resolveChoice } from './property-paths';
import { compareScalars, groupKeyOf, type Scalar, scalarsOf } from './value-compare';

export interface SortField {
  readonly path: PropertyPath;
  readonly descending: boolean;
}

export function sortFieldsOf(orders: readonly t.FieldOrderType[]): SortField[] {
  return orders.map((order) => ({ path: resolveChoice(order), descending: order.Order === 'Descending' }));
}

/** Sorts records by the fields in turn; a record without a value sorts before those with one (ascending). */
export function sortRecords<T>(records: readonly T[], fields: readonly SortField[], dataOf: (record: T) => Data): T[] {
  const keyed = records.map((record, position) => ({ record, position, keys: fields.map((field) => scalarsOf(field.path.read(dataOf(record)), field.path.kind)[0]) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const order = compareOptional(a.keys[i], b.keys[i]);
      if (order !== 0) return fields[i].descending ? -order : order;
    }
    return a.position - b.position;
  });
  return keyed.map((entry) => entry.record);
}

export interface Group<T> {
  /** Position among all groups of the view (t:GroupIndex). */
  readonly index: number;
  readonly records: T[];
}

export interface Grouping {
  readonly path: PropertyPath;
  readonly aggregateOn: PropertyPath;
  readonly aggregate: t.AggregateType;
  readonly descending: boolean;
}

/** Outlook's conversation arrangement: by ConversationTopic, conversations ordered by their latest message. */
const STANDARD_GROUPINGS: Readonly<Record<t.StandardGroupByType, { groupBy: PathChoice; aggregateOn: PathChoice; aggregate: t.AggregateType }>> = {
  ConversationTopic: {
    groupBy: { FieldURI: { FieldURI: 'message:ConversationTopic' } },
    aggregateOn: { FieldURI: { FieldURI: 'item:DateTimeReceived' } },
    aggregate: 'Maximum',
  },
};

export function groupingOf(groupBy: t.GroupByType | undefined, distinguished: t.DistinguishedGroupByType | undefined): Grouping | undefined {
  if (groupBy) {
    return { path: resolveChoice(groupBy), aggregateOn: resolveChoice(groupBy.AggregateOn), aggregate: groupBy.AggregateOn.Aggregate, descending: groupBy.Order === 'Descending' };
  }
  if (!distinguished) return undefined;
  const standard = STANDARD_GROUPINGS[distinguished.StandardGroupBy];
  return { path: resolveChoice(standard.groupBy), aggregateOn: resolveChoice(standard.aggregateOn), aggregate: standard.aggregate, descending: distinguished.Order === 'Descending' };
}

/** Groups sorted records; records without the grouped property form one group of their own. */
export function groupRecords<T>(records: readonly T[], grouping: Grouping, dataOf: (record: T) => Data): Group<T>[] {
  const byKey = new Map<Scalar | undefined, { records: T[]; aggregate?: Scalar; first: number }>();
  records.forEach((record, position) => {
    const data = dataOf(record);
    const key = groupKeyOf(grouping.path.read(data), grouping.path.kind);
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = { records: [], first: position }));
    group.records.push(record);
    for (const value of scalarsOf(grouping.aggregateOn.read(data), grouping.aggregateOn.kind)) {
      const order = group.aggregate === undefined ? 0 : compareScalars(value, group.aggregate);
      if (group.aggregate === undefined || (grouping.aggregate === 'Minimum' ? order < 0 : order > 0)) group.aggregate = value;
    }
  });
  const ordered = [...byKey.values()].sort((a, b) => {
    const order = compareOptional(a.aggregate, b.aggregate);
    return order !== 0 ? (grouping.descending ? -order : order) : a.first - b.first;
  });
  return ordered.map((group, index) => ({ index, records: group.records }));
}

function compareOptional(a: Scalar | undefined, b: Scalar | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return compareScalars(a, b);
}
