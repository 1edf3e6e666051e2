/**
 * The classic XML add-in manifest (for partners in other tenants) agrees with the unified manifest:
 * id, version, names, task pane URL, icon URLs, permission, requirement set, hosts, ribbon surfaces,
 * buttons and SSO. Microsoft's XML validation is an online service (see
 * office-addin-manifest.test.ts), so the structure is checked here as far as it can be offline.
 */
import { readFileSync } from 'node:fs';
import { buildInTemp, productionEnv, parseXml, findAll, at, child, type XmlElement } from './helpers';
import { MAILBOX_MIN_VERSION } from '../../../manifest/build';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** XML permission names and their unified-manifest equivalents (Microsoft's mapping). */
const PERMISSIONS: Record<string, string> = {
  Restricted: 'MailboxItem.Restricted.User',
  ReadItem: 'MailboxItem.Read.User',
  ReadWriteItem: 'MailboxItem.ReadWrite.User',
  ReadWriteMailbox: 'Mailbox.ReadWrite.User',
};
/** XML command surfaces and the unified manifest's ribbon contexts. */
const SURFACES: Record<string, string> = {
  MessageReadCommandSurface: 'mailRead',
  MessageComposeCommandSurface: 'mailCompose',
};

const xsiType = (e: XmlElement) => e.attrs['xsi:type'];

describe('outlook-addin.xml agrees with manifest.json', () => {
  let manifest: Json;
  let extension: Json;
  let root: XmlElement;
  let overrides: XmlElement;
  /** resid -> DefaultValue, over all resource kinds. */
  let resources: Map<string, string>;

  beforeAll(async () => {
    const { pkg } = await buildInTemp({ ...productionEnv });
    manifest = JSON.parse(readFileSync(pkg.manifestPath, 'utf8')) as Json;
    extension = manifest.extensions[0];
    root = parseXml(readFileSync(pkg.addinXmlPath, 'utf8'));
    const outer = child(root, 'VersionOverrides');
    expect(xsiType(outer)).toBe('VersionOverridesV1_0');
    overrides = child(outer, 'VersionOverrides');
    resources = new Map();
    for (const kind of ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']) {
      for (const e of at(overrides, 'Resources', kind).children) {
        expect(resources.has(e.attrs.id as string)).toBe(false);
        resources.set(e.attrs.id as string, e.attrs.DefaultValue as string);
      }
    }
  });

  const resource = (resid: string | undefined) => {
    const value = resources.get(resid ?? '');
    if (value === undefined) throw new Error(`resid ${resid} is not in <Resources>`);
    return value;
  };

  it('is a mail add-in with VersionOverrides 1.1 inside 1.0', () => {
    expect(root.name).toBe('OfficeApp');
    expect(xsiType(root)).toBe('MailApp');
    expect(root.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(xsiType(overrides)).toBe('VersionOverridesV1_1');
    expect(overrides.attrs.xmlns).toBe('http://schemas.microsoft.com/office/mailappversionoverrides/1.1');
    // The order of the top-level elements that the OfficeApp schema prescribes.
    expect(root.children.map((c) => c.name)).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'FormSettings',
      'Permissions',
      'Rule',
      'DisableEntityHighlighting',
      'VersionOverrides',
    ]);
    expect(overrides.children.map((c) => c.name)).toEqual(['Requirements', 'Hosts', 'Resources', 'WebApplicationInfo']);
  });

  it('has the same id, version, names, provider and support URL', () => {
    expect(at(root, 'Id').text).toBe(manifest.id);
    expect(at(root, 'Version').text).toBe(`${manifest.version}.0`);
    expect(at(root, 'ProviderName').text).toBe(manifest.developer.name); // "Vivendo & partners": escaped and read back
    expect(at(root, 'DisplayName').attrs.DefaultValue).toBe(manifest.name.short);
    expect(at(root, 'Description').attrs.DefaultValue).toBe(manifest.description.short);
    expect(at(root, 'DefaultLocale').text).toBe(manifest.localizationInfo.defaultLanguageTag);
    expect(at(root, 'SupportUrl').attrs.DefaultValue).toBe(manifest.developer.websiteUrl);
  });

  it('runs on the same host with the same domain', () => {
    expect(at(root, 'Hosts').children.map((h) => h.attrs.Name)).toEqual(['Mailbox']);
    expect(extension.requirements.scopes).toEqual(['mail']);
    const domains = at(root, 'AppDomains').children.map((d) => new URL(d.text).hostname);
    expect(domains).toEqual(manifest.validDomains);
  });

  it('asks the same permission', () => {
    const xmlPermission = at(root, 'Permissions').text;
    const jsonPermissions = (manifest.authorization.permissions.resourceSpecific as Json[])
      .filter((p) => Object.values(PERMISSIONS).includes(p.name))
      .map((p) => p.name);
    expect(jsonPermissions).toEqual([PERMISSIONS[xmlPermission]]);
    expect(xmlPermission).toBe('ReadWriteItem');
  });

  it('needs the same Mailbox requirement set', () => {
    const [capability] = extension.requirements.capabilities as Json[];
    expect(capability).toEqual({ name: 'Mailbox', minVersion: MAILBOX_MIN_VERSION });
    const set = at(root, 'Requirements', 'Sets', 'Set');
    expect(set.attrs).toEqual({ Name: 'Mailbox', MinVersion: capability!.minVersion });
    const sets = at(overrides, 'Requirements', 'bt:Sets');
    expect(sets.attrs.DefaultMinVersion).toBe(capability!.minVersion);
    expect(sets.children.map((s) => s.attrs.Name)).toEqual(['Mailbox']);
  });

  it('opens the same task pane page, in read and compose forms', () => {
    const page = extension.runtimes[0].code.page as string;
    const forms = at(root, 'FormSettings').children;
    expect(forms.map(xsiType)).toEqual(['ItemRead', 'ItemEdit']);
    for (const form of forms) expect(at(form, 'DesktopSettings', 'SourceLocation').attrs.DefaultValue).toBe(page);
    const actions = findAll(overrides, (e) => e.name === 'Action');
    expect(actions).toHaveLength(2);
    for (const action of actions) {
      expect(xsiType(action)).toBe('ShowTaskpane');
      expect(resource(child(action, 'SourceLocation').attrs.resid)).toBe(page);
    }
    const rules = at(root, 'Rule').children.map((r) => `${xsiType(r)}:${r.attrs.ItemType}:${r.attrs.FormType}`);
    expect(rules).toEqual(['ItemIs:Message:Read', 'ItemIs:Message:Edit']);
  });

  it('has the same ribbon surfaces, groups, buttons, labels and icon URLs', () => {
    const points = findAll(overrides, (e) => e.name === 'ExtensionPoint');
    expect(points.map((p) => SURFACES[xsiType(p) ?? ''])).toEqual(extension.ribbons.map((r: Json) => r.contexts[0]));
    points.forEach((point, i) => {
      const ribbon = extension.ribbons[i];
      expect(ribbon.contexts).toHaveLength(1);
      const tab = child(point, 'OfficeTab');
      expect(tab.attrs.id).toBe(ribbon.tabs[0].builtInTabId);
      const group = child(tab, 'Group');
      const jsonGroup = ribbon.tabs[0].groups[0];
      expect(group.attrs.id).toBe(jsonGroup.id);
      expect(resource(child(group, 'Label').attrs.resid)).toBe(jsonGroup.label);
      const control = child(group, 'Control');
      const jsonControl = jsonGroup.controls[0];
      expect(xsiType(control)).toBe('Button');
      expect(control.attrs.id).toBe(jsonControl.id);
      expect(resource(child(control, 'Label').attrs.resid)).toBe(jsonControl.label);
      expect(resource(at(control, 'Supertip', 'Title').attrs.resid)).toBe(jsonControl.supertip.title);
      expect(resource(at(control, 'Supertip', 'Description').attrs.resid)).toBe(jsonControl.supertip.description);
      const icons = child(control, 'Icon').children.map((img) => ({ size: Number(img.attrs.size), url: resource(img.attrs.resid) }));
      expect(icons).toEqual(jsonControl.icons);
    });
  });

  it('pins the task pane in read mode, as the unified manifest does', () => {
    const pinnable = extension.runtimes[0].actions[0].pinnable as boolean;
    const read = findAll(overrides, (e) => e.name === 'ExtensionPoint' && xsiType(e) === 'MessageReadCommandSurface')[0]!;
    const action = findAll(read, (e) => e.name === 'Action')[0]!;
    expect(child(action, 'SupportsPinning').text).toBe(String(pinnable));
  });

  it('uses the same SSO application and resource', () => {
    const info = at(overrides, 'WebApplicationInfo');
    expect(at(info, 'Id').text).toBe(manifest.webApplicationInfo.id);
    expect(at(info, 'Resource').text).toBe(manifest.webApplicationInfo.resource);
    expect(at(info, 'Scopes').children.map((s) => s.text)).toEqual(['openid', 'profile']);
  });

  it('serves every icon from APP_BASE_URL/addin/assets/ over https', () => {
    const urls = [at(root, 'IconUrl').attrs.DefaultValue, at(root, 'HighResolutionIconUrl').attrs.DefaultValue];
    urls.push(...at(overrides, 'Resources', 'bt:Images').children.map((i) => i.attrs.DefaultValue));
    for (const url of urls) expect(url).toMatch(new RegExp(`^${productionEnv.APP_BASE_URL}/addin/assets/icon-(16|32|64|80|128)\\.png$`));
  });

  it('keeps every referenced resid defined and every string within the schema limits', () => {
    const referenced = findAll(root, (e) => e.attrs.resid !== undefined).map((e) => e.attrs.resid as string);
    for (const resid of referenced) resource(resid);
    for (const s of at(overrides, 'Resources', 'bt:ShortStrings').children) expect((s.attrs.DefaultValue as string).length).toBeLessThanOrEqual(125);
    for (const s of at(overrides, 'Resources', 'bt:LongStrings').children) expect((s.attrs.DefaultValue as string).length).toBeLessThanOrEqual(250);
    const ids = findAll(overrides, (e) => ['Group', 'Control'].includes(e.name)).map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(at(root, 'Description').attrs.DefaultValue!.length).toBeLessThanOrEqual(250);
    expect(at(root, 'DisplayName').attrs.DefaultValue!.length).toBeLessThanOrEqual(125);
  });
});
