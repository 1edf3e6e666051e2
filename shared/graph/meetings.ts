/**
 * R16: the month's Teams meeting through Microsoft Graph, app-only:
 * POST /users/{organizer}/onlineMeetings/createOrGet. The externalId (partner + month) makes it
 * idempotent: asking again, after a crash or from a second instance, answers the same meeting.
 * Needs OnlineMeetings.ReadWrite.All and a Teams application access policy for the organiser
 * (infra/DEPLOYMENT.md, step 5c).
 */
import { DateTime } from 'luxon';
import type { Meeting, MeetingProvider, MeetingRequest } from '../jobs/ports';
import { call, userSegment, type GraphApi } from './client';

const utc = (instant: string): string => DateTime.fromISO(instant, { setZone: true }).toUTC().toISO({ suppressMilliseconds: true }) as string;

export class GraphMeetingProvider implements MeetingProvider {
  constructor(private readonly api: GraphApi) {}

  async ensureMeeting(request: MeetingRequest): Promise<Meeting> {
    const meeting = (await call(this.api, (signal) =>
      this.api.client
        .api(`/users/${userSegment(request.organizer)}/onlineMeetings/createOrGet`)
        .option('signal', signal)
        .post({ externalId: request.externalId, subject: request.subject, startDateTime: utc(request.start), endDateTime: utc(request.end) }),
    )) as { id?: string; joinWebUrl?: string };
    if (!meeting.id || !meeting.joinWebUrl) throw new Error('graph: onlineMeeting without id or joinWebUrl');
    return { meetingId: meeting.id, joinUrl: meeting.joinWebUrl };
  }
}
