import { tenantSignInFrom } from '../../../src/addin/identity/addin-settings';

describe('the sign-in settings in the pane URL', () => {
  const clientId = 'b8a5d1f2-34c6-4e7b-8f90-1a2b3c4d5e6f';
  const tenantId = '4f0c2a1e-8d3b-4c5a-9e6f-7a8b9c0d1e2f';

  it('asks for access_as_user on the API of the host that serves the pane', () => {
    expect(
      tenantSignInFrom({
        search: `?clientId=${clientId}&tenantId=${tenantId}`,
        host: 'cc.azurewebsites.net',
      }),
    ).toEqual({
      clientId,
      tenantId,
      scope: `api://cc.azurewebsites.net/${clientId}/access_as_user`,
    });
  });

  it('is absent when the ids are missing or not GUIDs (an unfilled package)', () => {
    expect(tenantSignInFrom({ search: '', host: 'h' })).toBeNull();
    expect(tenantSignInFrom({ search: '?clientId=${{AAD_APP_CLIENT_ID}}&tenantId=x', host: 'h' })).toBeNull();
  });
});
