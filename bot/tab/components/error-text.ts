/** What a failed request shows: the API's Dutch reason, or a general sentence. */
import { tabMessages as msg } from '../../../shared/messages/tab';

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : msg.unexpected);
