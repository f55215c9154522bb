import type { Signal } from '@preact/signals';

/**
 * Runs a manager's action, keeping its refusal in `error` (cleared when it starts) for the form
 * beside it; resolves whether it succeeded.
 */
export async function runAction(error: Signal<unknown>, work: () => Promise<void>): Promise<boolean> {
  error.value = null;
  try {
    await work();
    return true;
  } catch (caught) {
    error.value = caught;
    return false;
  }
}
