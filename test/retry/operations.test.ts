/** Which operations count as reads, repeatable, or acting once, over every operation of the bundled schema. */
import { ewsSchema } from '../../src/schema/ews-schema';
import { operationEffect } from '../../src/retry';

const allOperations = Object.keys(ewsSchema().operations);
const withEffect = (effect: string) => allOperations.filter((name) => operationEffect(name) === effect).sort();

describe('operationEffect', () => {
  it('classifies the operations named in the issue: reads are retried, changes are not', () => {
    expect(['FindItem', 'FindFolder', 'GetItem', 'GetFolder', 'SyncFolderItems', 'SyncFolderHierarchy', 'ResolveNames', 'GetAttachment', 'ExportItems']
      .map(operationEffect)).toEqual(Array(9).fill('none'));
    expect(['CreateItem', 'SendItem', 'MoveItem', 'CopyItem', 'UpdateItem', 'CreateAttachment', 'UploadItems', 'Subscribe', 'StartSearchSession']
      .map(operationEffect)).toEqual(Array(9).fill('once'));
    expect(['DeleteItem', 'DeleteFolder', 'DeleteAttachment', 'EmptyFolder', 'Unsubscribe'].map(operationEffect)).toEqual(Array(5).fill('repeatable'));
  });

  it('counts as reads exactly these operations of the schema, each one that only reads', () => {
    // Reviewed by hand: a schema with a new Get/Find/Sync… operation changes this list, and the test says so.
    expect(withEffect('none')).toEqual([
      'ConvertId', 'ExecuteSearch', 'ExpandDL', 'ExportItems', 'FindAvailableMeetingTimes', 'FindConversation', 'FindFolder', 'FindItem',
      'FindMeetingSpaceByJoinUrl', 'FindMeetingTimeCandidates', 'FindMessageTrackingReport', 'FindPeople', 'FindTags',
      'GetAppManifests', 'GetAppMarketplaceUrl', 'GetAttachment', 'GetClientAccessToken', 'GetConversationItems', 'GetDelegate',
      'GetDiscoverySearchConfiguration', 'GetEvents', 'GetFolder', 'GetHoldOnMailboxes', 'GetImItemList', 'GetImItems', 'GetInboxRules',
      'GetItem', 'GetLastPrivateCatalogUpdate', 'GetMailTips', 'GetMeetingInstance', 'GetMeetingSpace', 'GetMessageTrackingReport',
      'GetNonIndexableItemDetails', 'GetNonIndexableItemStatistics', 'GetPasswordExpirationDate', 'GetPersona', 'GetPhoneCallInformation',
      'GetPrivateCatalogAddIns', 'GetRoomLists', 'GetRooms', 'GetSearchSuggestions', 'GetSearchableMailboxes', 'GetServerTimeZones',
      'GetServiceConfiguration', 'GetSharingFolder', 'GetSharingMetadata', 'GetSpecificUserConfiguration', 'GetStreamingEvents',
      'GetUserAvailability', 'GetUserConfiguration', 'GetUserOofSettings', 'GetUserPhoto', 'GetUserRetentionPolicyTags',
      'ResolveNames', 'SearchMailboxes', 'SyncFolderHierarchy', 'SyncFolderItems',
    ]);
  });

  it('an operation name it does not know counts as acting once', () => {
    expect(operationEffect('FrobnicateItem')).toBe('once');
  });
});
