/** The simulator's SOAP endpoint: GetUserSettings on `POST /autodiscover/autodiscover.svc` ([MS-OXWSADISC]). */
import { ExchangeVersionTypeValues } from '../../../../generated/types';
import type { GetUserSettingsRequestMessage, GetUserSettingsResponseMessage, UserResponseValue } from '../../../autodiscover/messages';
import { autodiscoverSchema } from '../../../autodiscover/schema';
import { exchangeVersionOf } from '../../../autodiscover/server-version';
import { readEnvelope } from '../../../runtime/envelope-reader';
import { writeEnvelope } from '../../../runtime/writer';
import { faultEnvelope } from '../../soap-fault';
import { lookUp, type AutodiscoverContext } from './options';

export function answerSoap(context: AutodiscoverContext, body: string): { status: number; xml: string } {
  let request: GetUserSettingsRequestMessage | undefined;
  try {
    const envelope = readEnvelope(autodiscoverSchema, body);
    if (envelope.body?.element === 'a:GetUserSettingsRequestMessage') request = envelope.body.value as GetUserSettingsRequestMessage;
  } catch {
    request = undefined;
  }
  if (!request?.Request) {
    return { status: 500, xml: faultEnvelope({ responseCode: 'InvalidRequest', message: 'The request is not a GetUserSettings request.' }) };
  }
  const requested = request.Request.RequestedSettings ?? [];
  const message: GetUserSettingsResponseMessage = {
    Response: {
      ErrorCode: 'NoError',
      ErrorMessage: '',
      UserResponses: (request.Request.Users ?? []).map((user) => userResponse(context, user.Mailbox, requested)),
    },
  };
  return { status: 200, xml: writeEnvelope(autodiscoverSchema, { body: { element: 'a:GetUserSettingsResponseMessage', value: message } }) };
}

function userResponse(context: AutodiscoverContext, address: string, requested: readonly string[]): UserResponseValue {
  const found = lookUp(context, address ?? '');
  if (found.kind === 'unknown') return { ErrorCode: 'InvalidUser', ErrorMessage: `Invalid user: '${address}'`, RedirectTarget: null };
  if (found.kind !== 'settings') {
    return { ErrorCode: found.kind === 'redirectAddr' ? 'RedirectAddress' : 'RedirectUrl', ErrorMessage: 'Redirection.', RedirectTarget: found.target };
  }
  const values = settingValues(context, found.mailbox.smtpAddress, found.mailbox.displayName);
  return {
    ErrorCode: 'NoError',
    ErrorMessage: 'No error.',
    RedirectTarget: null,
    UserSettingErrors: requested.filter((name) => !values.has(name))
      .map((name) => ({ ErrorCode: 'InvalidSetting', ErrorMessage: `The requested setting is invalid: ${name}`, SettingName: name })),
    UserSettings: requested.filter((name) => values.has(name)).map((name) => ({ $type: 'StringSetting', Name: name, Value: values.get(name)! })),
  };
}

function settingValues(context: AutodiscoverContext, smtpAddress: string, displayName: string): Map<string, string> {
  const { MajorVersion = 0, MinorVersion = 0, MajorBuildNumber = 0, MinorBuildNumber = 0 } = context.serverVersion;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const newest = exchangeVersionOf({ major: MajorVersion, minor: MinorVersion, build: MajorBuildNumber });
  const supported = newest ? ExchangeVersionTypeValues.slice(0, ExchangeVersionTypeValues.indexOf(newest) + 1) : [];
  return new Map([
    ['UserDisplayName', displayName],
    ['AutoDiscoverSMTPAddress', smtpAddress],
    ['CasVersion', `${MajorVersion}.${pad(MinorVersion, 2)}.${pad(MajorBuildNumber, 4)}.${pad(MinorBuildNumber, 3)}`],
    ['EwsSupportedSchemas', supported.filter((name) => !/^Exchange20(09|12|15)$/.test(name)).join(', ')],
    ['ExternalEwsUrl', context.ewsUrl],
    ['InternalEwsUrl', context.ewsUrl],
  ]);
}
