/**
 * The SOAP headers of a request, from the client's options. Only the headers the WSDL binding accepts
 * for the operation are sent (Exchange rejects others), in the binding's order.
 */
import type { ElementTypes } from '../../generated/elements';
import type { OperationDesc } from '../schema/descriptors';
import type { ConnectingSIDType, DateTimePrecisionType, ExchangeVersionType, ManagementRoleType } from '../../generated/types';

/** Whom to act as (EWS impersonation): exactly one way of naming the mailbox owner. */
export type Impersonation =
  | { readonly smtpAddress: string }
  | { readonly primarySmtpAddress: string }
  | { readonly sid: string }
  | { readonly principalName: string };

export interface RequestContext {
  /** RequestServerVersion; every EWS operation accepts it. */
  readonly version: ExchangeVersionType;
  /** Time zone sent as TimeZoneContext: a Windows id (`W. Europe Standard Time`) or an IANA name, mapped to its Windows id. */
  readonly timeZone?: string;
  readonly impersonation?: Impersonation;
  readonly dateTimePrecision?: DateTimePrecisionType;
  readonly managementRole?: { readonly userRoles?: string[]; readonly applicationRoles?: string[] };
  /** MailboxCulture, e.g. `en-US`. */
  readonly mailboxCulture?: string;
}

export interface SoapHeader {
  readonly element: string;
  readonly value: unknown;
}

type HeaderBuilders = { [K in keyof ElementTypes]?: (ctx: RequestContext) => ElementTypes[K] | undefined };

const HEADER_BUILDERS: HeaderBuilders = {
  't:RequestServerVersion': (ctx) => ({ Version: ctx.version }),
  't:ExchangeImpersonation': (ctx) => ctx.impersonation && { ConnectingSID: connectingSid(ctx.impersonation) },
  't:TimeZoneContext': (ctx) => ctx.timeZone ? { TimeZoneDefinition: { Id: ctx.timeZone } } : undefined,
  't:DateTimePrecision': (ctx) => ctx.dateTimePrecision,
  't:ManagementRole': (ctx) => ctx.managementRole && managementRole(ctx.managementRole),
  't:MailboxCulture': (ctx) => ctx.mailboxCulture ? { $value: ctx.mailboxCulture } : undefined,
};

export function soapHeadersFor(operation: OperationDesc, ctx: RequestContext): SoapHeader[] {
  const headers: SoapHeader[] = [];
  for (const element of operation.inputHeaders) {
    const build = HEADER_BUILDERS[element as keyof ElementTypes] as ((c: RequestContext) => unknown) | undefined;
    const value = build?.(ctx);
    if (value !== undefined) headers.push({ element, value });
  }
  return headers;
}

function connectingSid(who: Impersonation): ConnectingSIDType {
  if ('smtpAddress' in who) return { SmtpAddress: { $value: who.smtpAddress } };
  if ('primarySmtpAddress' in who) return { PrimarySmtpAddress: { $value: who.primarySmtpAddress } };
  if ('sid' in who) return { SID: { $value: who.sid } };
  return { PrincipalName: { $value: who.principalName } };
}

function managementRole(roles: NonNullable<RequestContext['managementRole']>): ManagementRoleType {
  return {
    ...(roles.userRoles?.length && { UserRoles: roles.userRoles }),
    ...(roles.applicationRoles?.length && { ApplicationRoles: roles.applicationRoles }),
  };
}
