import type { ComplexTypeDesc } from '../../src/schema/descriptors';
import { readElement, readValueAs, writeElement, writeValueAs } from '../../src/runtime';
import { miniSchema } from './fixtures/mini-schema';
import { sampleValue, TRICKY_TEXT } from './fixtures/sample-values';

const complexTypes = Object.values(miniSchema.types).filter((desc): desc is ComplexTypeDesc => desc.kind === 'complex');
const concreteTypes = complexTypes.filter((desc) => !desc.abstract).map((desc) => desc.name);
const simpleTypes = Object.values(miniSchema.types).filter((desc) => desc.kind === 'simple').map((desc) => desc.name);
const concreteElements = Object.entries(miniSchema.elements).filter(([, desc]) => !desc.abstract).map(([key]) => key);

/** Write a value as `typeName` under an element `t:Root`, read it back as `typeName`. */
function roundTripType(typeName: string, value: unknown): unknown {
  return readValueAs(miniSchema, writeValueAs(miniSchema, { name: 'Root', ns: 't' }, typeName, value), typeName);
}

describe('write → read returns the value written', () => {
  test.each(concreteTypes)('complex type %s', (typeName) => {
    const value = sampleValue(miniSchema, typeName);
    expect(roundTripType(typeName, value)).toEqual(value);
  });

  test.each(simpleTypes)('simple type %s', (typeName) => {
    const value = sampleValue(miniSchema, typeName);
    expect(roundTripType(typeName, value)).toEqual(value);
  });

  test.each(concreteElements)('global element %s', (key) => {
    const value = sampleValue(miniSchema, miniSchema.elements[key].type);
    expect(readElement(miniSchema, writeElement(miniSchema, key, value), key)).toEqual(value);
  });

  test.each(complexTypes.filter((desc) => desc.abstract).map((desc) => desc.name))('abstract type %s through xsi:type of a derived type', (typeName) => {
    const derived = complexTypes.find((desc) => !desc.abstract && desc.base === typeName)
      ?? complexTypes.find((desc) => !desc.abstract && desc.base && miniSchema.types[desc.base] && (miniSchema.types[desc.base] as ComplexTypeDesc).base === typeName);
    expect(derived).toBeDefined();
    const value = { $type: derived!.name, ...(sampleValue(miniSchema, derived!.name) as object) };
    expect(roundTripType(typeName, value)).toEqual(value);
  });

  test('the sample values really contain the characters that need escaping', () => {
    const xml = writeValueAs(miniSchema, { name: 'Root', ns: 't' }, 'ValueKindsType', sampleValue(miniSchema, 'ValueKindsType'));
    expect(xml).toContain('Q3 &lt;draft> &amp; "final" \'v2\' – café 😀&#xD;\nnext\tline');
    expect(TRICKY_TEXT).toContain('\r');
  });

  test('every value kind keeps its exact lexical form or JS value', () => {
    const value = {
      IntAttr: -2147483648, FlagAttr: false, DaysAttr: ['Monday', 'Friday'],
      Str: '  spaced  ', Token: 'a-token', Uri: 'https://contoso.com/?a=1&b=2', Flag: false, Int: 2147483647,
      Long: 9007199254740991, Short: -32768, Byte: 127, UnsignedByte: 255, UnsignedInt: 4294967295, Integer: -5,
      NonNegative: 0, Decimal: 0.0000001, Double: -Infinity, Float: NaN, DateTime: '2026-03-29T01:59:59.9999999-07:00',
      Date: '2026-03-29Z', Time: '23:59:60', Duration: '-P1Y2M3DT4H5M6.789S', Base64: 'AAEC/w==', Hex: 'ff00',
      Tag: '4096', Days: ['Sunday'], Ints: [1, -2, 3], Importance: 'Critical', Doubles: [Infinity, 1.5e-300, 0],
    };
    expect(roundTripType('ValueKindsType', value)).toEqual(value);
  });
});
