/** signaal and afwezigheid: the forms of a partner member (R7-R9, R5), with that member's dossiers only. */
import { botMessages } from '../../../shared/messages/bot';
import { listMyDossiers } from '../../../shared/services';
import { memberPartnerId } from '../../../shared/services/roles';
import { absenceFormCard, newFormId, signalFormCard } from '../../cards/form-cards';
import { initials } from '../../cards/format';
import type { Choice } from '../../cards/card';
import { replyCard, replyText, scopeOf } from '../reply';
import type { KnownTurn, Turn } from '../turn';

/** The member's open dossiers as choices: numbers, and initials (never a name in a shared chat). */
export async function dossierChoices(turn: Pick<Turn, 'shared'>, known: KnownTurn, partnerId: string, supportingOnly = false): Promise<Choice[]> {
  const list = await listMyDossiers(known.ctx, { partnerId });
  return list
    .filter((d) => !supportingOnly || d.supportingPartnerId === partnerId)
    .map((d) => ({ title: turn.shared ? `${d.number} (${initials(d.tenantName)})` : `${d.number} - ${d.tenantName}`, value: d.id }));
}

async function memberScope(turn: Turn, known: KnownTurn): Promise<string | undefined> {
  const own = memberPartnerId(known.user);
  if (!own) {
    await replyText(turn, botMessages.partnerMemberOnly);
    return undefined;
  }
  const scope = scopeOf(turn, known);
  if (!scope.ok) {
    await replyText(turn, scope.message);
    return undefined;
  }
  return scope.partnerId;
}

export async function signal(turn: Turn, known: KnownTurn): Promise<void> {
  const partnerId = await memberScope(turn, known);
  if (!partnerId) return;
  await replyCard(turn, signalFormCard({ dossiers: await dossierChoices(turn, known, partnerId), formId: newFormId() }));
}

export async function absence(turn: Turn, known: KnownTurn): Promise<void> {
  const partnerId = await memberScope(turn, known);
  if (!partnerId) return;
  await replyCard(turn, absenceFormCard({ dossiers: await dossierChoices(turn, known, partnerId, true), formId: newFormId() }));
}
