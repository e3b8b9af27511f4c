// Who may enter, once the identity is known: a listed subject or email, or a member of a listed group.
import type { AccessRules } from './auth-config.ts';
import type { SignedInUser } from './signed-in-user.ts';

export function isAllowed(user: SignedInUser, rules: AccessRules): boolean {
  const users = new Set(rules.users.map((entry) => entry.toLowerCase()));
  if (users.has('*')) return true;
  // Subjects are case-sensitive by the spec, emails are compared as people type them.
  if (rules.users.includes(user.id)) return true;
  if (user.email !== null && users.has(user.email.toLowerCase())) return true;
  return user.groups.some((group) => rules.groups.includes(group));
}
