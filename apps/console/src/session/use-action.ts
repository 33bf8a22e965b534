import { useState } from 'react';

export interface ActionOutcome {
  ok?: string;
  error?: unknown;
}

/**
 * Runs what a button does, shows its outcome (a sentence or the refusal), and reloads the page's
 * data after a success.
 */
export function useAction(reload?: () => void): { outcome: ActionOutcome; act: (work: () => Promise<unknown>, ok?: string) => Promise<boolean> } {
  const [outcome, setOutcome] = useState<ActionOutcome>({});
  const act = async (work: () => Promise<unknown>, ok?: string) => {
    try {
      await work();
      setOutcome({ ok });
      reload?.();
      return true;
    } catch (error) {
      setOutcome({ error });
      return false;
    }
  };
  return { outcome, act };
}
