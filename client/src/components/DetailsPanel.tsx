/**
 * Details of what was clicked: a camera or a rental house is fetched in full by id; a residential
 * group or a ward is described from the loaded layers and the ward list. Enum values are translated.
 */
import type { Geometry } from 'geojson';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode, isAbortError } from '../api/graphql';
import { fetchCamera, fetchGroupCoverage, fetchRentalHouse, fetchWardCoverage, unregisteredHousesCsvUrl } from '../api/queries';
import { personalValue, type Access } from '../auth/access';
import {
  compassPoint,
  formatArea,
  formatPercent,
  formatDate,
  formatDateTime,
  formatDegrees,
  formatDensity,
  formatLatLng,
  formatMeters,
  formatNumber,
  percent,
  telHref,
  type Language,
} from '../format';
import { geometryBBox } from '../map/geometry';
import type { FeatureIndex, PartialLayerData, WardDensity } from '../map/layerStats';
import { activeCamerasInGroup, wardSummary } from '../map/layerStats';
import { PALETTE, STATUS_COLORS } from '../map/styles';
import type { BBox, Camera, RentalHouse, Selection, Ward } from '../types';
import { useRemote } from '../useRemote';
import { CoverageFigure } from './CoverageFigure';
import { CameraHealthSection } from './CameraHealth';
import { Badge } from './Symbols';

interface Props {
  selection: Selection | null;
  language: Language;
  /** what the user's role may see and use */
  access: Access;
  index: FeatureIndex;
  wards: Ward[];
  data: PartialLayerData;
  activeByGroup: Map<number, number> | null;
  camerasByGroup: Map<number, number> | null;
  density: WardDensity;
  /** bumped when the server's data changed (a camera registered): figures refetch */
  revision: number;
  onSelect: (selection: Selection) => void;
  onClose: () => void;
  onZoom: (target: { bbox: BBox } | { point: [number, number] }) => void;
}

export function DetailsPanel(props: Props) {
  const { t } = useTranslation();
  const { selection } = props;
  return (
    <aside
      className={selection ? 'ww-details is-open' : 'ww-details'}
      data-testid="details-panel"
      data-kind={selection?.kind ?? ''}
      data-id={selection?.id ?? ''}
      aria-live="polite"
      aria-label={t('details.title')}
    >
      {selection == null ? (
        <p className="ww-details-empty" data-testid="details-empty">
          {t(props.access.rentalHouses ? 'details.emptyHint' : 'details.emptyHintNoHouses')}
        </p>
      ) : (
        <>
          <button type="button" className="ww-close" data-testid="details-close" aria-label={t('details.close')} title={t('details.close')} onClick={props.onClose}>
            ×
          </button>
          {selection.kind === 'camera' && <CameraDetails key={selection.id} id={selection.id} {...props} />}
          {selection.kind === 'rentalHouse' && <RentalHouseDetails key={selection.id} id={selection.id} {...props} />}
          {selection.kind === 'residentialGroup' && <GroupDetails id={selection.id} {...props} />}
          {selection.kind === 'ward' && <WardDetails id={selection.id} {...props} />}
        </>
      )}
    </aside>
  );
}

type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; code: string; message: string };

function useRecord<T>(
  load: (id: number, options: { signal: AbortSignal }) => Promise<T>,
  id: number,
  revision = 0,
): [Loadable<T>, () => void] {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(id, { signal: controller.signal }).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!isAbortError(error)) {
          setState({ status: 'error', code: errorCode(error), message: error instanceof Error ? error.message : String(error) });
        }
      },
    );
    return () => controller.abort();
  }, [load, id, attempt, revision]);
  return [state, () => setAttempt((n) => n + 1)];
}

function Heading({ kind, title, badge }: { kind: Selection['kind']; title: ReactNode; badge?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="ww-details-head">
      <div className="ww-details-kind">{t(`details.kind.${kind}`)}</div>
      <h2 className="ww-details-title" data-testid="details-title">
        {title}
      </h2>
      {badge}
    </header>
  );
}

function Field({ name, label, children }: { name: string; label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children == null || children === '';
  return (
    <div className="ww-dl-row" data-field={name}>
      <dt>{label}</dt>
      <dd className={empty ? 'is-empty' : undefined}>{empty ? t('details.notRecorded') : children}</dd>
    </div>
  );
}

/**
 * An owner's name or phone: the value; "hidden" when the server withheld it from this role;
 * "not recorded" when there is none.
 */
function PersonalField({ name, label, value, access, children }: { name: string; label: string; value: string | null; access: Access; children?: (value: string) => ReactNode }) {
  const { t } = useTranslation();
  const shown = personalValue(value, access.personalData);
  if (shown.state === 'hidden') {
    return (
      <div className="ww-dl-row" data-field={name} data-hidden="true">
        <dt>{label}</dt>
        <dd className="is-withheld" title={t('details.personalHidden')}>
          <svg className="ww-lock" viewBox="0 0 12 12" width="11" height="11" aria-hidden="true">
            <rect x="2" y="5.2" width="8" height="5.8" rx="1.2" fill="currentColor" />
            <path d="M4 5.4V3.9a2 2 0 0 1 4 0v1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
          </svg>
          {t('details.personalHidden')}
        </dd>
      </div>
    );
  }
  return (
    <Field name={name} label={label}>
      {shown.state === 'value' ? (children ? children(shown.value) : shown.value) : null}
    </Field>
  );
}

function LinkButton({ onClick, children, testId }: { onClick: () => void; children: ReactNode; testId?: string }) {
  return (
    <button type="button" className="ww-link" onClick={onClick} data-testid={testId}>
      {children}
    </button>
  );
}

function Phone({ value }: { value: string | null }) {
  return value ? <a href={telHref(value)}>{value}</a> : null;
}

function LoadState({ state, onRetry }: { state: Loadable<unknown>; onRetry: () => void }) {
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <p className="ww-details-loading" data-testid="details-loading">
        <span className="ww-spinner" aria-hidden="true" /> {t('details.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="ww-error" role="alert" data-testid="details-error" data-code={state.code}>
        <p>{t(`errors.${state.code}`, { defaultValue: t('errors.UNKNOWN_ERROR') })}</p>
        <p className="ww-error-code">{t('errors.code', { code: state.code })}</p>
        <button type="button" className="ww-button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      </div>
    );
  }
  return null;
}

function ZoomButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="ww-button ww-button-secondary" data-testid="details-zoom" onClick={onClick}>
      {t('details.zoomTo')}
    </button>
  );
}

function CameraDetails({ id, language, index, revision, access, onSelect, onZoom }: Props & { id: number }) {
  const { t } = useTranslation();
  const [state, retry] = useRecord(fetchCamera, id, revision);
  const groupId = state.status === 'ready' ? state.data.residentialGroupId : null;
  const groupCoverage = useRemote(groupId == null ? null : `group-${groupId}`, revision, (o) => fetchGroupCoverage(groupId!, o));
  const feature = index.cameras.get(id);
  const fallbackTitle = feature?.properties.label || t('details.cameraTitle', { id });
  if (state.status !== 'ready') {
    return (
      <>
        <Heading kind="camera" title={fallbackTitle} />
        <LoadState state={state} onRetry={retry} />
      </>
    );
  }
  const c: Camera = state.data;
  const group = c.residentialGroupId != null ? index.groups.get(c.residentialGroupId) : undefined;
  const house = c.rentalHouseId != null ? index.houses.get(c.rentalHouseId) : undefined;
  return (
    <>
      <Heading
        kind="camera"
        title={c.label || t('details.cameraTitle', { id: c.id })}
        badge={
          <Badge color={STATUS_COLORS[c.status]} testId="details-status">
            {t(`enum.CameraStatus.${c.status}`)}
          </Badge>
        }
      />
      <dl className="ww-dl">
        <Field name="type" label={t('details.field.type')}>{t(`enum.CameraType.${c.type}`)}</Field>
        <Field name="ward" label={t('details.field.ward')}>
          <LinkButton onClick={() => onSelect({ kind: 'ward', id: c.wardId })}>{c.ward?.name}</LinkButton>
        </Field>
        <Field name="residentialGroup" label={t('details.field.residentialGroup')}>
          {c.residentialGroupId != null && (
            <LinkButton onClick={() => onSelect({ kind: 'residentialGroup', id: c.residentialGroupId! })}>
              {group?.properties.name ?? `#${c.residentialGroupId}`}
            </LinkButton>
          )}
        </Field>
        {c.residentialGroupId != null && (
          <Field name="groupCoverage" label={t('details.field.groupCoverage')}>
            {groupCoverage.data && (
              <span data-testid="details-group-coverage" data-value={groupCoverage.data.coverage.coveredPercent}>
                {formatPercent(groupCoverage.data.coverage.coveredPercent, language)}
              </span>
            )}
          </Field>
        )}
        <Field name="ownerKind" label={t('details.field.ownerKind')}>{t(`enum.OwnerKind.${c.ownerKind}`)}</Field>
        <PersonalField name="ownerName" label={t('details.field.ownerName')} value={c.ownerName} access={access} />
        <PersonalField name="ownerPhone" label={t('details.field.ownerPhone')} value={c.ownerPhone} access={access}>
          {(phone) => <Phone value={phone} />}
        </PersonalField>
        {c.rentalHouseId != null && (
          <Field name="rentalHouse" label={t('details.field.rentalHouse')}>
            {access.rentalHouseDetails ? (
              <LinkButton onClick={() => onSelect({ kind: 'rentalHouse', id: c.rentalHouseId! })}>
                {house?.properties.address ?? t('details.rentalHouseLink', { id: c.rentalHouseId })}
              </LinkButton>
            ) : (
              (house?.properties.address ?? t('details.rentalHouseLink', { id: c.rentalHouseId }))
            )}
          </Field>
        )}
        <Field name="networkOperator" label={t('details.field.networkOperator')}>{t(`enum.NetworkOperator.${c.networkOperator}`)}</Field>
        <Field name="policeAccess" label={t('details.field.policeAccess')}>{t(`enum.PoliceAccess.${c.policeAccess}`)}</Field>
        <Field name="bearing" label={t('details.field.bearing')}>
          {t('units.bearing', { degrees: formatDegrees(c.bearing, language), direction: t(`compass.${compassPoint(c.bearing)}`) })}
        </Field>
        <Field name="fieldOfView" label={t('details.field.fieldOfView')}>{formatDegrees(c.fieldOfView, language)}</Field>
        <Field name="range" label={t('details.field.range')}>{formatMeters(c.rangeMeters, language)}</Field>
        <Field name="mountHeight" label={t('details.field.mountHeight')}>
          {c.mountHeightMeters == null ? null : formatMeters(c.mountHeightMeters, language)}
        </Field>
        <Field name="installedOn" label={t('details.field.installedOn')}>{formatDate(c.installedOn, language)}</Field>
        <Field name="registeredAt" label={t('details.field.registeredAt')}>{formatDateTime(c.registeredAt, language)}</Field>
        <Field name="coordinates" label={t('details.field.coordinates')}>{formatLatLng(c.latitude, c.longitude)}</Field>
      </dl>
      <CameraHealthSection id={c.id} language={language} revision={revision} />
      <div className="ww-details-actions">
        <ZoomButton onClick={() => onZoom({ point: [c.latitude, c.longitude] })} />
      </div>
    </>
  );
}

function RentalHouseDetails({ id, index, access, onSelect, onZoom }: Props & { id: number }) {
  const { t } = useTranslation();
  const [state, retry] = useRecord(fetchRentalHouse, id);
  const feature = index.houses.get(id);
  if (state.status !== 'ready') {
    return (
      <>
        <Heading kind="rentalHouse" title={feature?.properties.address ?? t('details.rentalHouseLink', { id })} />
        <LoadState state={state} onRetry={retry} />
      </>
    );
  }
  const h: RentalHouse = state.data;
  const group = h.residentialGroupId != null ? index.groups.get(h.residentialGroupId) : undefined;
  return (
    <>
      <Heading
        kind="rentalHouse"
        title={h.address}
        badge={
          <Badge color={h.hasActiveCamera ? PALETTE.houseWithCamera : PALETTE.houseWithoutCamera} testId="details-status">
            {t(h.hasActiveCamera ? 'details.houseCovered' : 'details.houseUncovered')}
          </Badge>
        }
      />
      <dl className="ww-dl">
        <PersonalField name="ownerName" label={t('details.field.ownerName')} value={h.ownerName} access={access} />
        <PersonalField name="ownerPhone" label={t('details.field.ownerPhone')} value={h.ownerPhone} access={access}>
          {(phone) => <Phone value={phone} />}
        </PersonalField>
        <Field name="rooms" label={t('details.field.rooms')}>{t('units.rooms', { count: h.rooms })}</Field>
        <Field name="ward" label={t('details.field.ward')}>
          <LinkButton onClick={() => onSelect({ kind: 'ward', id: h.wardId })}>{h.ward?.name}</LinkButton>
        </Field>
        <Field name="residentialGroup" label={t('details.field.residentialGroup')}>
          {h.residentialGroupId != null && (
            <LinkButton onClick={() => onSelect({ kind: 'residentialGroup', id: h.residentialGroupId! })}>
              {group?.properties.name ?? `#${h.residentialGroupId}`}
            </LinkButton>
          )}
        </Field>
        <Field name="coordinates" label={t('details.field.coordinates')}>{formatLatLng(h.latitude, h.longitude)}</Field>
      </dl>
      <h3 className="ww-details-subtitle">{t('details.field.cameras')}</h3>
      {h.cameras.length === 0 ? (
        <p className="ww-muted" data-testid="details-no-cameras">
          {t('details.noCameras')}
        </p>
      ) : (
        <ul className="ww-camera-list" data-testid="details-cameras">
          {h.cameras.map((c) => (
            <li key={c.id}>
              <LinkButton onClick={() => onSelect({ kind: 'camera', id: c.id })}>{c.label || t('details.cameraTitle', { id: c.id })}</LinkButton>
              <span className="ww-muted">{t(`enum.CameraType.${c.type}`)}</span>
              <Badge color={STATUS_COLORS[c.status]}>{t(`enum.CameraStatus.${c.status}`)}</Badge>
            </li>
          ))}
        </ul>
      )}
      <div className="ww-details-actions">
        <ZoomButton onClick={() => onZoom({ point: [h.latitude, h.longitude] })} />
      </div>
    </>
  );
}

function GroupDetails({ id, language, index, wards, activeByGroup, camerasByGroup, revision, onSelect, onZoom }: Props & { id: number }) {
  const { t } = useTranslation();
  const group = index.groups.get(id);
  const remote = useRemote(`group-${id}`, revision, (o) => fetchGroupCoverage(id, o));
  const record = remote.data;
  if (!group && !record) {
    return (
      <>
        <Heading kind="residentialGroup" title={`#${id}`} />
        {remote.status === 'error' && <LoadState state={{ status: 'error', code: remote.code ?? 'UNKNOWN_ERROR', message: '' }} onRetry={remote.retry} />}
      </>
    );
  }
  const p = group?.properties;
  const wardId = record?.wardId ?? p!.wardId;
  const ward = wards.find((w) => w.id === wardId) ?? null;
  const wardName = ward?.name ?? index.wards.get(wardId)?.properties.name ?? `#${wardId}`;
  // The server's figures when they have come, else what the layer says.
  const coverage = record?.coverage;
  const active = coverage?.activeCameraCount ?? activeCamerasInGroup(group, activeByGroup);
  const total = camerasByGroup ? (camerasByGroup.get(id) ?? 0) : null;
  const percentValue = coverage?.coveredPercent ?? p?.coveredPercent ?? null;
  const gapArea = coverage?.gapAreaM2 ?? p?.gapAreaM2 ?? null;
  const area = coverage?.areaM2 ?? p?.areaM2 ?? null;
  const coveredArea = coverage?.coveredAreaM2 ?? (area != null && gapArea != null ? Math.max(0, area - gapArea) : null);
  return (
    <>
      <Heading
        kind="residentialGroup"
        title={record?.name ?? p!.name}
        badge={
          active == null ? undefined : (
            <Badge color={active > 0 ? PALETTE.houseWithCamera : PALETTE.uncoveredGroup} testId="details-status">
              {t(active > 0 ? 'details.groupCovered' : 'details.groupUncovered')}
            </Badge>
          )
        }
      />
      {percentValue != null && (
        <CoverageFigure percent={percentValue} caption={t('details.coverageOf')} language={language} testId="details-coverage" pending={remote.status === 'loading'} />
      )}
      <dl className="ww-dl">
        <Field name="coveredArea" label={t('details.field.coveredArea')}>{coveredArea == null ? null : formatArea(coveredArea, language)}</Field>
        <Field name="gapArea" label={t('details.field.gapArea')}>{gapArea == null ? null : formatArea(gapArea, language)}</Field>
        <Field name="area" label={t('details.field.area')}>{area == null ? null : formatArea(area, language)}</Field>
        <Field name="activeCameras" label={t('details.field.activeCameras')}>{active == null ? null : formatNumber(active, language)}</Field>
        <Field name="sectorCount" label={t('details.field.sectorCount')}>{coverage ? formatNumber(coverage.sectorCount, language) : null}</Field>
        <Field name="camerasInGroup" label={t('details.field.camerasInGroup')}>{total == null ? null : formatNumber(total, language)}</Field>
        <Field name="code" label={t('details.field.code')}>{record?.code ?? p?.code}</Field>
        <Field name="ward" label={t('details.field.ward')}>
          <LinkButton onClick={() => onSelect({ kind: 'ward', id: wardId })}>{wardName}</LinkButton>
        </Field>
        <Field name="households" label={t('details.field.households')}>{formatNumber(record?.households ?? p!.households, language)}</Field>
        <Field name="computedAt" label={t('details.field.computedAt')}>{formatDateTime(coverage?.computedAt, language)}</Field>
      </dl>
      {group && (
        <div className="ww-details-actions">
          <ZoomButton onClick={() => zoomToFeature(group.geometry, onZoom)} />
        </div>
      )}
    </>
  );
}

function WardDetails({ id, language, index, wards, data, density, revision, access, onZoom }: Props & { id: number }) {
  const { t } = useTranslation();
  const coverage = useRemote(`ward-${id}`, revision, (o) => fetchWardCoverage(id, o)).data;
  const ward = wards.find((w) => w.id === id) ?? null;
  const feature = index.wards.get(id);
  const name = ward?.name ?? feature?.properties.name ?? `#${id}`;
  const summary = wardSummary(id, data);
  const cameraCount = ward?.cameraCount ?? feature?.properties.cameraCount ?? summary.cameras;
  const houses = ward?.rentalHouseCount ?? summary.rentalHouses;
  const groups = ward?.residentialGroupCount ?? summary.groups;
  const share = (part: number | undefined, whole: number | undefined) => {
    if (part == null || whole == null) return null;
    const pct = percent(part, whole);
    return pct == null
      ? formatNumber(part, language)
      : t('units.percentOf', { part: formatNumber(part, language), total: formatNumber(whole, language), percent: pct });
  };
  const d = density.density.get(id);
  return (
    <>
      <Heading kind="ward" title={name} />
      {coverage && <CoverageFigure percent={coverage.coveredPercent} caption={t('details.coverageOfWard')} language={language} testId="details-coverage" />}
      <dl className="ww-dl">
        {coverage && (
          <>
            <Field name="coveredArea" label={t('details.field.coveredArea')}>
              {t('units.partOf', { part: formatArea(coverage.coveredAreaM2, language), total: formatArea(coverage.areaM2, language) })}
            </Field>
            <Field name="gapArea" label={t('details.field.gapArea')}>{formatArea(coverage.gapAreaM2, language)}</Field>
            <Field name="activeCameras" label={t('details.field.activeCameras')}>{formatNumber(coverage.activeCameraCount, language)}</Field>
          </>
        )}
        <Field name="code" label={t('details.field.code')}>{ward?.code ?? feature?.properties.code}</Field>
        <Field name="chair" label={t('details.field.chair')}>{ward?.chairName ?? feature?.properties.chairName}</Field>
        <Field name="chairPhone" label={t('details.field.chairPhone')}>
          {ward?.chairPhone && <Phone value={ward.chairPhone} />}
        </Field>
        <Field name="chairEmail" label={t('details.field.chairEmail')}>
          {ward?.chairEmail ? <a href={`mailto:${ward.chairEmail}`}>{ward.chairEmail}</a> : null}
        </Field>
        <Field name="cameraCount" label={t('details.field.cameraCount')}>{cameraCount == null ? null : formatNumber(cameraCount, language)}</Field>
        <Field name="density" label={t('details.field.density')}>{d == null ? null : t('units.perKm2', { value: formatDensity(d, language) })}</Field>
        <Field name="rentalHouseCount" label={t('details.field.rentalHouseCount')}>{houses == null ? null : formatNumber(houses, language)}</Field>
        {access.rentalHouses && (
          <Field name="housesWithoutCamera" label={t('details.field.housesWithoutCamera')}>{share(summary.housesWithoutCamera, summary.rentalHouses)}</Field>
        )}
        <Field name="residentialGroupCount" label={t('details.field.residentialGroupCount')}>{groups == null ? null : formatNumber(groups, language)}</Field>
        <Field name="uncoveredGroups" label={t('details.field.uncoveredGroups')}>
          {coverage ? share(coverage.residentialGroupsWithoutCamera, coverage.residentialGroupCount) : share(summary.uncoveredGroups, summary.groups)}
        </Field>
      </dl>
      {access.unregisteredCsv && (
        <p className="ww-download">
          <a href={unregisteredHousesCsvUrl(id)} download data-testid="ward-csv" className="ww-button ww-button-secondary">
            {t('details.csv')}
          </a>
          <span className="ww-muted">{t('details.csvHint')}</span>
        </p>
      )}
      <div className="ww-details-actions">
        {ward ? <ZoomButton onClick={() => onZoom({ bbox: ward.bbox })} /> : feature && <ZoomButton onClick={() => zoomToFeature(feature.geometry, onZoom)} />}
      </div>
    </>
  );
}

function zoomToFeature(geometry: Geometry, onZoom: Props['onZoom']) {
  const bbox = geometryBBox(geometry);
  if (bbox) onZoom({ bbox });
}
