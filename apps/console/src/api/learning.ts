import { api } from './client';

export const ACADEMY_COURSE = 'social-innovation-academy';

export interface CourseModule {
  moduleKey: string;
  position: number;
  displayTitle: string;
  displaySummary: string;
  required: boolean;
}

export interface Course {
  courseKey: string;
  displayTitle: string;
  displaySummary: string;
  status: string;
  modules: CourseModule[];
}

export interface Enrolment {
  id: string;
  courseKey: string;
  country: string | null;
  status: 'enrolled' | 'withdrawn';
  enrolledAt: string;
}

export interface ModuleProgress {
  moduleKey: string;
  position: number;
  title: string;
  required: boolean;
  status: 'not-started' | 'started' | 'completed';
  completedAt: string | null;
  score: number | null;
}

export interface CourseProgress {
  courseKey: string;
  title: string;
  enrolment: 'enrolled' | 'withdrawn';
  enrolledAt: string;
  requiredModules: number;
  requiredModulesCompleted: number;
  percentComplete: number;
  completedAt: string | null;
  certificateCode: string | null;
  modules: ModuleProgress[];
}

export interface Certificate {
  id: string;
  courseKey: string;
  verificationCode: string;
  verificationUrl: string;
  credentialUrl: string;
  issuedAt: string;
}

export const learningApi = {
  courses: (language: string) => api<Course[]>('learning/courses', { query: { lang: language } }),
  enrolments: (personId: string) => api<Enrolment[]>(`learning/learners/${personId}/enrolments`),
  enrol: (personId: string, courseKey: string, country?: string) =>
    api<Enrolment>(`learning/learners/${personId}/enrolments`, { method: 'POST', body: { courseKey, country: country || undefined } }),
  withdraw: (personId: string, courseKey: string) => api<Enrolment>(`learning/learners/${personId}/enrolments/${courseKey}`, { method: 'DELETE' }),
  progress: (personId: string, language: string) => api<CourseProgress[]>(`learning/learners/${personId}/progress`, { query: { lang: language } }),
  startModule: (personId: string, courseKey: string, moduleKey: string) =>
    api(`learning/learners/${personId}/module-starts`, { method: 'POST', body: { courseKey, moduleKey } }),
  completeModule: (personId: string, courseKey: string, moduleKey: string, score?: number) =>
    api(`learning/learners/${personId}/module-completions`, { method: 'POST', body: { courseKey, moduleKey, score } }),
  certificates: (personId: string) => api<Certificate[]>(`learning/learners/${personId}/certificates`),
};
