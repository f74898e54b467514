/** English words of the operator console's admin pages (users, dead letters): the reference for the other five. */
export const opsAdminEn = {
  "opsAdmin.userQuery": "Phone (+66…), email or user id",
  "opsAdmin.find": "Find",
  "opsAdmin.working": "Working…",
  "opsAdmin.noUser": "No account has that phone, email or id.",
  "opsAdmin.id": "User id",
  "opsAdmin.phone": "Phone",
  "opsAdmin.email": "Email",
  "opsAdmin.status": "Status",
  "opsAdmin.active": "Active",
  "opsAdmin.suspended": "Suspended",
  "opsAdmin.roles": "Roles",
  "opsAdmin.createdAt": "Created",
  "opsAdmin.reason": "Reason for suspending",
  "opsAdmin.suspend": "Suspend",
  "opsAdmin.reinstate": "Reinstate",
  "opsAdmin.noDeadLetters": "No dead letters. Every event was applied.",
  "opsAdmin.attempts": "{n} attempts",
  "opsAdmin.replay": "Replay",
  "opsAdmin.replayed": "Sent again: the consumer applies it once.",
  "opsAdmin.users": "Users",
  "opsAdmin.deadLetters": "Dead letters",
};

export type OpsAdminMessages = Record<keyof typeof opsAdminEn, string>;
