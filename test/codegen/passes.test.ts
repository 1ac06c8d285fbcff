import type { ComplexTypeDesc, SimpleTypeDesc } from '../../src/schema/descriptors';
import { compileTypes } from './inline-schema';

const complex = (body: string, name: string) => compileTypes(body).schema.types[name] as ComplexTypeDesc;
const simple = (body: string, name: string) => compileTypes(body).schema.types[name] as SimpleTypeDesc;

describe('content models become fields in schema order', () => {
  it('turns a sequence into element fields with occurrence and nested occurrences multiplied', () => {
    const type = complex(`
      <xs:complexType name="A">
        <xs:sequence>
          <xs:element name="One" type="xs:string"/>
          <xs:element name="Maybe" type="xs:int" minOccurs="0"/>
          <xs:sequence minOccurs="0" maxOccurs="unbounded">
            <xs:element name="Inner" type="xs:boolean"/>
          </xs:sequence>
        </xs:sequence>
      </xs:complexType>`, 'A');
    expect(type.fields.map((f) => f.kind === 'element' && [f.prop, f.element.type, f.min, f.many])).toEqual([
      ['One', 'xs:string', 1, false],
      ['Maybe', 'xs:int', 0, false],
      ['Inner', 'xs:boolean', 0, true],
    ]);
  });

  it('spreads a single choice into alternatives tagged with one choice group', () => {
    const type = complex(`
      <xs:complexType name="A">
        <xs:sequence>
          <xs:element name="Before" type="xs:string"/>
          <xs:choice>
            <xs:element name="X" type="xs:string"/>
            <xs:sequence><xs:element name="Y1" type="xs:string"/><xs:element name="Y2" type="xs:string" minOccurs="0"/></xs:sequence>
          </xs:choice>
        </xs:sequence>
      </xs:complexType>`, 'A');
    const tags = type.fields.map((f) => f.kind === 'element' && [f.prop, f.min, f.choice ?? null]);
    expect(tags).toEqual([
      ['Before', 1, null],
      ['X', 1, { group: 0, branch: 0, required: true }],
      ['Y1', 1, { group: 0, branch: 1, required: true }],
      ['Y2', 0, { group: 0, branch: 1, required: true }],
    ]);
  });

  it('makes a repeated choice of several elements one compound field that keeps document order', () => {
    const type = complex(`
      <xs:complexType name="Holder">
        <xs:sequence>
          <xs:element name="Id" type="xs:string"/>
          <xs:choice maxOccurs="unbounded">
            <xs:element name="Message" type="xs:string"/>
            <xs:element name="CalendarItem" type="xs:int"/>
          </xs:choice>
        </xs:sequence>
      </xs:complexType>`.replace('Holder', 'NotificationType'), 'NotificationType');
    expect(type.fields[1]).toEqual({
      kind: 'compound', prop: 'Events', min: 1,
      alternatives: [
        { name: 'Message', ns: 't', type: 'xs:string' },
        { name: 'CalendarItem', ns: 't', type: 'xs:int' },
      ],
    });
  });

  it('inlines group references with the reference occurrence', () => {
    const type = complex(`
      <xs:group name="G"><xs:sequence><xs:element name="InGroup" type="xs:string"/></xs:sequence></xs:group>
      <xs:complexType name="A"><xs:sequence><xs:group ref="t:G" minOccurs="0"/></xs:sequence></xs:complexType>`, 'A');
    expect(type.fields).toEqual([
      { kind: 'element', prop: 'InGroup', element: { name: 'InGroup', ns: 't', type: 'xs:string' }, min: 0, many: false },
    ]);
  });

  it('keeps xs:any as a wildcard field with its namespace and processContents', () => {
    const type = complex(`<xs:complexType name="A"><xs:sequence><xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType>`, 'A');
    expect(type.fields).toEqual([{ kind: 'any', prop: '$any', many: true, min: 0, namespace: '##other', processContents: 'lax' }]);
  });
});

describe('substitution groups', () => {
  const body = `
    <xs:complexType name="BasePath" abstract="true"/>
    <xs:complexType name="FieldPath"><xs:complexContent><xs:extension base="t:BasePath"><xs:attribute name="FieldURI" type="xs:string"/></xs:extension></xs:complexContent></xs:complexType>
    <xs:element name="Path" type="t:BasePath" abstract="true"/>
    <xs:element name="FieldURI" type="t:FieldPath" substitutionGroup="t:Path"/>
    <xs:element name="ExtendedFieldURI" type="t:FieldPath" substitutionGroup="t:Path"/>
    <xs:element name="Deeper" type="t:FieldPath" substitutionGroup="t:FieldURI"/>
    <xs:complexType name="One"><xs:sequence><xs:element ref="t:Path"/></xs:sequence></xs:complexType>
    <xs:complexType name="Many"><xs:sequence><xs:element ref="t:Path" maxOccurs="unbounded"/></xs:sequence></xs:complexType>`;

  it('expands a single head reference into a required choice of its members, transitively, without the abstract head', () => {
    const type = complex(body, 'One');
    expect(type.fields.map((f) => f.kind === 'element' && [f.prop, f.choice?.required])).toEqual([
      ['FieldURI', true], ['Deeper', true], ['ExtendedFieldURI', true],
    ]);
  });

  it('makes a repeated head reference a compound named after the head', () => {
    const type = complex(body, 'Many');
    expect(type.fields[0]).toMatchObject({ kind: 'compound', prop: 'Path' });
    expect(type.wrapper).toBe(true);
  });
});

describe('derivation and attributes', () => {
  const body = `
    <xs:attributeGroup name="Paging"><xs:attribute name="TotalItems" type="xs:int"/></xs:attributeGroup>
    <xs:complexType name="Base"><xs:sequence><xs:element name="B" type="xs:string"/></xs:sequence><xs:attribute name="Kept" type="xs:string"/><xs:attribute name="Dropped" type="xs:string"/></xs:complexType>
    <xs:complexType name="Ext"><xs:complexContent><xs:extension base="t:Base"><xs:sequence><xs:element name="E" type="xs:string"/></xs:sequence><xs:attributeGroup ref="t:Paging"/></xs:extension></xs:complexContent></xs:complexType>
    <xs:complexType name="Res"><xs:complexContent><xs:restriction base="t:Base"><xs:sequence><xs:element name="B" type="xs:string"/></xs:sequence><xs:attribute name="Dropped" type="xs:string" use="prohibited"/></xs:restriction></xs:complexContent></xs:complexType>
    <xs:complexType name="Text"><xs:simpleContent><xs:extension base="xs:string"><xs:attribute ref="xml:lang" use="required"/></xs:extension></xs:simpleContent></xs:complexType>`;
  const { schema } = compileTypes(body);
  const type = (name: string) => schema.types[name] as ComplexTypeDesc;

  it('keeps only what an extension adds, with its attribute groups', () => {
    expect(type('Ext')).toMatchObject({ base: 'Base', derivation: 'extension', attributes: [{ name: 'TotalItems', prop: 'TotalItems', type: 'xs:int' }] });
    expect(type('Ext').fields.map((f) => f.prop)).toEqual(['E']);
  });

  it('gives a restriction its complete content: inherited attributes minus the prohibited ones', () => {
    expect(type('Res').derivation).toBe('restriction');
    expect(type('Res').attributes.map((a) => a.name)).toEqual(['Kept']);
  });

  it('reads simple content as text with qualified xml:lang', () => {
    expect(type('Text')).toMatchObject({ text: 'xs:string', attributes: [{ name: 'lang', ns: 'xml', required: true }] });
    expect(type('Text').base).toBeUndefined();
  });
});

describe('simple types', () => {
  const body = `
    <xs:simpleType name="Day"><xs:restriction base="xs:string"><xs:enumeration value="Sunday"/><xs:enumeration value="Monday"/></xs:restriction></xs:simpleType>
    <xs:simpleType name="Days"><xs:list itemType="t:Day"/></xs:simpleType>
    <xs:simpleType name="Flags"><xs:list><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="A"/></xs:restriction></xs:simpleType></xs:list></xs:simpleType>
    <xs:simpleType name="Tag"><xs:union memberTypes="xs:unsignedShort"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="0x[0-9A-F]{1,4}"/></xs:restriction></xs:simpleType></xs:union></xs:simpleType>
    <xs:simpleType name="Minutes"><xs:restriction base="xs:int"><xs:minInclusive value="1"/><xs:maxInclusive value="1440"/></xs:restriction></xs:simpleType>`;

  it('records enumerations in schema order with their built-in', () => {
    expect(simple(body, 'Day')).toEqual({ kind: 'simple', name: 'Day', ns: 't', builtin: 'xs:string', enum: ['Sunday', 'Monday'] });
  });

  it('records list item types, naming an anonymous item type after its list', () => {
    expect(simple(body, 'Days').list).toBe('Day');
    expect(simple(body, 'Flags').list).toBe('Flags_Item');
    expect(simple(body, 'Flags_Item').enum).toEqual(['A']);
  });

  it('records union members, anonymous ones named MemberN, and facets', () => {
    expect(simple(body, 'Tag').union).toEqual(['xs:unsignedShort', 'Tag_Member1']);
    expect(simple(body, 'Tag_Member1').facets).toEqual({ pattern: ['0x[0-9A-F]{1,4}'] });
    expect(simple(body, 'Minutes')).toMatchObject({ builtin: 'xs:int', facets: { minInclusive: '1', maxInclusive: '1440' } });
  });
});

describe('anonymous types and names', () => {
  it('names an anonymous type of a global element after the element, and of a local element Owner_Element', () => {
    const { schema, model } = compileTypes(`
      <xs:element name="ServerVersionInfo"><xs:complexType><xs:attribute name="MajorVersion" type="xs:int"/></xs:complexType></xs:element>
      <xs:complexType name="MessageType"><xs:sequence><xs:element name="MailboxGuids" minOccurs="0"><xs:complexType><xs:sequence><xs:element name="Guid" type="xs:string" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element></xs:sequence></xs:complexType>`);
    expect(schema.elements['t:ServerVersionInfo'].type).toBe('ServerVersionInfo');
    expect(schema.types.MessageType_MailboxGuids).toMatchObject({ kind: 'complex', wrapper: true });
    expect(model.anonymous.size).toBe(2);
  });

  it('binds one element name to different types in different owners', () => {
    const { schema } = compileTypes(`
      <xs:complexType name="A"><xs:sequence><xs:element name="Action" type="xs:string"/></xs:sequence></xs:complexType>
      <xs:complexType name="B"><xs:sequence><xs:element name="Action" type="xs:int"/></xs:sequence></xs:complexType>`);
    const typeOf = (name: string) => ((schema.types[name] as ComplexTypeDesc).fields[0] as { element: { type: string } }).element.type;
    expect([typeOf('A'), typeOf('B')]).toEqual(['xs:string', 'xs:int']);
  });
});

describe('array wrappers', () => {
  const { schema } = compileTypes(`
    <xs:complexType name="ArrayOfStrings"><xs:sequence><xs:element name="String" type="xs:string" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
    <xs:complexType name="WithAttribute"><xs:sequence><xs:element name="S" type="xs:string" maxOccurs="unbounded"/></xs:sequence><xs:attribute name="Count" type="xs:int"/></xs:complexType>
    <xs:complexType name="UsedAsBase"><xs:sequence><xs:element name="S" type="xs:string" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
    <xs:complexType name="Derived"><xs:complexContent><xs:extension base="t:UsedAsBase"/></xs:complexContent></xs:complexType>`);
  const wrapper = (name: string) => Boolean((schema.types[name] as ComplexTypeDesc).wrapper);

  it('represents a type whose only content is one repeated element as the array itself', () => {
    expect(wrapper('ArrayOfStrings')).toBe(true);
  });

  it('keeps the object form when the type has attributes or is derived from', () => {
    expect([wrapper('WithAttribute'), wrapper('UsedAsBase'), wrapper('Derived')]).toEqual([false, false, false]);
  });
});

describe('nested choices', () => {
  it('splices a substitution-group reference inside a choice into the branches of that choice', () => {
    const type = complex(`
      <xs:complexType name="BasePath" abstract="true"/>
      <xs:element name="Path" type="t:BasePath" abstract="true"/>
      <xs:element name="FieldURI" type="t:BasePath" substitutionGroup="t:Path"/>
      <xs:element name="IndexedFieldURI" type="t:BasePath" substitutionGroup="t:Path"/>
      <xs:complexType name="FieldOrConstant"><xs:choice><xs:element ref="t:Path"/><xs:element name="Constant" type="xs:string"/></xs:choice></xs:complexType>`,
    'FieldOrConstant');
    expect(type.fields.map((f) => f.kind === 'element' && [f.prop, f.choice?.group, f.choice?.branch])).toEqual([
      ['FieldURI', 0, 0], ['IndexedFieldURI', 0, 1], ['Constant', 0, 2],
    ]);
  });
});
