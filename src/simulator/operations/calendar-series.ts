/**
 * Recurring calendar items as EWS shows them: the master keeps the pattern and the series properties
 * (FirstOccurrence, LastOccurrence, DeletedOccurrences, ModifiedOccurrences); each occurrence is a
 * view of the master with its own ItemId (the master's id plus its original start), so it can be got,
 * updated (becoming an exception) and deleted.
 */
import type * as t from '../../../generated/types';
import { ewsDateTime } from '../store/clock';
import type { Mailbox } from '../store/mailbox';
import type { ItemData, StoredItem } from '../store/records';
import { expandSeries, firstOccurrence, type Occurrence, type SeriesTiming } from './recurrence';

export function isRecurringMaster(item: StoredItem): boolean {
  return item.element === 'CalendarItem' && item.data.Recurrence !== undefined && item.data.Start !== undefined;
}

export function seriesTiming(item: StoredItem): SeriesTiming {
  const data = item.data;
  const moved = new Map<number, { start: number; end: number }>();
  for (const [originalStart, overrides] of Object.entries(item.exceptions ?? {})) {
    if (overrides.Start || overrides.End) {
      const start = Date.parse(overrides.Start ?? ewsDateTime(new Date(Number(originalStart))));
      moved.set(Number(originalStart), { start, end: overrides.End ? Date.parse(overrides.End) : start + duration(data) });
    }
  }
  return {
    recurrence: data.Recurrence!,
    start: Date.parse(data.Start!),
    end: Date.parse(data.End ?? data.Start!),
    deleted: new Set((data.DeletedOccurrences ?? []).map((deleted) => Date.parse(deleted.Start))),
    moved,
  };
}

export function occurrencesOf(item: StoredItem, window?: { from: number; to: number }): Occurrence[] {
  return expandSeries(seriesTiming(item), window);
}

export function occurrenceAt(item: StoredItem, originalStart: number): Occurrence | undefined {
  return expandSeries(seriesTiming(item), { from: originalStart, to: originalStart + 1 }).find((o) => o.originalStart === originalStart)
    ?? occurrencesOf(item).find((o) => o.originalStart === originalStart);
}

export function occurrenceByIndex(item: StoredItem, index: number): Occurrence | undefined {
  return expandSeries(seriesTiming(item), undefined, index).find((o) => o.index === index);
}

/** An occurrence as an item of its own: the master's properties, its times, its exception overrides. */
export function occurrenceData(mailbox: Mailbox, master: StoredItem, occurrence: Occurrence): ItemData {
  const { Recurrence: _r, FirstOccurrence: _f, LastOccurrence: _l, ModifiedOccurrences: _m, DeletedOccurrences: _d, ...shared } = master.data;
  const overrides = master.exceptions?.[String(occurrence.originalStart)];
  return {
    ...shared,
    ...overrides,
    ItemId: mailbox.itemId(master, occurrence.originalStart),
    Start: ewsDateTime(new Date(occurrence.start)),
    End: ewsDateTime(new Date(occurrence.end)),
    OriginalStart: ewsDateTime(new Date(occurrence.originalStart)),
    CalendarItemType: overrides ? 'Exception' : 'Occurrence',
    IsRecurring: true,
  };
}

/**
 * Sets what a master shows about its series. Exchange moves the master's Start/End to the first
 * occurrence, so a series created with a start off-pattern still begins on a pattern day.
 */
export function refreshSeries(mailbox: Mailbox, master: StoredItem): void {
  const data = master.data;
  const first = firstOccurrence(seriesTiming(master));
  if (!first) return;
  const length = duration(data);
  data.Start = ewsDateTime(new Date(first.originalStart));
  data.End = ewsDateTime(new Date(first.originalStart + length));
  data.CalendarItemType = 'RecurringMaster';
  data.IsRecurring = true;
  const bounded = data.Recurrence?.NoEndRecurrence === undefined;
  const all = bounded ? occurrencesOf(master) : [];
  const visible = expandSeries(seriesTiming(master), undefined, 1);
  data.FirstOccurrence = occurrenceInfo(mailbox, master, visible[0] ?? first);
  if (all.length > 0) data.LastOccurrence = occurrenceInfo(mailbox, master, all[all.length - 1]);
  else delete data.LastOccurrence;
  const modified = Object.keys(master.exceptions ?? {}).map(Number).sort((a, b) => a - b);
  if (modified.length > 0) {
    const timing = seriesTiming(master);
    data.ModifiedOccurrences = modified.map((originalStart) => {
      const moved = timing.moved?.get(originalStart);
      return occurrenceInfo(mailbox, master, { index: 0, originalStart, start: moved?.start ?? originalStart, end: moved?.end ?? originalStart + length });
    });
  } else delete data.ModifiedOccurrences;
}

/** Records a change to an item; a recurring master's series properties follow its new ChangeKey. */
export function commitChange(mailbox: Mailbox, item: StoredItem, properties: readonly string[]): void {
  mailbox.recordChange(item, properties);
  if (isRecurringMaster(item)) refreshSeries(mailbox, item);
}

function occurrenceInfo(mailbox: Mailbox, master: StoredItem, occurrence: Occurrence): t.OccurrenceInfoType {
  return {
    ItemId: mailbox.itemId(master, occurrence.originalStart),
    Start: ewsDateTime(new Date(occurrence.start)),
    End: ewsDateTime(new Date(occurrence.end)),
    OriginalStart: ewsDateTime(new Date(occurrence.originalStart)),
  };
}

function duration(data: ItemData): number {
  return data.Start && data.End ? Date.parse(data.End) - Date.parse(data.Start) : 0;
}
