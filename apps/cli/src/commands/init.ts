import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { boolOpt, stringOpt, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { DEFAULT_SCHEMA_URL, starterSpec } from '../init/starter-spec.js';
import { DEFAULT_SPEC_DIR } from '../spec-source.js';

/** A word as a POSIX shell reads it back unchanged. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export const initCommand: Command = {
  name: 'init',
  summary: 'Write a starter spec for a new service that validates and builds as it is.',
  usage: 'monspec init [DIR] [--service NAME] [--schema URL|PATH] [--force]',
  options: {
    schema: { type: 'string', help: `The JSON Schema each file names for editors (default: ${DEFAULT_SCHEMA_URL}), e.g. ../node_modules/@monspec/cli/dist/schema/monspec.schema.json (the copy the installed package ships).` },
    service: { type: 'string', help: 'Service name (lowercase, dashes); default: the directory\'s parent name or "my-service".' },
    force: { type: 'boolean', help: 'Write into a directory that already has files (overwrites the starter\'s files).' },
  },
  positionals: { min: 0, max: 1 },
  examples: ['monspec init monitoring --service checkout', 'monspec init && monspec validate --all-envs'],
  async run(args, io) {
    const dir = resolve(io.cwd, args.positionals[0] ?? 'monitoring');
    const guess = basename(resolve(dir, '..')).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
    const service = stringOpt(args, 'service') ?? (/^[a-z][a-z0-9-]*$/.test(guess) ? guess : 'my-service');
    if (!/^[a-z][a-z0-9-]*$/.test(service)) throw new UsageError(`Unexpected service name "${service}", expected lowercase letters, digits and dashes`);
    if (existsSync(dir) && readdirSync(dir).length > 0 && !boolOpt(args, 'force')) {
      throw new UsageError(`Unexpected non-empty directory ${dir}, expected an empty or new one (or --force)`);
    }
    mkdirSync(dir, { recursive: true });
    const files = starterSpec(service, stringOpt(args, 'schema'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    io.err(`wrote ${Object.keys(files).length} spec files for ${service} to ${dir}`);
    // Runnable as printed from here: ./monitoring is found without --spec, anything else is named.
    const specFlag = dir === resolve(io.cwd, DEFAULT_SPEC_DIR) ? '' : ` --spec ${shellWord(args.positionals[0] ?? dir)}`;
    io.err(`next: ${['validate', 'build', 'test'].map((c) => `npx monspec ${c}${specFlag} --all-envs`).join(' && ')}`);
    return EXIT.ok;
  },
};
