import { canonicalize } from '../support/canonical';

const T = 'http://schemas.microsoft.com/exchange/services/2006/types';
const M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const original = `<?xml version="1.0" encoding="utf-8"?>
<m:GetItem xmlns:m="${M}" xmlns:t="${T}" xmlns:xsi="${XSI}">
  <m:ItemShape>
    <t:BaseShape>IdOnly</t:BaseShape>
  </m:ItemShape>
  <m:ItemIds>
    <t:ItemId Id="AAA=" ChangeKey="CK"></t:ItemId>
    <t:Item xsi:type="t:MessageType"><t:Subject>Grüße &lt;&amp;&gt;</t:Subject></t:Item>
  </m:ItemIds>
</m:GetItem>`;

/** Asserts the variant differs as text (so the edit took effect) but not canonically. */
const same = (other: string): void => {
  expect(other).not.toBe(original);
  expect(canonicalize(other)).toEqual(canonicalize(original));
};
const different = (other: string): void => expect(canonicalize(other)).not.toEqual(canonicalize(original));

describe('canonicalize', () => {
  it('writes one line per element and per text, with expanded names and sorted attributes', () => {
    expect(canonicalize(original)).toBe(
      [
        `{${M}}GetItem`,
        `  {${M}}ItemShape`,
        `    {${T}}BaseShape`,
        `      "IdOnly"`,
        `  {${M}}ItemIds`,
        `    {${T}}ItemId {}ChangeKey="CK" {}Id="AAA="`,
        `    {${T}}Item {${XSI}}type="{${T}}MessageType"`,
        `      {${T}}Subject`,
        `        "Grüße <&>"`,
      ].join('\n'),
    );
  });

  it('treats other prefixes, a default namespace and re-prefixed xsi:type values as equal', () => {
    same(original.replace(/\bm:/g, 'msg:').replace('xmlns:m=', 'xmlns:msg='));
    same(
      original
        .replace(/<(\/?)t:/g, '<$1')
        .replace(`xmlns:t="${T}"`, `xmlns="${T}" xmlns:types="${T}"`)
        .replace('xsi:type="t:MessageType"', 'xsi:type="types:MessageType"'),
    );
  });

  it('ignores attribute order, whitespace between elements, text padding, comments and <a></a> versus <a/>', () => {
    same(original.replace('Id="AAA=" ChangeKey="CK"', 'ChangeKey="CK" Id="AAA="'));
    same(original.replace(/>\s+</g, '><'));
    same(original.replace('>IdOnly<', '>\n      IdOnly  <').replace('<m:ItemIds>', '<m:ItemIds><!-- ids -->'));
    same(original.replace('<t:ItemId Id="AAA=" ChangeKey="CK"></t:ItemId>', '<t:ItemId Id="AAA=" ChangeKey="CK"/>'));
    same(original.replace('Grüße &lt;&amp;&gt;', '<![CDATA[Grüße <&>]]>'));
  });

  it('tells a changed text, attribute value, element order or namespace apart', () => {
    different(original.replace('IdOnly', 'AllProperties'));
    different(original.replace('ChangeKey="CK"', 'ChangeKey="CX"'));
    different(original.replace('xsi:type="t:MessageType"', 'xsi:type="t:CalendarItemType"'));
    different(original.replace(/(<m:ItemShape>[\s\S]*<\/m:ItemShape>)(\s*)(<m:ItemIds>[\s\S]*<\/m:ItemIds>)/, '$3$2$1'));
    different(original.replace(`xmlns:t="${T}"`, `xmlns:t="${T}/2"`));
  });

  it('throws on a document that is not well-formed', () => {
    expect(() => canonicalize('<a><b></a>')).toThrow();
  });
});
