/** The little Bicep reader behind main-bicep.test.ts finds what it claims to find. */
import { appSettings, bracketProblems, codeOnly, outputs, params, resourceBody, resources } from './bicep';

const sample = `// a comment with { an unbalanced brace
@description('The name (with a parenthesis')
param name string
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'
param count int = 2

var label = 'app-\${name}-{x}'

/* block comment ] */
resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: '\${name}-\${toLower(sku)}'
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'A'
          value: 'it\\'s'
        }
        {
          name: 'B'
          value: label
        }
      ]
    }
  }
}

resource extra 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (count > 1) {
  name: guid(site.id)
}

output url string = 'https://\${site.properties.defaultHostName}'
`;

describe('bicep reader', () => {
  it('blanks comments and string contents but keeps interpolations as code', () => {
    const code = codeOnly(sample);
    expect(code).toHaveLength(sample.length);
    expect(code.split('\n')).toHaveLength(sample.split('\n').length);
    expect(code).not.toContain('comment');
    expect(code).not.toContain('parenthesis');
    expect(code).toContain('${toLower(sku)}');
    expect(bracketProblems(code)).toEqual([]);
  });

  it('reports unbalanced brackets', () => {
    expect(bracketProblems(codeOnly("resource x 'a@1' = {\n  properties: {\n}\n"))).toEqual(["line 1: '{' never closed"]);
    expect(bracketProblems(codeOnly('var a = [1, 2)\n'))).toEqual(["line 1: unexpected ')'"]);
  });

  it('refuses an unterminated string', () => {
    expect(() => codeOnly("var a = 'oops\nvar b = 1\n")).toThrow(/unterminated string/);
  });

  it('lists parameters with their defaults and decorators', () => {
    expect(params(sample).map((p) => [p.name, p.type, p.defaultValue, p.decorators.length])).toEqual([
      ['name', 'string', undefined, 1],
      ['sku', 'string', "'F0'", 1],
      ['count', 'int', '2', 0],
    ]);
  });

  it('lists resources, conditional ones included, and outputs', () => {
    expect(resources(sample).map((r) => [r.symbol, r.type, r.apiVersion, r.conditional])).toEqual([
      ['site', 'Microsoft.Web/sites', '2023-12-01', false],
      ['extra', 'Microsoft.Authorization/roleAssignments', '2022-04-01', true],
    ]);
    expect(outputs(sample).map((o) => o.name)).toEqual(['url']);
  });

  it('cuts out one resource and its app settings', () => {
    expect(resourceBody(sample, 'extra')).toBe("resource extra 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (count > 1) {\n  name: guid(site.id)\n}");
    expect(appSettings(sample)).toEqual([
      { name: 'A', value: "'it\\'s'" },
      { name: 'B', value: 'label' },
    ]);
  });
});
