import {
  grantMembership,
  listMembers,
  revokeMembership,
  UnknownProgrammeError,
} from '../../auth/memberships.ts';
import {
  LastAdminError,
  listAccounts,
  setAccountDisabled,
  setAccountRole,
  USER_ROLES,
  type UserRole,
} from '../../auth/users.ts';
import type { Store } from '../../store/index.ts';
import { withStore, type DataOption } from '../data-option.ts';
import { UsageError } from '../errors.ts';

function accountOf(store: Store, email: string) {
  const a = listAccounts(store).find((x) => x.email.toLowerCase() === email.toLowerCase());
  if (!a) throw new UsageError(`There is no account ${email}. Nothing was changed.`);
  return a;
}

function programmeOf(store: Store, id: string): void {
  if (!store.records.hasProgramme(id)) throw new UsageError(new UnknownProgrammeError(id).message);
}

/** `cohear member add --programme ID EMAIL`: the account may reach that programme. */
export async function memberAddCommand(
  email: string,
  opts: DataOption & { programme: string },
  out: (line: string) => void,
): Promise<void> {
  await withStore(opts, (store) => {
    programmeOf(store, opts.programme);
    const a = accountOf(store, email);
    const added = grantMembership(store, opts.programme, a.id, 'cli');
    out(
      added
        ? `${a.email} (${a.role}) is now a member of ${opts.programme}.`
        : `${a.email} was already a member of ${opts.programme}; nothing changed.`,
    );
  });
}

/** `cohear member remove --programme ID EMAIL`. */
export async function memberRemoveCommand(
  email: string,
  opts: DataOption & { programme: string },
  out: (line: string) => void,
): Promise<void> {
  await withStore(opts, (store) => {
    programmeOf(store, opts.programme);
    const a = accountOf(store, email);
    const removed = revokeMembership(store, opts.programme, a.id, 'cli');
    out(
      removed
        ? `${a.email} is no longer a member of ${opts.programme}.`
        : `${a.email} was not a member of ${opts.programme}; nothing changed.`,
    );
  });
}

/** `cohear member list --programme ID`. */
export async function memberListCommand(
  opts: DataOption & { programme: string },
  out: (line: string) => void,
): Promise<void> {
  await withStore(opts, (store) => {
    programmeOf(store, opts.programme);
    const members = listMembers(store, opts.programme);
    if (members.length === 0) out(`Nobody is a member of ${opts.programme} yet.`);
    for (const m of members)
      out(`${m.email}  ${m.role}${m.disabled ? ' (disabled)' : ''}  ${m.name}`);
  });
}

/** `cohear user role EMAIL ROLE`. */
export async function userRoleCommand(
  email: string,
  role: string,
  opts: DataOption,
  out: (line: string) => void,
): Promise<void> {
  if (!(USER_ROLES as readonly string[]).includes(role))
    throw new UsageError(`The role is one of ${USER_ROLES.join(', ')}. Nothing was changed.`);
  await withStore(opts, (store) => {
    const a = accountOf(store, email);
    try {
      setAccountRole(store, a.id, role as UserRole, 'cli');
    } catch (e) {
      if (e instanceof LastAdminError) throw new UsageError(e.message);
      throw e;
    }
    out(`${a.email} is now ${role === 'admin' ? 'an' : 'a'} ${role}.`);
  });
}

/** `cohear user disable EMAIL` / `cohear user enable EMAIL`. */
export async function userDisableCommand(
  email: string,
  disabled: boolean,
  opts: DataOption,
  out: (line: string) => void,
): Promise<void> {
  await withStore(opts, (store) => {
    const a = accountOf(store, email);
    try {
      setAccountDisabled(store, a.id, disabled, 'cli');
    } catch (e) {
      if (e instanceof LastAdminError) throw new UsageError(e.message);
      throw e;
    }
    out(`${a.email} is ${disabled ? 'disabled: it can no longer sign in' : 'enabled again'}.`);
  });
}
