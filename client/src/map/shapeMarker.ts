/**
 * A CircleMarker drawn as a square or a diamond on the canvas renderer (Leaflet only draws circles),
 * so rental houses read apart from the round camera dots. Hit-testing stays the circle's (radius +
 * tolerance), which covers the symbol.
 */
import L from 'leaflet';
import type { HouseShape } from './styles';

export interface ShapeMarkerOptions extends L.CircleMarkerOptions {
  shape: HouseShape;
}

interface CanvasInternals {
  _drawing: boolean;
  _ctx: CanvasRenderingContext2D;
  _fillStroke(ctx: CanvasRenderingContext2D, layer: L.Layer): void;
  _updateCircle(layer: L.Layer): void;
}

interface MarkerInternals {
  _renderer: CanvasInternals;
  _point: L.Point;
  _radius: number;
  _empty(): boolean;
  options: ShapeMarkerOptions;
}

export const ShapeMarker = L.CircleMarker.extend({
  _updatePath(this: MarkerInternals) {
    const renderer = this._renderer;
    if (!renderer._ctx) {
      renderer._updateCircle(this as unknown as L.Layer); // not a canvas: fall back to a circle
      return;
    }
    if (!renderer._drawing || this._empty()) return;
    const ctx = renderer._ctx;
    const { x, y } = this._point;
    const r = Math.max(Math.round(this._radius), 1);
    ctx.beginPath();
    if (this.options.shape === 'diamond') {
      const d = Math.round(r * 1.3);
      ctx.moveTo(x, y - d);
      ctx.lineTo(x + d, y);
      ctx.lineTo(x, y + d);
      ctx.lineTo(x - d, y);
      ctx.closePath();
    } else {
      ctx.rect(x - r, y - r, r * 2, r * 2);
    }
    renderer._fillStroke(ctx, this as unknown as L.Layer);
  },
}) as unknown as new (latlng: L.LatLngExpression, options: ShapeMarkerOptions) => L.CircleMarker;
