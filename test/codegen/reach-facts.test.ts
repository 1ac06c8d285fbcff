/**
 * Reach facts (codegen/versions/reach-facts.ts): per type, the newest member a value of it may hold,
 * through nested elements, choices, lists and the base an extension inherits from.
 */
import { reachFacts } from '../../codegen/versions/reach-facts';
import { compileTypes } from './inline-schema';

const schema = compileTypes(`
  <xs:simpleType name="ColourType"><xs:restriction base="xs:string"><xs:enumeration value="Red"/><xs:enumeration value="Teal"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="ColoursType"><xs:list itemType="t:ColourType"/></xs:simpleType>
  <xs:complexType name="InnerType"><xs:sequence><xs:element name="Added" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType>
  <xs:complexType name="OuterType"><xs:sequence><xs:element name="Inner" type="t:InnerType" minOccurs="0"/><xs:element name="Plain" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType>
  <xs:complexType name="DerivedType"><xs:complexContent><xs:extension base="t:OuterType"><xs:sequence><xs:element name="More" type="xs:int" minOccurs="0"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="PaletteType"><xs:choice><xs:element name="Colours" type="t:ColoursType"/><xs:element name="Name" type="xs:string"/></xs:choice></xs:complexType>
  <xs:complexType name="LoopType"><xs:sequence><xs:element name="Again" type="t:LoopType" minOccurs="0"/></xs:sequence></xs:complexType>`).schema;

describe('reach facts', () => {
  it('give each type the newest set of any member reachable from it, and the earliest end of a dropped one', () => {
    // InnerType/Added is new in set 3; the value Teal existed in sets 0 to 2 only.
    const reach = reachFacts(schema, { InnerType: { Added: 3 }, ColourType: { '=Teal': [0, 2] } });
    expect(Object.fromEntries(reach)).toEqual({
      InnerType: 3, OuterType: 3, DerivedType: 3,
      ColourType: [0, 2], ColoursType: [0, 2], PaletteType: [0, 2],
    });
  });
});
