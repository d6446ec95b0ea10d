/**
 * The passphrase for command-line use: from AXIS_PASSPHRASE, or typed at a prompt that does not
 * echo. Never taken from the command line, where other users and shell history could see it.
 */
export async function readPassphrase(prompt: string): Promise<string> {
  return readSecret('AXIS_PASSPHRASE', 'the passphrase', prompt);
}

/** Secrets already taken out of the environment (a command may ask twice). */
const taken = new Map<string, string>();
let passphraseFd: number | null = null;

/** `--passphrase-fd N`: read the passphrase from file descriptor N (a pipe), never from argv or the environment. */
export function readPassphraseFromFd(fd: number): void {
  passphraseFd = fd;
}

/**
 * A secret from `--passphrase-fd`, an environment variable, or typed without echo in a terminal.
 * A variable is removed from the environment once read, so child processes and workers do not
 * inherit it (the operating system may still show a process's initial environment to its owner
 * and root: `--passphrase-fd` avoids that).
 */
export async function readSecret(variable: string, what: string, prompt: string): Promise<string> {
  if (variable === 'AXIS_PASSPHRASE' && passphraseFd !== null && !taken.has(variable)) {
    const { readFileSync } = await import('node:fs');
    let text: string;
    try {
      text = readFileSync(passphraseFd, 'utf8');
    } catch {
      throw new Error(`Could not read the passphrase from file descriptor ${passphraseFd}.`);
    }
    taken.set(variable, text.split(/\r?\n/)[0] ?? '');
  }
  const fromEnv = process.env[variable];
  if (fromEnv) {
    taken.set(variable, fromEnv);
    delete process.env[variable];
  }
  const secret = taken.get(variable);
  if (secret) return secret;
  if (!process.stdin.isTTY) {
    throw new Error(`Set ${variable} or run this in a terminal to type ${what}.`);
  }
  return promptHidden(prompt);
}

/** Asks a yes/no question in a terminal (visible typing); false unless the answer is "yes". */
export async function confirm(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await prompt.question(question)).trim().toLowerCase() === 'yes';
  } finally {
    prompt.close();
  }
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    let typed = '';
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return done();
        if (char === '\u0003') return done(new Error('Cancelled.'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
