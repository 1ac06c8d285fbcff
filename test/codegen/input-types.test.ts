import { emitAll } from '../../codegen/emit/emit';
import { overlay } from '../../codegen/overlay';
import { ewsSchema } from '../../src/schema/ews-schema';
import type { NewItem } from '../../src/batch';
import type { ItemChange } from '../../src/batch/operations/item-changes';
import type { CalendarItemType } from '../../generated/types';
import { compileTypes } from './inline-schema';

describe('input types (what requests accept)', () => {
  const schema = compileTypes(`
    <xs:complexType name="FolderIdType"><xs:attribute name="Id" type="xs:string" use="required"/></xs:complexType>
    <xs:complexType name="ItemType"><xs:sequence>
      <xs:element name="ItemId" type="t:FolderIdType" minOccurs="0"/>
      <xs:element name="Subject" type="xs:string" minOccurs="0"/>
      <xs:element name="DateTimeCreated" type="xs:dateTime" minOccurs="0"/>
    </xs:sequence></xs:complexType>
    <xs:complexType name="CalendarItemType"><xs:complexContent><xs:extension base="t:ItemType"><xs:sequence>
      <xs:element name="Start" type="xs:dateTime" minOccurs="0"/>
      <xs:element name="IsRecurring" type="xs:boolean" minOccurs="0"/>
    </xs:sequence></xs:extension></xs:complexContent></xs:complexType>
    <xs:complexType name="PlainType"><xs:sequence><xs:element name="Name" type="xs:string"/></xs:sequence></xs:complexType>
    <xs:complexType name="ArrayOfItems"><xs:choice maxOccurs="unbounded"><xs:element name="Item" type="t:ItemType"/><xs:element name="CalendarItem" type="t:CalendarItemType"/></xs:choice></xs:complexType>`).schema;
  const inputs = emitAll(schema, { outDir: '/out', runtimeImport: '../src/schema', source: 'test' })
    .find((f) => f.path.endsWith('/inputs.ts'))!.text;
  const body = (name: string) => new RegExp(`export interface ${name} extends [\\w.]+ \\{([^}]*)\\}`).exec(inputs)?.[1] ?? '';

  it('takes a Date where the schema has a dateTime and leaves out what the server computes', () => {
    expect(body('ItemTypeInput')).toContain('Subject?: string;');
    expect(body('ItemTypeInput')).not.toContain('ItemId');
    expect(body('ItemTypeInput')).not.toContain('DateTimeCreated');
    expect(inputs).toContain('export interface CalendarItemTypeInput extends ItemTypeInput {');
    expect(body('CalendarItemTypeInput')).toContain('Start?: DateInput;');
    expect(body('CalendarItemTypeInput')).not.toContain('IsRecurring');
  });

  it('gives a variant only to the types that differ, and tagged entries of the variants', () => {
    expect(inputs).not.toContain('PlainTypeInput');
    expect(inputs).toContain("export type ArrayOfItemsEntryInput = Tagged<'Item', ItemTypeInput>");
    expect(inputs).toContain("| Tagged<'CalendarItem', CalendarItemTypeInput>;");
  });

  it('names in the overlay only elements the official schema declares on that type', () => {
    const types = ewsSchema().types;
    for (const [typeName, elements] of Object.entries(overlay.serverComputed)) {
      const type = types[typeName];
      expect(type?.kind).toBe('complex');
      const declared = type?.kind === 'complex' ? type.fields.flatMap((f) => (f.kind === 'element' ? [f.element.name] : [])) : [];
      expect(elements.filter((name) => !declared.includes(name))).toEqual([]);
    }
  });

  it('types createItems and updateItems inputs: Date accepted, server-computed refused (checked by tsc)', () => {
    const meeting: NewItem = { $el: 'CalendarItem', Subject: 'x', Start: new Date('2026-11-24T08:00:00Z'), End: '2026-11-24T09:00:00Z' };
    // @ts-expect-error DateTimeCreated is computed by the server
    const created: NewItem = { $el: 'Message', Subject: 'x', DateTimeCreated: '2026-11-24T08:00:00Z' };
    // @ts-expect-error IsRecurring is computed by the server
    const change: ItemChange = { id: 'AAA=', itemType: 'CalendarItem', set: { IsRecurring: true } };
    const read: CalendarItemType = { IsRecurring: true, DateTimeCreated: '2026-11-24T08:00:00Z' };
    const again: NewItem = { $el: 'CalendarItem', ...read }; // an item read back is still accepted as a value
    expect([meeting, created, change, again].length).toBe(4);
    expect(read.IsRecurring).toBe(true);
  });
});
