/**
 * Search filters over the t:SearchExpression substitution group, built as typed values:
 *
 *   and(isEqualTo('message:IsRead', false),
 *       contains('item:Subject', 'report', { mode: 'Substring', comparison: 'IgnoreCase' }),
 *       not(exists('item:Categories')))
 *
 * A filter is one `$el`-tagged expression, the shape And/Or hold their operands in; `toRestriction`
 * turns it into the single-choice shape of t:RestrictionType (and Not holds its operand in).
 */
import type { FindItemType } from '../../generated/messages';
import type { PropertyOf } from '../schema/release-types';
import type {
  ContainmentComparisonType, ContainmentModeType, MultipleOperandBooleanExpressionTypeSearchExpressionEntry, NotType,
  RestrictionType,
} from '../../generated/types';
import { singlePath, type PathLike } from '../schema/paths';
import { constantText, type ConstantFor, type ConstantValue } from './constants';
import { InvalidSearchError } from './errors';

/** m:QueryString (AQS), Exchange 2010 SP1 and later. */
type QueryStringType = PropertyOf<FindItemType, 'QueryString'>;

/** One search expression: `IsEqualTo`, `Contains`, `And`… tagged with its element name. */
export type SearchFilter = MultipleOperandBooleanExpressionTypeSearchExpressionEntry;

/** An Advanced Query Syntax search (`m:QueryString`), e.g. `subject:report AND from:bob`. */
export interface AqsQuery {
  readonly queryString: QueryStringType;
}

/** What findItems narrows its results by: a typed filter or an AQS query. */
export type ItemRestriction = SearchFilter | AqsQuery;

type Comparison = 'IsEqualTo' | 'IsNotEqualTo' | 'IsGreaterThan' | 'IsGreaterThanOrEqualTo' | 'IsLessThan' | 'IsLessThanOrEqualTo';

/** The builder of one comparison: the property at `path` against a constant of the property's type. */
function comparison(operator: Comparison) {
  return <P extends PathLike>(path: P, value: ConstantFor<P>): SearchFilter => ({
    $el: operator, ...singlePath(path), FieldURIOrConstant: { Constant: { Value: constantText(path, value as ConstantValue) } },
  });
}

export const isEqualTo = comparison('IsEqualTo');
export const isNotEqualTo = comparison('IsNotEqualTo');
export const isGreaterThan = comparison('IsGreaterThan');
export const isGreaterThanOrEqualTo = comparison('IsGreaterThanOrEqualTo');
export const isLessThan = comparison('IsLessThan');
export const isLessThanOrEqualTo = comparison('IsLessThanOrEqualTo');

export interface ContainsOptions {
  /** Where the text must occur; Exchange's default is FullString. */
  readonly mode?: ContainmentModeType;
  readonly comparison?: ContainmentComparisonType;
}

/** The property contains `text` (string properties, and each member of a string array such as Categories). */
export function contains(path: PathLike, text: string, options: ContainsOptions = {}): SearchFilter {
  return {
    $el: 'Contains',
    ...(options.mode && { ContainmentMode: options.mode }),
    ...(options.comparison && { ContainmentComparison: options.comparison }),
    ...singlePath(path),
    Constant: { Value: text },
  };
}

/** None of the bits of `bitmask` is set in the (integer) property. */
export function excludes(path: PathLike, bitmask: number): SearchFilter {
  if (!Number.isInteger(bitmask) || bitmask < 0) throw new InvalidSearchError(`excludes() needs a non-negative integer bitmask, not ${bitmask}`);
  return { $el: 'Excludes', ...singlePath(path), Bitmask: { Value: String(bitmask) } };
}

/** The property is set on the item (Exchange's only test for absence is `not(exists(…))`). */
export function exists(path: PathLike): SearchFilter {
  return { $el: 'Exists', ...singlePath(path) };
}

export function and(...operands: SearchFilter[]): SearchFilter {
  return { $el: 'And', SearchExpression: nonEmpty('and', operands) };
}

export function or(...operands: SearchFilter[]): SearchFilter {
  return { $el: 'Or', SearchExpression: nonEmpty('or', operands) };
}

export function not(operand: SearchFilter): SearchFilter {
  return { $el: 'Not', ...toSingleChoice(operand) };
}

export interface QueryStringOptions {
  readonly resetCache?: boolean;
  /** Ask for the terms Exchange matched (FindItemsResults.highlightTerms). */
  readonly returnHighlightTerms?: boolean;
  readonly returnDeletedItems?: boolean;
}

export function queryString(aqs: string, options: QueryStringOptions = {}): AqsQuery {
  return {
    queryString: {
      $value: aqs,
      ...(options.resetCache !== undefined && { ResetCache: options.resetCache }),
      ...(options.returnHighlightTerms !== undefined && { ReturnHighlightTerms: options.returnHighlightTerms }),
      ...(options.returnDeletedItems !== undefined && { ReturnDeletedItems: options.returnDeletedItems }),
    } as unknown as QueryStringType, // Exchange 2010 SP1's schema has a plain string here: the 2013 form is what is written
  };
}

/** The t:RestrictionType (also the Condition of a seek view) holding `filter`. */
export function toRestriction(filter: SearchFilter): RestrictionType {
  return toSingleChoice(filter) as RestrictionType;
}

/** A tagged expression as the one optional property a single `t:SearchExpression` slot holds. */
function toSingleChoice(filter: SearchFilter): NotType {
  const { $el, ...expression } = filter;
  return { [$el]: expression } as NotType;
}

function nonEmpty(operator: string, operands: SearchFilter[]): SearchFilter[] {
  // The schema needs at least one operand; an empty and()/or() is most likely a bug in the caller's filter building.
  if (operands.length === 0) throw new InvalidSearchError(`${operator}() needs at least one operand`);
  return operands;
}

export function isAqsQuery(restriction: ItemRestriction): restriction is AqsQuery {
  return 'queryString' in restriction;
}
