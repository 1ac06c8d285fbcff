/**
 * "Structure strict, values forgiving": for each value kind, the forms real servers write, and what the
 * reader makes of them: the value (no diagnostic), the value it means (a `normalized` diagnostic), or
 * the text kept raw in `$invalid` (a `raw` diagnostic). Never an exception.
 */
import { typeReader } from '../../src/runtime/documents';
import type { ReadDiagnostic } from '../../src/runtime/diagnostics';
import { miniSchema } from './fixtures/mini-schema';
import { NS } from './fixtures/read-write';

function read(content: string, attributes = ''): { value: Record<string, unknown>; diagnostics: readonly ReadDiagnostic[] } {
  const reader = typeReader(miniSchema, 'ValueKindsType');
  reader.write(`<t:V ${NS}${attributes}>${content}</t:V>`);
  return { value: reader.end() as Record<string, unknown>, diagnostics: reader.diagnostics };
}

type Case = readonly [kind: string, element: string, text: string, value: unknown];

describe('values in the schema lexical form are read without a diagnostic', () => {
  const cases: Case[] = [
    ['date', 'Date', '2026-12-10', '2026-12-10'],
    ['date with offset', 'Date', '2026-12-10-08:00', '2026-12-10-08:00'],
    ['dateTime with 7 fraction digits (Exchange)', 'DateTime', '2026-12-10T09:00:00.1234567Z', '2026-12-10T09:00:00.1234567Z'],
    ['dateTime with 9 fraction digits (gromox DateTimeReceived)', 'DateTime', '2026-12-10T09:00:00.123456789Z', '2026-12-10T09:00:00.123456789Z'],
    ['time', 'Time', '09:30:00', '09:30:00'],
    ['duration', 'Duration', 'PT30M', 'PT30M'],
    ['boolean 1', 'Flag', '1', true],
    ['int with sign and spaces', 'Int', ' +42 ', 42],
    ['long', 'Long', '9007199254740991', 9007199254740991],
    ['double with exponent', 'Double', '1.5E3', 1500],
    ['decimal', 'Decimal', '-0.25', -0.25],
    ['enum', 'Importance', 'High', 'High'],
    ['list', 'Ints', '1\t2\n3', [1, 2, 3]],
    ['base64 wrapped in lines as MIME writes it', 'Base64', 'SGVs\nbG8=', 'SGVs\nbG8='],
  ];
  test.each(cases)('%s', (_kind, element, text, value) => {
    const { value: read_, diagnostics } = read(`<t:${element}>${text}</t:${element}>`);
    expect(read_[element]).toEqual(value);
    expect(diagnostics).toEqual([]);
  });
});

describe('known server dialects are read as what they mean, with a normalized diagnostic', () => {
  const cases: Case[] = [
    ['date as a midnight dateTime with six fraction digits (gromox NumberedRecurrence/StartDate)', 'Date', '2026-12-10T00:00:00.000000Z', '2026-12-10'],
    ['date as a midnight dateTime without zone', 'Date', '2026-12-10T00:00:00', '2026-12-10'],
    ['dateTime without seconds', 'DateTime', '2026-12-10T09:30Z', '2026-12-10T09:30:00Z'],
    ['boolean in .NET capitals', 'Flag', 'True', true],
    ['boolean in capitals', 'Flag', 'FALSE', false],
    ['int with a zero fraction', 'Int', '30.0', 30],
    ['int with an exponent', 'Int', '3E2', 300],
    ['decimal with an exponent', 'Decimal', '2.5E-1', 0.25],
  ];
  test.each(cases)('%s', (_kind, element, text, value) => {
    const { value: read_, diagnostics } = read(`<t:${element}>${text}</t:${element}>`);
    expect(read_[element]).toEqual(value);
    expect(read_.$invalid).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ path: `/t:V/t:${element}`, action: 'normalized', value: text })]);
  });
});

describe('values without an unambiguous meaning are kept raw in $invalid, the property absent, with a raw diagnostic', () => {
  const cases: readonly (readonly [kind: string, element: string, text: string, expectedType: string])[] = [
    ['date with a time that is not midnight', 'Date', '2026-12-10T09:00:00Z', 'xs:date'],
    ['dateTime with a space for T', 'DateTime', '2026-12-10 09:00:00', 'xs:dateTime'],
    ['empty dateTime', 'DateTime', '', 'xs:dateTime'],
    ['time with a date', 'Time', '2026-12-10T09:30:00', 'xs:time'],
    ['duration in minutes', 'Duration', '30', 'xs:duration'],
    ['boolean yes', 'Flag', 'yes', 'xs:boolean'],
    ['empty int', 'Int', '', 'xs:int'],
    ['int with a fraction', 'Int', '2.5', 'xs:int'],
    ['int out of range', 'Int', '2147483648', 'xs:int'],
    ['long with thousands separators', 'Long', '1,000', 'xs:long'],
    ['double with a decimal comma', 'Double', '1,5', 'xs:double'],
    ['unsigned byte below zero', 'UnsignedByte', '-1', 'xs:unsignedByte'],
    ['list with a word among ints', 'Ints', '1 two 3', 'IntListType'],
  ];
  test.each(cases)('%s', (_kind, element, text, expectedType) => {
    const { value, diagnostics } = read(`<t:Str>kept</t:Str><t:${element}>${text}</t:${element}><t:Token>after</t:Token>`);
    expect(value).toEqual({ Str: 'kept', Token: 'after', $invalid: { [element]: text } });
    expect(diagnostics).toEqual([expect.objectContaining({ path: `/t:V/t:${element}`, action: 'raw', value: text, expectedType })]);
  });
});

describe('enumerations, attributes and repeated values', () => {
  test('an enumeration value this schema does not know (a newer server) is kept as sent, with a kept diagnostic', () => {
    const { value, diagnostics } = read('<t:Importance>Critical</t:Importance>');
    expect(value).toEqual({ Importance: 'Critical' });
    expect(diagnostics).toEqual([expect.objectContaining({ action: 'kept', expectedType: 'ImportanceChoicesType', value: 'Critical' })]);
  });

  test('an unknown value inside an enumerated list is kept with the rest of the list', () => {
    const { value, diagnostics } = read('<t:Days>Monday Funday</t:Days>');
    expect(value).toEqual({ Days: ['Monday', 'Funday'] });
    expect(diagnostics).toEqual([expect.objectContaining({ action: 'kept', expectedType: 'DayOfWeekType', value: 'Funday' })]);
  });

  test('attributes: a dialect is read as meant, the unreadable one kept raw under its property, the path naming the attribute', () => {
    const { value, diagnostics } = read('', ' IntAttr="7.0" FlagAttr="maybe"');
    expect(value).toEqual({ IntAttr: 7, $invalid: { FlagAttr: 'maybe' } });
    expect(diagnostics.map((d) => [d.path, d.action])).toEqual([['/t:V/@IntAttr', 'normalized'], ['/t:V/@FlagAttr', 'raw']]);
  });

  test('a repeated element keeps its readable values in order and the unreadable ones in an $invalid array', () => {
    const { value } = read('<t:Doubles>1</t:Doubles><t:Doubles>x</t:Doubles><t:Doubles>3</t:Doubles><t:Doubles>y</t:Doubles>');
    expect(value).toEqual({ Doubles: [1, 3], $invalid: { Doubles: ['x', 'y'] } });
  });

  test('a very long unreadable value is kept whole in $invalid and shortened in the diagnostic', () => {
    const text = '9'.repeat(1000);
    const { value, diagnostics } = read(`<t:Int>${text}</t:Int>`);
    expect((value.$invalid as Record<string, string>).Int).toBe(text);
    expect(diagnostics[0].value.length).toBeLessThanOrEqual(201);
  });
});
