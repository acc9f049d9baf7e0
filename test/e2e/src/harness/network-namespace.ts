import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const ip = (...args: string[]) =>
  execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const tc = (...args: string[]) =>
  execFileSync('tc', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * A network namespace of its own, joined to this one by a virtual link (iproute2's veth): a
 * process run in it is on "another machine" with its own address, reaching this one only over
 * the link, which the test can cut silently (every packet dropped, both ends' links up, as a
 * dead switch or cable would) and heal.
 *
 * @example
 * const net = NetworkNamespace.create();
 * if (typeof net === 'string') return skip(net);
 * spawn('ip', ['netns', 'exec', net.name, 'node', 'worker.js']);
 * net.cut(); net.heal(); net.destroy();
 */
export class NetworkNamespace {
  readonly name: string;
  /** This side's address on the link: what a process in the namespace connects to. */
  readonly hostAddress: string;
  /** The namespace's own address. */
  readonly address: string;
  readonly #hostLink: string;
  readonly #innerLink: string;
  #cut = false;

  private constructor(tag: string, hostAddress: string, address: string) {
    this.name = `tidings-${tag}`;
    this.#hostLink = `tdg${tag}h`;
    this.#innerLink = `tdg${tag}n`;
    this.hostAddress = hostAddress;
    this.address = address;
  }

  /**
   * Makes the namespace and its link, or says why it cannot (not root, no iproute2, a kernel
   * or container without namespaces).
   */
  static create(): NetworkNamespace | string {
    if (process.getuid?.() !== 0) return 'network namespaces need root';
    const [a = 0, b = 0, c = 0] = randomBytes(3);
    // A /30 in 10.200-249.x.y, unlikely to meet another test's or the host's.
    const subnet = `10.${200 + (a % 50)}.${b}`;
    const base = (c % 64) * 4;
    const host = `${subnet}.${base + 1}`;
    const inner = `${subnet}.${base + 2}`;
    const net = new NetworkNamespace(randomBytes(3).toString('hex').slice(0, 5), host, inner);
    try {
      ip('netns', 'add', net.name);
      ip('link', 'add', net.#hostLink, 'type', 'veth', 'peer', 'name', net.#innerLink);
      ip('link', 'set', net.#innerLink, 'netns', net.name);
      ip('addr', 'add', `${host}/30`, 'dev', net.#hostLink);
      ip('link', 'set', net.#hostLink, 'up');
      ip('-n', net.name, 'addr', 'add', `${inner}/30`, 'dev', net.#innerLink);
      ip('-n', net.name, 'link', 'set', net.#innerLink, 'up');
      ip('-n', net.name, 'link', 'set', 'lo', 'up');
      return net;
    } catch (error) {
      net.destroy();
      const stderr = (error as { stderr?: string }).stderr?.trim();
      return `cannot make a network namespace here (${stderr || (error as Error).message})`;
    }
  }

  /** The command prefix that runs a program inside the namespace. */
  get exec(): string[] {
    return ['ip', 'netns', 'exec', this.name];
  }

  /**
   * Cuts the link silently: a token bucket with a one-byte bucket on both ends drops every
   * packet (none fits), while the links stay up and no error reaches either side.
   */
  cut(): void {
    const drop = ['root', 'tbf', 'rate', '1kbit', 'burst', '1', 'latency', '1ms'];
    tc('qdisc', 'add', 'dev', this.#hostLink, ...drop);
    tc('-n', this.name, 'qdisc', 'add', 'dev', this.#innerLink, ...drop);
    this.#cut = true;
  }

  /** Lets packets through again. */
  heal(): void {
    if (!this.#cut) return;
    tc('qdisc', 'del', 'dev', this.#hostLink, 'root');
    tc('-n', this.name, 'qdisc', 'del', 'dev', this.#innerLink, 'root');
    this.#cut = false;
  }

  /** Removes the link and the namespace (processes still in it should be stopped first). */
  destroy(): void {
    try {
      ip('link', 'del', this.#hostLink);
    } catch {
      // Not made, or gone with the namespace.
    }
    try {
      ip('netns', 'del', this.name);
    } catch {
      // Not made.
    }
  }
}
