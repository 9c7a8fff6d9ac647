/**
 * What a page or panel shows when it has nothing yet: a heading, one sentence of what to do next and the one
 * action that does it (a button, or a link to another page).
 */
import { useId } from 'react';
import './actions.css';

export type EmptyAction = { label: string; onPress(): void } | { label: string; href: string };

export function EmptyState({ title, next, action, level = 2, testId }: { title: string; next: string; action?: EmptyAction; level?: 1 | 2 | 3 | 4; testId?: string }) {
  const id = useId();
  const Heading = (['h1', 'h2', 'h3', 'h4'] as const)[level - 1] ?? 'h2';
  return (
    <section className="empty-state empty-state-box" aria-labelledby={id} data-testid={testId ?? 'empty-state'}>
      <Heading id={id} className="empty-title">
        {title}
      </Heading>
      <p className="empty-next">{next}</p>
      {action &&
        ('href' in action ? (
          <a className="button primary" href={action.href}>
            {action.label}
          </a>
        ) : (
          <button type="button" className="button primary" onClick={action.onPress}>
            {action.label}
          </button>
        ))}
    </section>
  );
}
