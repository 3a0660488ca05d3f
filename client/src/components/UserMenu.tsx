/**
 * The signed-in user in the header: their name, their role (and their ward, for a ward chair or a
 * ward's police), and the sign-out button.
 */
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../types';

interface Props {
  user: CurrentUser;
  /** the user's ward's name, when they are bound to one */
  wardName: string | null;
  onLogout: () => void;
  loggingOut: boolean;
  /** the code of a sign-out the server refused */
  logoutError: string | null;
}

export function UserMenu({ user, wardName, onLogout, loggingOut, logoutError }: Props) {
  const { t } = useTranslation();
  const role = t(`enum.Role.${user.role}`);
  // "Quản trị hệ thống · Quản trị hệ thống" says nothing twice: the role shows when it adds something.
  const roleLine = [role === user.displayName ? null : role, wardName].filter(Boolean).join(' · ');
  return (
    <div className="ww-user" data-testid="user" data-username={user.username} data-role={user.role} role="group" aria-label={t('auth.account')}>
      <svg className="ww-user-icon" viewBox="0 0 20 20" width="22" height="22" aria-hidden="true">
        <circle cx="10" cy="10" r="10" fill="#334e68" />
        <circle cx="10" cy="7.6" r="3.4" fill="#bcccdc" />
        <path d="M3.6 16.4c1.3-2.7 3.7-4 6.4-4s5.1 1.3 6.4 4" fill="#bcccdc" />
      </svg>
      <span className="ww-user-text">
        <span className="ww-user-name" data-testid="user-name">
          {user.displayName}
        </span>
        {roleLine && (
          <span className="ww-user-role" data-testid="user-role">
            {roleLine}
          </span>
        )}
      </span>
      {logoutError && (
        <span className="ww-user-error" role="alert" data-testid="logout-error">
          {t('auth.logoutFailed', { reason: t(`errors.${logoutError}`, { defaultValue: t('errors.UNKNOWN_ERROR') }) })}
        </span>
      )}
      <button type="button" className="ww-logout" data-testid="logout" onClick={onLogout} disabled={loggingOut} aria-busy={loggingOut}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M6 2H3v12h3M10.5 4.5 14 8l-3.5 3.5M14 8H6" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {loggingOut ? t('auth.loggingOut') : t('auth.logout')}
      </button>
    </div>
  );
}
