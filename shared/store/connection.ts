/**
 * Where the tables are: `AZURE_TABLES_CONNECTION_STRING` (Azurite, or a key-based account), or
 * `AZURE_TABLES_ENDPOINT` with the managed identity / developer login (`DefaultAzureCredential`).
 * With neither, the caller starts a local Azurite (`startAzurite`) and uses its connection string.
 */
import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';

export { startAzurite, azuriteConnectionString, type AzuriteOptions, type RunningAzurite } from './azurite';

export type Connection = { connectionString: string } | { endpoint: string; credential?: TokenCredential };

export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env): Connection | undefined {
  const connectionString = env.AZURE_TABLES_CONNECTION_STRING?.trim();
  if (connectionString) return { connectionString };
  const endpoint = env.AZURE_TABLES_ENDPOINT?.trim();
  if (endpoint) return { endpoint };
  return undefined;
}

export interface ClientOptions {
  /** SDK-level retries of network errors, 5xx and throttling (before 'unavailable'). */
  sdkRetry?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
  /** Called once per HTTP request sent (retries included): the benchmark counts storage requests. */
  onRequest?: (request: { method: string; url: string }) => void;
}

/** A factory of TableClients for one account. */
export function tableClients(connection: Connection, options: ClientOptions = {}): (tableName: string) => TableClient {
  const clientOptions: TableServiceClientOptions = {
    retryOptions: { maxRetries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 2_000, ...options.sdkRetry },
    additionalPolicies: options.onRequest
      ? [
          {
            position: 'perRetry',
            policy: { name: 'countRequests', sendRequest: (request, next) => (options.onRequest?.({ method: request.method, url: request.url }), next(request)) },
          },
        ]
      : [],
  };
  if ('connectionString' in connection) {
    // Azurite speaks plain http on loopback; a real account's connection string says https.
    const insecure = /DefaultEndpointsProtocol=http;|UseDevelopmentStorage=true|TableEndpoint=http:/i.test(connection.connectionString);
    return (name) => TableClient.fromConnectionString(connection.connectionString, name, { ...clientOptions, allowInsecureConnection: insecure });
  }
  const credential = connection.credential ?? new DefaultAzureCredential();
  const insecure = connection.endpoint.startsWith('http:');
  return (name) => new TableClient(connection.endpoint, name, credential, { ...clientOptions, allowInsecureConnection: insecure });
}
