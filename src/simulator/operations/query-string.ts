/**
 * m:QueryString (AQS), minimally: the query is split into words and "quoted phrases", and an item
 * matches when every one of them occurs, case-insensitively, in its Subject or its Body text.
 * AQS property keywords (from:, subject:), OR/NOT and dates are not interpreted: they are plain words.
 */
import type { ItemData } from '../store/records';
import { htmlToText } from './body-conversion';

export function compileQueryString(query: string): (data: ItemData) => boolean {
  const terms = [...query.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => (match[1] ?? match[2]).toLowerCase()).filter((term) => term.length > 0);
  return (data) => {
    const body = data.Body ? (data.Body.BodyType === 'HTML' ? htmlToText(data.Body.$value) : data.Body.$value) : '';
    const text = `${data.Subject ?? ''}\n${body}`.toLowerCase();
    return terms.every((term) => text.includes(term));
  };
}
