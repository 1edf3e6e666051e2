/**
 * The consultation in the Teams meeting (R13-R16): the side panel reads the partner's agenda of the
 * month with the conclusions noted so far, the coordinator notes a conclusion per dossier, and
 * closing the list sends them for confirmation through record-conclusions (the card flow's use case).
 * Every answer is the whole meeting view, so each user's panel shows what the others did.
 */
import { meetingMessages } from '../messages/meeting';
import { getMeeting } from '../services/get-meeting';
import { noteMeetingConclusion } from '../services/note-meeting-conclusion';
import { sendMeetingConclusions } from '../services/send-meeting-conclusions';
import { userRoute, type ApiRoute, type Session } from './http';
import { meetingNoteBody, meetingParams, meetingSchema } from './meeting-schemas';
import { meetingView } from './meeting-views';

const problems = {
  400: { description: 'Invalid input (Dutch reason in detail)', problem: true },
  401: { description: 'No valid access token', problem: true },
  403: { description: 'Signed in, but not allowed (only the coordinator decides)', problem: true },
  404: { description: 'Not found, or not visible to this user (the same answer)', problem: true },
  409: { description: 'A rule refuses the decision, the list was sent already, or changed meanwhile', problem: true },
} as const;

const view = async (session: Session, partnerId: string, month: string, message?: string) =>
  meetingView(await getMeeting(session.ctx, { partnerId, month }), session.landlord, message);

export function meetingRoutes(): ApiRoute[] {
  return [
    userRoute({
      method: 'get',
      path: '/api/meetings/{partnerId}/{month}',
      operationId: 'getMeeting',
      summary: "R13-R16: a partner's consultation as it is held: the agenda's three parts and the conclusions noted or sent.",
      params: meetingParams,
      responses: { 200: { description: 'The meeting', schema: meetingSchema }, 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] },
      handle: async ({ params }, session) => ({ status: 200, body: await view(session, params.partnerId, params.month) }),
    }),
    userRoute({
      method: 'post',
      path: '/api/meetings/{partnerId}/{month}/conclusions',
      operationId: 'noteMeetingConclusion',
      summary: 'R16 (R2, R4, R18-R20): the coordinator notes the conclusion and decision for one dossier (a second note replaces the first).',
      params: meetingParams,
      body: meetingNoteBody,
      responses: { 200: { description: 'The meeting', schema: meetingSchema }, ...problems },
      handle: async ({ params, body }, session) => {
        await noteMeetingConclusion(session.ctx, { partnerId: params.partnerId, month: params.month, conclusion: body });
        const noted = await view(session, params.partnerId, params.month);
        const number = noted.conclusions.find((c) => c.dossierId === body.dossierId)?.number ?? '';
        return { status: 200, body: { ...noted, message: meetingMessages.saved(number) } };
      },
    }),
    userRoute({
      method: 'post',
      path: '/api/meetings/{partnerId}/{month}/send',
      operationId: 'sendMeetingConclusions',
      summary: 'R16: close the list: the noted conclusions are applied and sent to the partner for confirmation, as from the card.',
      params: meetingParams,
      responses: { 200: { description: 'The meeting, sent', schema: meetingSchema }, ...problems },
      handle: async ({ params }, session) => {
        await sendMeetingConclusions(session.ctx, { partnerId: params.partnerId, month: params.month });
        return { status: 200, body: await view(session, params.partnerId, params.month, meetingMessages.closed) };
      },
    }),
  ];
}
