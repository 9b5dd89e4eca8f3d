/**
 * A small client for Firefox's built-in Marionette server (no geckodriver): one TCP connection,
 * messages framed as `LENGTH:JSON` (LENGTH counts UTF-8 bytes), commands `[0, id, name, params]`,
 * replies `[1, id, error, result]`. The server speaks first with a hello object.
 */
import { connect as tcpConnect, type Socket } from 'node:net';

export type Context = 'chrome' | 'content';

/** How Marionette serializes a DOM element returned from a script (the W3C WebDriver key). */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
export interface ElementRef {
  [ELEMENT_KEY]: string;
}

export interface Hello {
  applicationType: string;
  marionetteProtocol: number;
}

/** An error reply from Marionette ({ error, message, stacktrace }), thrown by `send`. */
export class MarionetteError extends Error {
  constructor(
    readonly command: string,
    readonly error: string,
    message: string,
    readonly stacktrace?: string,
  ) {
    super(`${command}: ${error}: ${message}`);
    this.name = 'MarionetteError';
  }
}

type Pending = { name: string; resolve: (value: unknown) => void; reject: (error: Error) => void };

export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private closedError: Error | undefined;
  private helloWaiter: { resolve: (h: Hello) => void; reject: (e: Error) => void } | undefined;

  private constructor(private socket: Socket) {
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('Marionette connection closed')));
  }

  /** Connects and waits for the hello; rejects if the port is closed or nothing answers in time. */
  static async connect(port: number, host = '127.0.0.1', timeoutMs = 5_000): Promise<{ client: Marionette; hello: Hello }> {
    const socket = tcpConnect({ port, host });
    const client = new Marionette(socket);
    const hello = new Promise<Hello>((resolve, reject) => (client.helloWaiter = { resolve, reject }));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No Marionette hello on port ${port} within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return { client, hello: await Promise.race([hello, timeout]) };
    } catch (error) {
      client.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends one command and resolves with its result; an error reply is thrown as MarionetteError. */
  send<T = unknown>(name: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closedError) return Promise.reject(new Error(`${name}: ${this.closedError.message}`));
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, name, params]), 'utf8');
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { name, resolve: resolve as (v: unknown) => void, reject });
      this.socket.write(`${body.length}:`);
      this.socket.write(body);
    });
  }

  // WebDriver:NewSession takes the capabilities object; `moz:webdriverClick` gives spec clicks
  // (interactability checks, real pointer events) rather than the legacy synthesized ones.
  newSession(capabilities: Record<string, unknown> = {}): Promise<{ sessionId: string; capabilities: Record<string, unknown> }> {
    return this.send('WebDriver:NewSession', { capabilities: { alwaysMatch: { 'moz:webdriverClick': true, ...capabilities } } });
  }

  /** Installs an add-on from an unpacked directory or .xpi; resolves with its id. */
  async installAddon(path: string, temporary: boolean): Promise<string> {
    return unwrap(await this.send('Addon:Install', { path, temporary }));
  }

  async setContext(context: Context): Promise<void> {
    await this.send('Marionette:SetContext', { value: context });
  }

  /**
   * Runs `script` as a function body (use `return`, read `arguments[i]`) in the current context.
   * Elements in `args`/the result travel as ElementRef.
   */
  async executeScript<T = unknown>(script: string, args: unknown[] = []): Promise<T> {
    return unwrap(await this.send('WebDriver:ExecuteScript', { script, args }));
  }

  async getWindowHandle(): Promise<string> {
    return unwrap(await this.send('WebDriver:GetWindowHandle'));
  }

  async getWindowHandles(): Promise<string[]> {
    return unwrap(await this.send('WebDriver:GetWindowHandles'));
  }

  async switchToWindow(handle: string): Promise<void> {
    await this.send('WebDriver:SwitchToWindow', { handle, focus: true });
  }

  /** Closes the current tab; resolves with the handles left. Switch to one of them afterwards. */
  async closeWindow(): Promise<string[]> {
    return unwrap(await this.send('WebDriver:CloseWindow'));
  }

  async elementClick(element: ElementRef): Promise<void> {
    await this.send('WebDriver:ElementClick', { id: element[ELEMENT_KEY] });
  }

  /** Asks Firefox to quit (without the "close tabs?" prompts); the connection closes with it. */
  async quit(): Promise<void> {
    await this.send('Marionette:Quit', { flags: ['eForceQuit'] });
  }

  close(): void {
    this.socket.destroy();
    this.fail(new Error('Marionette connection closed'));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a); // ':'
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (!Number.isInteger(length)) return this.fail(new Error(`Bad Marionette frame: ${this.buffer.subarray(0, 40).toString()}`));
      if (this.buffer.length < colon + 1 + length) return;
      const json = this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8');
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.onMessage(JSON.parse(json));
    }
  }

  private onMessage(message: unknown): void {
    if (!Array.isArray(message)) {
      this.helloWaiter?.resolve(message as Hello);
      this.helloWaiter = undefined;
      return;
    }
    const [type, id, error, result] = message as [number, number, { error: string; message: string; stacktrace?: string } | null, unknown];
    if (type !== 1) return; // Marionette sends no commands to clients.
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (error) pending.reject(new MarionetteError(pending.name, error.error, error.message, error.stacktrace));
    else pending.resolve(result);
  }

  private fail(error: Error): void {
    if (this.closedError) return;
    this.closedError = error;
    this.helloWaiter?.reject(error);
    this.helloWaiter = undefined;
    for (const { name, reject } of this.pending.values()) reject(new Error(`${name}: ${error.message}`));
    this.pending.clear();
  }
}

/** Marionette answers arrays as they are and everything else (a script's result too) as `{ value }`. */
function unwrap<T>(result: unknown): T {
  if (Array.isArray(result) || !result || typeof result !== 'object') return result as T;
  return (result as { value: T }).value;
}
