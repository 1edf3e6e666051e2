/**
 * task/fetch: a card's "Dossier(s) openen" button (Action.Submit with msteams.type 'task/fetch') opens
 * the dossier pages (bot/tab) as a Teams dialog. The answer is the page's URL on this server; the page
 * signs in through Teams and the API checks access again, so the dossier id in the URL discloses
 * nothing. Anything in the button's data that is not a plain id is ignored (the list opens instead).
 */
import type { TaskModuleResponse } from 'botbuilder';
import { botMessages } from '../../shared/messages/bot';
import type { BotRuntime } from './runtime';

const ID = /^[A-Za-z0-9-]{1,100}$/;
const NUMBER = /^[A-Za-z0-9-]{1,40}$/;

export const DIALOG_SIZE = { height: 'large', width: 'large' } as const;

/** The page a dialog button asks for: one dossier, or the list. */
export function dialogPage(data: unknown): { dossierId: string; number: string } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { page, dossierId, number } = data as Record<string, unknown>;
  if (page !== 'dossier' || typeof dossierId !== 'string' || !ID.test(dossierId)) return undefined;
  return { dossierId, number: typeof number === 'string' && NUMBER.test(number) ? number : '' };
}

export function dialogResponse(rt: Pick<BotRuntime, 'deps'>, data: unknown, known: boolean): TaskModuleResponse {
  if (!known) return { task: { type: 'message', value: botMessages.unknownUser } };
  const base = `${rt.deps.config.baseUrl}/tab/dossiers.html`;
  const one = dialogPage(data);
  const url = one ? `${base}?dossier=${encodeURIComponent(one.dossierId)}` : base;
  const title = one?.number ? botMessages.pages.dossierTitle(one.number) : botMessages.pages.listTitle;
  return { task: { type: 'continue', value: { url, fallbackUrl: url, title, ...DIALOG_SIZE } } };
}
