import { read } from './support/read-deployment';

interface EntraManifest {
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  oauth2Permissions: { value: string; type: string; isEnabled: boolean }[];
  identifierUris: string[];
  replyUrlsWithType: { url: string; type: string }[];
}

const entra = JSON.parse(read('appPackage/aad.manifest.json')) as EntraManifest;
const teams = JSON.parse(read('appPackage/manifest.json')) as {
  webApplicationInfo: { id: string; resource: string };
};
const graph =
  entra.requiredResourceAccess.find((r) => r.resourceAppId === 'Microsoft Graph')?.resourceAccess ?? [];

describe('appPackage/aad.manifest.json', () => {
  it.each(['Calendars.ReadBasic.All', 'User.Read.All', 'MailboxSettings.Read'])(
    'asks for the Graph application permission %s',
    (permission) => {
      expect(graph).toContainEqual({ id: permission, type: 'Role' });
    },
  );

  it('asks for no Graph application permission beyond those three', () => {
    expect(
      graph
        .filter((p) => p.type === 'Role')
        .map((p) => p.id)
        .sort(),
    ).toEqual(['Calendars.ReadBasic.All', 'MailboxSettings.Read', 'User.Read.All']);
  });

  it('exposes the access_as_user scope', () => {
    expect(entra.oauth2Permissions).toContainEqual(
      expect.objectContaining({ value: 'access_as_user', type: 'User', isEnabled: true }),
    );
  });

  it('has the app ID URI the Teams manifest asks tokens for', () => {
    expect(entra.identifierUris).toEqual([teams.webApplicationInfo.resource]);
  });

  it('lets Outlook and Teams broker tokens for the add-in (nested app authentication)', () => {
    expect(entra.replyUrlsWithType).toContainEqual({ url: 'brk-multihub://${{TAB_DOMAIN}}', type: 'Spa' });
  });
});
