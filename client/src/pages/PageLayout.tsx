/**
 * A signed-in page other than the map (#/dashboard, #/directives, …): the map's header (with the
 * navigation) on top and the page below it, scrolling on its own. The page's code may load on first
 * use (React.lazy): a spinner shows meanwhile, and a chunk that fails to load says so with a retry.
 */
import { Component, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPageHeader } from '../api/compliance';
import { homeWardName } from '../auth/access';
import { Header } from '../components/Header';
import type { Language } from '../format';
import type { CurrentUser } from '../types';
import { useRemote } from '../useRemote';
import './pages.css';
import type { PageRoute } from './routes';

interface Props {
  route: PageRoute;
  user: CurrentUser;
  onLogout: () => void;
  loggingOut: boolean;
  logoutError: string | null;
}

export function PageLayout({ route, user, onLogout, loggingOut, logoutError }: Props) {
  const { t, i18n } = useTranslation();
  const language: Language = (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'vi';
  // The district's name and the coverage the user sees (their ward's, for a ward-bound user), as on the map.
  const header = useRemote('page-header', 0, (o) => fetchPageHeader(o));
  const scroller = useRef<HTMLElement>(null);
  // A new page starts at its top.
  useEffect(() => {
    scroller.current?.scrollTo?.(0, 0);
  }, [route.id]);
  const Page = route.component;

  return (
    <div className="ww-app ww-page-app" data-testid="app" data-page={route.id} data-language={language}>
      <Header
        districtName={header.data?.name ?? null}
        loading={header.status === 'loading'}
        language={language}
        coveredPercent={header.data?.coveredPercent ?? null}
        user={user}
        homeWardName={homeWardName(user, [])}
        onLogout={onLogout}
        loggingOut={loggingOut}
        logoutError={logoutError}
      />
      <main className="ww-page-scroll" ref={scroller} data-testid="page" aria-label={t(route.labelKey)}>
        <PageBoundary key={route.id}>
          <Suspense
            fallback={
              <div className="ww-page-status" role="status" data-testid="page-loading">
                <span className="ww-spinner" aria-hidden="true" /> {t('nav.loading')}
              </div>
            }
          >
            {Page && <Page user={user} />}
          </Suspense>
        </PageBoundary>
      </main>
    </div>
  );
}

/** A page whose code failed to load (or that threw while rendering) shows an error with a reload. */
class PageBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return <PageFailed />;
  }
}

function PageFailed() {
  const { t } = useTranslation();
  return (
    <div className="ww-page-status is-error" role="alert" data-testid="page-error">
      <strong>{t('errors.title')}</strong>
      <span>{t('errors.UNKNOWN_ERROR')}</span>
      <button type="button" className="ww-button" onClick={() => window.location.reload()}>
        {t('errors.retry')}
      </button>
    </div>
  );
}
