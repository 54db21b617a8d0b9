import { parseToolkitYaml } from './support/toolkit-yaml';

describe('the toolkit YAML reader used by the deployment tests', () => {
  it('reads nested mappings, sequences of mappings, comments and quoted scalars', () => {
    const doc = parseToolkitYaml(
      [
        'version: v1.7 # schema',
        'provision:',
        '  - uses: arm/deploy',
        '    with:',
        '      templates:',
        '        - path: ./infra/azure.bicep',
        '      signInAudience: "AzureADMyOrg"',
        '      channels:',
        '      - name: msteams',
      ].join('\n'),
    );
    expect(doc).toEqual({
      version: 'v1.7',
      provision: [
        {
          uses: 'arm/deploy',
          with: {
            templates: [{ path: './infra/azure.bicep' }],
            signInAudience: 'AzureADMyOrg',
            channels: [{ name: 'msteams' }],
          },
        },
      ],
    });
  });

  it('refuses a duplicate key with its line number', () => {
    expect(() => parseToolkitYaml('a: 1\na: 2')).toThrow('line 2: duplicate key a');
  });
});
