import { ProgressErrorCode, quizProblem } from '../progress.errors';

describe('quizProblem', () => {
  it('passes modules without a quiz, and scores at or above the pass mark', () => {
    expect(quizProblem('intro', null, undefined)).toBeNull();
    expect(quizProblem('financing', 60, 60)).toBeNull();
    expect(quizProblem('financing', 60, 100)).toBeNull();
  });

  it('refuses a missing score or one below the pass mark with a sentence to act on (422)', () => {
    const missing = quizProblem('financing', 60, undefined)!;
    expect(missing.code).toBe(ProgressErrorCode.ScoreMissing);
    expect(missing.status).toBe(422);
    expect(missing.message).toMatch(/send the quiz score/);
    const low = quizProblem('financing', 60, 59)!;
    expect(low.code).toBe(ProgressErrorCode.ScoreBelowPassMark);
    expect(low.message).toBe('A quiz score of 59% is below the pass mark of 60% for the module "financing"; take the quiz again to complete it.');
  });
});
