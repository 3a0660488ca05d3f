/**
 * R4, R6: the units' home-camera uptake (headcount, verified, %, the day a unit reached 100%), the
 * commendation roster, and the civil servants with their home camera and last check. A ward chair
 * sees the people living in their ward and records checks and links home cameras; HOME_AFFAIRS sees
 * every unit and name, with addresses hidden.
 */
import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fetchCivilServants,
  fetchUnits,
  UNIT_UPTAKE_CSV_URL,
  type CivilServant,
  type CivilServantFilter,
  type Unit,
} from '../api/registries';
import { can } from '../auth/access';
import { ErrorNotice, Pager, Personal, useLanguage } from '../components/registries/common';
import { LinkCameraForm, RecordCheckForm } from '../components/registries/CivilServantForms';
import {
  barWidth,
  civilServantsListKey,
  currentAfter,
  FIRST_PAGE,
  nextPage,
  pageNumber,
  previousPage,
  type CursorPager,
} from '../components/registries/logic';
import { formatDate, formatDateTime, formatNumber, formatPercent, type Language } from '../format';
import { useRemote } from '../useRemote';
import type { PageProps } from './routes';
import './registries.css';

const PAGE_SIZE = 25;

export function CivilServantsPage({ user }: PageProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  /** bumped after a check or a link: the figures change */
  const [revision, setRevision] = useState(0);
  const units = useRemote('units', revision, (o) => fetchUnits(o));

  const [filter, setFilter] = useState<CivilServantFilter>({ unitId: null, verified: null, search: '' });
  const [searchText, setSearchText] = useState('');
  const [pager, setPager] = useState<CursorPager>(FIRST_PAGE);
  const after = currentAfter(pager);
  // The page is open to whoever reads the units (PLANNER too); the people only to civilServants.
  const mayList = can(user, 'civilServants');
  const listKey = civilServantsListKey(user, filter, after);
  const servants = useRemote(listKey, revision, (o) => fetchCivilServants(filter, { first: PAGE_SIZE, after }, o));
  /** rows changed by a form, until the list reloads */
  const [edited, setEdited] = useState<Record<number, CivilServant>>({});
  const [open, setOpen] = useState<{ id: number; form: 'check' | 'link' } | null>(null);
  // A fresh answer from the server supersedes the rows a form changed.
  useEffect(() => setEdited({}), [servants.data]);

  const mayCheck = can(user, 'recordCivilServantCheck');
  const mayLink = can(user, 'linkHomeCamera');
  const canSee = user.canSeePersonalData === true;

  const changeFilter = (next: Partial<CivilServantFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPager(FIRST_PAGE);
    setOpen(null);
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    changeFilter({ search: searchText });
  };
  const onSaved = (s: CivilServant) => {
    setEdited((m) => ({ ...m, [s.id]: s }));
    setOpen(null);
    setRevision((r) => r + 1);
  };

  const unitList = units.data?.units ?? [];
  // A ward chair sees the people living in their ward: units with none of them are left out.
  const shownUnits = user.wardId != null ? unitList.filter((u) => u.headcount > 0) : unitList;
  const hiddenUnits = unitList.length - shownUnits.length;
  const page = servants.data;

  return (
    <div className="ww-reg-page" data-testid="civil-servants-page">
      <div className="ww-reg-toolbar">
        <h1 className="ww-reg-title">{t('civilServants.title')}</h1>
        <div className="ww-reg-toolbar-actions">
          <a className="ww-button ww-button-secondary" href={UNIT_UPTAKE_CSV_URL} download data-testid="units-csv">
            {t('civilServants.csv')}
          </a>
        </div>
      </div>
      {user.wardId != null && <p className="ww-reg-intro">{t('civilServants.scopeWard', { ward: user.ward?.name ?? '' })}</p>}

      {units.status === 'error' && <ErrorNotice code={units.code} onRetry={units.retry} />}
      {units.status === 'loading' && !units.data && <Loading />}
      {units.data && (
        <div className="ww-reg-columns">
          <section className="ww-reg-card" aria-labelledby="units-title">
            <h2 className="ww-reg-card-title" id="units-title">
              {t('civilServants.units.title')}
            </h2>
            <UnitsTable
              units={shownUnits}
              language={language}
              onPick={mayList ? (id) => changeFilter({ unitId: id }) : undefined}
              selected={mayList ? (filter.unitId ?? null) : null}
            />
            {hiddenUnits > 0 && (
              <p className="ww-muted ww-small" data-testid="units-hidden">
                {t('civilServants.units.emptyHidden', { n: hiddenUnits })}
              </p>
            )}
          </section>
          <section className="ww-reg-card ww-roster" aria-labelledby="roster-title" data-testid="roster">
            <h2 className="ww-reg-card-title" id="roster-title">
              {t('civilServants.roster.title')}
            </h2>
            <p className="ww-muted">{t('civilServants.roster.intro')}</p>
            {units.data.roster.length === 0 ? (
              <p className="ww-muted" data-testid="roster-empty">
                {t('civilServants.roster.none')}
              </p>
            ) : (
              <ol className="ww-roster-list">
                {units.data.roster.map((u) => (
                  <li key={u.id} data-testid="roster-item" data-id={u.id}>
                    <span className="ww-roster-medal" aria-hidden="true">
                      ★
                    </span>
                    <span className="ww-roster-name">{u.name}</span>
                    <span className="ww-roster-meta">
                      {t('civilServants.roster.since', {
                        date: formatDate(u.reachedFullAt, language) ?? t('common.none'),
                        n: formatNumber(u.headcount, language),
                      })}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}

      {mayList && (
        <section className="ww-reg-card" aria-labelledby="servants-title">
          <h2 className="ww-reg-card-title" id="servants-title">
            {t('civilServants.list.title')}
          </h2>
          <div className="ww-reg-filters">
            <label className="ww-reg-field">
              <span className="ww-label">{t('civilServants.filter.unit')}</span>
              <select
                className="ww-select"
                value={filter.unitId ?? ''}
                onChange={(e) => changeFilter({ unitId: e.target.value === '' ? null : Number(e.target.value) })}
                data-testid="servants-unit"
              >
                <option value="">{t('civilServants.filter.allUnits')}</option>
                {unitList.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="ww-reg-field">
              <span className="ww-label">{t('civilServants.filter.verified')}</span>
              <select
                className="ww-select"
                value={filter.verified == null ? '' : String(filter.verified)}
                onChange={(e) => changeFilter({ verified: e.target.value === '' ? null : e.target.value === 'true' })}
                data-testid="servants-verified"
              >
                <option value="">{t('civilServants.filter.any')}</option>
                <option value="true">{t('common.yes')}</option>
                <option value="false">{t('common.no')}</option>
              </select>
            </label>
            <form className="ww-reg-field ww-reg-search" onSubmit={onSearch} role="search">
              <span className="ww-label">{t('civilServants.filter.search')}</span>
              <span className="ww-reg-search-row">
                <input
                  className="ww-input"
                  type="search"
                  value={searchText}
                  maxLength={100}
                  placeholder={t('civilServants.filter.searchPlaceholder')}
                  onChange={(e) => setSearchText(e.target.value)}
                  data-testid="servants-search"
                />
                <button type="submit" className="ww-button ww-button-secondary" data-testid="servants-search-submit">
                  {t('civilServants.filter.searchButton')}
                </button>
              </span>
            </form>
          </div>

          {servants.status === 'error' && <ErrorNotice code={servants.code} onRetry={servants.retry} />}
          {servants.status === 'loading' && !page && <Loading />}
          {page && (
            <>
              <p className="ww-muted" data-testid="servants-count" data-value={page.totalCount}>
                {t('civilServants.list.count', { count: page.totalCount, n: formatNumber(page.totalCount, language) })}
              </p>
              <div className="ww-reg-table-wrap">
                <table className="ww-reg-table" data-testid="servants-table">
                  <thead>
                    <tr>
                      <th>{t('civilServants.col.name')}</th>
                      <th>{t('civilServants.col.unit')}</th>
                      <th>{t('civilServants.col.home')}</th>
                      <th>{t('civilServants.col.camera')}</th>
                      <th>{t('civilServants.col.verified')}</th>
                      <th>{t('civilServants.col.lastCheck')}</th>
                      {(mayCheck || mayLink) && <th className="ww-no-print">{t('civilServants.col.actions')}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((row) => {
                      const s = edited[row.id] ?? row;
                      const isOpen = open?.id === s.id;
                      return (
                        <Fragment key={s.id}>
                          <tr data-testid="servant-row" data-id={s.id} className={isOpen ? 'is-open' : undefined}>
                            <td>
                              <div className="ww-strong">{s.fullName}</div>
                              {s.position && <div className="ww-muted">{s.position}</div>}
                            </td>
                            <td>{s.unit.name}</td>
                            <td>
                              <div>{s.ward.name}</div>
                              <div className="ww-small">
                                <Personal value={s.homeAddress} canSee={canSee} testId="servant-address" />
                              </div>
                            </td>
                            <td data-field="camera" data-value={s.cameraId ?? ''}>
                              {!canSee && s.camera == null ? (
                                // The home camera places the home: hidden like the address.
                                <Personal value={null} canSee={false} testId="servant-camera" />
                              ) : s.camera ? (
                                <>
                                  <div>{s.camera.label ?? t('civilServants.cameraNumber', { id: s.camera.id })}</div>
                                  <div className="ww-small ww-muted">
                                    #{s.camera.id} · {t(`enum.CameraStatus.${s.camera.status}`, { defaultValue: s.camera.status })}
                                  </div>
                                </>
                              ) : (
                                <span className="ww-muted">{t('civilServants.noCamera')}</span>
                              )}
                            </td>
                            <td data-field="verified" data-value={String(s.hasVerifiedCamera)}>
                              {s.hasVerifiedCamera ? (
                                <span className="ww-reg-pill is-good">
                                  {t('civilServants.verifiedSince', { date: formatDate(s.verifiedSince, language) ?? '' })}
                                </span>
                              ) : (
                                <span className="ww-reg-pill is-bad">{t('civilServants.notVerified')}</span>
                              )}
                            </td>
                            <td data-field="lastCheck">
                              {s.lastCheck ? (
                                <>
                                  <div className={`ww-check is-${s.lastCheck.result.toLowerCase()}`}>{t(`civilServants.result.${s.lastCheck.result}`)}</div>
                                  <div className="ww-small ww-muted">
                                    {t('civilServants.checkedByAt', {
                                      who: s.lastCheck.checkedBy,
                                      when: formatDateTime(s.lastCheck.checkedAt, language) ?? '',
                                    })}
                                  </div>
                                </>
                              ) : (
                                <span className="ww-muted">{t('civilServants.neverChecked')}</span>
                              )}
                            </td>
                            {(mayCheck || mayLink) && (
                              <td className="ww-no-print">
                                <div className="ww-reg-row-actions">
                                  {mayCheck && (
                                    <button
                                      type="button"
                                      className="ww-button ww-button-secondary ww-button-small"
                                      aria-expanded={isOpen && open?.form === 'check'}
                                      onClick={() => setOpen(isOpen && open?.form === 'check' ? null : { id: s.id, form: 'check' })}
                                      data-testid="servant-record-check"
                                    >
                                      {t('civilServants.recordCheck')}
                                    </button>
                                  )}
                                  {mayLink && (
                                    <button
                                      type="button"
                                      className="ww-button ww-button-secondary ww-button-small"
                                      aria-expanded={isOpen && open?.form === 'link'}
                                      onClick={() => setOpen(isOpen && open?.form === 'link' ? null : { id: s.id, form: 'link' })}
                                      data-testid="servant-link-camera"
                                    >
                                      {t('civilServants.linkCamera')}
                                    </button>
                                  )}
                                </div>
                              </td>
                            )}
                          </tr>
                          {isOpen && (
                            <tr className="ww-reg-form-row">
                              <td colSpan={7}>
                                {open.form === 'check' ? (
                                  <RecordCheckForm servant={s} defaultCheckedBy={user.displayName} onSaved={onSaved} />
                                ) : (
                                  <LinkCameraForm servant={s} cameraHidden={!canSee} onSaved={onSaved} />
                                )}
                              </td>
                            </tr>
                          )}
                        </Fragment>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <Pager
                page={pageNumber(pager)}
                total={Math.max(1, Math.ceil(page.totalCount / PAGE_SIZE))}
                hasPrevious={pageNumber(pager) > 1}
                hasNext={page.pageInfo.hasNextPage}
                onPrevious={() => setPager(previousPage)}
                onNext={() => setPager((p) => nextPage(p, page.pageInfo.endCursor))}
                testId="servants-pager"
              />
            </>
          )}
        </section>
      )}
    </div>
  );
}

function UnitsTable({
  units,
  language,
  onPick,
  selected,
}: {
  units: Unit[];
  language: Language;
  /** picks the unit's people in the list below (none: the list is not shown) */
  onPick?: (id: number) => void;
  selected: number | null;
}) {
  const { t } = useTranslation();
  if (units.length === 0) return <p className="ww-muted">{t('civilServants.units.none')}</p>;
  return (
    <div className="ww-reg-table-wrap">
      <table className="ww-reg-table" data-testid="units-table">
        <thead>
          <tr>
            <th>{t('civilServants.units.name')}</th>
            <th>{t('civilServants.units.kind')}</th>
            <th className="is-num">{t('civilServants.units.headcount')}</th>
            <th className="is-num">{t('civilServants.units.verified')}</th>
            <th className="ww-uptake-col">{t('civilServants.units.uptake')}</th>
            <th>{t('civilServants.units.reachedFull')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => {
            const width = barWidth(u.uptakePercent);
            return (
              <tr key={u.id} data-testid="unit-row" data-id={u.id} className={selected === u.id ? 'is-selected' : undefined}>
                <td>
                  {onPick ? (
                    <button type="button" className="ww-link" onClick={() => onPick(u.id)} title={t('civilServants.units.showPeople')}>
                      {u.name}
                    </button>
                  ) : (
                    u.name
                  )}
                </td>
                <td className="ww-nowrap">{t(`civilServants.kind.${u.kind}`)}</td>
                <td className="is-num" data-field="headcount">
                  {formatNumber(u.headcount, language)}
                </td>
                <td className="is-num" data-field="verified">
                  {formatNumber(u.verifiedCount, language)}
                </td>
                <td data-field="uptake" data-value={u.uptakePercent ?? ''}>
                  {width == null ? (
                    <span className="ww-muted">{t('common.none')}</span>
                  ) : (
                    <span className="ww-uptake">
                      <span className="ww-uptake-bar" aria-hidden="true">
                        <span className={`ww-uptake-fill${width >= 100 ? ' is-full' : ''}`} style={{ width: `${width}%` }} />
                      </span>
                      <span className="ww-uptake-text">{formatPercent(u.uptakePercent!, language)}</span>
                    </span>
                  )}
                </td>
                <td data-field="reachedFull">{u.reachedFullAt ? formatDate(u.reachedFullAt, language) : <span className="ww-muted">{t('common.none')}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="ww-reg-loading">
      <span className="ww-spinner" aria-hidden="true" /> {t('report.loading')}
    </div>
  );
}

export default CivilServantsPage;
