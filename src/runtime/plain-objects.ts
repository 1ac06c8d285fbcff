/**
 * Walking the members a plain object holds instead of every member its type declares: a CalendarItem
 * type declares ~80 but an object holds a handful (the writer and the version check both do this).
 */

/** An object literal (or `Object.create(null)`): its own enumerable keys are all it holds. */
export function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Adds `value` to the ascending `list`; keys mostly come in schema order already, so this is O(1) in practice. */
export function insertSorted(list: number[], value: number): void {
  let at = list.length;
  if (at === 0 || list[at - 1] < value) {
    list.push(value);
    return;
  }
  while (at > 0 && list[at - 1] > value) at--;
  list.splice(at, 0, value);
}
