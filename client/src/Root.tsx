/**
 * The page's root: the login screen until someone is signed in, then the map (App) for that user.
 * The map is keyed by the login, so signing out (or a session that ends) unmounts it with
 * everything it loaded, and the next user starts from nothing.
 */
import { App } from './App';
import { useSession } from './auth/useSession';
import { LoginScreen } from './components/LoginScreen';

export function Root() {
  const { session, login, logout, loggingOut, logoutError } = useSession();
  if (session.status === 'signedIn') {
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
