/** Who a card is rendered for, and short notices shown on top of a card after an action. */
import type { User } from '../../shared/rules/types';
import { container, text, type Element } from './card';

/**
 * `base`: what everyone in a conversation sees (no role-specific buttons); `user`: one person's view
 * (a personal chat, an invoke response, a Teams refresh). `shared` says whether the conversation is
 * seen by several people: then tenants' names never appear (least personal data).
 */
export type Viewer = { kind: 'base'; shared: boolean } | { kind: 'user'; user: User; shared: boolean };

export const baseViewer = (shared = true): Viewer => ({ kind: 'base', shared });
export const userViewer = (user: User, shared: boolean): Viewer => ({ kind: 'user', user, shared });

export const isCoordinator = (viewer: Viewer): boolean => viewer.kind === 'user' && viewer.user.role === 'landlord-coordinator';
export const isLandlord = (viewer: Viewer): boolean =>
  viewer.kind === 'user' && (viewer.user.role === 'landlord-coordinator' || viewer.user.role === 'landlord-staff');
export const memberOf = (viewer: Viewer): string | undefined =>
  viewer.kind === 'user' && viewer.user.role === 'partner-member' ? viewer.user.partnerId : undefined;

export interface Notice {
  tone: 'good' | 'attention' | 'default';
  text: string;
}

export const noticeBlock = (notice: Notice | undefined): Element[] =>
  notice
    ? [
        // The container's style carries the tone; the text keeps the default colour (green on green does not read).
        container([text(notice.text, { weight: 'bolder' })], {
          style: notice.tone === 'attention' ? 'attention' : notice.tone === 'good' ? 'good' : 'emphasis',
        }),
      ]
    : [];
