export const ROLES = ['admin', 'hr', 'interviewer', 'department_head'] as const;
export type Role = (typeof ROLES)[number];

/** Who may use a route: anyone, any signed-in user, or the listed roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export function isAllowed(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'authenticated') return true;
  return access.includes(role);
}
