/**
 * The restriction builder: the typed RestrictionType values it produces, constants written in the
 * lexical form of the property they are compared with, and constants of the wrong kind refused both
 * by the compiler (`@ts-expect-error` lines, checked by `npm run typecheck`) and at run time.
 */
import { extendedField, field, indexedField } from '../../src/schema/paths';
import {
  and, contains, excludes, exists, InvalidSearchError, isEqualTo, isGreaterThan, isGreaterThanOrEqualTo, isLessThan,
  isLessThanOrEqualTo, isNotEqualTo, not, or, toRestriction,
} from '../../src/search';

describe('filters as typed RestrictionType values', () => {
  it('the lead\'s example: And of IsEqualTo, Contains and Not(Exists), operands as $el entries in order', () => {
    const restriction = toRestriction(and(
      isEqualTo('message:IsRead', false),
      contains('item:Subject', 'report', { mode: 'Substring', comparison: 'IgnoreCase' }),
      not(exists('item:Categories')),
    ));
    expect(restriction).toStrictEqual({
      And: {
        SearchExpression: [
          { $el: 'IsEqualTo', FieldURI: { FieldURI: 'message:IsRead' }, FieldURIOrConstant: { Constant: { Value: 'false' } } },
          { $el: 'Contains', ContainmentMode: 'Substring', ContainmentComparison: 'IgnoreCase', FieldURI: { FieldURI: 'item:Subject' }, Constant: { Value: 'report' } },
          { $el: 'Not', Exists: { FieldURI: { FieldURI: 'item:Categories' } } },
        ],
      },
    });
  });

  it('a single comparison is the one property of the restriction', () => {
    expect(toRestriction(isGreaterThan('item:Size', 1024))).toStrictEqual({
      IsGreaterThan: { FieldURI: { FieldURI: 'item:Size' }, FieldURIOrConstant: { Constant: { Value: '1024' } } },
    });
  });

  it('each comparison operator names its element', () => {
    const operators = [isEqualTo, isNotEqualTo, isGreaterThan, isGreaterThanOrEqualTo, isLessThan, isLessThanOrEqualTo];
    expect(operators.map((operator) => operator('item:Size', 1).$el))
      .toEqual(['IsEqualTo', 'IsNotEqualTo', 'IsGreaterThan', 'IsGreaterThanOrEqualTo', 'IsLessThan', 'IsLessThanOrEqualTo']);
  });

  it('Or nests inside Not; indexed and extended paths keep their own path element', () => {
    const filter = not(or(isEqualTo(indexedField('contacts:PhoneNumber', 'MobilePhone'), '+1 555 0100'), exists(extendedField({ PropertyTag: '0x1081', PropertyType: 'Integer' }))));
    expect(toRestriction(filter)).toStrictEqual({
      Not: {
        Or: {
          SearchExpression: [
            { $el: 'IsEqualTo', IndexedFieldURI: { FieldURI: 'contacts:PhoneNumber', FieldIndex: 'MobilePhone' }, FieldURIOrConstant: { Constant: { Value: '+1 555 0100' } } },
            { $el: 'Exists', ExtendedFieldURI: { PropertyTag: '0x1081', PropertyType: 'Integer' } },
          ],
        },
      },
    });
  });

  it('Excludes writes its bitmask in decimal', () => {
    expect(excludes(extendedField({ PropertyTag: '0x0E07', PropertyType: 'Integer' }), 0x10)).toMatchObject({ $el: 'Excludes', Bitmask: { Value: '16' } });
  });

  it('an empty and() is refused: the schema needs an operand', () => {
    expect(() => and()).toThrow(InvalidSearchError);
  });
});

describe('constants in the lexical form of their property', () => {
  it.each([
    ['a boolean', isEqualTo('item:HasAttachments', true), 'true'],
    ['an integer', isLessThanOrEqualTo('item:Size', 5_000_000), '5000000'],
    ['a Date for a date-time', isGreaterThanOrEqualTo('item:DateTimeReceived', new Date(Date.UTC(2026, 2, 1, 8, 30))), '2026-03-01T08:30:00.000Z'],
    ['a date-time string as given', isLessThan('calendar:Start', '2026-11-23T08:00:00+01:00'), '2026-11-23T08:00:00+01:00'],
    ['an enumeration value', isEqualTo('item:Importance', 'High'), 'High'],
    ['a member of a string array', isEqualTo('item:Categories', 'Blue category'), 'Blue category'],
    ['a number for an Integer extended property', isEqualTo(extendedField({ PropertyTag: '0x0E07', PropertyType: 'Integer' }), 1), '1'],
    ['a Date for a SystemTime extended property', isEqualTo(extendedField({ PropertyTag: '0x0039', PropertyType: 'SystemTime' }), new Date(Date.UTC(2026, 0, 1))), '2026-01-01T00:00:00.000Z'],
  ])('%s', (_, filter, value) => {
    expect(filter).toMatchObject({ FieldURIOrConstant: { Constant: { Value: value } } });
  });
});

describe('constants of the wrong kind', () => {
  it('are compile errors for typed FieldURIs and InvalidSearchErrors at run time', () => {
    // @ts-expect-error message:IsRead is a boolean
    expect(() => isEqualTo('message:IsRead', 'false')).toThrow(InvalidSearchError);
    // @ts-expect-error item:Size is a number
    expect(() => isGreaterThan('item:Size', '10')).toThrow(InvalidSearchError);
    // @ts-expect-error item:Importance is Low, Normal or High
    expect(() => isEqualTo('item:Importance', 'Urgent')).toThrow(InvalidSearchError);
  });

  it('are InvalidSearchErrors at run time where the compiler cannot know the kind', () => {
    expect(() => isEqualTo(field('item:Subject'), new Date())).toThrow(InvalidSearchError);
    expect(() => isEqualTo(extendedField({ PropertyTag: '0x0E07', PropertyType: 'Integer' }), 'one')).toThrow(InvalidSearchError);
    expect(() => isEqualTo('item:Size', 1.5)).toThrow(/item:Size cannot be compared with the number 1.5/);
    expect(() => isEqualTo('item:DateTimeReceived', new Date('not a date'))).toThrow(InvalidSearchError);
  });
});
