/** An RFC 9457 problem details answer (every 4xx/5xx of the platform), as the console shows it. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  /** The stable code a client switches on (e.g. RESET_LINK_INVALID). */
  code?: string;
  errors?: Array<{ field?: string; message: string }>;
}

export class ApiError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }

  get status(): number {
    return this.problem.status;
  }
}

export async function problemOf(response: Response): Promise<ProblemDetails> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<ProblemDetails>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status, detail: text || response.statusText };
  }
}
