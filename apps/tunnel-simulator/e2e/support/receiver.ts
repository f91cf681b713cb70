/**
 * The loopback receiver Alertmanager delivers to: one HTTP server for the Slack and PagerDuty
 * webhooks (`/slack/<contact point>`, `/pagerduty/<contact point>`) and a minimal SMTP server
 * (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS, no auth) for email. Every notification is
 * recorded with the contact point it reached, its status and the alert names it is about.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Notification {
  readonly contactPoint: string;
  readonly kind: 'slack' | 'pagerduty' | 'email';
  readonly status: 'firing' | 'resolved';
  readonly alertnames: readonly string[];
  /** The whole payload as text (JSON body, or the decoded email). */
  readonly text: string;
}

/** Quoted-printable decoding (Alertmanager's email bodies are QP-encoded). */
function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function names(text: string): string[] {
  return [...new Set([...text.matchAll(/alertname(?: = |=|: ?)"?([A-Za-z][A-Za-z0-9_]*)/g)].map((m) => m[1] as string))].sort();
}

export class Receiver {
  readonly notifications: Notification[] = [];
  private http: Server | undefined;
  private smtp: TcpServer | undefined;
  private readonly sockets = new Set<Socket>();
  httpPort = 0;
  smtpPort = 0;

  /** `emailContactPoints`: address → contact point name, to attribute a mail to its receiver. */
  constructor(private readonly emailContactPoints: ReadonlyMap<string, string>) {}

  async start(): Promise<void> {
    this.http = createHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const [, kind, contactPoint] = (req.url ?? '').split('/');
        if (kind === 'slack' && contactPoint) {
          const payload = JSON.parse(body) as { attachments?: { title?: string }[] };
          const title = payload.attachments?.[0]?.title ?? '';
          const alertname = /^\[(?:FIRING|RESOLVED)[^\]]*\] (\S+)/.exec(title)?.[1];
          this.notifications.push({ contactPoint, kind: 'slack', status: title.startsWith('[RESOLVED') ? 'resolved' : 'firing', alertnames: alertname ? [alertname] : names(body), text: body });
          res.writeHead(200).end('ok');
        } else if (kind === 'pagerduty' && contactPoint) {
          const payload = JSON.parse(body) as { event_action?: string };
          this.notifications.push({ contactPoint, kind: 'pagerduty', status: payload.event_action === 'resolve' ? 'resolved' : 'firing', alertnames: names(body), text: body });
          res.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"success","message":"Event processed"}');
        } else {
          res.writeHead(404).end();
        }
      });
    });
    this.smtp = createTcpServer((socket) => this.smtpSession(socket));
    this.httpPort = await listen(this.http);
    this.smtpPort = await listen(this.smtp);
  }

  private smtpSession(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = '';
    let inData = false;
    let data = '';
    let rcpt: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 e2e-receiver ESMTP');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            this.recordMail(rcpt, data);
            rcpt = [];
            data = '';
            reply('250 2.0.0 queued');
          } else data += `${line.startsWith('..') ? line.slice(1) : line}\r\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') reply('250-e2e-receiver\r\n250 8BITMIME');
        else if (verb === 'HELO') reply('250 e2e-receiver');
        else if (verb === 'MAIL') reply('250 2.1.0 ok');
        else if (verb === 'RCPT') {
          rcpt.push((/<([^>]*)>/.exec(line)?.[1] ?? '').toLowerCase());
          reply('250 2.1.5 ok');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end data with <CR><LF>.<CR><LF>');
        } else if (verb === 'RSET' || verb === 'NOOP') reply('250 ok');
        else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 5.5.2 not implemented');
      }
    });
  }

  private recordMail(rcpt: readonly string[], raw: string): void {
    const text = decodeQuotedPrintable(raw);
    const subject = /^Subject: (.*)$/im.exec(raw)?.[1] ?? '';
    const alertname = /^\[(?:FIRING|RESOLVED)[^\]]*\] (\S+)/.exec(subject)?.[1];
    for (const to of rcpt) {
      const contactPoint = this.emailContactPoints.get(to) ?? `unknown:${to}`;
      this.notifications.push({ contactPoint, kind: 'email', status: subject.startsWith('[RESOLVED') ? 'resolved' : 'firing', alertnames: alertname ? [alertname] : names(text), text });
    }
  }

  about(alertname: string): Notification[] {
    return this.notifications.filter((n) => n.alertnames.includes(alertname));
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await Promise.all([this.http, this.smtp].map((s) => (s ? new Promise<void>((resolve) => s.close(() => resolve())) : Promise.resolve())));
    this.http?.closeAllConnections();
  }
}

async function listen(server: Server | TcpServer): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return (server.address() as AddressInfo).port;
}
