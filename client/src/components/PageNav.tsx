/**
 * The header's links between the signed-in pages (#/map, #/dashboard, …): only the pages the user's
 * role may use (their operation is in `me.permissions`), the current one marked with aria-current.
 */
import { useTranslation } from 'react-i18next';
import '../pages/pages.css';
import { ROUTES } from '../pages/routes';
import { hashOf, resolveRoute, useRoute, visibleRoutes } from '../router';
import type { CurrentUser } from '../types';

interface Props {
  user: CurrentUser;
}

export function PageNav({ user }: Props) {
  const { t } = useTranslation();
  const { route } = useRoute();
  const links = visibleRoutes(ROUTES, user);
  const active = resolveRoute(ROUTES, route, user)?.id ?? null;
  // One page only (the map): nothing to choose between.
  if (links.length < 2) return null;
  return (
    <nav className="ww-nav" aria-label={t('nav.label')} data-testid="page-nav">
      {links.map((link) => (
        <a
          key={link.id}
          href={hashOf(link.id)}
          className={link.id === active ? 'ww-nav-link is-active' : 'ww-nav-link'}
          aria-current={link.id === active ? 'page' : undefined}
          data-testid={`nav-${link.id}`}
        >
          {t(link.labelKey)}
        </a>
      ))}
    </nav>
  );
}
