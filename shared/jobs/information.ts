/**
 * R10: an information request still open 5 working days after it was asked is reminded once, by
 * e-mail to the organisation that was asked (if it still supports the trajectory, R6). After a
 * transfer the request follows the dossier: the new organisation is reminded once, 5 working days
 * after the handover. A request that lapsed when consent was withdrawn (R7) is not reminded. Once a
 * day, from JOBS_DAY_START.
 */
import { brusselsDate, isWorkingDay } from '../rules/calendar';
import { partnerSeesDossier } from '../rules/agenda';
import { informationRequestReminderDue, reminderCountsFrom } from '../rules/information';
import { isOpenRequest } from '../rules/transfer';
import { renderInformationReminder } from '../mail/render-information-reminder';
import type { LandlordRun } from './context';
import { isSettled, jobRun, sendMailOnce } from './effects';
import { jobKeys } from './keys';
import { recipientsOf } from './recipients';
import { atBrussels, atOrAfter } from './time';

export async function informationJob(run: LandlordRun): Promise<void> {
  if (!atOrAfter(run.now, atBrussels(run.today, run.deps.settings.dayStart))) return;
  const working = (d: string) => isWorkingDay(d, run.calendar);
  await jobRun(run, 'information', jobKeys.informationRun(run.landlord.id, run.today), async () => {
    let settled = true;
    for (const partner of await run.partners()) {
      for (const request of await run.ports.informationRequests.listByPartner(partner.id, { openOnly: true })) {
        // R7: a lapsed request is not reminded; R6: a handed-over one counts from the handover.
        const from = reminderCountsFrom(request, brusselsDate(request.askedAt));
        if (!isOpenRequest(request) || request.partnerId !== partner.id || !informationRequestReminderDue(from, false, run.today, working)) continue;
        const dossier = await run.ports.dossiers.get(request.dossierId);
        if (!dossier || !partnerSeesDossier(dossier, partner.id)) continue; // handed over (R6): not theirs to answer
        const r = await sendMailOnce(run, {
          job: 'information',
          effect: 'information-reminder',
          key: jobKeys.informationReminder(run.landlord.id, request.dossierId, request.id, request.handedOver?.length ? partner.id : undefined),
          partnerId: partner.id,
          dossierNumber: dossier.number,
          compose: async () => ({
            to: await recipientsOf(run, partner),
            mail: renderInformationReminder({ landlord: run.landlord, partner, dossierNumber: dossier.number, askedOn: brusselsDate(request.askedAt) }),
          }),
        });
        settled = isSettled(r.outcome) && settled;
      }
    }
    return settled;
  });
}
