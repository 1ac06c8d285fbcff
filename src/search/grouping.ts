/**
 * Grouped searches: items with the same value of `groupOn` form a group; the view's orderBy sorts the
 * items inside each group; the groups are sorted by the minimum or maximum of `aggregateOn` over their
 * items, in `sortDirection`.
 */
import type { FindItemType } from '../../generated/messages';
import type { AggregateType, SortDirectionType, StandardGroupByType } from '../../generated/types';
import { singlePath, type PathLike } from '../schema/paths';
import { TooManySortFieldsError } from './errors';

export interface Grouping {
  readonly groupOn: PathLike;
  readonly aggregateOn: PathLike;
  readonly aggregateType: AggregateType;
  /** Order of the groups; Ascending when omitted. */
  readonly sortDirection?: SortDirectionType;
}

/** A grouping Exchange predefines (ConversationTopic). */
export interface DistinguishedGrouping {
  readonly standardGroupBy: StandardGroupByType;
  readonly sortDirection?: SortDirectionType;
}

export type ItemGrouping = Grouping | DistinguishedGrouping;

/** Exchange rejects a grouped query with more sort columns than this (see TooManySortFieldsError). */
export const MAX_GROUPED_SORT_FIELDS = 4;

/** The GroupBy or DistinguishedGroupBy of the request; checks the sort fields it will be sent with. */
export function groupingPart(grouping: ItemGrouping, sortFieldCount: number): Pick<FindItemType, 'GroupBy' | 'DistinguishedGroupBy'> {
  if (sortFieldCount > MAX_GROUPED_SORT_FIELDS) throw new TooManySortFieldsError(sortFieldCount, MAX_GROUPED_SORT_FIELDS);
  const Order = grouping.sortDirection ?? 'Ascending';
  if ('standardGroupBy' in grouping) return { DistinguishedGroupBy: { Order, StandardGroupBy: grouping.standardGroupBy } };
  return {
    GroupBy: {
      Order,
      ...singlePath(grouping.groupOn),
      AggregateOn: { Aggregate: grouping.aggregateType, ...singlePath(grouping.aggregateOn) },
    },
  };
}
