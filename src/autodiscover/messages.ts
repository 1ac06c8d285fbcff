/**
 * The instance types of the Autodiscover descriptors in schema.ts (the same instance model as the
 * generated EWS types: one property per element, arrays for repeated elements and array wrappers).
 */
export interface PoxRequestDocument {
  readonly Request: { readonly EMailAddress?: string; readonly LegacyDN?: string; readonly AcceptableResponseSchema: string };
}

export interface PoxProtocol {
  readonly Type?: string;
  /** The `Type` attribute (`<Protocol Type="mapiHttp">`), distinct from the Type element. */
  readonly TypeAttribute?: string;
  readonly Version?: string;
  readonly Server?: string;
  /** Hexadecimal encoding of the mailbox server's version (see server-version.ts). */
  readonly ServerVersion?: string;
  /** Hours the settings stay valid. */
  readonly TTL?: string;
  readonly ASUrl?: string;
  readonly EwsUrl?: string;
  readonly EmwsUrl?: string;
  readonly EcpUrl?: string;
}

export interface PoxErrorValue {
  readonly ErrorCode?: string;
  readonly Message?: string;
  readonly DebugData?: string;
}

export interface PoxResponseDocument {
  readonly Response?: {
    readonly User?: { readonly DisplayName?: string; readonly LegacyDN?: string; readonly AutoDiscoverSMTPAddress?: string; readonly DeploymentId?: string };
    readonly Account?: {
      readonly AccountType?: string;
      readonly Action?: string;
      readonly RedirectAddr?: string;
      readonly RedirectUrl?: string;
      readonly Protocol?: readonly PoxProtocol[];
    };
    readonly Error?: PoxErrorValue;
  };
  readonly ErrorResponse?: { readonly Error?: PoxErrorValue };
}

export interface GetUserSettingsRequestMessage {
  readonly Request: {
    readonly Users: readonly { readonly Mailbox: string }[];
    readonly RequestedSettings: readonly string[];
    readonly RequestedVersion?: string;
  };
}

export interface UserSettingValue {
  readonly $type?: string;
  readonly Name?: string;
  readonly Value?: string | null;
}

export interface UserResponseValue {
  readonly ErrorCode?: string;
  readonly ErrorMessage?: string | null;
  readonly RedirectTarget?: string | null;
  readonly UserSettingErrors?: readonly { readonly ErrorCode?: string; readonly ErrorMessage?: string | null; readonly SettingName?: string }[] | null;
  readonly UserSettings?: readonly UserSettingValue[] | null;
}

export interface GetUserSettingsResponseMessage {
  readonly Response?: {
    readonly ErrorCode?: string;
    readonly ErrorMessage?: string | null;
    readonly UserResponses?: readonly UserResponseValue[] | null;
  } | null;
}
