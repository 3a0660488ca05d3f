/**
 * The page's root: the login screen until someone is signed in, then the page the location's hash
 * names for that user: the map (App) for #/map (the default), another page (PageLayout) for
 * #/dashboard and the rest of pages/routes.tsx. Both are keyed by the login, so signing out (or a
 * session that ends) unmounts them with everything they loaded, and the next user starts from nothing.
 */
import { lazy, Suspense } from 'react';
import { App } from './App';
import { useSession } from './auth/useSession';
import { LoginScreen } from './components/LoginScreen';
import { PageLayout } from './pages/PageLayout';
import { ROUTES } from './pages/routes';
import { resolveRoute, useRoute } from './router';

/** #/register: the public camera registration page (R1), shown signed in or not. */
const PublicRegisterPage = lazy(() => import('./pages/PublicRegisterPage'));
export const PUBLIC_REGISTER_ROUTE = 'register';

export function Root() {
  const { session, login, logout, loggingOut, logoutError } = useSession();
  const { route } = useRoute();
  if (route === PUBLIC_REGISTER_ROUTE) {
    return (
      <Suspense fallback={<div className="ww-page-status" role="status"><span className="ww-spinner" aria-hidden="true" /></div>}>
        <PublicRegisterPage />
      </Suspense>
    );
  }
  if (session.status === 'signedIn') {
    // A page the user may not use (or that does not exist) shows the map.
    const page = resolveRoute(ROUTES, route, session.user);
    if (page?.component) {
      return (
        <PageLayout
          key={`${session.user.id}-${session.serial}`}
          route={page}
          user={session.user}
          onLogout={() => void logout()}
          loggingOut={loggingOut}
          logoutError={logoutError}
        />
      );
    }
    return (
      <App
        key={`${session.user.id}-${session.serial}`}
        user={session.user}
        onLogout={() => void logout()}
        loggingOut={loggingOut}
        logoutError={logoutError}
      />
    );
  }
  return (
    <LoginScreen
      onLogin={login}
      reason={session.status === 'signedOut' ? session.reason : null}
      checkError={session.status === 'signedOut' ? session.error : null}
      checking={session.status === 'checking'}
    />
  );
}
