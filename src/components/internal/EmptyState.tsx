import { empty } from './states.css.js';

/** What a component shows when there is nothing to show yet, and why. */
export function EmptyState({ message }: { message: string }) {
  return (
    <div className={empty} data-part="empty">
      <p style={{ margin: 0 }}>{message}</p>
    </div>
  );
}
