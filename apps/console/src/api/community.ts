import { api } from './client';

export const STAKEHOLDER_KINDS = ['innovator', 'funder', 'policymaker', 'entrepreneur', 'citizen', 'lecturer', 'partner-organisation'] as const;
export const TOPICS = [
  'social-finance', 'inclusion', 'education', 'health', 'ageing', 'environment', 'circular-economy', 'food', 'housing',
  'mobility', 'culture', 'digital', 'employment', 'rural-development', 'youth', 'migration', 'civic-participation',
] as const;
export const SEEKS = ['funding', 'policy-support', 'partners', 'mentoring', 'pilots', 'visibility'] as const;
export const OFFERS = ['grants', 'loans', 'equity', 'prizes', 'pilots', 'procurement', 'regulatory-advice', 'mentoring', 'partnership', 'visibility'] as const;
export const PROFILE_LANGUAGES = ['en', 'sl', 'de', 'hr', 'hu', 'cs', 'sk', 'pl', 'it', 'ro', 'sr', 'bs', 'bg'] as const;

export interface Contact {
  email: string | null;
  phone: string | null;
}

export interface Stakeholder {
  personId: string;
  kind: string;
  displayName: string;
  country: string;
  languages: string[];
  topics: string[];
  seeks: string[];
  offers: string[];
  summary: string | null;
  appearsInMatches: boolean;
  attendanceVisible: boolean;
  contact?: Contact;
}

export interface StakeholderInput {
  kind: string;
  displayName: string;
  country: string;
  languages: string[];
  topics: string[];
  seeks?: string[];
  offers?: string[];
  summary?: string;
  appearsInMatches: boolean;
  attendanceVisible: boolean;
  contactEmail?: string;
  contactPhone?: string;
}

export interface Match {
  personId: string;
  displayName: string;
  kind: string;
  country: string;
  score: number;
  parts: { topicFit: number; readiness: number; closeness: number; geography: number };
  explanation: string;
}

export interface Introduction {
  id: string;
  requesterId: string;
  recipientId: string;
  message: string | null;
  status: 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
  requestedAt: string;
  expiresAt: string;
  answeredAt: string | null;
  contacts?: { requester: Contact; recipient: Contact };
}

export interface Connection {
  personId: string;
  displayName: string | null;
  kind: string | null;
  type: string;
  weight: number;
  evidenceCount: number;
}

export interface Connections {
  personId: string;
  connections: Connection[];
  hiddenConnections: number;
  totalConnections: number;
}

export const communityApi = {
  async profile(personId: string): Promise<Stakeholder | undefined> {
    try {
      return await api<Stakeholder>(`community/stakeholders/${personId}`);
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  },
  saveProfile: (personId: string, input: StakeholderInput) => api<Stakeholder>(`community/stakeholders/${personId}`, { method: 'PUT', body: input }),
  matches: (personId: string) => api<{ matches: Match[] }>(`community/matchmaking/${personId}/matches`),
  introductions: () => api<{ introductions: Introduction[] }>('community/introductions'),
  requestIntroduction: (recipientId: string, message: string) => api<Introduction>('community/introductions', { method: 'POST', body: { recipientId, message } }),
  accept: (id: string) => api<Introduction>(`community/introductions/${id}/accept`, { method: 'POST' }),
  decline: (id: string) => api<Introduction>(`community/introductions/${id}/decline`, { method: 'POST' }),
  connections: (personId: string) => api<Connections>(`community/network/people/${personId}/connections`),
};
