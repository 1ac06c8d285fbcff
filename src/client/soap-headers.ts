/**
 * The SOAP headers of a request, from the client's options. Only the headers the WSDL binding accepts
 * for the operation are sent (Exchange rejects others), in the binding's order.
 */
import type { ElementTypes } from '../../generated/elements';
import type { OperationDesc } from '../schema/descriptors';
import type { ConnectingSIDType, ExchangeVersionType } from '../../generated/types';
import type { ElementValue } from '../schema/release-types';

// Headers Exchange 2007 lacks: `never` in an SDK generated from its schema.
type DateTimePrecisionType = ElementValue<'t:DateTimePrecision'>;
type ManagementRoleType = ElementValue<'t:ManagementRole'>;

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

// The index signature lets a schema without some of these headers compile; only the operation's headers are used.
const HEADER_BUILDERS: HeaderBuilders & Readonly<Record<string, (ctx: RequestContext) => unknown>> = {
  't:RequestServerVersion': (ctx) => ({ Version: ctx.version }),
  't:ExchangeImpersonation': (ctx) => ctx.impersonation && { ConnectingSID: connectingSid(ctx.impersonation) },
  't:TimeZoneContext': (ctx) => ctx.timeZone ? { TimeZoneDefinition: { Id: ctx.timeZone } } : undefined,
  't:DateTimePrecision': (ctx) => ctx.dateTimePrecision,
  't:ManagementRole': (ctx) => ctx.managementRole && managementRole(ctx.managementRole),
  't:MailboxCulture': (ctx) => ctx.mailboxCulture ? { $value: ctx.mailboxCulture } as never : undefined, // a plain string in Exchange 2007's schema
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

/** Exchange 2013 and later wrap each name in an element with attributes; the 2010 schemas have plain strings (`never` casts keep both compiling). */
function connectingSid(who: Impersonation): ConnectingSIDType {
  if ('smtpAddress' in who) return { SmtpAddress: { $value: who.smtpAddress } } as never; // Exchange 2010 SP1 and later
  if ('primarySmtpAddress' in who) return { PrimarySmtpAddress: { $value: who.primarySmtpAddress } as never };
  if ('sid' in who) return { SID: { $value: who.sid } as never };
  return { PrincipalName: { $value: who.principalName } as never };
}

function managementRole(roles: NonNullable<RequestContext['managementRole']>): ManagementRoleType {
  return {
    ...(roles.userRoles?.length && { UserRoles: roles.userRoles }),
    ...(roles.applicationRoles?.length && { ApplicationRoles: roles.applicationRoles }),
  } satisfies Record<string, string[]> as ManagementRoleType;
}
