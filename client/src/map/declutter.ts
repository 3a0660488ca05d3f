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
 * Indexes (into `boxes`) of the labels to show; `boxes` must be in priority order, highest first.
 * With a `frame` (the map's box), a label cut by its edge is hidden too.
 */
export function visibleLabels(boxes: Box[], margin = 4, frame?: Box): Set<number> {
  const kept: Box[] = [];
  const visible = new Set<number>();
  boxes.forEach((box, index) => {
    if (frame && !contains(frame, box)) return;
    if (kept.some((k) => overlaps(k, box, margin))) return;
    kept.push(box);
    visible.add(index);
  });
  return visible;
}
