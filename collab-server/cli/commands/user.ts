import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { addFacilitator, listUsers, USER_ROLES, type UserRole } from '../../auth/users.ts';
import { withStore, type DataOption } from '../data-option.ts';
import { UsageError } from '../errors.ts';

export interface UserAddOptions extends DataOption {
  name?: string;
  role?: string;
  passwordStdin?: boolean;
  programme?: string[];
}

/** Reads a password without echoing it, or the first line of stdin for scripts. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
    if (!line) throw new UsageError('No password was given on standard input.');
    return line;
  }
  const ask = async (prompt: string) => {
    process.stderr.write(prompt);
    const muted = new Writable({ write: (_c, _e, cb) => cb() });
    const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
    const answer = await new Promise<string>((resolve) => rl.question('', resolve));
    rl.close();
    process.stderr.write('\n');
    return answer;
  };
  const first = await ask('Password: ');
  const second = await ask('Password again: ');
  if (first !== second) throw new UsageError('The two passwords differ. Nothing was changed.');
  return first;
}

/** `cohear user add EMAIL`: a facilitator (or observer) account for server mode. */
export async function userAddCommand(
  email: string,
  opts: UserAddOptions,
  out: (line: string) => void,
): Promise<void> {
  const role = (opts.role ?? 'facilitator') as UserRole;
  if (!(USER_ROLES as readonly string[]).includes(role))
    throw new UsageError(`--role is one of ${USER_ROLES.join(', ')}.`);
  const password = await readPassword(opts.passwordStdin ?? false);
  const user = await withStore(opts, (store) =>
    addFacilitator(store, {
      email,
      name: opts.name ?? email.split('@')[0] ?? email,
      password,
      role,
      ...(opts.programme?.length ? { programmes: opts.programme } : {}),
    }),
  );
  out(`Added ${user.role} ${user.email} (${user.id}).`);
  if (!opts.programme?.length)
    out('It is a member of no programme yet: `cohear member add --programme ID EMAIL`.');
}

export async function userListCommand(
  opts: DataOption,
  out: (line: string) => void,
): Promise<void> {
  await withStore(opts, (store) => {
    const users = listUsers(store);
    if (users.length === 0) out('No accounts yet. Add one with `cohear user add EMAIL`.');
    for (const u of users) out(`${u.email}  ${u.role}  ${u.name}`);
  });
}
