/**
 * Where an element libxml2 names by path (`/soap:Envelope/soap:Body/m:GetItem/m:ItemIds/t:ItemId[2]`)
 * starts in the document text: libxml2 gives a validity error's line but no column, and a request
 * written on one line needs the column too (Exchange's fault carries LineNumber and LinePosition).
 * Only for documents libxml2 has already parsed, so they are well-formed.
 */

export interface TextPosition {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters: the `<` of the element's start tag. */
  readonly column: number;
}

/** Comments, CDATA, processing instructions and DOCTYPE are skipped; a tag's attribute values may hold `>`. */
const MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|<(\/?)([^\s/>]+)(?:"[^"]*"|'[^']*'|[^>"'])*?(\/?)>/g;

export function locateElement(xml: string, xpath: string): TextPosition | undefined {
  const steps = xpath.split('/').slice(1).map((step) => {
    const parsed = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(step);
    return parsed ? { qname: parsed[1], index: Number(parsed[2] ?? 1) } : undefined;
  });
  if (steps.length === 0 || steps.some((step) => step === undefined)) return undefined;

  // Per open element on the matching path: how many children of each name it has had so far.
  const seen: Map<string, number>[] = [new Map()];
  let depth = 0; // open elements
  let matchedDepth = 0; // how many leading open elements are the path's steps
  MARKUP.lastIndex = 0;
  for (let match = MARKUP.exec(xml); match; match = MARKUP.exec(xml)) {
    const [, closing, qname, selfClosing] = match;
    if (qname === undefined) continue;
    if (closing) {
      depth--;
      if (matchedDepth > depth) matchedDepth = depth;
      seen.length = Math.min(seen.length, depth + 1);
      continue;
    }
    const siblings = seen[depth];
    let onPath = false;
    if (siblings && matchedDepth === depth) {
      const count = (siblings.get(qname) ?? 0) + 1;
      siblings.set(qname, count);
      const step = steps[depth]!;
      if (step.qname === qname && step.index === count) {
        if (depth === steps.length - 1) return positionOf(xml, match.index);
        onPath = true;
      }
    }
    if (selfClosing) continue;
    depth++;
    if (onPath) {
      matchedDepth = depth;
      seen[depth] = new Map();
    }
  }
  return undefined;
}

function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
