import { compileInline, T_NS, typesXsd } from './inline-schema';

const wsdl = `<?xml version="1.0"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:tns="${T_NS}" xmlns:t="${T_NS}" targetNamespace="${T_NS}">
  <wsdl:types><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:import namespace="${T_NS}" schemaLocation="types.xsd"/></xs:schema></wsdl:types>
  <wsdl:message name="PingIn"><wsdl:part name="request" element="t:Ping"/><wsdl:part name="Version" element="t:Version"/></wsdl:message>
  <wsdl:message name="PingOut"><wsdl:part name="result" element="t:PingResponse"/><wsdl:part name="Server" element="t:Server"/></wsdl:message>
  <wsdl:portType name="Port"><wsdl:operation name="Ping"><wsdl:input message="tns:PingIn"/><wsdl:output message="tns:PingOut"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="Binding" type="tns:Port">
    <wsdl:operation name="Ping">
      <soap:operation soapAction="urn:ping"/>
      <wsdl:input>
        <soap:header message="tns:PingIn" part="Version" use="literal"/>
        <soap:header message="tns:PingIn" part="Version" use="literal"/>
        <soap:body parts="request" use="literal"/>
      </wsdl:input>
      <wsdl:output><soap:body parts="result" use="literal"/><soap:header message="tns:PingOut" part="Server" use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>`;

const types = typesXsd(['Ping', 'PingResponse', 'Version', 'Server'].map((n) => `<xs:element name="${n}" type="xs:string"/>`).join('\n'));

describe('WSDL operations', () => {
  it('reads body elements, soapAction and each header once, in WSDL order', () => {
    const { schema } = compileInline({ 'services.wsdl': wsdl, 'types.xsd': types });
    expect(schema.operations).toEqual({
      Ping: {
        name: 'Ping', soapAction: 'urn:ping', request: 't:Ping', response: 't:PingResponse',
        inputHeaders: ['t:Version'], outputHeaders: ['t:Server'],
      },
    });
  });

  it('fails when a part names an undefined element', () => {
    const broken = wsdl.replace('element="t:Server"', 'element="t:Missing"');
    expect(() => compileInline({ 'services.wsdl': broken, 'types.xsd': types })).toThrow(/part Server refers to undefined element Missing/);
  });
});
