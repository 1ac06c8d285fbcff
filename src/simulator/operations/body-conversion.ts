/**
 * Body conversion for the BodyType of a shape: Exchange converts between HTML and text on request.
 * The simulator converts simply (tags stripped, entities decoded; text escaped and wrapped).
 */
import type * as t from '../../../generated/types';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function convertBody(body: t.BodyType, wanted: t.BodyTypeResponseType | undefined): t.BodyType {
  if (!wanted || wanted === 'Best' || wanted === body.BodyType) return body;
  return wanted === 'Text' ? { ...body, BodyType: 'Text', $value: htmlToText(body.$value) } : { ...body, BodyType: 'HTML', $value: textToHtml(body.$value) };
}

export function htmlToText(html: string): string {
  return html
    .replace(/<(head|style|script)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\r\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => decodeEntity(entity) ?? match)
    .replace(/(\r\n){3,}/g, '\r\n\r\n')
    .trim();
}

export function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>\r\n');
  return `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${escaped}\r\n</body>\r\n</html>\r\n`;
}

function decodeEntity(entity: string): string | undefined {
  if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
  if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
  return ENTITIES[entity.toLowerCase()];
}
