/** Routes a chat message to its command (one handler per file). */
import { botMessages } from '../../../shared/messages/bot';
import { replyText } from '../reply';
import type { KnownTurn, Turn } from '../turn';
import { agenda } from './agenda';
import { conclusions } from './conclusions';
import { contact } from './contact';
import { dossier } from './dossier';
import { dossiers } from './dossiers';
import { absence, signal } from './forms';
import { help } from './help';
import { alertChannel, link, unlink } from './link';
import { parseCommand, type CommandName } from './parse';

const HANDLERS: Record<CommandName, (turn: Turn, known: KnownTurn, args: string[]) => Promise<void>> = {
  help: (t, k) => help(t, k),
  dossiers: (t, k) => dossiers(t, k),
  dossier,
  agenda,
  conclusions,
  signal: (t, k) => signal(t, k),
  absence: (t, k) => absence(t, k),
  contact,
  link,
  unlink: (t, k) => unlink(t, k),
  alertChannel: (t, k) => alertChannel(t, k),
};

export async function handleMessage(turn: Turn, known: KnownTurn, text: string): Promise<void> {
  const parsed = parseCommand(text);
  switch (parsed.kind) {
    case 'empty':
      return replyText(turn, botMessages.emptyCommand);
    case 'unknown':
      return replyText(turn, botMessages.unknownCommand(parsed.typed));
    case 'suggestion':
      return replyText(turn, botMessages.didYouMean(parsed.typed, parsed.suggestion));
    case 'command':
      return HANDLERS[parsed.name](turn, known, parsed.args);
  }
}
