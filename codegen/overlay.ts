/**
 * Facts the XSD does not carry, in one typed place (see STYLE.md §8). Everything else the generator
 * derives from the schemas.
 */
export interface Overlay {
  /**
   * Other element names a server sends in place of an element, read as that element.
   * Key: `OwnerType/ElementName`.
   */
  readonly elementAliases: Readonly<Record<string, readonly string[]>>;
  /** Property names for repeated choices that are not the whole content of their type. Key: owner type. */
  readonly compoundNames: Readonly<Record<string, string>>;
  /**
   * The type whose element a FieldURI prefix names (`calendar:Start` → CalendarItemType/Start). The
   * generator resolves every t:UnindexedFieldURIType value through this table and its types' bases.
   */
  readonly fieldUriOwners: Readonly<Record<string, string>>;
  /** FieldURIs whose element name differs from the part after the colon. */
  readonly fieldUriElements: Readonly<Record<string, string>>;
  /**
   * Elements the server computes: read in results, left out of the generated input types (what
   * createItems, updateItems and `client.call` requests accept). Key: the type that declares them.
   */
  readonly serverComputed: Readonly<Record<string, readonly string[]>>;
}

export const overlay: Overlay = {
  elementAliases: {
    // Exchange 2013 (15.0) up to build 15.0.775.38 answers a grouped FindItem with t:Group elements
    // where the schema says t:GroupedItems; their content is the same GroupedItemsType.
    'ArrayOfGroupedItemsType/GroupedItems': ['Group'],
  },
  compoundNames: {
    // t:NotificationType: SubscriptionId, PreviousWatermark, MoreEvents, then the events in order.
    NotificationType: 'Events',
  },
  fieldUriOwners: {
    folder: 'FolderType',
    item: 'ItemType',
    message: 'MessageType',
    sharingMessage: 'SharingMessageType',
    meeting: 'MeetingMessageType',
    meetingRequest: 'MeetingRequestMessageType',
    calendar: 'CalendarItemType',
    task: 'TaskType',
    contacts: 'ContactItemType',
    distributionlist: 'DistributionListType',
    postitem: 'PostItemType',
    conversation: 'ConversationType',
    persona: 'PersonaType',
    abchperson: 'AbchPersonItemType',
  },
  fieldUriElements: {},
  // The EWS Managed API's read-only properties: its property definitions without
  // PropertyDefinitionFlags.CanSet in Core/ServiceObjects/Schemas/ (ItemSchema.cs, AppointmentSchema.cs,
  // EmailMessageSchema.cs, ContactSchema.cs, TaskSchema.cs, PostItemSchema.cs, MeetingMessageSchema.cs,
  // MeetingRequestSchema.cs, MeetingResponseSchema.cs, MeetingCancellationSchema.cs, FolderSchema.cs) of
  // github.com/OfficeDev/ews-managed-api, as carried over unchanged by its port ews-javascript-api 0.15.3
  // (js/Core/ServiceObjects/Schemas/*.js), keyed here by the XSD type that declares each element.
  // ItemType/Attachments is read-only there too but stays in inputs: createItems takes an item's
  // attachments and adds them with CreateAttachment.
  serverComputed: {
    ItemType: [
      'ItemId', 'ParentFolderId', 'DateTimeReceived', 'Size', 'IsSubmitted', 'IsDraft', 'IsFromMe', 'IsResend', 'IsUnmodified',
      'InternetMessageHeaders', 'DateTimeSent', 'DateTimeCreated', 'ResponseObjects', 'DisplayCc', 'DisplayTo', 'HasAttachments',
      'EffectiveRights', 'LastModifiedName', 'LastModifiedTime', 'WebClientReadFormQueryString', 'WebClientEditFormQueryString',
      'ConversationId', 'UniqueBody', 'StoreEntryId', 'InstanceKey', 'NormalizedBody', 'EntityExtractionResult', 'RetentionDate',
      'Preview', 'TextBody', 'IconIndex',
    ],
    MessageType: ['ConversationIndex', 'ConversationTopic', 'InternetMessageId', 'ReceivedBy', 'ReceivedRepresenting', 'ApprovalRequestData', 'VotingInformation'],
    CalendarItemType: [
      'OriginalStart', 'IsMeeting', 'IsCancelled', 'IsRecurring', 'MeetingRequestWasSent', 'CalendarItemType', 'Organizer',
      'ConflictingMeetingCount', 'AdjacentMeetingCount', 'ConflictingMeetings', 'AdjacentMeetings', 'Duration', 'TimeZone',
      'AppointmentReplyTime', 'AppointmentSequenceNumber', 'AppointmentState', 'FirstOccurrence', 'LastOccurrence',
      'ModifiedOccurrences', 'DeletedOccurrences', 'RecurrenceId', 'DateTimeStamp', 'JoinOnlineMeetingUrl', 'OnlineMeetingSettings',
    ],
    ContactItemType: [
      'CompleteName', 'ContactSource', 'HasPicture', 'PhoneticFullName', 'PhoneticFirstName', 'PhoneticLastName', 'Alias', 'Notes',
      'Photo', 'UserSMIMECertificate', 'MSExchangeCertificate', 'DirectoryId', 'ManagerMailbox', 'DirectReports',
    ],
    TaskType: [
      'AssignedTime', 'ChangeCount', 'DelegationState', 'Delegator', 'IsAssignmentEditable', 'IsComplete', 'IsRecurring', 'IsTeamTask',
      'Owner', 'StatusDescription',
    ],
    PostItemType: ['ConversationIndex', 'ConversationTopic', 'InternetMessageId', 'PostedTime'],
    MeetingMessageType: ['AssociatedCalendarItemId', 'IsDelegated', 'IsOutOfDate', 'HasBeenProcessed', 'ResponseType', 'RecurrenceId', 'DateTimeStamp', 'IsOrganizer'],
    MeetingRequestMessageType: [
      'MeetingRequestType', 'IntendedFreeBusyStatus', 'ChangeHighlights', 'OriginalStart', 'IsMeeting', 'IsCancelled', 'IsRecurring',
      'MeetingRequestWasSent', 'CalendarItemType', 'Organizer', 'ConflictingMeetingCount', 'AdjacentMeetingCount', 'ConflictingMeetings',
      'AdjacentMeetings', 'Duration', 'TimeZone', 'AppointmentReplyTime', 'AppointmentSequenceNumber', 'AppointmentState',
      'FirstOccurrence', 'LastOccurrence', 'ModifiedOccurrences', 'DeletedOccurrences',
    ],
    MeetingResponseMessageType: ['CalendarItemType', 'ProposedStart', 'ProposedEnd'],
    MeetingCancellationMessageType: ['CalendarItemType'],
    BaseFolderType: ['FolderId', 'ParentFolderId', 'ChildFolderCount', 'TotalCount', 'ManagedFolderInformation', 'EffectiveRights'],
    FolderType: ['UnreadCount'],
  },
};
