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
};
