/**
 * Views: which page of the results, with which properties, in which order. The indexed view is the
 * default (`{ pageSize, offset, basePoint }`); fractional, seek-to-condition and calendar views are
 * chosen by `kind`. Each becomes the one paging element of FindItem / FindFolder.
 */
import type { FindFolderType, FindItemType } from '../../generated/messages';
import type {
  DefaultShapeNamesType, FieldOrderType, FolderQueryTraversalType, FolderResponseShapeType, IndexBasePointType,
  ItemQueryTraversalType, ItemResponseShapeType, SortDirectionType,
} from '../../generated/types';
import { singlePath, toPath, type PathLike } from '../schema/paths';
import type { WithNewer } from '../schema/release-types';
import { toRestriction, type SearchFilter } from './restrictions';

/** Base shape plus extra properties: `propertySet('IdOnly', ['item:Subject', 'message:From'])`. */
export function propertySet(baseShape: DefaultShapeNamesType, additionalProperties: readonly PathLike[] = []): ItemResponseShapeType & FolderResponseShapeType {
  return additionalProperties.length === 0 ? { BaseShape: baseShape } : { BaseShape: baseShape, AdditionalProperties: additionalProperties.map(toPath) };
}

export interface SortField {
  readonly path: PathLike;
  /** Ascending when omitted. */
  readonly direction?: SortDirectionType;
}

interface PageSize {
  /** MaxEntriesReturned; the server's own limit when omitted. */
  readonly pageSize?: number;
}

interface IndexedPosition {
  /** Entries to skip from the base point; 0 when omitted. */
  readonly offset?: number;
  /** Beginning when omitted. */
  readonly basePoint?: IndexBasePointType;
}

interface FractionalPosition {
  readonly kind: 'fractional';
  /** Start at numerator/denominator of the way through the results (e.g. 1/2: the middle). */
  readonly numerator: number;
  readonly denominator: number;
}

interface SeekPosition {
  readonly kind: 'seekToCondition';
  /** The page starts at the first entry (from the base point) that matches. */
  readonly condition: SearchFilter;
  readonly basePoint?: IndexBasePointType;
}

interface ItemViewOptions extends PageSize {
  /** Default shape when omitted. */
  readonly propertySet?: ItemResponseShapeType;
  /** Shallow when omitted. */
  readonly traversal?: ItemQueryTraversalType;
  /** Sort fields, most significant first; inside each group when the search is grouped. */
  readonly orderBy?: readonly SortField[];
}

export interface IndexedItemView extends ItemViewOptions, IndexedPosition { readonly kind?: 'indexed' }
export interface FractionalItemView extends ItemViewOptions, FractionalPosition {}
export interface SeekToConditionItemView extends ItemViewOptions, SeekPosition {}

/** The occurrences of recurring items between `start` and `end`, expanded (Exchange cannot sort or offset this view). */
export interface CalendarItemView extends PageSize {
  readonly kind: 'calendar';
  readonly start: string | Date;
  readonly end: string | Date;
  readonly propertySet?: ItemResponseShapeType;
  readonly traversal?: ItemQueryTraversalType;
}

export type ItemView = IndexedItemView | FractionalItemView | SeekToConditionItemView | CalendarItemView;

interface FolderViewOptions extends PageSize {
  readonly propertySet?: FolderResponseShapeType;
  /** Shallow when omitted; Deep searches the whole subtree. */
  readonly traversal?: FolderQueryTraversalType;
}

export interface IndexedFolderView extends FolderViewOptions, IndexedPosition { readonly kind?: 'indexed' }
export interface FractionalFolderView extends FolderViewOptions, FractionalPosition {}
export type FolderView = IndexedFolderView | FractionalFolderView;

// SeekToConditionPageItemView is Exchange 2013's: `never` in an SDK generated from an older release's schema.
type ItemViewPart = Pick<WithNewer<FindItemType, 'SeekToConditionPageItemView'>, 'Traversal' | 'ItemShape' | 'IndexedPageItemView' | 'FractionalPageItemView' | 'SeekToConditionPageItemView' | 'CalendarView' | 'SortOrder'>;

/** The parts of a FindItem request that the view decides. */
export function itemViewPart(view: ItemView): ItemViewPart {
  const part: ItemViewPart = { Traversal: view.traversal ?? 'Shallow', ItemShape: view.propertySet ?? { BaseShape: 'Default' } };
  const max = maxEntries(view);
  switch (view.kind) {
    case 'calendar':
      part.CalendarView = { ...max, StartDate: dateTimeText(view.start), EndDate: dateTimeText(view.end) };
      return part;
    case 'fractional':
      part.FractionalPageItemView = { ...max, Numerator: view.numerator, Denominator: view.denominator };
      break;
    case 'seekToCondition':
      part.SeekToConditionPageItemView = { ...max, BasePoint: view.basePoint ?? 'Beginning', Condition: toRestriction(view.condition) } as unknown as ItemViewPart['SeekToConditionPageItemView'];
      break;
    default:
      part.IndexedPageItemView = { ...max, Offset: view.offset ?? 0, BasePoint: view.basePoint ?? 'Beginning' };
  }
  if (view.orderBy?.length) part.SortOrder = view.orderBy.map(fieldOrder);
  return part;
}

type FolderViewPart = Pick<FindFolderType, 'Traversal' | 'FolderShape' | 'IndexedPageFolderView' | 'FractionalPageFolderView'>;

/** The parts of a FindFolder request that the view decides. */
export function folderViewPart(view: FolderView): FolderViewPart {
  const part: FolderViewPart = { Traversal: view.traversal ?? 'Shallow', FolderShape: view.propertySet ?? { BaseShape: 'Default' } };
  const max = maxEntries(view);
  if (view.kind === 'fractional') part.FractionalPageFolderView = { ...max, Numerator: view.numerator, Denominator: view.denominator };
  else part.IndexedPageFolderView = { ...max, Offset: view.offset ?? 0, BasePoint: view.basePoint ?? 'Beginning' };
  return part;
}

export function fieldOrder(field: SortField): FieldOrderType {
  return { Order: field.direction ?? 'Ascending', ...singlePath(field.path) };
}

function maxEntries(view: PageSize): { MaxEntriesReturned?: number } {
  return view.pageSize === undefined ? {} : { MaxEntriesReturned: view.pageSize };
}

function dateTimeText(value: string | Date): string {
  return typeof value === 'string' ? value : value.toISOString();
}
