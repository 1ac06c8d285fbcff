/**
 * CalendarView: the calendar items whose time overlaps [StartDate, EndDate), with recurring series
 * expanded into their occurrences and exceptions (each with its own ItemId), ordered by start.
 * MaxEntriesReturned keeps the first entries; TotalItemsInView still counts them all.
 */
import type * as t from '../../../generated/types';
import type { Mailbox } from '../store/mailbox';
import type { StoredFolder, StoredItem } from '../store/records';
import { isRecurringMaster, occurrenceData, occurrencesOf } from './calendar-series';
import { ResponseError } from './errors';
import type { ListedItem } from './listed-item';

export function calendarViewItems(mailbox: Mailbox, folder: StoredFolder, items: readonly StoredItem[], view: t.CalendarViewType): ListedItem[] {
  if (!folder.folderClass.startsWith('IPF.Appointment')) throw new ResponseError('ErrorCalendarFolderIsInvalidForCalendarView');
  const window = { from: Date.parse(view.StartDate), to: Date.parse(view.EndDate) };
  if (Number.isNaN(window.from) || Number.isNaN(window.to)) throw new ResponseError('ErrorInvalidRequest', 'The calendar view dates are invalid.');
  if (window.to < window.from) throw new ResponseError('ErrorCalendarEndDateIsEarlierThanStartDate');
  const listed: ListedItem[] = [];
  for (const item of items) {
    if (item.element !== 'CalendarItem') continue;
    if (isRecurringMaster(item)) {
      for (const occurrence of occurrencesOf(item, window)) listed.push({ item, data: occurrenceData(mailbox, item, occurrence) });
    } else if (overlaps(item, window)) listed.push({ item, data: item.data });
  }
  return listed.sort((a, b) => Date.parse(a.data.Start!) - Date.parse(b.data.Start!));
}

function overlaps(item: StoredItem, window: { from: number; to: number }): boolean {
  const start = Date.parse(item.data.Start ?? '');
  const end = Date.parse(item.data.End ?? item.data.Start ?? '');
  return start < window.to && end > window.from;
}
