import type { ReactNode } from 'react';
import { empty } from './states.css.js';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  message: string;
  /** An optional action below the message. */
  children?: ReactNode | undefined;
}

/** What a component shows when there is nothing to show yet, and why. */
export function EmptyState({ message, children }: EmptyStateProps) {
  return (
    <div className={empty} data-part="empty">
      <p style={{ margin: 0 }}>{message}</p>
      {children}
    </div>
  );
}
