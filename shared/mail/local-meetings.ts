/**
 * Teams meetings without Microsoft 365 (local mode): a stable join URL per externalId on the reserved
 * `.invalid` domain (RFC 2606), so nobody mistakes it for a real meeting.
 */
import { createHash } from 'node:crypto';
import type { Meeting, MeetingProvider, MeetingRequest } from '../jobs/ports';

export class LocalMeetingProvider implements MeetingProvider {
  async ensureMeeting(request: MeetingRequest): Promise<Meeting> {
    const id = createHash('sha256').update(request.externalId, 'utf8').digest('hex').slice(0, 16);
    return { meetingId: `local-${id}`, joinUrl: `https://teams.invalid/l/meetup-join/${encodeURIComponent(request.externalId)}` };
  }
}
