import { UnprocessableError } from '@socialmakers/service-kit';

export const ProgressErrorCode = {
  ScoreMissing: 'QUIZ_SCORE_MISSING',
  ScoreBelowPassMark: 'QUIZ_SCORE_BELOW_PASS_MARK',
} as const;

/** Why a quiz score does not complete a module, or null when it does. */
export function quizProblem(moduleKey: string, passMark: number | null, score: number | undefined): UnprocessableError | null {
  if (passMark === null) return null;
  if (score === undefined) {
    return new UnprocessableError(
      ProgressErrorCode.ScoreMissing,
      `The module "${moduleKey}" ends with a quiz (pass mark ${passMark}%); send the quiz score to complete it.`,
      { moduleKey, passMark },
    );
  }
  if (score < passMark) {
    return new UnprocessableError(
      ProgressErrorCode.ScoreBelowPassMark,
      `A quiz score of ${score}% is below the pass mark of ${passMark}% for the module "${moduleKey}"; take the quiz again to complete it.`,
      { moduleKey, passMark, score },
    );
  }
  return null;
}
