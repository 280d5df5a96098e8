import { Command, CommanderError, Option } from 'commander';
import { demoCommand } from './commands/demo.ts';
import { CLI_EXPORT_FORMATS, exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { collectOption } from './commands/import-files.ts';
import { importNotesCommand } from './commands/import-notes.ts';
import { importRegistrationsCommand } from './commands/import-registrations.ts';
import { importTranscriptCommand } from './commands/import-transcript.ts';
import { listCommand } from './commands/list.ts';
import { newCommand } from './commands/new.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { participantExportCommand } from './commands/participant.ts';
import { serveCommand } from './commands/serve.ts';
import {
  memberAddCommand,
  memberListCommand,
  memberRemoveCommand,
  userDisableCommand,
  userRoleCommand,
} from './commands/member.ts';
import { userAddCommand, userListCommand } from './commands/user.ts';
import { EXIT_BAD_INPUT, describeError } from './errors.ts';
import { defaultDataFolder } from '../store/index.ts';
import { PROGRAMME_TEMPLATES } from '../../core/index.ts';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const dataOption = () =>
  new Option('--data <dir>', `data folder (default: ${defaultDataFolder()})`);

/** Builds the `cohear` command line. Kept apart from process handling so tests can run it. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('cohear')
    .description(
      'Cohear: plan and run co-production and focus groups, and report what people said.',
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
    });

  program
    .command('demo')
    .description('create a realistic demo programme and print its id')
    .addOption(dataOption())
    .action((opts) => demoCommand(opts, io.out, io.err));

  program
    .command('new')
    .description('start a programme from a template and print its id')
    .addOption(dataOption())
    .addOption(
      new Option('--template <name>', 'which template')
        .choices(PROGRAMME_TEMPLATES)
        .makeOptionMandatory(),
    )
    .requiredOption('--title <title>', 'the programme title')
    .requiredOption('--organisation <name>', 'who runs it')
    .option('--commissioner <name>', 'who it is for')
    .option('--region <name>', 'where')
    .requiredOption(
      '--start <date>',
      'first session date (YYYY-MM-DD); the others follow a week apart',
    )
    .option(
      '--cohort <name>',
      'focus groups: one group per cohort (repeat the option)',
      (v: string, all: string[] = []) => [...all, v],
    )
    .action((opts) => newCommand(opts, io.out, io.err));

  program
    .command('import')
    .description('import a programme file (.json) and print the new programme id')
    .argument('<file>', 'programme file written by `cohear export --format json`')
    .addOption(dataOption())
    .action((file: string, opts) => importCommand(file, opts, io.out));

  program
    .command('import-registrations')
    .description(
      'import an attendee list (.csv or .xlsx from an event tool): match people by email, register them for a session',
    )
    .argument('<file>', 'the attendee list')
    .addOption(dataOption())
    .requiredOption('--programme <id>', 'programme id (see `cohear list`)')
    .requiredOption('--session <id>', 'the session they registered for')
    .option('--cohort <name>', 'cohort of people whose row names none')
    .option(
      '--column <heading=field>',
      'what a column holds (name, first-name, last-name, email, phone, checked-in, cohort, a demographic field id of the programme such as ageBand, or ignore); repeat',
      collectOption,
    )
    .option('--dry-run', 'show the column mapping and what would change, and change nothing')
    .action((file: string, opts) => importRegistrationsCommand(file, opts, io.out));

  program
    .command('import-transcript')
    .description(
      'import a transcript (.vtt, Teams .docx, or "Speaker: words" text) as notes of a session',
    )
    .argument('<file>', 'the transcript')
    .addOption(dataOption())
    .requiredOption('--programme <id>', 'programme id (see `cohear list`)')
    .requiredOption('--session <id>', 'the session it was recorded in')
    .option(
      '--speaker <name=descriptor>',
      'who a speaker is: a participant descriptor, "facilitator", or "-" to leave them out; repeat for each',
      collectOption,
    )
    .option(
      '--step <step>',
      'put every turn against this step (id, number or title) instead of by time',
    )
    .option('--recording-start <iso>', 'when the recording started (default: the session start)')
    .option('--consent-given', 'new participants agreed to their words being kept')
    .option('--dry-run', 'list the speakers and what would be added, and change nothing')
    .action((file: string, opts) => importTranscriptCommand(file, opts, io.out));

  program
    .command('import-notes')
    .description('import notes typed up from paper (.csv or .xlsx) into a session')
    .argument('<file>', 'the notes')
    .addOption(dataOption())
    .requiredOption('--programme <id>', 'programme id (see `cohear list`)')
    .requiredOption('--session <id>', 'the session they were written in')
    .option(
      '--column <heading=field>',
      'what a column holds (text, polarity, themes, step, who, kind, or ignore); repeat',
      collectOption,
    )
    .option('--consent-given', 'new participants agreed to their words being kept')
    .option('--dry-run', 'show the column mapping and what would change, and change nothing')
    .action((file: string, opts) => importNotesCommand(file, opts, io.out));

  program
    .command('export')
    .description(
      'export a programme as a programme file, report, table, cloud, chart or REFI-QDA project',
    )
    .addOption(dataOption())
    .requiredOption('--programme <id>', 'programme id (see `cohear list`)')
    .addOption(
      new Option('--format <format>', 'what to write')
        .choices(CLI_EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .requiredOption('--out <path>', 'file to write (a folder for png and svg)')
    .option('--session <id>', 'the session, for --format debrief')
    .addOption(
      new Option(
        '--document <which>',
        'docx: the whole report or the key theme table alone',
      ).choices(['report', 'key-themes']),
    )
    .addOption(
      new Option(
        '--table <which>',
        'csv: the key theme table or the anonymised coded notes',
      ).choices(['key-themes', 'notes']),
    )
    .addOption(
      new Option('--images <which>', 'png, svg: clouds and charts, or only one kind').choices([
        'all',
        'clouds',
        'charts',
      ]),
    )
    .option(
      '--word-tables',
      'docx report: add an appendix listing every word of each word cloud with its count',
    )
    .option(
      '--include-contacts',
      "programme file (json): keep participants' names, emails and phones, which it leaves out unless asked",
    )
    .option(
      '--include-personal-data',
      'keep emails, phone numbers, NHS numbers and postcodes typed into notes instead of redacting them (contact details are never exported)',
    )
    .action((opts) => exportCommand(opts, io.out, io.err));

  program
    .command('list')
    .description('list programmes and their sessions')
    .addOption(dataOption())
    .option('--json', 'print JSON')
    .action((opts) => listCommand(opts, io.out));

  program
    .command('serve')
    .description('run the collaboration server and serve the web pages')
    .addOption(dataOption())
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on (0.0.0.0 for every network)', '127.0.0.1')
    .addOption(
      new Option('--mode <mode>', 'desktop: one facilitator link; server: accounts')
        .choices(['server', 'desktop'])
        .default('server'),
    )
    .option('--ready-json', 'print one JSON line when listening (for the desktop app)')
    .option(
      '--trust-proxy <addresses>',
      'comma-separated addresses of the reverse proxies whose X-Forwarded-For is believed',
    )
    .option(
      '--public-url <url>',
      'where people reach the server (https://...): join links use it, other host names are refused',
    )
    .action((opts) => serveCommand(opts, io.out, io.err));

  program
    .command('backup')
    .description('copy the database while the server runs (SQLite online backup), then verify it')
    .addOption(dataOption())
    .option('--out <file>', 'where to write the backup')
    .action((opts) => backupCommand(opts, io.out));
  program
    .command('restore')
    .description('put a verified backup in place as the database (stop the server first)')
    .addOption(dataOption())
    .option('--from <file>', 'the backup to restore')
    .option('--replace', 'overwrite the database already in the data folder')
    .action((opts) => restoreCommand(opts, io.out));

  program
    .command('participant')
    .description("one participant's data (subject access requests)")
    .command('export')
    .description('write everything held about one participant to one JSON file')
    .argument('<participant-id>')
    .addOption(dataOption())
    .option('--out <file>', 'where to write it')
    .action((id: string, opts) => participantExportCommand(id, opts, io.out));

  const user = program
    .command('user')
    .description('facilitator and observer accounts for server mode');
  user
    .command('add')
    .description(
      'add an account; asks for the password (or reads it from stdin with --password-stdin)',
    )
    .argument('<email>')
    .addOption(dataOption())
    .option('--name <name>', 'name shown to colleagues')
    .addOption(
      new Option(
        '--role <role>',
        'facilitator, observer (downloads exports only) or admin (a facilitator who also manages accounts and memberships)',
      )
        .choices(['facilitator', 'observer', 'admin'])
        .default('facilitator'),
    )
    .option(
      '--programme <id>',
      'a programme the account is a member of (repeat for more)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--password-stdin', 'read the password from standard input')
    .action((email: string, opts) => userAddCommand(email, opts, io.out));
  user
    .command('list')
    .description('list accounts')
    .addOption(dataOption())
    .action((opts) => userListCommand(opts, io.out));
  user
    .command('role')
    .description('change what an account is: facilitator, observer or admin (its sign-ins end)')
    .argument('<email>')
    .argument('<role>')
    .addOption(dataOption())
    .action((email: string, role: string, opts) => userRoleCommand(email, role, opts, io.out));
  user
    .command('disable')
    .description('stop an account signing in (accounts are kept so the audit log names them)')
    .argument('<email>')
    .addOption(dataOption())
    .action((email: string, opts) => userDisableCommand(email, true, opts, io.out));
  user
    .command('enable')
    .description('let a disabled account sign in again')
    .argument('<email>')
    .addOption(dataOption())
    .action((email: string, opts) => userDisableCommand(email, false, opts, io.out));

  const member = program
    .command('member')
    .description('who may reach which programme in server mode');
  for (const [name, description, run] of [
    ['add', 'make an account a member of a programme', memberAddCommand],
    ['remove', 'take an account out of a programme', memberRemoveCommand],
  ] as const)
    member
      .command(name)
      .description(description)
      .argument('<email>')
      .addOption(dataOption())
      .requiredOption('--programme <id>', 'the programme')
      .action((email: string, opts) => run(email, opts, io.out));
  member
    .command('list')
    .description("a programme's members and their roles")
    .addOption(dataOption())
    .requiredOption('--programme <id>', 'the programme')
    .action((opts) => memberListCommand(opts, io.out));

  return program;
}

/** Runs the CLI and returns the exit code: 0 done, 2 bad input (nothing changed), 1 a fault. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; commander has already printed what it had to say.
      return e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
        ? 0
        : EXIT_BAD_INPUT;
    }
    const { message, code } = describeError(e);
    io.err(message);
    return code;
  }
}
