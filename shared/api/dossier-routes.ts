/**
 * The dossier routes of the Teams tab and dialogs (bot/tab): the dossier list with its filters, the
 * dossier page (get-dossier with its history for the timeline), and one POST route per step of a
 * trajectory. Every route calls the use case of that step, which applies the access policy: a dossier
 * another organisation may not see answers 404 exactly like a missing id; a step the user may not take
 * on a dossier it sees answers 403. Registered in routes.ts, so the OpenAPI document lists them.
 */
import { tabMessages as msg } from '../messages/tab';
import { trajectoryMessages } from '../messages/trajectory';
import { trajectoryEndMessages } from '../messages/trajectory-end';
import { isAllowed } from '../rules/access';
import { contactLetterFileName, contactLetterRefusal } from '../rules/contact-letter';
import { consultationOnOrAfter } from '../rules/calendar';
import type { Dossier, User } from '../rules/types';
import { acceptTransfer } from '../services/accept-transfer';
import { activateTrajectory } from '../services/activate-trajectory';
import { answerInformation } from '../services/answer-information';
import { cancelTransfer } from '../services/cancel-transfer';
import { closeTrajectory } from '../services/close-trajectory';
import { todayOf, type ServiceContext } from '../services/context';
import { createCandidacy } from '../services/create-candidacy';
import type { DossierChange } from '../services/dossier-access';
import { extendTrajectory } from '../services/extend-trajectory';
import { getAgenda } from '../services/get-agenda';
import { getContactLetter } from '../services/get-contact-letter';
import { getDossier } from '../services/get-dossier';
import { listMyDossiers } from '../services/list-my-dossiers';
import { logContact } from '../services/log-contact';
import { milestones as milestonesOf } from '../rules/milestones';
import { recordConsent } from '../services/record-consent';
import { recordSignature } from '../services/record-signature';
import { recordVisit } from '../services/record-visit';
import { rejectTransfer } from '../services/reject-transfer';
import { reportAbsence } from '../services/report-absence';
import { requestInformation } from '../services/request-information';
import { requestTransfer } from '../services/request-transfer';
import { isLandlordRole, memberPartnerId } from '../services/roles';
import { stopTrajectory } from '../services/stop-trajectory';
import { withdrawConsent } from '../services/withdraw-consent';
import { userRoute, type ApiRoute, type Reply } from './http';
import * as s from './dossier-schemas';
import { documentLines, dueAndOverdue, formsFor, milestoneViews, signalViews, timeline } from './dossier-views';
import { dossierHeadOf } from './views';

const problems = {
  400: { description: 'Invalid input (Dutch reason in detail, the fields in fields)', problem: true },
  401: { description: 'No valid access token', problem: true },
  403: { description: 'Not a user, or a step this user may not take on a dossier it sees', problem: true },
  404: { description: 'Not found, or not visible to this user (the same answer)', problem: true },
  409: { description: 'The state of the trajectory does not allow this step (Dutch reason)', problem: true },
} as const;

const actionResponses = (created = false) => ({
  [created ? 201 : 200]: { description: 'Done (changed false: it was recorded already)', schema: s.actionResultSchema },
  ...problems,
});

const changeReply = (change: DossierChange, done: string, status = 200): Reply => {
  const body: s.ActionResult = { dossierId: change.dossier.id, number: change.dossier.number, changed: change.changed, message: change.changed ? done : msg.forms.unchanged };
  return { status, body };
};

const recordReply = (dossierId: string, changed: boolean, recordId: string, done: string, status = 200): Reply => {
  const body: s.ActionResult = { dossierId, changed, recordId, message: changed ? done : msg.forms.unchanged };
  return { status: changed ? status : 200, body };
};

/** The next consultation's agenda of each partner (for "on the agenda"), read once per partner. */
async function agendaDossiers(ctx: ServiceContext, partnerIds: readonly string[]): Promise<Map<string, string>> {
  const on = new Map<string, string>();
  await Promise.all(
    partnerIds.map(async (partnerId) => {
      const agenda = await getAgenda(ctx, isLandlordRole(ctx.user) ? { partnerId } : {}).catch(() => undefined);
      for (const e of agenda?.toDiscuss ?? []) on.set(e.dossierId, agenda?.calendar.meetingDate ?? '');
    }),
  );
  return on;
}

/** Overdue milestones of a dossier (visits read per running dossier). */
async function overdueOf(ctx: ServiceContext, d: Dossier, today: string): Promise<string[]> {
  if (!d.leaseStart || (d.status !== 'active' && d.status !== 'extended')) return [];
  const visits = await ctx.ports.visits.listByDossier(d.id);
  const list = milestonesOf({ leaseStart: d.leaseStart, extensions: d.extensions.map((e) => e.months), kind: d.kind }, ctx.calendar);
  return milestoneViews(list, visits, today)
    .filter((m) => m.state === 'overdue')
    .map((m) => msg.attention.overdue(m.label, m.due));
}

const canCreate = (user: User) => user.role === 'landlord-coordinator';

export function dossierRoutes(): ApiRoute[] {
  return [
    userRoute({
      method: 'get',
      path: '/api/dossier-overview',
      operationId: 'listDossierOverview',
      summary: 'The dossiers the user may see, with what needs attention (overdue milestone, open information request, on the next agenda), filterable by partner, stage and attention.',
      query: s.overviewQuery,
      responses: { 200: { description: 'The dossiers', schema: s.overviewSchema }, 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
      handle: async ({ query }, { ctx, user }) => {
        const stage = query.stage;
        const closed = stage === 'closed-positive' || stage === 'stopped';
        const list = await listMyDossiers(ctx, { ...(query.partnerId ? { partnerId: query.partnerId } : {}), includeClosed: closed });
        const partners = await ctx.ports.partners.list();
        const names = new Map(partners.map((p) => [p.id, p.name]));
        const selected = list.filter((d) => !stage || d.status === stage);
        const today = todayOf(ctx);
        const own = memberPartnerId(user);
        const partnerIds = own ? [own] : query.partnerId ? [query.partnerId] : partners.map((p) => p.id);
        const [onAgenda, openRequests] = await Promise.all([
          agendaDossiers(ctx, partnerIds),
          Promise.all(partnerIds.map((p) => ctx.ports.informationRequests.listByPartner(p, { openOnly: true }))).then((r) => new Set(r.flat().map((q) => q.dossierId))),
        ]);
        const dossiers: s.OverviewItem[] = [];
        for (const d of selected) {
          const full = await ctx.ports.dossiers.get(d.id);
          const attention = full ? await overdueOf(ctx, full, today) : [];
          if (openRequests.has(d.id)) attention.push(msg.attention.openRequest);
          const meeting = onAgenda.get(d.id);
          if (meeting) attention.push(msg.attention.onAgenda(meeting));
          if (d.transferOpen) attention.push(msg.attention.transferOpen);
          if (query.attention === 'true' && attention.length === 0) continue;
          dossiers.push({
            ...dossierHeadOf(d),
            tenantName: d.tenantName,
            registeringPartnerId: d.registeringPartnerId,
            supportingPartnerId: d.supportingPartnerId,
            supportingPartnerName: names.get(d.supportingPartnerId) ?? d.supportingPartnerId,
            ...(d.plannedEnd ? { plannedEnd: d.plannedEnd } : {}),
            attention,
          });
        }
        const body: s.Overview = {
          dossiers,
          partners: (own ? partners.filter((p) => p.id === own) : partners).map((p) => ({ id: p.id, name: p.name })),
          stages: s.STAGES.map((id) => ({ id, label: trajectoryMessages.statusLabel[id] })),
          canCreate: canCreate(user),
          canReportAbsence: isAllowed(user, 'absence.report'),
        };
        return { status: 200, body };
      },
    }),

    userRoute({
      method: 'get',
      path: '/api/dossiers/{dossierId}',
      operationId: 'getDossier',
      summary: 'A dossier with its timeline (lease start, milestones with their consultations, visits and findings, signals by category, extensions, planned end), what is due next and overdue, and the forms the user may use.',
      params: s.dossierParams,
      responses: { 200: { description: 'The dossier', schema: s.dossierPageSchema }, 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
      handle: async ({ params }, { ctx, user }) => {
        // The service authorizes and audits the read; the history below is of the dossier it allowed.
        const details = await getDossier(ctx, { dossierId: params.dossierId });
        const d = details.dossier;
        const partners = await ctx.ports.partners.list();
        const names = new Map(partners.map((p) => [p.id, p.name]));
        const today = todayOf(ctx);
        const visits = details.visits;
        const milestones = milestoneViews(details.milestones, visits, today);
        const requests = details.informationRequests;
        // Questions go to the landlord and to the organisation that was asked only.
        const mayReadRequest = (partnerId: string) => isLandlordRole(user) || user.partnerId === partnerId;
        const open = requests.filter((r) => !r.answer && mayReadRequest(r.partnerId));
        const entries = timeline({
          dossier: d,
          milestones,
          ...(details.plannedEnd ? { plannedEnd: details.plannedEnd } : {}),
          visits,
          signals: details.signals,
          informationRequests: requests,
          contactLog: details.contactLog,
          today,
          nextConsultation: consultationOnOrAfter(today, ctx.calendar).meetingDate,
        });
        const contact = details.supportingPartner?.contact;
        const consent = d.consent
          ? d.consent.withdrawnOn
            ? msg.dossier.consentWithdrawn(d.consent.withdrawnOn)
            : msg.dossier.consentGiven(d.consent.givenOn, d.consent.scope)
          : msg.dossier.noConsent;
        const body: s.DossierPage = {
          dossier: {
            ...dossierHeadOf(d),
            tenant: { ...d.tenant },
            registeringPartner: { id: d.registeringPartnerId, name: names.get(d.registeringPartnerId) ?? d.registeringPartnerId },
            supportingPartner: {
              id: d.supportingPartnerId,
              name: names.get(d.supportingPartnerId) ?? d.supportingPartnerId,
              ...(contact ? { contact: msg.dossier.contact(contact.phone, contact.email, contact.officeHours) } : {}),
            },
            supportWorker: { ...d.supportWorker },
            signatures: { ...d.signatures },
            consent,
            consentInForce: Boolean(d.consent && !d.consent.withdrawnOn),
            documents: documentLines(d.documents), // R3
            ...(d.leaseStart ? { leaseStart: d.leaseStart } : {}),
            ...(details.plannedEnd ? { plannedEnd: details.plannedEnd } : {}),
          },
          milestones,
          timeline: entries,
          ...dueAndOverdue(entries),
          forms: formsFor(user, d, details.nextSteps, details.actions, open.length),
          signals: signalViews(details.signals),
          otherSignals: details.otherSignals,
          openRequests: open.map((r) => ({ id: r.id, question: r.question, askedAt: r.askedAt })),
          plannedVisits: visits.filter((v) => !v.heldOn).map((v) => ({ id: v.id, kind: v.kind, ...(v.plannedOn ? { plannedOn: v.plannedOn } : {}) })),
          partners: partners.map((p) => ({ id: p.id, name: p.name })),
        };
        // §3, R5: offered whenever the letter can be made (the route says why not otherwise).
        if (details.supportingPartner && !contactLetterRefusal(d, details.supportingPartner)) {
          body.contactLetter = { path: `dossiers/${encodeURIComponent(d.id)}/contact-letter`, fileName: contactLetterFileName(d) };
        }
        return { status: 200, body };
      },
    }),

    userRoute({
      method: 'get',
      path: '/api/dossiers/{dossierId}/contact-letter',
      operationId: 'getContactLetter',
      summary:
        "§3, R5: the tenant's one-page contact letter (PDF): the support organisation's phone, e-mail and office hours, and what to do in an emergency. The file name carries the dossier number, not the tenant's name; every download is audited.",
      params: s.dossierParams,
      responses: {
        200: { description: 'The letter (attachment)', file: 'application/pdf' },
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        409: { description: 'No letter for this dossier now: not running, purged, or the organisation has no contact details (Dutch reason)', problem: true },
      },
      handle: async ({ params }, { ctx, landlord }) => {
        const letter = await getContactLetter(ctx, { dossierId: params.dossierId, landlord });
        return { status: 200, body: letter.pdf, file: { contentType: 'application/pdf', fileName: letter.fileName } };
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers',
      operationId: 'createCandidacy',
      summary: 'R1, R3: a new candidacy (coordinator): kind, tenant, registering and supporting partner, support worker, versions of the obligation documents.',
      body: s.candidacyBody,
      responses: actionResponses(true),
      handle: async ({ body }, { ctx }) => {
        const { dossier, changed } = await createCandidacy(ctx, {
          ...(body.candidacyId ? { candidacyId: body.candidacyId } : {}),
          kind: body.kind,
          tenant: { name: body.tenant.name, ...(body.tenant.address ? { address: body.tenant.address } : {}) },
          registeringPartnerId: body.registeringPartnerId,
          supportingPartnerId: body.supportingPartnerId,
          supportWorker: { name: body.supportWorker.name, ...(body.supportWorker.email ? { email: body.supportWorker.email } : {}) },
          ...(body.documents ? { documents: { ...body.documents } } : {}),
        });
        return changeReply({ dossier, changed }, msg.forms.candidacy.done(dossier.number), changed ? 201 : 200);
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/signatures',
      operationId: 'recordSignatures',
      summary: 'R1: the signatures of the "Bevestiging van een begeleidingsovereenkomst" (one, two or all three).',
      params: s.dossierParams,
      body: s.signaturesBody,
      responses: actionResponses(),
      handle: async ({ params, body }, { ctx }) => {
        const signatures = Object.fromEntries(Object.entries(body.signatures).filter(([, v]) => v !== undefined));
        return changeReply(await recordSignature(ctx, { dossierId: params.dossierId, signatures }), msg.forms.signatures.done);
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/consent',
      operationId: 'recordConsent',
      summary: "R7: the tenant's consent to share information, with its scope.",
      params: s.dossierParams,
      body: s.consentBody,
      responses: actionResponses(),
      handle: async ({ params, body }, { ctx }) => changeReply(await recordConsent(ctx, { dossierId: params.dossierId, ...body }), msg.forms.consent.done),
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/consent/withdrawal',
      operationId: 'withdrawConsent',
      summary: 'R7: the tenant withdraws consent.',
      params: s.dossierParams,
      body: s.withdrawConsentBody,
      responses: actionResponses(),
      handle: async ({ params, body }, { ctx }) =>
        changeReply(await withdrawConsent(ctx, { dossierId: params.dossierId, ...(body.withdrawnOn ? { withdrawnOn: body.withdrawnOn } : {}) }), msg.forms.withdrawConsent.done),
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/activation',
      operationId: 'activateTrajectory',
      summary: 'R1, R2: the lease start that activates the trajectory (all three signatures needed).',
      params: s.dossierParams,
      body: s.activateBody,
      responses: actionResponses(),
      handle: async ({ params, body }, { ctx }) => changeReply(await activateTrajectory(ctx, { dossierId: params.dossierId, leaseStart: body.leaseStart }), msg.forms.activate.done),
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/visits',
      operationId: 'recordVisit',
      summary: 'R17-R19: plan a home visit, or record it with findings per part of the home and whether serious defects were found.',
      params: s.dossierParams,
      body: s.visitBody,
      responses: actionResponses(true),
      handle: async ({ params, body }, { ctx }) => {
        const findings = body.findings?.map((f) => ({ part: f.part, ok: f.ok, ...(f.note ? { note: f.note } : {}) }));
        const result = await recordVisit(ctx, {
          dossierId: params.dossierId,
          kind: body.kind,
          ...(body.visitId ? { visitId: body.visitId } : {}),
          ...(body.plannedOn ? { plannedOn: body.plannedOn } : {}),
          ...(body.heldOn ? { heldOn: body.heldOn } : {}),
          ...(body.supportWorkerPresent !== undefined ? { supportWorkerPresent: body.supportWorkerPresent } : {}),
          ...(findings ? { findings } : {}),
          ...(body.seriousDefects !== undefined ? { seriousDefects: body.seriousDefects } : {}),
        });
        const reply = recordReply(params.dossierId, result.changed, result.visit.id, msg.forms.visit.done, 201);
        // R19: a final evaluation without the support worker is kept as a visit: say a new one is needed.
        if (result.newFinalEvaluationNeeded) {
          const body = reply.body as s.ActionResult;
          body.message = `${body.message} ${trajectoryEndMessages.visitNotFinalEvaluation}`;
        }
        return reply;
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/extensions',
      operationId: 'extendTrajectory',
      summary: 'R20: extend the trajectory by a multiple of 3 months.',
      params: s.dossierParams,
      body: s.extendBody,
      responses: actionResponses(),
      handle: async ({ params, body }, { ctx }) =>
        changeReply(await extendTrajectory(ctx, { dossierId: params.dossierId, months: body.months, ...(body.decidedOn ? { decidedOn: body.decidedOn } : {}) }), msg.forms.extend.done),
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/closure',
      operationId: 'closeTrajectory',
      summary: 'R19: end the trajectory positively.',
      params: s.dossierParams,
      body: s.closeBody,
      responses: actionResponses(),
      handle: async ({ params, body }, { ctx }) => changeReply(await closeTrajectory(ctx, { dossierId: params.dossierId, ...(body.date ? { date: body.date } : {}) }), msg.forms.close.done),
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/stop',
      operationId: 'stopTrajectory',
      summary: 'Stop a candidacy or a running trajectory early, with the reason.',
      params: s.dossierParams,
      body: s.stopBody,
      responses: actionResponses(),
      handle: async ({ params, body }, { ctx }) =>
        changeReply(await stopTrajectory(ctx, { dossierId: params.dossierId, reason: body.reason, ...(body.date ? { date: body.date } : {}) }), msg.forms.stop.done),
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/transfer',
      operationId: 'requestTransfer',
      summary: 'R6: the supporting partner asks another organisation to take the trajectory over.',
      params: s.dossierParams,
      body: s.transferBody,
      responses: actionResponses(),
      handle: async ({ params, body }, { ctx }) => changeReply(await requestTransfer(ctx, { dossierId: params.dossierId, ...body }), msg.forms.transfer.done),
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/transfer/acceptance',
      operationId: 'acceptTransfer',
      summary: 'R6: the receiving organisation accepts the transfer (optionally naming the new support worker).',
      params: s.dossierParams,
      body: s.acceptTransferBody,
      responses: actionResponses(),
      handle: async ({ params, body }, { ctx }) => {
        const worker = body.newSupportWorker;
        const change = await acceptTransfer(ctx, {
          dossierId: params.dossierId,
          ...(worker ? { newSupportWorker: { name: worker.name, ...(worker.email ? { email: worker.email } : {}) } } : {}),
        });
        return changeReply(change, msg.forms.transferAccept.done);
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/transfer/rejection',
      operationId: 'rejectTransfer',
      summary: 'R6: the receiving organisation refuses the transfer, with a reason that the requesting organisation reads.',
      params: s.dossierParams,
      body: s.rejectTransferBody,
      responses: actionResponses(),
      handle: async ({ params, body }, { ctx }) => {
        const result = await rejectTransfer(ctx, { dossierId: params.dossierId, reason: body.reason });
        const answer: s.ActionResult = { dossierId: result.dossierId, number: result.number, changed: result.changed, message: result.changed ? msg.forms.transferReject.done : msg.forms.unchanged };
        return { status: 200, body: answer };
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/transfer/cancellation',
      operationId: 'cancelTransfer',
      summary: 'R6: the organisation that asked for the transfer takes its request back while it is not decided.',
      params: s.dossierParams,
      body: s.cancelTransferBody,
      responses: actionResponses(),
      handle: async ({ params }, { ctx }) => changeReply(await cancelTransfer(ctx, { dossierId: params.dossierId }), msg.forms.transferCancel.done),
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/information-requests',
      operationId: 'requestInformation',
      summary: 'R7, R10: the landlord asks the supporting organisation how the trajectory is going (needs consent).',
      params: s.dossierParams,
      body: s.informationRequestBody,
      responses: actionResponses(true),
      handle: async ({ params, body }, { ctx }) => {
        const result = await requestInformation(ctx, { dossierId: params.dossierId, question: body.question, ...(body.requestId ? { requestId: body.requestId } : {}) });
        return recordReply(params.dossierId, result.changed, result.request.id, msg.forms.informationRequest.done, 201);
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/information-requests/{requestId}/answer',
      operationId: 'answerInformation',
      summary: 'R7, R10: the partner answers an information request.',
      params: s.answerParams,
      body: s.informationAnswerBody,
      responses: actionResponses(),
      handle: async ({ params, body }, { ctx }) => {
        const result = await answerInformation(ctx, { dossierId: params.dossierId, requestId: params.requestId, answer: body.answer });
        return recordReply(params.dossierId, result.changed, result.request.id, msg.forms.informationAnswer.done);
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/dossiers/{dossierId}/contacts',
      operationId: 'logContact',
      summary: 'R4: a home contact held, or planned but missed with the reason.',
      params: s.dossierParams,
      body: s.contactBody,
      responses: actionResponses(true),
      handle: async ({ params, body }, { ctx }) => {
        const result = await logContact(ctx, {
          dossierId: params.dossierId,
          date: body.date,
          held: body.held,
          ...(body.reasonMissed ? { reasonMissed: body.reasonMissed } : {}),
          ...(body.entryId ? { entryId: body.entryId } : {}),
        });
        return recordReply(params.dossierId, result.changed, result.entry.id, msg.forms.contact.done, 201);
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/absences',
      operationId: 'reportAbsence',
      summary: 'R5: a support worker is away for a long period: the expected end and the replacement contact.',
      body: s.absenceBody,
      responses: actionResponses(true),
      handle: async ({ body }, { ctx }) => {
        const result = await reportAbsence(ctx, {
          workerName: body.workerName,
          from: body.from,
          replacementContact: body.replacementContact,
          ...(body.expectedUntil ? { expectedUntil: body.expectedUntil } : {}),
          ...(body.dossierIds ? { dossierIds: body.dossierIds } : {}),
          ...(body.absenceId ? { absenceId: body.absenceId } : {}),
        });
        return recordReply(result.absence.dossierIds[0] ?? '', result.changed, result.absence.id, msg.forms.absence.done, 201);
      },
    }),
  ];
}
