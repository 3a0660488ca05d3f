/**
 * Label decluttering: given label boxes in priority order, keep each one that does not overlap a
 * label already kept. Pure, so it is unit-tested; WardsLayer applies it after every zoom.
 */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function overlaps(a: Box, b: Box, margin = 0): boolean {
  return a.left < b.right + margin && b.left < a.right + margin && a.top < b.bottom + margin && b.top < a.bottom + margin;
}

export function contains(outer: Box, inner: Box): boolean {
  return inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;
}

/**
 * Places labels in priority order (highest first): each takes the first of its candidate vertical
 * shifts, in pixels, that overlaps no label already placed (with `margin`) and, with a `frame` (the
 * map's box), stays inside it. The default candidates are: where it is, one label-height above,
 * one below. Returns the shift of every placed label by index; a label with no place is hidden.
 */
export function placeLabels(boxes: Box[], margin = 4, frame?: Box, shifts?: number[]): Map<number, number> {
  const kept: Box[] = [];
  const placed = new Map<number, number>();
  boxes.forEach((box, index) => {
    const step = box.bottom - box.top + margin;
    for (const dy of shifts ?? [0, -step, step]) {
      const moved = { left: box.left, right: box.right, top: box.top + dy, bottom: box.bottom + dy };
      if (frame && !contains(frame, moved)) continue;
      if (kept.some((k) => overlaps(k, moved, margin))) continue;
      kept.push(moved);
      placed.set(index, dy);
      return;
    }
  });
  return placed;
}
