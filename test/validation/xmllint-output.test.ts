import { parseXmllintOutput } from '../../src/validation/xmllint-output';

describe('parseXmllintOutput', () => {
  const names = ['d0.xml', 'd1.xml', 'd2.xml'];

  it('gives each document its own errors and verdict, ignoring schema compiler warnings', () => {
    const stderr = [
      "validation/roundtrip.xsd:5: element import: Schemas parser warning : Element 'import': Skipping import",
      'd0.xml validates',
      "d1.xml:3: Schemas validity error : Element 'a': This element is not expected.",
      "d1.xml:7: Schemas validity error : Element 'b': [facet 'enumeration'] The value 'x' is not ...",
      'd1.xml fails to validate',
      'd2.xml validates',
      '',
    ].join('\n');
    expect(parseXmllintOutput(stderr, names)).toEqual([
      { valid: true, errors: [] },
      {
        valid: false,
        errors: [
          "line 3: Schemas validity error : Element 'a': This element is not expected.",
          "line 7: Schemas validity error : Element 'b': [facet 'enumeration'] The value 'x' is not ...",
        ],
      },
      { valid: true, errors: [] },
    ]);
  });

  it('keeps the lines under an error (quoted source, multi-line values) with that error', () => {
    const stderr = [
      'd0.xml:2: parser error : Opening and ending tag mismatch: b line 1 and a',
      '<a><b></a>',
      '          ^',
      "d1.xml:1: Schemas validity error : Element 'a': 'two",
      "lines' is not a valid value.",
      'd1.xml fails to validate',
      'd2.xml validates',
    ].join('\n');
    const [first, second] = parseXmllintOutput(stderr, names);
    expect(first).toEqual({ valid: false, errors: ['line 2: parser error : Opening and ending tag mismatch: b line 1 and a\n<a><b></a>\n          ^'] });
    expect(second.errors).toEqual(["line 1: Schemas validity error : Element 'a': 'two\nlines' is not a valid value."]);
  });

  it('counts a document without a verdict as invalid, and says so when libxml2 printed nothing for it', () => {
    expect(parseXmllintOutput('d0.xml validates\n', ['d0.xml', 'd1.xml'])).toEqual([
      { valid: true, errors: [] },
      { valid: false, errors: ['xmllint reported no verdict for this document'] },
    ]);
  });

  it('does not take a document name that merely starts like another for that document', () => {
    const stderr = 'd10.xml:1: Schemas validity error : bad\nd10.xml fails to validate\nd1.xml validates\n';
    expect(parseXmllintOutput(stderr, ['d1.xml', 'd10.xml'])).toEqual([
      { valid: true, errors: [] },
      { valid: false, errors: ['line 1: Schemas validity error : bad'] },
    ]);
  });
});
