/**
 * Which property of the caller's object produced which element: the tree the writer records while
 * writing a request that is about to be validated, and the lookup from libxml2's element path
 * (`/m:CreateItem/m:Items/t:CalendarItem[3]/t:Start`) to the object path (`Items[2].Start`).
 *
 * libxml2 reports a validity error's line but not its column (0), and the writer puts a whole request
 * on one line, so the element path it also reports is what identifies the element.
 */
import type { WriteTrace } from '../runtime/write-trace';

interface TracedElement {
  readonly qname: string;
  readonly objectPath: string;
  /** Where the element's `<` is in the written text, in characters. */
  readonly offset: number;
  readonly children: TracedElement[];
}

export class ElementTrace implements WriteTrace {
  private readonly top: TracedElement = { qname: '', objectPath: '', offset: -1, children: [] };
  private readonly open: TracedElement[] = [this.top];
  /** Every element in document order (so by offset). */
  private readonly inOrder: TracedElement[] = [];

  enter(qname: string, step: string | undefined, offset: number): void {
    const parent = this.open[this.open.length - 1];
    const objectPath = step === undefined ? parent.objectPath : joinStep(parent.objectPath, step);
    const element: TracedElement = { qname, objectPath, offset, children: [] };
    parent.children.push(element);
    this.open.push(element);
    this.inOrder.push(element);
  }

  /**
   * The element written at `offset` (a server's line and position turned into characters): the last one
   * whose `<` is at or before it, so a position on the `<` (the simulator) or on the name (.NET) both match.
   */
  elementAt(offset: number): { readonly qname: string; readonly objectPath: string } | undefined {
    let low = 0;
    let high = this.inOrder.length - 1;
    let found: TracedElement | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.inOrder[middle].offset <= offset) {
        found = this.inOrder[middle];
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found && { qname: found.qname, objectPath: found.objectPath };
  }

  exit(): void {
    this.open.pop();
  }

  /**
   * The object path of the element libxml2 names, or of its nearest written ancestor when the rest
   * came from raw XML (`$unknown`, `$xml`); undefined when even the root does not match.
   */
  objectPathOf(xpath: string): string | undefined {
    let element: TracedElement = this.top;
    let matched = false;
    for (const step of xpath.split('/').slice(1)) {
      const parsed = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(step);
      if (!parsed) break;
      const sameName = element.children.filter((child) => child.qname === parsed[1]);
      const next = sameName[Number(parsed[2] ?? 1) - 1];
      if (!next) break;
      element = next;
      matched = true;
    }
    return matched ? element.objectPath : undefined;
  }
}

function joinStep(path: string, step: string): string {
  if (step.startsWith('[') || path === '') return path + step;
  return `${path}.${step}`;
}
