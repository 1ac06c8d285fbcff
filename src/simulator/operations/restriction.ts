/**
 * t:Restriction compiled once per request into a predicate over records (items or folders). As in the
 * Exchange store, a comparison with a property the record does not have is false (use Exists or Not);
 * a multi-valued property matches when any of its values does.
 */
import type * as t from '../../../generated/types';
import { ResponseError } from './errors';
import { pathOf } from '../../schema/paths';
import { type Data, type PropertyPath, resolveChoice, resolvePath } from './property-paths';
import { compareScalars, constantOf, type Scalar, scalarsOf } from './value-compare';

export type Predicate = (record: Data) => boolean;

const COMPARISONS = {
  IsEqualTo: (order: number) => order === 0,
  IsNotEqualTo: (order: number) => order !== 0,
  IsGreaterThan: (order: number) => order > 0,
  IsGreaterThanOrEqualTo: (order: number) => order >= 0,
  IsLessThan: (order: number) => order < 0,
  IsLessThanOrEqualTo: (order: number) => order <= 0,
} as const;
type ComparisonName = keyof typeof COMPARISONS;
const OPERATORS = ['IsEqualTo', 'IsNotEqualTo', 'IsGreaterThan', 'IsGreaterThanOrEqualTo', 'IsLessThan', 'IsLessThanOrEqualTo', 'Contains', 'Excludes', 'Exists', 'Not', 'And', 'Or', 'Near', 'SearchExpression'] as const;
type OperatorName = (typeof OPERATORS)[number];

/** A restriction, or the operand of Not: exactly one operator property is set. */
type OperatorChoice = Partial<Record<OperatorName, unknown>>;

export function compileRestriction(restriction: t.RestrictionType): Predicate {
  return compileChoice(restriction as OperatorChoice);
}

function compileChoice(choice: OperatorChoice): Predicate {
  const operator = OPERATORS.find((name) => choice[name] !== undefined);
  if (!operator) throw new ResponseError('ErrorInvalidRestriction', 'The restriction is empty.');
  return compileOperator(operator, choice[operator] as Record<string, unknown>);
}

function compileOperator(operator: OperatorName, expression: Record<string, unknown>): Predicate {
  switch (operator) {
    case 'And': case 'Or': {
      const operands = (expression as unknown as t.MultipleOperandBooleanExpressionType).SearchExpression
        .map((entry) => compileOperator(entry.$el as OperatorName, entry as unknown as Record<string, unknown>));
      return operator === 'And' ? (record) => operands.every((p) => p(record)) : (record) => operands.some((p) => p(record));
    }
    case 'Not': {
      const operand = compileChoice(expression as OperatorChoice);
      return (record) => !operand(record);
    }
    case 'Exists': {
      const path = resolveChoice(expression);
      return (record) => exists(path, record);
    }
    case 'Contains': return compileContains(expression as unknown as t.ContainsExpressionType);
    case 'Excludes': return compileExcludes(expression as unknown as t.ExcludesType);
    case 'SearchExpression': return compileTypedExpression(expression);
    case 'Near': throw new ResponseError('ErrorUnsupportedQueryFilter', 'The Near restriction is not supported.');
    default: return compileComparison(operator, expression as unknown as t.TwoOperandExpressionType);
  }
}

/** A t:SearchExpression written with xsi:type (`IsEqualToType`) instead of its own element name. */
function compileTypedExpression(expression: Record<string, unknown>): Predicate {
  const type = String(expression.$type ?? '');
  const operator = type === 'ContainsExpressionType' ? 'Contains' : type.replace(/Type$/, '');
  if (!OPERATORS.includes(operator as OperatorName) || operator === 'SearchExpression') throw new ResponseError('ErrorInvalidRestriction', `Unknown search expression ${type}.`);
  return compileOperator(operator as OperatorName, expression);
}

function compileComparison(operator: ComparisonName, expression: t.TwoOperandExpressionType): Predicate {
  const holds = COMPARISONS[operator];
  const path = resolveChoice(expression);
  const right = operandOf(expression.FieldURIOrConstant, path);
  return (record) => {
    const left = scalarsOf(path.read(record), path.kind);
    const others = right(record);
    return left.some((value) => others.some((other) => holds(compareScalars(value, other))));
  };
}

/** The right-hand side: a constant read as the left property's kind, or another property. */
function operandOf(operand: t.FieldURIOrConstantType, left: PropertyPath): (record: Data) => Scalar[] {
  if (operand.Constant) {
    const constant = [constantOf(operand.Constant.Value, left.kind)];
    return () => constant;
  }
  const entry = pathOf(operand);
  if (!entry) throw new ResponseError('ErrorInvalidRestriction', 'FieldURIOrConstant is empty.');
  const other = resolvePath(entry);
  return (record) => scalarsOf(other.read(record), left.kind);
}

function compileContains(expression: t.ContainsExpressionType): Predicate {
  const path = resolveChoice(expression);
  if (path.kind !== 'string' && path.kind !== 'complex') throw new ResponseError('ErrorContainsFilterWrongType' as string as ResponseError['code']); // Exchange 2010 SP1 and later
  const normalise = normaliserFor(expression.ContainmentComparison ?? 'Exact');
  const wanted = normalise(expression.Constant.Value);
  const matches = matcherFor(expression.ContainmentMode ?? 'FullString');
  return (record) => scalarsOf(path.read(record), path.kind).some((value) => matches(normalise(String(value)), wanted));
}

function normaliserFor(comparison: t.ContainmentComparisonType): (text: string) => string {
  const ignoreCase = comparison !== 'Exact' && comparison !== 'IgnoreNonSpacingCharacters' && comparison !== 'LooseAndIgnoreNonSpace';
  const ignoreNonSpacing = /NonSpac|Loose/.test(comparison);
  return (text) => {
    let result = ignoreNonSpacing ? text.normalize('NFD').replace(/\p{Mn}/gu, '') : text;
    if (ignoreCase) result = result.toLowerCase();
    return result;
  };
}

function matcherFor(mode: t.ContainmentModeType): (text: string, wanted: string) => boolean {
  switch (mode) {
    case 'FullString': return (text, wanted) => text === wanted;
    case 'Prefixed': return (text, wanted) => text.startsWith(wanted);
    case 'Substring': return (text, wanted) => text.includes(wanted);
    case 'PrefixOnWords': return (text, wanted) => wordStarts(text).some((at) => text.startsWith(wanted, at));
    case 'ExactPhrase': return (text, wanted) => wordStarts(text).some((at) => text.startsWith(wanted, at) && !isWordChar(text[at + wanted.length]));
  }
}

function wordStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) if (isWordChar(text[i]) && !isWordChar(text[i - 1])) starts.push(i);
  return starts;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}_]/u.test(char);
}

/** Excludes: true when the number has none of the bitmask's bits set. */
function compileExcludes(expression: t.ExcludesType): Predicate {
  const path = resolveChoice(expression);
  const mask = Number(expression.Bitmask.Value);
  if (!Number.isInteger(mask)) throw new ResponseError('ErrorInvalidExcludesRestriction', 'The Excludes bitmask is not a number.');
  return (record) => scalarsOf(path.read(record), 'number').some((value) => typeof value === 'number' && (value & mask) === 0);
}

function exists(path: PropertyPath, record: Data): boolean {
  const value = path.read(record);
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}
