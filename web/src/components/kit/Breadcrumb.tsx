/**
 * Where the page sits: a labelled navigation landmark with the way up, the
 * last step being this page (aria-current). A plain list with drawn
 * separators: no list numbers to overlap the text on narrow screens.
 */

export interface Crumb {
  label: string;
  /** Absent for the current page. */
  href?: string;
}

export function Breadcrumb({ label, crumbs }: { label: string; crumbs: readonly Crumb[] }) {
  return (
    <nav aria-label={label} class="breadcrumb">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={index}>{crumb.href ? <a href={crumb.href}>{crumb.label}</a> : <span aria-current="page">{crumb.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
