/**
 * The login screen, shown while nobody is signed in: nothing of the map is requested before a
 * login succeeds. Wrong credentials and too many attempts (with the wait) are said in the UI's
 * language; the button shows the request is on its way.
 */
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchConfig } from '../api/queries';
import { loginErrorOf, type LoginError } from '../auth/loginError';
import type { SignedOutReason } from '../auth/useSession';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  onLogin: (username: string, password: string) => Promise<void>;
  /** why the screen shows: the user signed out, or their session ended */
  reason: SignedOutReason;
  /** the code of a failed session check (the server could not be asked) */
  checkError: string | null;
  /** still asking the server whether a session is open */
  checking?: boolean;
}

type Problem = LoginError | { kind: 'required' };

export function LoginScreen({ onLogin, reason, checkError, checking = false }: Props) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const mounted = useRef(true);
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetchConfig({ signal: controller.signal }).then((c) => setDemo(c.demo));
    return () => controller.abort();
  }, []);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  useEffect(() => {
    if (!checking) usernameRef.current?.focus();
  }, [checking]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const name = username.trim();
    if (!name || !password) {
      setProblem({ kind: 'required' });
      (name ? passwordRef : usernameRef).current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await onLogin(name, password);
      // Signed in: this screen goes away.
    } catch (error) {
      if (!mounted.current) return;
      const failure = loginErrorOf(error);
      setProblem(failure);
      if (failure.kind === 'wrongCredentials') {
        setPassword('');
        passwordRef.current?.focus();
      }
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  const message = problem ? problemText(problem, t) : null;
  const notice = reason === 'expired' ? t('auth.expired') : reason === 'loggedOut' ? t('auth.loggedOut') : null;

  return (
    <div className="ww-login-page" data-testid="login-screen">
      <header className="ww-header">
        <Brand />
        <span className="ww-header-spacer" />
        <LanguageSwitch />
      </header>
      <main className="ww-login-main">
        {checking ? (
          <div className="ww-login-card ww-login-checking" role="status" data-testid="session-checking">
            <span className="ww-spinner" aria-hidden="true" /> {t('auth.checking')}
          </div>
        ) : (
          <form className="ww-login-card" onSubmit={submit} noValidate aria-labelledby="ww-login-title" aria-busy={busy}>
            <h1 id="ww-login-title" className="ww-login-title">
              {t('auth.title')}
            </h1>
            <p className="ww-login-intro">{t('auth.intro')}</p>
            {notice && !message && (
              <p className="ww-login-notice" role="status" data-testid="login-notice" data-reason={reason ?? ''}>
                {notice}
              </p>
            )}
            {checkError && !message && (
              <p className="ww-login-notice is-warning" role="status" data-testid="login-check-error">
                {t('auth.checkFailed', { reason: t(`errors.${checkError}`, { defaultValue: t('errors.UNKNOWN_ERROR') }) })}
              </p>
            )}
            <div className="ww-form-row">
              <label className="ww-form-label" htmlFor="ww-login-username">
                {t('auth.username')}
              </label>
              <input
                id="ww-login-username"
                ref={usernameRef}
                className="ww-input ww-login-input"
                data-testid="login-username"
                name="username"
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                value={username}
                aria-invalid={problem?.kind === 'required' && !username.trim() ? true : undefined}
                onChange={(e) => setUsername(e.target.value)}
              />
            </div>
            <div className="ww-form-row">
              <label className="ww-form-label" htmlFor="ww-login-password">
                {t('auth.password')}
              </label>
              <input
                id="ww-login-password"
                ref={passwordRef}
                className="ww-input ww-login-input"
                data-testid="login-password"
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                aria-invalid={problem?.kind === 'wrongCredentials' || (problem?.kind === 'required' && !password) ? true : undefined}
                aria-describedby={message ? 'ww-login-error' : undefined}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            {message && (
              <div className="ww-error ww-login-error" role="alert" id="ww-login-error" data-testid="login-error" data-kind={problem!.kind}>
                {message}
              </div>
            )}
            <button type="submit" className="ww-button ww-login-submit" data-testid="login-submit" disabled={busy} aria-busy={busy}>
              {busy && <span className="ww-spinner ww-spinner-light" aria-hidden="true" />}
              {busy ? t('auth.submitting') : t('auth.submit')}
            </button>
            <p className="ww-login-foot">{t('auth.audited')}</p>
            {demo && (
              <p className="ww-login-foot ww-login-demo" data-testid="login-demo-hint">
                {t('auth.demoHint', { password: 'wardwatch-demo' })}
              </p>
            )}
            <p className="ww-login-foot">
              <a href="#/register" data-testid="login-register-link">
                {t('selfRegister.loginLink')}
              </a>
            </p>
          </form>
        )}
      </main>
    </div>
  );
}

function problemText(problem: Problem, t: TFunction): string {
  switch (problem.kind) {
    case 'required':
      return t('auth.required');
    case 'wrongCredentials':
      return t('auth.error.wrongCredentials');
    case 'tooManyAttempts':
      return problem.wait
        ? t('auth.error.tooManyAttempts', { wait: t(`auth.wait.${problem.wait.unit}`, { count: problem.wait.count }) })
        : t('auth.error.tooManyAttemptsLater');
    default:
      return t('auth.error.other', { reason: t(`errors.${problem.code}`, { defaultValue: t('errors.UNKNOWN_ERROR') }) });
  }
}
