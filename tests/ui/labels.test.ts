// The settings and the popup offer exactly the sites PostCheck has an adapter for.
import { describe, expect, it } from 'vitest';
import { CONFIG_SITES } from '../../src/config/schema';
import { ADAPTERS } from '../../src/content/sites/index';
import { CONFIG_SITE_LABELS, SUPPORTED_SITES } from '../../src/ui/labels';

describe('SUPPORTED_SITES', () => {
  it('is the configurable sites that have a site adapter, in the configuration’s order', () => {
    expect(SUPPORTED_SITES).toEqual(CONFIG_SITES.filter((s) => ADAPTERS.some((a) => a.site === s)));
  });
  it('has a label for each', () => {
    for (const s of SUPPORTED_SITES) expect(CONFIG_SITE_LABELS[s]).toMatch(/\w/);
  });
});
