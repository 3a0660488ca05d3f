/**
 * Details of what was clicked: a camera or a rental house is fetched in full by id; a residential
 * group or a ward is described from the loaded layers and the ward list. Enum values are translated.
 */
import type { Geometry } from 'geojson';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode, isAbortError } from '../api/graphql';
import { fetchCamera, fetchRentalHouse } from '../api/queries';
import {
  compassPoint,
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
import { wardSummary } from '../map/layerStats';
import { PALETTE, STATUS_COLORS } from '../map/styles';
import type { BBox, Camera, RentalHouse, Selection, Ward } from '../types';
import { Badge } from './Symbols';

interface Props {
  selection: Selection | null;
  language: Language;
  index: FeatureIndex;
  wards: Ward[];
  data: PartialLayerData;
  activeByGroup: Map<number, number> | null;
  camerasByGroup: Map<number, number> | null;
  density: WardDensity;
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
          {t('details.emptyHint')}
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

function useRecord<T>(load: (id: number, options: { signal: AbortSignal }) => Promise<T>, id: number): [Loadable<T>, () => void] {
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
  }, [load, id, attempt]);
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

function CameraDetails({ id, language, index, onSelect, onZoom }: Props & { id: number }) {
  const { t } = useTranslation();
  const [state, retry] = useRecord(fetchCamera, id);
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
        <Field name="ownerKind" label={t('details.field.ownerKind')}>{t(`enum.OwnerKind.${c.ownerKind}`)}</Field>
        <Field name="ownerName" label={t('details.field.ownerName')}>{c.ownerName}</Field>
        <Field name="ownerPhone" label={t('details.field.ownerPhone')}>
          <Phone value={c.ownerPhone} />
        </Field>
        {c.rentalHouseId != null && (
          <Field name="rentalHouse" label={t('details.field.rentalHouse')}>
            <LinkButton onClick={() => onSelect({ kind: 'rentalHouse', id: c.rentalHouseId! })}>
              {house?.properties.address ?? t('details.rentalHouseLink', { id: c.rentalHouseId })}
            </LinkButton>
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
      <div className="ww-details-actions">
        <ZoomButton onClick={() => onZoom({ point: [c.latitude, c.longitude] })} />
      </div>
    </>
  );
}

function RentalHouseDetails({ id, index, onSelect, onZoom }: Props & { id: number }) {
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
        <Field name="ownerName" label={t('details.field.ownerName')}>{h.ownerName}</Field>
        <Field name="ownerPhone" label={t('details.field.ownerPhone')}>
          <Phone value={h.ownerPhone} />
        </Field>
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

function GroupDetails({ id, language, index, wards, activeByGroup, camerasByGroup, onSelect, onZoom }: Props & { id: number }) {
  const { t } = useTranslation();
  const group = index.groups.get(id);
  if (!group) return <Heading kind="residentialGroup" title={`#${id}`} />;
  const p = group.properties;
  const ward = wards.find((w) => w.id === p.wardId) ?? null;
  const wardName = ward?.name ?? index.wards.get(p.wardId)?.properties.name ?? `#${p.wardId}`;
  const active = activeByGroup ? (activeByGroup.get(id) ?? 0) : null;
  const total = camerasByGroup ? (camerasByGroup.get(id) ?? 0) : null;
  return (
    <>
      <Heading
        kind="residentialGroup"
        title={p.name}
        badge={
          active == null ? undefined : (
            <Badge color={active > 0 ? PALETTE.houseWithCamera : PALETTE.uncoveredGroup} testId="details-status">
              {t(active > 0 ? 'details.groupCovered' : 'details.groupUncovered')}
            </Badge>
          )
        }
      />
      <dl className="ww-dl">
        <Field name="code" label={t('details.field.code')}>{p.code}</Field>
        <Field name="ward" label={t('details.field.ward')}>
          <LinkButton onClick={() => onSelect({ kind: 'ward', id: p.wardId })}>{wardName}</LinkButton>
        </Field>
        <Field name="households" label={t('details.field.households')}>{formatNumber(p.households, language)}</Field>
        <Field name="activeCameras" label={t('details.field.activeCameras')}>{active == null ? null : formatNumber(active, language)}</Field>
        <Field name="camerasInGroup" label={t('details.field.camerasInGroup')}>{total == null ? null : formatNumber(total, language)}</Field>
      </dl>
      <div className="ww-details-actions">
        <ZoomButton onClick={() => zoomToFeature(group.geometry, onZoom)} />
      </div>
    </>
  );
}

function WardDetails({ id, language, index, wards, data, density, onZoom }: Props & { id: number }) {
  const { t } = useTranslation();
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
      <dl className="ww-dl">
        <Field name="code" label={t('details.field.code')}>{ward?.code ?? feature?.properties.code}</Field>
        <Field name="chair" label={t('details.field.chair')}>{ward?.chairName ?? feature?.properties.chairName}</Field>
        <Field name="chairPhone" label={t('details.field.chairPhone')}>
          <Phone value={ward?.chairPhone ?? null} />
        </Field>
        <Field name="chairEmail" label={t('details.field.chairEmail')}>
          {ward?.chairEmail ? <a href={`mailto:${ward.chairEmail}`}>{ward.chairEmail}</a> : null}
        </Field>
        <Field name="cameraCount" label={t('details.field.cameraCount')}>{cameraCount == null ? null : formatNumber(cameraCount, language)}</Field>
        <Field name="density" label={t('details.field.density')}>{d == null ? null : t('units.perKm2', { value: formatDensity(d, language) })}</Field>
        <Field name="rentalHouseCount" label={t('details.field.rentalHouseCount')}>{houses == null ? null : formatNumber(houses, language)}</Field>
        <Field name="housesWithoutCamera" label={t('details.field.housesWithoutCamera')}>{share(summary.housesWithoutCamera, summary.rentalHouses)}</Field>
        <Field name="residentialGroupCount" label={t('details.field.residentialGroupCount')}>{groups == null ? null : formatNumber(groups, language)}</Field>
        <Field name="uncoveredGroups" label={t('details.field.uncoveredGroups')}>{share(summary.uncoveredGroups, summary.groups)}</Field>
      </dl>
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
