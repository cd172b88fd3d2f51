import { Link } from '@remix-run/react';

/** Help center > category > subcategory (> the current page, not a link). */
export function KbBreadcrumbs({ trail, current }: { trail: { name: string; slug: string }[]; current?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="kb-breadcrumbs" data-testid="breadcrumbs">
      <ol>
        <li>
          <Link to="/kb">Help center</Link>
        </li>
        {trail.map((c) => (
          <li key={c.slug}>
            <Link to={`/kb/categories/${c.slug}`}>{c.name}</Link>
          </li>
        ))}
        {current ? <li aria-current="page">{current}</li> : null}
      </ol>
    </nav>
  );
}
