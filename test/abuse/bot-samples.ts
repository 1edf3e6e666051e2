/**
 * What the abuse tests send the bot, built from the bot's own tables: every chat command (typed per
 * CommandName, so a new command does not compile without a sample here), every card verb with every
 * card that may carry it (CARD_ACTIONS), and every invoke the bot handles. Each sample aims at one
 * target: a dossier and a consultation of another partner.
 */
import { CARD_ACTIONS, type Verb } from '../../bot/teams/actions';
import type { CommandName } from '../../bot/teams/commands/parse';
import type { CardRef } from '../../bot/cards/card';

export interface BotTarget {
  partnerId: string;
  month: string;
  dossierId: string;
  number: string;
}

/** Per command, what someone could type to reach the target (or change the target's chats). */
export const COMMAND_SAMPLES: Readonly<Record<CommandName, (t: BotTarget) => string[]>> = {
  help: () => ['help'],
  dossiers: () => ['mijn dossiers'],
  dossier: (t) => [`dossier ${t.number}`, `dossier ${t.dossierId}`],
  agenda: (t) => ['agenda', `agenda ${t.partnerId} ${t.month}`],
  conclusions: (t) => ['conclusies', `conclusies ${t.partnerId} ${t.month}`],
  signal: () => ['signaal'],
  absence: () => ['afwezigheid'],
  contact: (t) => ['contact', `contact ${t.partnerId}`],
  link: (t) => [`koppel ${t.partnerId}`],
  unlink: () => ['ontkoppel'],
  alertChannel: () => ['alarmkanaal'],
};

export function cardRef(kind: CardRef['kind'], t: BotTarget): CardRef {
  return kind === 'signal-form' || kind === 'absence-form' ? { kind } : { kind, partnerId: t.partnerId, month: t.month };
}

/** Per verb, the Action.Execute data its card would send, aimed at the target. */
export const VERB_SAMPLES: Readonly<Record<Verb, (t: BotTarget, card: CardRef) => Record<string, unknown>>> = {
  refresh: (_t, card) => ({ card }),
  'agenda.flag': (t, card) => ({ card, dossierId: t.dossierId, problem: 'Aanmelding door een buitenstaander' }),
  'agenda.withdraw': (t, card) => ({ card, dossierId: t.dossierId }),
  'conclusions.form': (_t, card) => ({ card }),
  'conclusions.record': (t, card) => ({ card, dossierIds: [t.dossierId], c0_on: 'true', c0_summary: 'Overschreven door een buitenstaander', c0_decision: 'none' }),
  'conclusions.confirm': (_t, card) => ({ card, remark: 'Bevestigd door een buitenstaander' }),
  'signal.submit': (t, card) => ({ card, formId: 'abuse-signal', dossierId: t.dossierId, category: 'safety', description: 'Signaal van een buitenstaander' }),
  'absence.submit': (t, card) => ({ card, formId: 'abuse-absence', workerName: 'Buitenstaander', from: '2025-11-20', replacementContact: 'Niemand', dossierIds: t.dossierId }),
};

export interface ActionSample {
  verb: Verb;
  card: CardRef;
  data: Record<string, unknown>;
}

/** Every verb of CARD_ACTIONS from every card that may carry it. */
export function actionSamples(t: BotTarget): ActionSample[] {
  return (Object.keys(CARD_ACTIONS) as Verb[]).flatMap((verb) =>
    CARD_ACTIONS[verb].cards.map((kind) => {
      const card = cardRef(kind, t);
      return { verb, card, data: VERB_SAMPLES[verb](t, card) };
    }),
  );
}

/** The invokes other than card actions, as Teams sends them (name and value). */
export const DIALOG_INVOKES = (t: BotTarget): { name: string; value: Record<string, unknown> }[] => [
  { name: 'task/fetch', value: { data: { msteams: { type: 'task/fetch' }, page: 'dossier', dossierId: t.dossierId }, context: { theme: 'default' } } },
  { name: 'task/submit', value: { data: { dossierId: t.dossierId, form: 'visit', changed: true } } },
];

/**
 * The handlers WoonbegeleidingBot overrides, and what in this file reaches each. A handler added to
 * the bot without a line here fails the abuse test.
 */
export const HANDLER_COVERAGE: Readonly<Record<string, string>> = {
  onAdaptiveCardInvoke: 'actionSamples',
  handleTeamsTaskModuleFetch: 'DIALOG_INVOKES task/fetch',
  handleTeamsTaskModuleSubmit: 'DIALOG_INVOKES task/submit',
  onTeamsMembersRemoved: 'none: Teams reporting the bot removed is not a user action (the link goes, as on uninstall)',
};
