import { emitAll } from '../../codegen/emit/emit';
import { referencePages } from '../../codegen/emit/doc-links';
import { compileTypes } from './inline-schema';

const PAGE = 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/';

describe('@see links to the Microsoft reference pages', () => {
  const schema = compileTypes(`
    <xs:complexType name="ItemIdType"><xs:attribute name="Id" type="xs:string" use="required"/><xs:attribute name="ChangeKey" type="xs:string"/></xs:complexType>
    <xs:complexType name="CalendarItemType"><xs:sequence>
      <xs:element name="ItemId" type="t:ItemIdType" minOccurs="0"/>
      <xs:element name="Start" type="xs:dateTime" minOccurs="0"/>
      <xs:element name="NoSuchPage" type="xs:string" minOccurs="0"/>
    </xs:sequence></xs:complexType>`).schema;
  const text = emitAll(schema, { outDir: '/out', runtimeImport: '../src/schema', source: 'test' })
    .find((f) => f.path.endsWith('/types.ts'))!.text;

  it('links a type, its child elements and its attributes to the pages the map names', () => {
    const refs = referencePages();
    expect(text).toContain(`t:CalendarItemType\n * @see ${refs.types['t:CalendarItemType']}`);
    expect(refs.byTypeAndChild['t:CalendarItemType/Start']).toBe(`${PAGE}start`);
    expect(text).toMatch(new RegExp(`t:Start\\.\\n\\s+\\* @see ${PAGE}start\\n\\s+\\*/\\n\\s+Start\\?: string;`));
    expect(text).toMatch(new RegExp(`Attribute Id\\.\\n\\s+\\* @see ${refs.byTypeAndAttribute['t:ItemIdType/@Id']}\\n\\s+\\*/\\n\\s+Id: string;`));
  });

  it('adds no link where the map has no page', () => {
    expect(text).toMatch(/\/\*\* t:NoSuchPage\. \*\/\n\s+NoSuchPage\?: string;/);
  });

  it('links every operation of the official WSDL that has a page', () => {
    const refs = referencePages();
    expect(refs.operations.CreateItem).toBe(`${PAGE}createitem-operation`);
    expect(Object.keys(refs.operations).length).toBe(95);
  });
});
