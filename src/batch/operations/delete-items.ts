/**
 * deleteItems: DeleteItem for many ids. Deleting an item that is gone answers ErrorItemNotFound for that
 * item, as a result, never an exception.
 *
 * A delete whose outcome is unknown (sent, no answer) IS sent again, unlike creates: repeating it cannot
 * do more than the first attempt did (an item deleted then is not found now; cancellations go out only
 * with a delete that succeeds). The second answer is reported as the server gives it: ErrorItemNotFound
 * stays an error, since the client cannot tell "deleted by the first attempt" from "never existed";
 * `resentAfterUnknownOutcome` on the response says that the first explanation is likely.
 */
import type {
  AffectedTaskOccurrencesType, CalendarItemCreateOrDeleteOperationType, DisposalType,
} from '../../../generated/types';
import type { ItemIdInput } from '../inputs';
import { responseOf, type ServiceResponse, type ServiceResponseCollection } from '../results';
import { defined, itemIdsSpec, runItems, type BatchCallOptions, type BatchContext } from './run-items';

export interface DeleteItemsOptions extends BatchCallOptions {
  /** HardDelete, SoftDelete or MoveToDeletedItems (the default: recoverable). */
  readonly deleteType?: DisposalType;
  /** Required by Exchange when calendar items are among the ids. */
  readonly sendMeetingCancellations?: CalendarItemCreateOrDeleteOperationType;
  /** Required by Exchange when tasks are among the ids. */
  readonly affectedTaskOccurrences?: AffectedTaskOccurrencesType;
  readonly suppressReadReceipts?: boolean;
}

export async function deleteItems(
  { client, scheduler }: BatchContext, ids: readonly ItemIdInput[], options: DeleteItemsOptions,
): Promise<ServiceResponseCollection<ServiceResponse>> {
  const { deleteType, sendMeetingCancellations, affectedTaskOccurrences, suppressReadReceipts, ...batch } = options;
  const attributes = defined({
    DeleteType: deleteType ?? 'MoveToDeletedItems',
    SendMeetingCancellations: sendMeetingCancellations,
    AffectedTaskOccurrences: affectedTaskOccurrences,
    SuppressReadReceipts: suppressReadReceipts,
  });
  return runItems(scheduler, ids, itemIdsSpec(client, 'DeleteItem', attributes, responseOf), batch);
}
