/** Small SVG symbols for the legend and badges, drawn from the same palette as the map. */
import { useId, type CSSProperties } from 'react';

const box = { width: 18, height: 18, viewBox: '0 0 18 18', 'aria-hidden': true } as const;

export function CircleSymbol({ fill, stroke = '#ffffff', r = 5 }: { fill: string; stroke?: string; r?: number }) {
  return (
    <svg {...box} className="ww-symbol">
      <circle cx="9" cy="9" r={r} fill={fill} stroke={stroke} strokeWidth="1.5" />
    </svg>
  );
}

export function SquareSymbol({ fill, stroke = '#ffffff' }: { fill: string; stroke?: string }) {
  return (
    <svg {...box} className="ww-symbol">
      <rect x="4" y="4" width="10" height="10" fill={fill} stroke={stroke} strokeWidth="1.5" />
    </svg>
  );
}

export function DiamondSymbol({ fill, stroke }: { fill: string; stroke: string }) {
  return (
    <svg {...box} className="ww-symbol">
      <path d="M9 2.5 L15.5 9 L9 15.5 L2.5 9 Z" fill={fill} stroke={stroke} strokeWidth="1.2" />
    </svg>
  );
}

export function AreaSymbol({
  fill,
  fillOpacity = 1,
  stroke,
  strokeWidth = 1.2,
  dash,
}: {
  fill: string;
  fillOpacity?: number;
  stroke: string;
  strokeWidth?: number;
  dash?: string;
}) {
  return (
    <svg {...box} className="ww-symbol">
      <rect x="2" y="3" width="14" height="12" rx="1.5" fill={fill} fillOpacity={fillOpacity} stroke={stroke} strokeWidth={strokeWidth} strokeDasharray={dash} />
    </svg>
  );
}

/** A hatched area (coverage gaps): diagonal lines over a light tint, with a dashed outline. */
export function HatchSymbol({ color, dash = '2 1.5' }: { color: string; dash?: string }) {
  const id = `ww-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <svg {...box} className="ww-symbol">
      <defs>
        <pattern id={id} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
          <rect width="4" height="4" fill={color} fillOpacity="0.08" />
          <line x1="0" y1="0" x2="0" y2="4" stroke={color} strokeWidth="1.4" strokeOpacity="0.7" />
        </pattern>
      </defs>
      <rect x="2" y="3" width="14" height="12" rx="1.5" fill={`url(#${id})`} stroke={color} strokeWidth="1" strokeDasharray={dash} />
    </svg>
  );
}

export function SectorSymbol({ color, fillOpacity, dash }: { color: string; fillOpacity: number; dash?: string }) {
  return (
    <svg {...box} className="ww-symbol">
      <path d="M3 15 L15 5 A13 13 0 0 1 16 13 Z" fill={color} fillOpacity={Math.min(1, fillOpacity * 2.5)} stroke={color} strokeWidth="1" strokeDasharray={dash} />
    </svg>
  );
}

export function LineSymbol({ color, width = 2.5 }: { color: string; width?: number }) {
  return (
    <svg {...box} className="ww-symbol">
      <path d="M2 12 C6 4, 11 15, 16 6" fill="none" stroke={color} strokeWidth={width} />
    </svg>
  );
}

export function Badge({ color, children, testId }: { color: string; children: React.ReactNode; testId?: string }) {
  return (
    <span className="ww-badge" style={{ '--ww-badge': color } as CSSProperties} data-testid={testId}>
      {children}
    </span>
  );
}
