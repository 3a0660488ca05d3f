/** A coverage percentage in large type with a bar, for the side panel and the details panel. */
import { formatPercent, type Language } from '../format';

interface Props {
  /** 0-100 */
  percent: number;
  caption: string;
  language: Language;
  testId: string;
  /** a newer figure is on its way */
  pending?: boolean;
  compact?: boolean;
}

export function CoverageFigure({ percent, caption, language, testId, pending, compact }: Props) {
  const value = Math.min(100, Math.max(0, percent));
  const text = formatPercent(percent, language);
  return (
    <div className={compact ? 'ww-coverage-figure is-compact' : 'ww-coverage-figure'} data-testid={testId} data-pending={pending ? 'true' : 'false'}>
      <div className="ww-coverage-top">
        <span className="ww-coverage-percent" data-testid={`${testId}-percent`} data-value={percent}>
          {text}
        </span>
        <span className="ww-coverage-caption">{caption}</span>
      </div>
      <div className="ww-meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value * 10) / 10} aria-valuetext={text}>
        <span className="ww-meter-bar" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
