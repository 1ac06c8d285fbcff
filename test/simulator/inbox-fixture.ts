/**
 * An inbox of 30 messages from five colleagues, one a day from 2024-02-01 08:00 UTC ("Day 0" ... "Day 29").
 * Senders rotate forwards then backwards (Ann..Eve, Eve..Ann, ...), so the earliest and the latest
 * message of each sender order the senders differently:
 *   Ann: days 0 9 10 19 20 29   Ben: 1 8 11 18 21 28   Cid: 2 7 12 17 22 27   Dee: 3 6 13 16 23 26   Eve: 4 5 14 15 24 25
 */
import { createItem } from '../../src/simulator/operations/create-item';
import { contextFor, newWorld, type World } from './fixtures';

export const SENDERS = ['Ann', 'Ben', 'Cid', 'Dee', 'Eve'] as const;
export const DAY = 86_400_000;
export const FIRST_DAY = Date.parse('2024-02-01T08:00:00Z');

export function senderOfDay(day: number): (typeof SENDERS)[number] {
  const inRound = day % 5;
  return SENDERS[Math.floor(day / 5) % 2 === 0 ? inRound : 4 - inRound];
}

export function inboxWorld(): World {
  const world = newWorld();
  for (const name of SENDERS) world.state.addMailbox({ smtpAddress: `${name.toLowerCase()}@contoso.com`, displayName: name });
  for (let day = 0; day < 30; day++) {
    world.clock.set(new Date(FIRST_DAY + day * DAY));
    const sender = contextFor(world.state, world.state.mailbox(`${senderOfDay(day).toLowerCase()}@contoso.com`)!);
    createItem(sender, {
      MessageDisposition: 'SendOnly',
      Items: [{ $el: 'Message', Subject: `Day ${day}`, Body: { BodyType: 'Text', $value: `Report number ${day}` }, Importance: day % 7 === 0 ? 'High' : 'Normal', ToRecipients: [{ EmailAddress: 'alice@contoso.com' }] }],
    });
  }
  world.clock.set('2024-03-15T12:00:00Z');
  return world;
}
