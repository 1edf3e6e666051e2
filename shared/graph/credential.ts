/**
 * The app-only token for Microsoft Graph: the mail registration's client secret (GRAPH_CLIENT_SECRET,
 * a Key Vault reference in Azure), or else the app's managed identity.
 */
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphIdentity {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
}

export function graphCredential(identity: GraphIdentity): TokenCredential {
  if (identity.clientSecret) {
    if (!identity.tenantId || !identity.clientId) throw new Error('graph: GRAPH_TENANT_ID and GRAPH_CLIENT_ID are required with a client secret');
    return new ClientSecretCredential(identity.tenantId, identity.clientId, identity.clientSecret);
  }
  return identity.clientId ? new ManagedIdentityCredential({ clientId: identity.clientId }) : new ManagedIdentityCredential();
}

/** The token getter the Graph client asks before each call (the credential caches and renews). */
export function tokenGetter(credential: TokenCredential): () => Promise<string> {
  return async () => {
    const token = await credential.getToken(GRAPH_SCOPE);
    if (!token) throw new Error('graph: no access token');
    return token.token;
  };
}
