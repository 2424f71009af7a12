import { parseArgs, type ParseArgsConfig } from "node:util";

/** Bad usage or an unusable argument: exit code 2, printed with the command's help when `help` is given. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly help: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** `parseArgs` in strict mode, turning its errors into `UsageError`s that carry the help text. */
export function parseCommand<T extends Options>(argv: string[], options: T, help: string) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), help);
  }
}

/** Exactly `count` positionals, or a UsageError. */
export function positionals(values: string[], names: string[], help: string): string[] {
  if (values.length !== names.length) {
    const expected = names.map((name) => `<${name}>`).join(" ");
    throw new UsageError(
      values.length < names.length
        ? `missing ${expected}`
        : `unexpected argument: ${values[names.length] ?? ""}`,
      help,
    );
  }
  return values;
}
