import { api } from '../../../shared/http.ts';

export type AccountRole = 'facilitator' | 'observer' | 'admin';

export interface Account {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  disabled: boolean;
  createdAt: string;
}

export interface ProgrammeMembers {
  id: string;
  title: string;
  organisation: string;
  /** Account ids. */
  members: string[];
}

export interface AdminState {
  accounts: Account[];
  programmes: ProgrammeMembers[];
}

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  role: AccountRole;
}

export const ROLE_WORDS: Record<AccountRole, string> = {
  facilitator: 'Facilitator',
  observer: 'Observer (downloads exports only)',
  admin: 'Administrator (a facilitator who also manages accounts)',
};

const acc = (id: string) => `/api/admin/accounts/${encodeURIComponent(id)}`;
const member = (programmeId: string, userId: string) =>
  `/api/admin/programmes/${encodeURIComponent(programmeId)}/members/${encodeURIComponent(userId)}`;

export const getAdmin = () => api<AdminState>('/api/admin');
export const addAccount = (body: NewAccount) =>
  api<AdminState & { id: string }>('/api/admin/accounts', { body });
export const changeAccount = (id: string, body: { role?: AccountRole; disabled?: boolean }) =>
  api<AdminState>(acc(id), { method: 'PATCH', body });
export const grantMember = (programmeId: string, userId: string) =>
  api<AdminState>(member(programmeId, userId), { method: 'PUT' });
export const revokeMember = (programmeId: string, userId: string) =>
  api<AdminState>(member(programmeId, userId), { method: 'DELETE' });
