/**
 * The Teams bot (issue: Teams bot). botbuilder stays inside bot/. `createTeamsBot` builds the
 * CloudAdapter (tokens validated by the SDK in azure mode; none locally), the activity handler, the
 * one proactive sender and the Notifier that reaches Teams; `register` mounts POST /api/messages.
 */
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import { AuthenticationConstants, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Request, Response, Server } from 'restify';
import type { YearMonth } from '../../shared/rules/types';
import type { AppDeps } from '../../shared/server/app-deps';
import { problem } from '../../shared/server/problem';
import { serverMessages } from '../../shared/messages/server';
import type { Notifier } from '../../shared/services/notifier';
import { surfaceServices } from '../../shared/services/surface-services';
import { rateLimitsOf } from '../../shared/config';
import { UserRateLimiter } from '../../shared/rules/rate-limit';
import type { TeamsPublisher } from '../../shared/jobs';
import { postAgendasWith, type AgendaPostResult } from './agendas';
import { JobsTeamsPublisher } from './jobs-publisher';
import { WoonbegeleidingBot } from './bot';
import { appAuthorization, httpConnector, isHttpsUrl, isLoopbackUrl, noAuthorization, type Connector } from './connector';
import { markGone } from './conversations';
import { isLoopbackAddress } from './guard';
import { TeamsNotifier } from './notifier';
import { Background, runtimeClock, type BotRuntime } from './runtime';
import { sdkResponse } from './sdk-response';
import { ProactiveSender, type SenderOptions } from './sender';

export type { AgendaPostResult } from './agendas';

export interface TeamsBot {
  notifier: Notifier;
  /** The calendar jobs' port to Teams (agenda cards, reminders, alerts). */
  jobsPublisher: TeamsPublisher;
  register(server: Server): void;
  /** R13: posts (or updates) the month's agenda card in every partner's linked conversation. */
  postAgendas(month?: YearMonth, landlordId?: string): Promise<AgendaPostResult>;
  /** Waits for background deliveries (tests, CLI). */
  flush(): Promise<void>;
  /** Stops timers and pending sends on shutdown. */
  close(): Promise<void>;
}

export interface TeamsBotOptions {
  /** Tests: another connector (e.g. failing), shorter retries. */
  connector?: Connector;
  sender?: Partial<Pick<SenderOptions, 'sleep' | 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'limiter'>>;
  /** Wraps the Teams notifier (the server adds the R9 safety mail); the bot's own cards use it too. */
  notifier?: (teams: Notifier) => Notifier;
  /** Tests: where the channel's token signing keys are published (the SDK's BotOpenIdMetadata setting). */
  channelOpenIdMetadataUrl?: string;
}

/**
 * The public cloud's settings with another place for the channel's signing keys. The SDK takes these
 * all or nothing: one custom setting means every one must be given.
 */
function publicCloudWith(channelOpenIdMetadataUrl: string) {
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: channelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

function authentication(deps: AppDeps, options: TeamsBotOptions): { auth: BotFrameworkAuthentication; connector: Connector } {
  const { config } = deps;
  if (config.WOONBEGELEIDING_MODE === 'local') {
    // Local: no app id, so the SDK accepts activities without a token (loopback only, see register).
    return { auth: new ConfigurationBotFrameworkAuthentication({}), connector: httpConnector({ authorize: noAuthorization, allowServiceUrl: isLoopbackUrl }) };
  }
  const appId = config.MICROSOFT_APP_ID ?? '';
  const tenantId = config.MICROSOFT_APP_TENANT_ID ?? '';
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: tenantId,
    ...(config.MICROSOFT_APP_PASSWORD ? { MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD } : {}),
  });
  return {
    auth: new ConfigurationBotFrameworkAuthentication(
      {
        MicrosoftAppId: appId,
        MicrosoftAppTenantId: tenantId,
        ...(options.channelOpenIdMetadataUrl ? publicCloudWith(options.channelOpenIdMetadataUrl) : {}),
      },
      credentials,
    ),
    connector: httpConnector({ authorize: appAuthorization(credentials, appId, tenantId), allowServiceUrl: isHttpsUrl }),
  };
}

export function createTeamsBot(deps: AppDeps, options: TeamsBotOptions = {}): TeamsBot {
  const { auth, connector } = authentication(deps, options);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (_context, error) => {
    deps.logger.error({ error: error instanceof Error ? error.name : 'error' }, 'teams: turn failed');
  };

  const clock = runtimeClock(deps);
  const services = surfaceServices({ ...deps, readAuditWindowMs: deps.config.AUDIT_READ_WINDOW_MINUTES * 60_000 });
  const background = new Background((error, what) => deps.logger.error({ what, error: error instanceof Error ? error.name : 'error' }, 'teams: background work failed'));
  const sender = new ProactiveSender({
    connector: options.connector ?? connector,
    once: services.deliveryKeys,
    logger: deps.logger,
    clock: deps.clock,
    onGone: (target) => markGone(services.conversations(target.landlordId), target.conversationId, clock.now()),
    ...options.sender,
  });
  const limiter = new UserRateLimiter(rateLimitsOf(deps.config));
  const rt: BotRuntime = { deps, services, sender, background, limiter, notifier: undefined as unknown as Notifier, ...clock };
  const teamsNotifier = new TeamsNotifier(rt);
  const notifier = options.notifier ? options.notifier(teamsNotifier) : teamsNotifier;
  rt.notifier = notifier;
  const bot = new WoonbegeleidingBot(rt);

  const flush = async () => {
    await background.idle();
    await sender.idle();
    await background.idle();
  };

  return {
    notifier,
    jobsPublisher: new JobsTeamsPublisher(rt),
    register(server: Server): void {
      server.post('/api/messages', async (req: Request, res: Response) => {
        // Local mode has no tokens: only this machine may talk to the bot.
        if (deps.config.WOONBEGELEIDING_MODE === 'local' && !isLoopbackAddress(req.socket?.remoteAddress)) {
          deps.logger.warn({ route: '/api/messages' }, 'teams: refused a non-loopback request in local mode');
          res.header('content-type', 'application/problem+json');
          res.send(403, problem(403, 'forbidden', serverMessages.notFound));
          return;
        }
        const sdk = sdkResponse(res);
        try {
          await adapter.process(req as never, sdk.response as never, (context) => {
            sdk.turnStarted();
            return bot.run(context);
          });
        } catch (error) {
          // A body that is no activity at all (the SDK's schema check throws before any turn).
          deps.logger.warn({ error: error instanceof Error ? error.name : 'error' }, 'teams: request refused');
          if (!res.headersSent) {
            res.header('content-type', 'application/problem+json');
            res.send(400, problem(400, 'validation', serverMessages.badJson));
          }
        }
      });
    },
    postAgendas: (month, landlordId) => postAgendasWith(rt, month, landlordId ?? deps.config.LANDLORD_ID),
    flush,
    close: flush,
  };
}

/**
 * For the CLI (`woonbegeleiding` sub-command): posts the month's agenda cards now, in this process,
 * and waits until every delivery is done.
 */
export async function postAgendas(deps: AppDeps, month?: YearMonth, options: { landlordId?: string } = {}): Promise<AgendaPostResult> {
  const bot = createTeamsBot(deps);
  try {
    return await bot.postAgendas(month, options.landlordId);
  } finally {
    await bot.close();
  }
}
