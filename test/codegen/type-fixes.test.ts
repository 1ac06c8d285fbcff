import { emitAll } from '../../codegen/emit/emit';
import { readValueAs, writeValueAs } from '../../src/runtime';
import { ewsSchema } from '../../src/schema/ews-schema';
import { compileTypes } from './inline-schema';

const body = `
  <xs:complexType name="MailboxData"><xs:sequence><xs:element name="Email" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="ArrayOfMailboxData"><xs:sequence><xs:element name="MailboxData" type="t:MailboxData" nillable="true" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
  <xs:simpleType name="KindType"><xs:restriction base="xs:string"><xs:enumeration value="A"/><xs:enumeration value="B"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="MinutesType"><xs:union>
    <xs:simpleType><xs:restriction base="xs:int"><xs:minInclusive value="0"/><xs:maxInclusive value="10"/></xs:restriction></xs:simpleType>
    <xs:simpleType><xs:restriction base="xs:int"><xs:minInclusive value="99"/><xs:maxInclusive value="99"/></xs:restriction></xs:simpleType>
  </xs:union></xs:simpleType>
  <xs:simpleType name="TagType"><xs:union memberTypes="xs:unsignedShort t:KindType"/></xs:simpleType>
  <xs:simpleType name="LooseType"><xs:union memberTypes="xs:string t:KindType"/></xs:simpleType>`;

describe('generator fixes of issue 14', () => {
  const compiled = compileTypes(body);
  const types = emitAll(compiled.schema, { outDir: '/out', runtimeImport: '../src/schema', source: 'test' })
    .find((f) => f.path.endsWith('/types.ts'))!.text.split('\n').map((l) => l.trim());

  it('types a nillable array wrapper as an array of nullable entries (not `X | null[]`)', () => {
    expect(types).toContain('export type ArrayOfMailboxData = Array<MailboxData | null>;');
  });

  it("types a union as the union of its members' TS types", () => {
    expect(types).toContain('export type MinutesType = number;');
    expect(types).toContain('export type TagType = number | KindType;');
    expect(types).toContain('export type LooseType = string;');
  });

  it('reads and writes a union whose members restrict one built-in as that built-in', () => {
    const minutes = compiled.schema.types.MinutesType;
    const tag = compiled.schema.types.TagType;
    expect(minutes.kind === 'simple' && minutes.builtin).toBe('xs:int');
    expect(tag.kind === 'simple' && tag.builtin).toBe('xs:string');
  });

  it('reads and writes ReminderMinutesBeforeStart of the official schema as a number', () => {
    const schema = ewsSchema();
    const item = readValueAs<{ ReminderMinutesBeforeStart?: unknown }>(schema,
      '<x xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><t:ReminderMinutesBeforeStart>15</t:ReminderMinutesBeforeStart></x>',
      'CalendarItemType');
    expect(item.ReminderMinutesBeforeStart).toBe(15);
    expect(writeValueAs(schema, { name: 'CalendarItem', ns: 't' }, 'CalendarItemType', { ReminderMinutesBeforeStart: 30 })).toContain('>30</t:ReminderMinutesBeforeStart>');
  });
});
