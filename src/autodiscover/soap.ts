/**
 * SOAP Autodiscover: GetUserSettings on `/autodiscover/autodiscover.svc` ([MS-OXWSADISC]), written and
 * read through the descriptors of schema.ts.
 */
import { readEnvelope } from '../runtime/envelope-reader';
import { writeEnvelopeUtf8 } from '../runtime/writer';
import type { AutodiscoverAnswer } from './answer';
import { settingsAnswer } from './answer';
import type { GetUserSettingsRequestMessage, GetUserSettingsResponseMessage, UserSettingValue } from './messages';
import { autodiscoverSchema, GET_USER_SETTINGS_ACTION } from './schema';
import { exchangeVersionOf, newestSupportedSchema, parseDottedServerVersion } from './server-version';

export const SOAP_PATH = '/autodiscover/autodiscover.svc';

/** The user settings asked for; names of the UserSettingName list of [MS-OXWSADISC] and the Setting (SOAP) page. */
export const REQUESTED_USER_SETTINGS = [
  'UserDisplayName', 'AutoDiscoverSMTPAddress', 'CasVersion', 'EwsSupportedSchemas', 'ExternalEwsUrl', 'InternalEwsUrl',
] as const;

/** The oldest version that has SOAP Autodiscover; every Exchange since answers it. */
const REQUESTED_SERVER_VERSION = 'Exchange2010';

export function soapRequestBody(email: string, url: string): Buffer {
  const message: GetUserSettingsRequestMessage = { Request: { Users: [{ Mailbox: email }], RequestedSettings: [...REQUESTED_USER_SETTINGS] } };
  return writeEnvelopeUtf8(autodiscoverSchema, {
    headers: [
      { element: 'a:RequestedServerVersion', value: REQUESTED_SERVER_VERSION },
      { element: 'wsa:Action', value: GET_USER_SETTINGS_ACTION },
      { element: 'wsa:To', value: url },
    ],
    body: { element: 'a:GetUserSettingsRequestMessage', value: message },
  });
}

export async function readSoapAnswer(body: AsyncIterable<Buffer | string>, email: string, prefer: 'external' | 'internal'): Promise<AutodiscoverAnswer> {
  const content = await readEnvelope(autodiscoverSchema, body);
  if (content.fault) return { kind: 'error', code: content.fault.faultCode, message: content.fault.faultString };
  if (content.body?.element !== 'a:GetUserSettingsResponseMessage') {
    return { kind: 'error', code: 'UnexpectedBody', message: 'the SOAP body is not a GetUserSettingsResponseMessage' };
  }
  return soapAnswer(content.body.value as GetUserSettingsResponseMessage, email, prefer);
}

export function soapAnswer(message: GetUserSettingsResponseMessage, email: string, prefer: 'external' | 'internal'): AutodiscoverAnswer {
  const response = message.Response;
  if (!response) return { kind: 'error', code: 'NoResponse', message: 'the answer has no Response' };
  if (response.ErrorCode && response.ErrorCode !== 'NoError') return { kind: 'error', code: response.ErrorCode, message: response.ErrorMessage ?? '' };
  const user = response.UserResponses?.[0];
  if (!user) return { kind: 'error', code: 'NoUserResponse', message: 'the answer has no UserResponse' };
  const code = user.ErrorCode ?? 'NoError';
  const target = user.RedirectTarget?.trim();
  if (code === 'RedirectAddress' && target) return { kind: 'redirectAddr', email: target };
  if (code === 'RedirectUrl' && target) return { kind: 'redirectUrl', url: target };
  if (code !== 'NoError') return { kind: 'error', code, message: user.ErrorMessage ?? '' };
  const settings = settingsByName(user.UserSettings ?? []);
  const build = parseDottedServerVersion(settings.get('CasVersion'));
  return settingsAnswer({
    email, prefer,
    smtpAddress: settings.get('AutoDiscoverSMTPAddress'),
    displayName: settings.get('UserDisplayName'),
    externalEwsUrl: settings.get('ExternalEwsUrl'),
    internalEwsUrl: settings.get('InternalEwsUrl'),
    build,
    exchangeVersion: newestSupportedSchema(settings.get('EwsSupportedSchemas')) ?? (build && exchangeVersionOf(build)),
  });
}

/** String settings by name (other setting types are not asked for); blank values count as absent. */
function settingsByName(settings: readonly UserSettingValue[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const setting of settings) {
    const value = setting.Value?.trim();
    if (setting.Name && value) byName.set(setting.Name, value);
  }
  return byName;
}
