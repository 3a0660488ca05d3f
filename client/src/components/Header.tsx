import { useTranslation } from 'react-i18next';
import { formatPercent, type Language } from '../format';
import type { CurrentUser } from '../types';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { PageNav } from './PageNav';
import { UserMenu } from './UserMenu';

interface Props {
  districtName: string | null;
  loading: boolean;
  language: Language;
  /** the coverage by active cameras of what the user sees (the district, or their ward), once known */
  coveredPercent: number | null;
  user: CurrentUser;
  /** the user's own ward's name (a ward chair, a ward's police): the coverage is that ward's */
  homeWardName: string | null;
  onLogout: () => void;
  loggingOut: boolean;
  logoutError: string | null;
}

export function Header({ districtName, loading, language, coveredPercent, user, homeWardName, onLogout, loggingOut, logoutError }: Props) {
  const { t } = useTranslation();
  const bound = user.wardId != null;
  return (
    <header className="ww-header" data-testid="header">
      <Brand />
      <PageNav user={user} />
      <div className="ww-district-name" data-testid="district-name">
        {districtName ?? (loading ? t('app.districtLoading') : '')}
      </div>
      {coveredPercent != null && (
        <div
          className="ww-header-coverage"
          data-testid="district-coverage"
          data-value={coveredPercent}
          title={bound && homeWardName ? t('header.coverageTitleWard', { ward: homeWardName }) : t('header.coverageTitle')}
        >
          {t('header.coverage', { percent: formatPercent(coveredPercent, language) })}
        </div>
      )}
      <UserMenu user={user} wardName={homeWardName} onLogout={onLogout} loggingOut={loggingOut} logoutError={logoutError} />
      <LanguageSwitch />
    </header>
  );
}
