/**
 * Descriptors of the two Autodiscover protocols, read and written by the same runtime as EWS.
 *
 * No published XSD for either protocol was found (searched: the EWS schema files, Microsoft's
 * documentation repositories and public code; SOAP Autodiscover's schema exists only as the WSDL a server
 * generates), so these descriptors are written by hand from the documented element reference and hold
 * only what discovery needs; anything else a server sends is kept by the reader in `$unknown`, as for any
 * newer EWS answer. Sources:
 * - POX: [MS-OXDSCLI] "Autodiscover Publishing and Lookup Protocol" and learn.microsoft.com "POX
 *   Autodiscover XML reference" (Autodiscover, Request, EMailAddress, AcceptableResponseSchema; Response,
 *   User, Account, Action, RedirectAddr, RedirectUrl, Protocol, TTL, Error); checked against the real
 *   gromox answer in test/fixtures/autodiscover/.
 * - SOAP: [MS-OXWSADISC] "Autodiscover Publishing and Lookup SOAP-Based Web Service Protocol" and
 *   learn.microsoft.com "GetUserSettings operation (SOAP)" (request and response examples; element pages
 *   Users, User, Mailbox, RequestedSettings, Setting, UserResponses, UserResponse, RedirectTarget,
 *   UserSettingErrors, UserSettings, UserSetting with xsi:type StringSetting).
 */
import type { ComplexTypeDesc, ElementDesc, FieldDesc, GlobalElementDesc, SchemaSet } from '../schema/descriptors';

export const POX_REQUEST_NS = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006';
export const POX_RESPONSE_NS = 'http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006';
/** The response schema a client asks for (AcceptableResponseSchema) and the namespace of its answer. */
export const POX_OUTLOOK_RESPONSE_NS = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a';
export const SOAP_AUTODISCOVER_NS = 'http://schemas.microsoft.com/exchange/2010/Autodiscover';
export const WS_ADDRESSING_NS = 'http://www.w3.org/2005/08/addressing';
export const GET_USER_SETTINGS_ACTION = `${SOAP_AUTODISCOVER_NS}/Autodiscover/GetUserSettings`;

type Occurs = { readonly min?: number; readonly many?: boolean };

function element(ns: string, name: string, type: string, occurs: Occurs = {}, extra: Partial<ElementDesc> = {}): FieldDesc {
  return { kind: 'element', prop: name, element: { name, ns, type, ...extra }, min: occurs.min ?? 0, many: occurs.many ?? false };
}

function complex(name: string, ns: string, fields: readonly FieldDesc[], extra: Partial<ComplexTypeDesc> = {}): ComplexTypeDesc {
  return { kind: 'complex', name, ns, attributes: [], fields, ...extra };
}

/** An array wrapper: the JS value is the array of its one repeated child. */
function arrayOf(name: string, ns: string, child: string, childType: string): ComplexTypeDesc {
  return complex(name, ns, [element(ns, child, childType, { many: true })], { wrapper: true });
}

function global(ns: string, name: string, type: string): [string, GlobalElementDesc] {
  return [`${ns}:${name}`, { name, ns, type }];
}

const S = 'xs:string';

const types: ComplexTypeDesc[] = [
  // POX request: <Autodiscover><Request><EMailAddress/><AcceptableResponseSchema/></Request></Autodiscover>
  complex('PoxRequestDocument', 'pq', [element('pq', 'Request', 'PoxRequest', { min: 1 })]),
  complex('PoxRequest', 'pq', [
    element('pq', 'EMailAddress', S),
    element('pq', 'LegacyDN', S),
    element('pq', 'AcceptableResponseSchema', S, { min: 1 }),
  ]),
  // POX response: the outer Autodiscover holds either the Outlook Response (2006a) or a generic error Response (2006).
  complex('PoxResponseDocument', 'pr', [
    { kind: 'element', prop: 'Response', element: { name: 'Response', ns: 'po', type: 'PoxOutlookResponse' }, min: 0, many: false },
    { kind: 'element', prop: 'ErrorResponse', element: { name: 'Response', ns: 'pr', type: 'PoxErrorResponse' }, min: 0, many: false },
  ]),
  complex('PoxErrorResponse', 'pr', [element('pr', 'Error', 'PoxError')]),
  complex('PoxError', 'pr', [element('pr', 'ErrorCode', S), element('pr', 'Message', S), element('pr', 'DebugData', S)], {
    attributes: [{ name: 'Time', prop: 'Time', type: S }, { name: 'Id', prop: 'Id', type: S }],
  }),
  complex('PoxOutlookResponse', 'po', [
    element('po', 'User', 'PoxUser'),
    element('po', 'Account', 'PoxAccount'),
    element('po', 'Error', 'PoxOutlookError'),
  ]),
  complex('PoxOutlookError', 'po', [element('po', 'ErrorCode', S), element('po', 'Message', S), element('po', 'DebugData', S)], {
    attributes: [{ name: 'Time', prop: 'Time', type: S }, { name: 'Id', prop: 'Id', type: S }],
  }),
  complex('PoxUser', 'po', [
    element('po', 'DisplayName', S),
    element('po', 'LegacyDN', S),
    element('po', 'AutoDiscoverSMTPAddress', S),
    element('po', 'DeploymentId', S),
  ]),
  complex('PoxAccount', 'po', [
    element('po', 'AccountType', S),
    element('po', 'Action', S),
    element('po', 'MicrosoftOnline', S),
    element('po', 'RedirectAddr', S),
    element('po', 'RedirectUrl', S),
    element('po', 'Protocol', 'PoxProtocol', { many: true }),
  ]),
  complex('PoxProtocol', 'po', [
    element('po', 'Type', S),
    element('po', 'Server', S),
    element('po', 'ServerVersion', S),
    element('po', 'TTL', S),
    element('po', 'ASUrl', S),
    element('po', 'EwsUrl', S),
    element('po', 'EmwsUrl', S),
    element('po', 'EcpUrl', S),
  ], { attributes: [{ name: 'Type', prop: 'TypeAttribute', type: S }, { name: 'Version', prop: 'Version', type: S }] }),

  // SOAP GetUserSettings (MS-OXWSADISC).
  complex('GetUserSettingsRequestMessage', 'a', [element('a', 'Request', 'GetUserSettingsRequest', { min: 1 })]),
  complex('GetUserSettingsRequest', 'a', [
    element('a', 'Users', 'ArrayOfUsers', { min: 1 }, { nillable: true }),
    element('a', 'RequestedSettings', 'ArrayOfRequestedSettings', { min: 1 }, { nillable: true }),
    element('a', 'RequestedVersion', S, {}, { nillable: true }),
  ]),
  arrayOf('ArrayOfUsers', 'a', 'User', 'AutodiscoverUser'),
  complex('AutodiscoverUser', 'a', [element('a', 'Mailbox', S, { min: 1 })]),
  arrayOf('ArrayOfRequestedSettings', 'a', 'Setting', S),
  complex('GetUserSettingsResponseMessage', 'a', [element('a', 'Response', 'GetUserSettingsResponse', {}, { nillable: true })]),
  complex('GetUserSettingsResponse', 'a', [
    element('a', 'ErrorCode', S),
    element('a', 'ErrorMessage', S, {}, { nillable: true }),
    element('a', 'UserResponses', 'ArrayOfUserResponse', {}, { nillable: true }),
  ]),
  arrayOf('ArrayOfUserResponse', 'a', 'UserResponse', 'UserResponse'),
  complex('UserResponse', 'a', [
    element('a', 'ErrorCode', S),
    element('a', 'ErrorMessage', S, {}, { nillable: true }),
    element('a', 'RedirectTarget', S, {}, { nillable: true }),
    element('a', 'UserSettingErrors', 'ArrayOfUserSettingError', {}, { nillable: true }),
    element('a', 'UserSettings', 'ArrayOfUserSetting', {}, { nillable: true }),
  ]),
  arrayOf('ArrayOfUserSettingError', 'a', 'UserSettingError', 'UserSettingError'),
  complex('UserSettingError', 'a', [element('a', 'ErrorCode', S), element('a', 'ErrorMessage', S, {}, { nillable: true }), element('a', 'SettingName', S)]),
  arrayOf('ArrayOfUserSetting', 'a', 'UserSetting', 'UserSetting'),
  complex('UserSetting', 'a', [element('a', 'Name', S)]),
  complex('StringSetting', 'a', [element('a', 'Value', S, {}, { nillable: true })], { base: 'UserSetting', derivation: 'extension' }),
];

/** The Autodiscover SchemaSet: POX (prefixes pq/pr/po) and SOAP (a, wsa). */
export const autodiscoverSchema: SchemaSet = {
  namespaces: {
    pq: POX_REQUEST_NS,
    pr: POX_RESPONSE_NS,
    po: POX_OUTLOOK_RESPONSE_NS,
    a: SOAP_AUTODISCOVER_NS,
    wsa: WS_ADDRESSING_NS,
  },
  types: Object.fromEntries(types.map((type) => [type.name, type])),
  elements: Object.fromEntries([
    global('pq', 'Autodiscover', 'PoxRequestDocument'),
    global('pr', 'Autodiscover', 'PoxResponseDocument'),
    global('a', 'GetUserSettingsRequestMessage', 'GetUserSettingsRequestMessage'),
    global('a', 'GetUserSettingsResponseMessage', 'GetUserSettingsResponseMessage'),
    global('a', 'RequestedServerVersion', S),
    global('wsa', 'Action', S),
    global('wsa', 'To', S),
  ]),
  operations: {
    GetUserSettings: {
      name: 'GetUserSettings',
      soapAction: GET_USER_SETTINGS_ACTION,
      request: 'a:GetUserSettingsRequestMessage',
      response: 'a:GetUserSettingsResponseMessage',
      inputHeaders: ['a:RequestedServerVersion', 'wsa:Action', 'wsa:To'],
      outputHeaders: [],
    },
  },
};
