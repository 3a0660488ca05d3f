import { describe, expect, it } from 'vitest';
import { DEFAULT_VISIBILITY, LAYER_ORDER, initialVisibility, layerTestId, toggleLayer, visibleLayers } from '../../../client/src/map/layerRegistry';

describe('layerRegistry', () => {
  it('draws wards at the bottom and cameras on top', () => {
    expect(LAYER_ORDER[0]).toBe('WARDS');
    expect(LAYER_ORDER.at(-1)).toBe('CAMERAS');
    expect(LAYER_ORDER.indexOf('VIEW_SECTORS')).toBeLessThan(LAYER_ORDER.indexOf('CAMERAS'));
  });

  it('starts with every layer on but the coverage gaps, which hatch most of the district', () => {
    expect(visibleLayers(DEFAULT_VISIBILITY)).toEqual(LAYER_ORDER.filter((kind) => kind !== 'COVERAGE_GAPS'));
  });

  it('draws coverage gaps over the residential groups and under the view sectors', () => {
    expect(LAYER_ORDER.indexOf('COVERAGE_GAPS')).toBeGreaterThan(LAYER_ORDER.indexOf('RESIDENTIAL_GROUPS'));
    expect(LAYER_ORDER.indexOf('COVERAGE_GAPS')).toBeLessThan(LAYER_ORDER.indexOf('VIEW_SECTORS'));
  });

  it('toggles one layer without touching the others or the original', () => {
    const off = toggleLayer(DEFAULT_VISIBILITY, 'VIEW_SECTORS');
    expect(off.VIEW_SECTORS).toBe(false);
    expect(DEFAULT_VISIBILITY.VIEW_SECTORS).toBe(true);
    expect(visibleLayers(off)).not.toContain('VIEW_SECTORS');
    expect(toggleLayer(off, 'VIEW_SECTORS', true).VIEW_SECTORS).toBe(true);
    expect(toggleLayer(off, 'CAMERAS', true).CAMERAS).toBe(true);
  });

  it('starts with nothing on that the role may not read', () => {
    const kinds = LAYER_ORDER.filter((kind) => kind !== 'RENTAL_HOUSES');
    const visibility = initialVisibility(kinds);
    expect(visibility.RENTAL_HOUSES).toBe(false);
    expect(visibleLayers(visibility)).toEqual(visibleLayers(DEFAULT_VISIBILITY).filter((kind) => kind !== 'RENTAL_HOUSES'));
    expect(initialVisibility(LAYER_ORDER)).toEqual(DEFAULT_VISIBILITY);
  });

  it('spells test ids with the GraphQL layer names', () => {
    expect(layerTestId('layer-toggle', 'VIEW_SECTORS')).toBe('layer-toggle-VIEW_SECTORS');
  });
});
