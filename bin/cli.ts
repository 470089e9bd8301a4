import { parseArgs } from "node:util";

import { ZodError } from "zod";

import { ApiError } from "@/lib/api/errors";
import { ZCreateTokenSchema, ZCreateUserSchema } from "@/lib/auth/schemas";
import { createToken, revokeTokenByPrefix } from "@/lib/auth/tokens";
import { createUser, findUserByEmail } from "@/lib/auth/users";
import { getConfig } from "@/lib/config";
import { getDb, migrate } from "@/lib/db";
import { seedDemoData } from "@/lib/lens";
import { runStandaloneWorker } from "@/lib/worker";

export const USAGE = `usage: tripline <command> [options]

commands:
  user create --email E --password P --role admin|viewer [--name N]
  token create --email E --name N [--expires-in-days D]
                  prints the new token alone on stdout
  token revoke --prefix P
  migrate         applies pending database migrations
  seed --demo [--force]
                  adds demo regions, accounts, contacts, resources, 200 jobs and
                  their allocations (with change events); refuses a second time
                  unless --force
  worker          runs the hooks loop and sends deliveries until SIGTERM or SIGINT (several may run)

The database is DATABASE_URL (default: SQLite at ./data/tripline.db).`;

class UsageError extends Error {}

type Flags = Record<string, string | undefined>;

function flags(args: string[], names: string[]): Flags {
  const options = Object.fromEntries(names.map((name) => [name, { type: "string" as const }]));
  try {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });

    return values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function required(values: Flags, name: string): string {
  const value = values[name];
  if (value === undefined || value === "") throw new UsageError(`--${name} is required`);

  return value;
}

async function userCreate(args: string[]): Promise<void> {
  const values = flags(args, ["email", "password", "role", "name"]);
  const email = required(values, "email");
  const input = ZCreateUserSchema.parse({
    email,
    password: required(values, "password"),
    role: required(values, "role"),
    name: values.name ?? email.split("@")[0],
  });
  await migrate(getConfig().database);
  const user = await createUser(input);
  process.stderr.write(`created ${user.role} ${user.email} (${user.id})\n`);
}

async function tokenCreate(args: string[]): Promise<void> {
  const values = flags(args, ["email", "name", "expires-in-days"]);
  const email = required(values, "email");
  const days = values["expires-in-days"];
  if (days !== undefined && !/^\d+$/.test(days)) {
    throw new UsageError("--expires-in-days must be a whole number");
  }
  const input = ZCreateTokenSchema.parse({
    name: required(values, "name"),
    expiresInDays: days === undefined ? null : Number(days),
  });
  await migrate(getConfig().database);
  const user = await findUserByEmail(email);
  if (!user) throw ApiError.notFound(`user ${email}`);
  const { token } = await createToken(user.id, input);
  process.stdout.write(`${token}\n`);
}

async function tokenRevoke(args: string[]): Promise<void> {
  const prefix = required(flags(args, ["prefix"]), "prefix");
  if (prefix.length < 4) throw new UsageError("--prefix needs at least 4 characters");
  await migrate(getConfig().database);
  const token = await revokeTokenByPrefix(prefix);
  process.stderr.write(`revoked '${token.name}' (${token.prefix}…) of ${token.owner.email}\n`);
}

async function migrateCommand(args: string[]): Promise<void> {
  flags(args, []);
  const applied = await migrate(getConfig().database);
  process.stderr.write(
    applied.length ? `applied ${applied.join(", ")}\n` : "database is up to date\n",
  );
}

async function seedCommand(args: string[]): Promise<void> {
  let values: { demo?: boolean; force?: boolean };
  try {
    const options = { demo: { type: "boolean" as const }, force: { type: "boolean" as const } };
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (!values.demo) throw new UsageError("seed needs --demo (the only data set so far)");
  await migrate(getConfig().database);
  const made = await seedDemoData({ force: values.force ?? false });
  process.stderr.write(
    `seeded ${made.regions} regions, ${made.accounts} accounts, ${made.contacts} contacts, ` +
      `${made.resources} resources, ${made.jobs} jobs and ${made.allocations} allocations\n`,
  );
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  "user create": userCreate,
  "token create": tokenCreate,
  "token revoke": tokenRevoke,
  migrate: migrateCommand,
  seed: seedCommand,
  worker: async (args) => {
    flags(args, []);
    await runStandaloneWorker();
  },
};

function findCommand(argv: string[]): [(args: string[]) => Promise<void>, string[]] {
  const [first = "", second = ""] = argv;
  const two = COMMANDS[`${first} ${second}`];
  if (two) return [two, argv.slice(2)];
  const one = COMMANDS[first];
  if (one) return [one, argv.slice(1)];
  throw new UsageError(
    first ? `unknown command '${argv.slice(0, 2).join(" ")}'` : "no command given",
  );
}

/** Runs the CLI and returns its exit code: 0 done, 1 failed, 2 bad usage. */
export async function main(argv: string[]): Promise<number> {
  try {
    if (argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
      process.stdout.write(`${USAGE}\n`);

      return 0;
    }
    const [command, args] = findCommand(argv);
    await command(args);

    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tripline: ${error.message}\n\n${USAGE}\n`);

      return 2;
    }
    if (error instanceof ZodError) {
      const lines = error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`);
      process.stderr.write(`tripline: ${lines.join("; ")}\n\n${USAGE}\n`);

      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`tripline: ${message}\n`);

    return 1;
  } finally {
    await getDb().$disconnect();
  }
}
