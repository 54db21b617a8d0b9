import type { Activity } from 'botbuilder';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;
type ConnectorFactory = NonNullable<AuthenticateRequestResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = AuthenticateRequestResult['claimsIdentity'];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

const MAX_CACHED = 64;

/**
 * Bot Framework authentication that reuses one connector client and one user-token client per app, service URL
 * and audience, instead of building new HTTP pipelines for every activity and every proactive send (the old
 * BotFrameworkAdapter cached them the same way). Turns and proactive sends keep separate clients, because
 * CloudChatChannel takes the retry policy out of the proactive ones (it retries them itself).
 */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly proactiveConnectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    if (!factory) return result;
    reuseIn(this.connectors, factory, appKey(result.claimsIdentity));
    return result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const factory = super.createConnectorFactory(claimsIdentity);
    reuseIn(this.proactiveConnectors, factory, appKey(claimsIdentity));
    return factory;
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return cached(this.tokenClients, appKey(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }
}

/** The factory is made for one request (or one proactive send), so its `create` can be wrapped in place. */
function reuseIn(cache: Map<string, Promise<ConnectorClient>>, factory: ConnectorFactory, app: string): void {
  const build = factory.create.bind(factory);
  factory.create = (serviceUrl, audience) =>
    cached(cache, `${app}|${serviceUrl}|${audience ?? ''}`, () => build(serviceUrl, audience));
}

/** Who the token was issued to and for: the same for every activity one bot receives from one channel. */
function appKey(identity: ClaimsIdentity): string {
  const claim = (type: string): string => identity.claims.find((c) => c.type === type)?.value ?? '';
  return `${claim('aud')}|${claim('appid') || claim('azp')}|${claim('iss')}`;
}

function cached<T>(cache: Map<string, Promise<T>>, key: string, build: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit;
  if (cache.size >= MAX_CACHED) cache.clear();
  const built = build();
  cache.set(key, built);
  built.catch(() => cache.delete(key));
  return built;
}
