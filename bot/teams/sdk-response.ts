/**
 * The response CloudAdapter.process writes to, with one correction. Before the turn starts, the SDK
 * only checks the request and its token, and it answers a token it cannot verify with a bad signature
 * (not its AuthenticationError) with 500 and the library's error text. So every refusal before the
 * turn becomes a problem document: 401 for the token (a 5xx or 401 of the SDK), the SDK's own 4xx
 * otherwise. From the turn on, everything passes unchanged.
 */
import type { Response } from 'restify';
import { serverMessages } from '../../shared/messages/server';
import { problem } from '../../shared/server/problem';

export interface SdkResponse {
  /** What to hand to adapter.process. */
  response: unknown;
  /** Called when the turn starts (the request is authenticated). */
  turnStarted(): void;
}

export function sdkResponse(res: Response): SdkResponse {
  let started = false;
  let refused: number | undefined;
  const response = {
    status(code: number): void {
      if (!started && code >= 400) refused = code >= 500 ? 401 : code;
      else res.status(code);
    },
    header(name: string, value: string): void {
      if (refused === undefined) res.header(name, value);
    },
    send(body: unknown): void {
      if (refused === undefined) res.send(body);
    },
    end(): void {
      if (refused === undefined) {
        res.end();
        return;
      }
      res.header('content-type', 'application/problem+json');
      if (refused === 401) res.send(401, problem(401, 'unauthorized', serverMessages.botTokenRefused));
      else res.send(refused, problem(refused, 'validation', serverMessages.badJson));
    },
  };
  return {
    response,
    turnStarted: () => {
      started = true;
    },
  };
}
