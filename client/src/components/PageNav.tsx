/**
 * The header's links between the signed-in pages (#/map, #/dashboard, …): only the pages the user's
 * role may use (their operation is in `me.permissions`), the current one marked with aria-current.
 * Pages of a group (routes.tsx `group`: the programme's operations) sit in one menu, so the header
 * keeps room for them all at laptop widths.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../pages/pages.css';
import { ROUTES, type PageRoute } from '../pages/routes';
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
  const single = links.filter((l) => !l.group);
  const grouped = links.filter((l) => l.group === 'operations');
  return (
    <nav className="ww-nav" aria-label={t('nav.label')} data-testid="page-nav">
      {single.map((link) => (
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
      {grouped.length > 0 && <NavMenu label={t('nav.operations')} links={grouped} active={active} />}
    </nav>
  );
}

/** A header button that opens a list of page links; closes on a choice, Escape or a click elsewhere. */
function NavMenu({ label, links, active }: { label: string; links: PageRoute[]; active: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const current = links.find((l) => l.id === active);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  return (
    <div className="ww-nav-menu" ref={root}>
      <button
        type="button"
        className={current ? 'ww-nav-link is-active' : 'ww-nav-link'}
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen((o) => !o)}
        data-testid="nav-operations"
        // The button keeps its short label (the header has no room for more); the page is in its title.
        title={current ? `${label}: ${t(current.labelKey)}` : undefined}
      >
        {label}
        <span className="ww-nav-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <ul className="ww-nav-menu-list" role="list">
          {links.map((link) => (
            <li key={link.id}>
              <a
                href={hashOf(link.id)}
                className={link.id === active ? 'ww-nav-menu-item is-active' : 'ww-nav-menu-item'}
                aria-current={link.id === active ? 'page' : undefined}
                data-testid={`nav-${link.id}`}
                onClick={() => setOpen(false)}
              >
                {t(link.labelKey)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
