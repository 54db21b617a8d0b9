import { read } from './support/read-deployment';

const bicep = read('infra/azure.bicep');
const block = (type: string): string => {
  const start = bicep.indexOf(`'${type}@`);
  if (start < 0) throw new Error(`no ${type} resource`);
  return bicep.slice(start, bicep.indexOf('\n}\n', start));
};

describe('infra/azure.bicep', () => {
  it('runs a Linux App Service on Node 20, HTTPS only, always on, with a managed identity', () => {
    expect(block('Microsoft.Web/serverfarms')).toMatch(/reserved: true/);
    const site = block('Microsoft.Web/sites');
    expect(site).toMatch(/linuxFxVersion: 'NODE\|20-lts'/);
    expect(site).toMatch(/httpsOnly: true/);
    expect(site).toMatch(/alwaysOn: true/);
    expect(site).toMatch(/identity: \{ type: 'SystemAssigned' \}/);
  });

  it('registers the bot with the Azure Bot Service, its Teams channel and our messaging endpoint', () => {
    expect(block('Microsoft.BotService/botServices')).toMatch(
      /endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/,
    );
    expect(block('Microsoft.BotService/botServices/channels')).toMatch(/channelName: 'MsTeamsChannel'/);
  });

  it('creates a storage account with Tables, TLS 1.2 and no public blob access', () => {
    const storage = block('Microsoft.Storage/storageAccounts');
    expect(storage).toMatch(/minimumTlsVersion: 'TLS1_2'/);
    expect(storage).toMatch(/allowBlobPublicAccess: false/);
    expect(bicep).toContain("'Microsoft.Storage/storageAccounts/tableServices@");
  });

  it('sends telemetry to a workspace-based Application Insights', () => {
    expect(block('Microsoft.Insights/components')).toMatch(/WorkspaceResourceId: logs\.id/);
  });

  it('marks both client secrets as secure parameters', () => {
    expect(bicep).toMatch(/@secure\(\)\nparam aadAppClientSecret string/);
    expect(bicep).toMatch(/@secure\(\)\nparam botAadAppClientSecret string/);
  });
});
